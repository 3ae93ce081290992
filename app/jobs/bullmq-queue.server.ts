import crypto from "node:crypto";
import { Queue, Worker, type Job, type JobsOptions } from "bullmq";
import { sqlRunner } from "../db/runner.server";
import { execute } from "../db/sql.server";
import { afterCommit } from "../db/transaction.server";
import { log } from "../log.server";
import { backoffMs } from "./backoff";
import { finishJobRow, insertJobRow } from "./job-rows.server";
import {
  RetryLater,
  type EnqueueOptions,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type QueueStats,
  type RunningWorker,
  defaultMaxAttempts,
  jobPriority,
} from "./types";

/** See BullQueueOptions.maxStalledCount. */
const DEFAULT_MAX_STALLED_COUNT = 10;
/** The sweeper's job name (internal: not a JobName, no business handler). */
const SWEEP = "sweep-orphans";
const SWEEP_SCHEDULER = "herald-sweeper";
/** Our backoff strategy's name in BullMQ job options; the worker resolves it (settings.backoffStrategy). */
const BACKOFF_TYPE = "herald";
/** On a manual clock (tests) delayed jobs wait this long in Redis's own terms: only drain() promotes them. */
const MANUAL_HOLD_MS = 365 * 24 * 3_600_000;

/** What a BullMQ job carries: the payload and when it is due by the queue's clock. */
interface JobData {
  payload: unknown;
  /** Epoch ms. Enqueue time or runAt; moved on each retry. */
  runAt: number;
  /** A recorded job's key: its row in the Job table is closed when the job is done or dead. */
  recorded?: string;
}

export interface BullQueueOptions {
  /** redis://host:port (REDIS_URL). */
  url: string;
  /** BullMQ queue name. */
  name?: string;
  /** Redis key prefix (several Heralds, or test workers, can share one Redis). */
  prefix?: string;
  /** The clock `runAt` is read against (tests pass a virtual one). */
  now?: () => Date;
  /**
   * Tests on a virtual clock: Redis never promotes a delayed job by itself (its timer runs on
   * real time); drain() promotes the jobs that are due by `now`.
   */
  manualTime?: boolean;
  /** Delay before retry `attempt` (1-based) after a failure. Default: exponential with jitter from 2 s. */
  backoff?: (attempt: number) => number;
  /**
   * Re-enqueue the work whose job may have been lost between a database commit and Redis
   * (app/jobs/sweeper.server.ts). Run by a repeatable job every `sweepEveryMs` while a worker runs.
   */
  sweep?: (queue: BullQueue, now: Date) => Promise<unknown>;
  sweepEveryMs?: number;
  /** A worker's claim on a job (renewed while it runs); a killed worker's job is retaken after it. */
  lockDurationMs?: number;
  /**
   * How often workers look for jobs whose lock expired (stalled). Default 5 s: a killed worker's
   * job is retaken 30 to 40 s after its last lock renewal (BullMQ's 30 s default made it up to 90).
   * One short Redis script per period for the whole queue (a shared key skips the other workers' checks).
   */
  stalledIntervalMs?: number;
  /**
   * How many times a job may stall (its worker died under it) and still be handed to another
   * worker; one more and BullMQ dead-letters it. Default 10: a crash only delays a job (as an
   * expired lease does in the embedded queue), and only a job that took ten workers down with it
   * is treated as the cause.
   */
  maxStalledCount?: number;
}

/**
 * BullMQ does not allow ":" in custom job ids (Redis key separator) nor ids that look like
 * integers (its own counter). Percent-encode, keeping the mapping one-to-one.
 */
export function bullJobId(key: string): string {
  const id = key.replaceAll("%", "%25").replaceAll(":", "%3A");
  return `${parseInt(id, 10)}` === id ? `%${id}` : id;
}

/**
 * The scale-out queue: BullMQ on Redis, behind the same JobQueue interface as the embedded
 * DbQueue. Keys become job ids (BullMQ ignores an add while a job with that id exists), runAt
 * becomes a delay, failures retry with our backoff (RetryLater's delay when given) and a job
 * out of attempts stays in the failed set (the dead letter). Redis cannot join a database
 * transaction: an enqueue inside one is sent after it commits (app/db/transaction.server.ts),
 * and the sweeper covers a crash in between.
 */
export class BullQueue implements JobQueue {
  readonly name: string;
  readonly prefix: string;
  /** The producer side (enqueue, stats); workers have their own connections. */
  readonly queue: Queue<JobData>;
  private readonly connection: { url: string };
  private readonly now: () => Date;
  private readonly manualTime: boolean;
  private readonly backoff: (attempt: number) => number;
  private readonly opts: BullQueueOptions;
  private drainer: Worker<JobData> | undefined;
  /** The retry delay decided for a failure, read back by BullMQ's backoff strategy. */
  private readonly retryDelays = new WeakMap<object, number>();
  /** Failures that came out of a handler (logged by failed()), as opposed to BullMQ's own. */
  private readonly handlerFailures = new WeakSet<object>();

  constructor(opts: BullQueueOptions) {
    this.opts = opts;
    this.name = opts.name ?? "herald";
    this.prefix = opts.prefix ?? "herald";
    this.connection = { url: opts.url };
    this.now = opts.now ?? (() => new Date());
    this.manualTime = opts.manualTime ?? false;
    this.backoff = opts.backoff ?? ((a) => backoffMs(a));
    this.queue = new Queue<JobData>(this.name, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: {
        // Completed jobs are kept a day: their ids keep deduplicating keyed enqueues meanwhile.
        removeOnComplete: { age: 24 * 3600, count: 100_000 },
        // Failed jobs (out of attempts) are the dead letter: kept for an operator.
        removeOnFail: false,
      },
    });
    this.queue.on("error", (error) => log.error("queue.redis_error", { error: String(error) }));
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<void> {
    const { tx, ...rest } = opts;
    if (opts.recorded) {
      // The durable record first, with the job's cause: the sweeper enqueues it again from there.
      if (!opts.key) throw new Error(`A recorded job needs a key (job "${name}")`);
      const row = insertJobRow(name, payload, { runAt: opts.runAt ?? this.now(), key: opts.key, maxAttempts: opts.maxAttempts });
      if (tx) await execute(tx, row);
      else await (await sqlRunner()).run(row);
    }
    // After commit: the job must never run before the rows it reads exist.
    if (tx) afterCommit(tx, () => this.add(name, payload, rest));
    else await this.add(name, payload, rest);
  }

  /**
   * Add a job to Redis only. A `recorded` job's row must exist already (enqueue() writes it; a
   * write set writes it with its rows, app/jobs/writes.server.ts).
   */
  async add(name: JobName, payload: unknown, opts: Omit<EnqueueOptions, "tx">): Promise<void> {
    const now = this.now().getTime();
    const runAt = opts.runAt?.getTime() ?? now;
    const delay = Math.max(0, runAt - now);
    const jobOpts: JobsOptions = {
      attempts: opts.maxAttempts ?? defaultMaxAttempts(name),
      backoff: { type: BACKOFF_TYPE },
    };
    if (opts.key) jobOpts.jobId = bullJobId(opts.key);
    const priority = jobPriority(name);
    if (priority > 0) jobOpts.priority = priority;
    if (delay > 0) jobOpts.delay = this.manualTime ? MANUAL_HOLD_MS : delay;
    const data: JobData = { payload, runAt };
    if (opts.recorded && opts.key) data.recorded = opts.key;
    await this.queue.add(name, data, jobOpts);
  }

  /** Close a recorded job's row once BullMQ is done with the job (a failure here is healed by the sweeper). */
  private async finishRecord(job: Job<JobData>, outcome: { status: "DONE" | "DEAD"; error?: string; at: Date }): Promise<void> {
    if (!job.data.recorded) return;
    await (await sqlRunner())
      .run(finishJobRow(job.data.recorded, outcome))
      .catch((error: unknown) => log.error("job.record_not_closed", { job: job.id, name: job.name, error: error instanceof Error ? error.message : String(error) }));
  }

  /** BullMQ asks this for the delay before a retry; the processor decided it (see failed()). */
  private readonly backoffStrategy = (attemptsMade: number, _type?: string, err?: Error): number => {
    const delay = (err && this.retryDelays.get(err)) ?? this.backoff(attemptsMade);
    return this.manualTime ? MANUAL_HOLD_MS : Math.max(0, delay);
  };

  private workerOptions(concurrency: number) {
    return {
      connection: this.connection,
      prefix: this.prefix,
      concurrency,
      settings: { backoffStrategy: this.backoffStrategy },
      lockDuration: this.opts.lockDurationMs ?? 30_000,
      stalledInterval: this.opts.stalledIntervalMs ?? 5_000,
      maxStalledCount: this.opts.maxStalledCount ?? DEFAULT_MAX_STALLED_COUNT,
    };
  }

  /** Run one job's handler. A failure is rethrown for BullMQ to retry or dead-letter. */
  private async run(job: Job<JobData>, handlers: JobHandlers, now: () => Date): Promise<void> {
    if (job.name === SWEEP) {
      await this.opts.sweep?.(this, now());
      return;
    }
    const handler = handlers[job.name as JobName] as ((p: unknown, c: unknown) => Promise<void>) | undefined;
    try {
      if (!handler) throw new Error(`No handler for job "${job.name}"`);
      const attempt = job.attemptsMade + 1;
      await handler(job.data.payload, { id: job.id, attempt, lastAttempt: attempt >= (job.opts.attempts ?? 1), now });
    } catch (error) {
      throw await this.failed(job, error, now());
    }
    await this.finishRecord(job, { status: "DONE", at: now() });
  }

  /** Decide what a failure means: a retry after a delay (recorded on the job) or the dead letter. */
  private async failed(job: Job<JobData>, error: unknown, now: Date): Promise<Error> {
    const err = error instanceof Error ? error : new Error(String(error));
    this.handlerFailures.add(err);
    const attempt = job.attemptsMade + 1;
    if (attempt >= (job.opts.attempts ?? 1)) {
      log.error("job.dead", { job: job.id, name: job.name, attempts: attempt, error: err.message });
      await this.finishRecord(job, { status: "DEAD", error: err.message, at: now });
      return err;
    }
    const delay = err instanceof RetryLater && err.delayMs !== undefined ? err.delayMs : this.backoff(attempt);
    this.retryDelays.set(err, delay);
    await job.updateData({ ...job.data, runAt: now.getTime() + delay });
    if (!(err instanceof RetryLater)) log.warn("job.retry", { job: job.id, name: job.name, attempt, error: err.message });
    return err;
  }

  start(handlers: JobHandlers, opts: { concurrency?: number; pollMs?: number } = {}): RunningWorker {
    const id = `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
    const worker = new Worker<JobData>(this.name, (job) => this.run(job, handlers, this.now), {
      ...this.workerOptions(opts.concurrency ?? 4),
      name: id,
    });
    worker.on("error", (error) => log.error("queue.worker_error", { worker: id, error: String(error) }));
    // A job BullMQ fails by itself (it stalled more than maxStalledCount times) never reaches our
    // handler's failure path: say it is dead here, or it would sit in the dead letter unnoticed.
    worker.on("failed", (job, error) => {
      if (job && !this.handlerFailures.has(error)) {
        log.error("job.dead", { job: job.id, name: job.name, stalls: job.stalledCounter, error: error.message });
        void this.finishRecord(job, { status: "DEAD", error: error.message, at: this.now() });
      }
    });
    if (this.opts.sweep) {
      // Every worker upserts the same scheduler: one sweep per period, whichever worker takes it.
      this.queue
        .upsertJobScheduler(
          SWEEP_SCHEDULER,
          { every: this.opts.sweepEveryMs ?? 30_000 },
          { name: SWEEP, data: { payload: {}, runAt: 0 }, opts: { removeOnComplete: true, removeOnFail: 10, attempts: 1 } },
        )
        .catch((error) => log.error("queue.sweeper_schedule_failed", { error: String(error) }));
    }
    return { id, stop: () => worker.close() };
  }

  /**
   * Run every job that is due by `now` (and the due jobs those enqueue) in this process, one at
   * a time, until none is left. Tools and tests; a delayed job is due when its runAt has come by
   * this clock, whatever Redis's own timer says.
   */
  async drain(handlers: JobHandlers, opts: { now?: () => Date; max?: number } = {}): Promise<number> {
    const now = opts.now ?? this.now;
    this.drainer ??= new Worker<JobData>(this.name, null, { ...this.workerOptions(1), autorun: false });
    const worker = this.drainer;
    const max = opts.max ?? 10_000;
    let ran = 0;
    while (ran < max) {
      await this.promoteDue(now());
      const token = crypto.randomUUID();
      const job = await worker.getNextJob(token, { block: false });
      if (!job) break;
      try {
        await this.run(job, handlers, now);
        await job.moveToCompleted(null, token, false);
      } catch (error) {
        await job.moveToFailed(error as Error, token, false);
      }
      ran++;
    }
    return ran;
  }

  /** Move the delayed jobs due by `now` to the wait list, earliest first. */
  private async promoteDue(now: Date): Promise<void> {
    const due = (await this.queue.getDelayed(0, -1))
      .filter((job) => job.data.runAt <= now.getTime())
      .sort((a, b) => a.data.runAt - b.data.runAt);
    for (const job of due) {
      // Taken or promoted meanwhile (by Redis's timer or another process): fine.
      await job.promote().catch(() => {});
    }
  }

  /**
   * The earliest runAt among delayed jobs, by this queue's clock: with `until`, of any delayed
   * job due by then; without, of retries only (jobs that already ran and wait on backoff).
   */
  async nextRunAt(opts: { until?: Date } = {}): Promise<Date | null> {
    let next: number | null = null;
    for (const job of await this.queue.getDelayed(0, -1)) {
      const eligible = opts.until ? job.data.runAt <= opts.until.getTime() : job.attemptsMade > 0;
      if (eligible && (next === null || job.data.runAt < next)) next = job.data.runAt;
    }
    return next === null ? null : new Date(next);
  }

  /** Jobs waiting to run (waiting or delayed), with their payload and due time. Tools and tests. */
  async pending(name?: JobName): Promise<Array<{ id: string; name: string; payload: unknown; runAt: Date; attempts: number }>> {
    const jobs = await this.queue.getJobs(["waiting", "delayed", "prioritized"], 0, -1);
    return jobs
      .filter((j) => !name || j.name === name)
      .map((j) => ({ id: j.id!, name: j.name, payload: j.data.payload, runAt: new Date(j.data.runAt), attempts: j.attemptsMade }))
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  async stats(): Promise<QueueStats> {
    const c = await this.queue.getJobCounts("waiting", "delayed", "prioritized", "active", "failed", "completed");
    return {
      queued: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0),
      running: c.active ?? 0,
      dead: c.failed ?? 0,
      done: c.completed ?? 0,
    };
  }

  /** Remove every job and scheduler of this queue (tests, between cases). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.drainer?.close();
    this.drainer = undefined;
    await this.queue.close();
  }
}
