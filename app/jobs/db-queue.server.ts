import crypto from "node:crypto";
import type { Db } from "../db.server";
import { dialect } from "../db/dialect.server";
import { sqlRunnerFor, type SqlRunner } from "../db/runner.server";
import { execute, raw, sql, type Sql } from "../db/sql.server";
import { log } from "../log.server";
import { backoffMs } from "./backoff";
import { insertJobRow } from "./job-rows.server";
import {
  RetryLater,
  type EnqueueOptions,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
  type QueueStats,
  type RunningWorker,
} from "./types";

/** The longest a worker loop waits after repeated failures before it tries again. */
const MAX_FAILURE_PAUSE_MS = 30_000;

export interface DbQueueOptions {
  /** How long a claimed job is reserved for its worker; a crashed worker's job is taken over after it. */
  leaseMs?: number;
  now?: () => Date;
  backoff?: (attempt: number) => number;
}

type JobRow = { id: string; name: string; payload: string; attempts: number; maxAttempts: number };

/** Why a job whose lease ran out on its last permitted run is given up rather than run again. */
const WORKER_LOST =
  "Gave up: the worker running this job stopped (crashed or was killed) during its last permitted run, and its lease expired; a job that takes its worker down is not run again";

/**
 * The embedded durable queue: jobs are rows in the application database, so a job enqueued in
 * the same transaction as the rows that caused it can never be lost or orphaned. Claims are
 * leases (conditional updates), so a worker killed with kill -9 only delays its job.
 */
export class DbQueue implements JobQueue {
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly backoff: (attempt: number) => number;
  /** Wake-ups of this process's idle worker loops (see wakeIdleLoops). */
  private readonly sleepers = new Set<() => void>();
  private wakeScheduled = false;
  /** Told when a job due now was enqueued here (the web process tells its worker process). */
  private readonly dueListeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    opts: DbQueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.now = opts.now ?? (() => new Date());
    this.backoff = opts.backoff ?? ((a) => backoffMs(a));
  }

  private runner(): Promise<SqlRunner> {
    return sqlRunnerFor(this.db);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<void> {
    const statement = this.insertJob(name, payload, opts);
    if (opts.tx) await execute(opts.tx, statement);
    else await (await this.runner()).run(statement);
  }

  /**
   * The statement that enqueues a job (app/jobs/job-rows.server.ts).
   *
   * A job due now also wakes this process's idle worker loops (once the code that runs the
   * statement has yielded): a webhook's job, or the delivery a job decides, starts at once rather
   * than after the poll interval. A loop woken before the job is committed finds nothing and
   * sleeps again; on SQLite its claim waits for an open transaction on the connection anyway.
   */
  insertJob<N extends JobName>(name: N, payload: JobPayloads[N], opts: Omit<EnqueueOptions, "tx"> = {}): Sql {
    const runAt = opts.runAt ?? this.now();
    if (runAt.getTime() <= this.now().getTime()) this.wakeIdleLoops();
    return insertJobRow(name, payload, { runAt, key: opts.key, maxAttempts: opts.maxAttempts });
  }

  /**
   * Cut the poll pause of every idle loop short, on the next turn of the event loop (whoever is
   * idle then: a loop whose empty claim raced the insert has gone to sleep by then).
   */
  private wakeIdleLoops(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      for (const wake of [...this.sleepers]) wake();
      for (const listener of this.dueListeners) listener();
    });
  }

  /** Wake this process's idle loops: another process enqueued a job due now. */
  wake(): void {
    this.wakeIdleLoops();
  }

  /** Call `listener` (at most once a turn of the event loop) when a job due now is enqueued here. */
  onDueJob(listener: () => void): () => void {
    this.dueListeners.add(listener);
    return () => this.dueListeners.delete(listener);
  }

  /**
   * Claim one due job in one statement: first a job whose worker's lease ran out (a crashed worker's),
   * then the queued job due the longest among those that send, then among the rest (jobPriority).
   * Each is its own lookup in the (status, priority, runAt) index, so a claim reads one index entry
   * however long the backlog (one lookup with OR, or ordered by priority, sorted every due job).
   * On PostgreSQL, SKIP LOCKED lets concurrent workers take different rows; SQLite runs one writer
   * at a time, so the statement is atomic as it is.
   *
   * Every claim counts as a run (`attempts`). A job whose lease ran out on its last permitted run
   * is not run again but dead-lettered by the same statement, with the reason as its error: a job
   * that kills its worker process every time would otherwise be retaken after every lease, forever.
   */
  async claim(workerId: string, now = this.now()): Promise<JobRow | null> {
    for (;;) {
      const row = await this.claimOrGiveUp(workerId, now);
      if (!row) return null;
      if (row.status !== "DEAD") return { id: row.id, name: row.name, payload: row.payload, attempts: Number(row.attempts), maxAttempts: Number(row.maxAttempts) };
      log.error("job.dead", { job: row.id, name: row.name, attempts: Number(row.attempts), error: WORKER_LOST });
    }
  }

  private async claimOrGiveUp(workerId: string, now: Date): Promise<(JobRow & { status: string }) | undefined> {
    const lock = dialect === "postgresql" ? raw("FOR UPDATE SKIP LOCKED") : raw("");
    // The right-hand sides read the row as it was before this update.
    const exhausted = raw(`"status" = 'RUNNING' AND "attempts" >= "maxAttempts"`);
    // PostgreSQL types a parameter in a CASE branch as text, which a timestamp column refuses.
    const timestamp = (at: Date) => (dialect === "postgresql" ? sql`CAST(${at} AS TIMESTAMP(3))` : sql`${at}`);
    return (await this.runner()).get<JobRow & { status: string }>(sql`
      UPDATE "Job"
      SET "status" = CASE WHEN ${exhausted} THEN 'DEAD' ELSE 'RUNNING' END,
          "lockedBy" = CASE WHEN ${exhausted} THEN NULL ELSE ${workerId} END,
          "lockedUntil" = CASE WHEN ${exhausted} THEN NULL ELSE ${timestamp(new Date(now.getTime() + this.leaseMs))} END,
          "lastError" = CASE WHEN ${exhausted} THEN ${WORKER_LOST} ELSE "lastError" END,
          "finishedAt" = CASE WHEN ${exhausted} THEN ${timestamp(now)} ELSE "finishedAt" END,
          "attempts" = CASE WHEN ${exhausted} THEN "attempts" ELSE "attempts" + 1 END,
          "updatedAt" = ${new Date()}
      WHERE "id" = COALESCE(
        (SELECT "id" FROM "Job" WHERE "status" = 'RUNNING' AND "lockedUntil" < ${now} ORDER BY "runAt" LIMIT 1 ${lock}),
        (SELECT "id" FROM "Job" WHERE "status" = 'QUEUED' AND "priority" = 0 AND "runAt" <= ${now} ORDER BY "runAt" LIMIT 1 ${lock}),
        (SELECT "id" FROM "Job" WHERE "status" = 'QUEUED' AND "priority" = 1 AND "runAt" <= ${now} ORDER BY "runAt" LIMIT 1 ${lock})
      )
      RETURNING "id", "name", "payload", "attempts", "maxAttempts", "status"`);
  }

  /** Run one claimed job and record its outcome (only while this worker still holds the job). */
  async run(job: JobRow, handlers: JobHandlers, workerId: string, now: () => Date): Promise<void> {
    const handler = handlers[job.name as JobName] as ((p: unknown, c: unknown) => Promise<void>) | undefined;
    const runner = await this.runner();
    try {
      if (!handler) throw new Error(`No handler for job "${job.name}"`);
      await handler(JSON.parse(job.payload), { id: job.id, attempt: job.attempts, lastAttempt: job.attempts >= job.maxAttempts, now });
      await runner.run(sql`
        UPDATE "Job" SET "status" = 'DONE', "finishedAt" = ${now()}, "lockedBy" = NULL, "lockedUntil" = NULL,
                         "lastError" = NULL, "updatedAt" = ${new Date()}
        WHERE "id" = ${job.id} AND "lockedBy" = ${workerId}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = job.attempts >= job.maxAttempts;
      const delay = error instanceof RetryLater && error.delayMs !== undefined ? error.delayMs : this.backoff(job.attempts);
      if (dead) {
        await runner.run(sql`
          UPDATE "Job" SET "status" = 'DEAD', "lastError" = ${message}, "lockedBy" = NULL, "lockedUntil" = NULL,
                           "finishedAt" = ${now()}, "updatedAt" = ${new Date()}
          WHERE "id" = ${job.id} AND "lockedBy" = ${workerId}`);
      } else {
        await runner.run(sql`
          UPDATE "Job" SET "status" = 'QUEUED', "lastError" = ${message}, "lockedBy" = NULL, "lockedUntil" = NULL,
                           "runAt" = ${new Date(now().getTime() + delay)}, "updatedAt" = ${new Date()}
          WHERE "id" = ${job.id} AND "lockedBy" = ${workerId}`);
      }
      if (dead) log.error("job.dead", { job: job.id, name: job.name, attempts: job.attempts, error: message });
      else if (!(error instanceof RetryLater)) log.warn("job.retry", { job: job.id, name: job.name, attempt: job.attempts, error: message });
    }
  }

  async drain(handlers: JobHandlers, opts: { now?: () => Date; max?: number } = {}): Promise<number> {
    const now = opts.now ?? this.now;
    const workerId = `drain-${crypto.randomUUID()}`;
    let ran = 0;
    const max = opts.max ?? 10_000;
    while (ran < max) {
      const job = await this.claim(workerId, now());
      if (!job) break;
      await this.run(job, handlers, workerId, now);
      ran++;
    }
    return ran;
  }

  start(handlers: JobHandlers, opts: { concurrency?: number; pollMs?: number } = {}): RunningWorker {
    const id = `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
    const concurrency = opts.concurrency ?? 4;
    const pollMs = opts.pollMs ?? 200;
    let stopping = false;
    const stops = new Set<() => void>();

    // An idle loop's pause ends early when a job due now is enqueued in this process; a pause after
    // failures (a database locked or gone) does not, so it keeps backing off. stop() ends both.
    const pause = (delayMs: number, wakeable: boolean) =>
      new Promise<void>((resolve) => {
        const end = () => {
          clearTimeout(timer);
          this.sleepers.delete(end);
          stops.delete(end);
          resolve();
        };
        const timer = setTimeout(end, delayMs);
        stops.add(end);
        if (wakeable) this.sleepers.add(end);
      });

    // A loop must outlive any failure (database locked or gone, an outcome that could not be
    // written): it logs, backs off and carries on. A job whose outcome was not recorded stays
    // claimed until its lease ends, then runs again (handlers are idempotent).
    const loop = async () => {
      let failures = 0;
      while (!stopping) {
        try {
          const job = await this.claim(id);
          failures = 0;
          if (job) {
            await this.run(job, handlers, id, this.now);
            continue;
          }
        } catch (error) {
          failures++;
          log.error("queue.loop_failed", { worker: id, failures, error: errorKind(error) });
        }
        await pause(failures === 0 ? pollMs : Math.min(pollMs * 2 ** failures, MAX_FAILURE_PAUSE_MS), failures === 0);
      }
    };
    const loops = Array.from({ length: concurrency }, () => loop());
    return {
      id,
      stop: async () => {
        stopping = true;
        for (const end of [...stops]) end();
        await Promise.all(loops);
      },
    };
  }

  async stats(): Promise<QueueStats> {
    const rows = await this.db.job.groupBy({ by: ["status"], _count: { _all: true } });
    const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
    return { queued: count("QUEUED"), running: count("RUNNING"), dead: count("DEAD"), done: count("DONE") };
  }

  async close(): Promise<void> {}
}

/** What kind of error stopped a loop, without its message (messages can carry row data). */
function errorKind(error: unknown): string {
  if (typeof error !== "object" || error === null) return typeof error;
  const { code, name } = error as { code?: unknown; name?: unknown };
  return [typeof name === "string" ? name : "Error", typeof code === "string" ? code : null].filter(Boolean).join(" ");
}
