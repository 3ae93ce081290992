import crypto from "node:crypto";
import type { Db, Tx } from "../db.server";
import { log } from "../log.server";
import { backoffMs } from "./backoff";
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

const DEFAULT_MAX_ATTEMPTS = 8;

export interface DbQueueOptions {
  /** How long a claimed job is reserved for its worker; a crashed worker's job is taken over after it. */
  leaseMs?: number;
  now?: () => Date;
  backoff?: (attempt: number) => number;
}

type JobRow = { id: string; name: string; payload: string; attempts: number; maxAttempts: number };

/**
 * The embedded durable queue: jobs are rows in the application database, so a job enqueued in
 * the same transaction as the rows that caused it can never be lost or orphaned. Claims are
 * leases (conditional updates), so a worker killed with kill -9 only delays its job.
 */
export class DbQueue implements JobQueue {
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private readonly backoff: (attempt: number) => number;

  constructor(
    private readonly db: Db,
    opts: DbQueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.now = opts.now ?? (() => new Date());
    this.backoff = opts.backoff ?? ((a) => backoffMs(a));
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<void> {
    const client: Tx = opts.tx ?? this.db;
    if (opts.key) {
      // Checked first rather than caught: a unique violation would abort a PostgreSQL transaction.
      const existing = await client.job.findUnique({ where: { key: opts.key }, select: { id: true } });
      if (existing) return;
    }
    await client.job.create({
      data: {
        name,
        payload: JSON.stringify(payload),
        key: opts.key ?? null,
        runAt: opts.runAt ?? this.now(),
        maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      },
    });
  }

  /** Claim one due job (queued and due, or running with an expired lease). */
  async claim(workerId: string, now = this.now()): Promise<JobRow | null> {
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db.job.findFirst({
        where: {
          OR: [
            { status: "QUEUED", runAt: { lte: now } },
            { status: "RUNNING", lockedUntil: { lt: now } },
          ],
        },
        orderBy: { runAt: "asc" },
        select: { id: true, status: true, lockedUntil: true, attempts: true },
      });
      if (!candidate) return null;
      const taken = await this.db.job.updateMany({
        where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
        data: {
          status: "RUNNING",
          lockedBy: workerId,
          lockedUntil: new Date(now.getTime() + this.leaseMs),
          attempts: { increment: 1 },
        },
      });
      if (taken.count === 1) {
        return this.db.job.findUniqueOrThrow({
          where: { id: candidate.id },
          select: { id: true, name: true, payload: true, attempts: true, maxAttempts: true },
        });
      }
      // Another worker won the race for this row: look again.
    }
    return null;
  }

  /** Run one claimed job and record its outcome. */
  async run(job: JobRow, handlers: JobHandlers, workerId: string, now: () => Date): Promise<void> {
    const handler = handlers[job.name as JobName] as ((p: unknown, c: unknown) => Promise<void>) | undefined;
    try {
      if (!handler) throw new Error(`No handler for job "${job.name}"`);
      await handler(JSON.parse(job.payload), { id: job.id, attempt: job.attempts, now });
      await this.db.job.updateMany({
        where: { id: job.id, lockedBy: workerId },
        data: { status: "DONE", finishedAt: now(), lockedBy: null, lockedUntil: null, lastError: null },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = job.attempts >= job.maxAttempts;
      const delay = error instanceof RetryLater && error.delayMs !== undefined ? error.delayMs : this.backoff(job.attempts);
      await this.db.job.updateMany({
        where: { id: job.id, lockedBy: workerId },
        data: dead
          ? { status: "DEAD", lastError: message, lockedBy: null, lockedUntil: null, finishedAt: now() }
          : {
              status: "QUEUED",
              lastError: message,
              lockedBy: null,
              lockedUntil: null,
              runAt: new Date(now().getTime() + delay),
            },
      });
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
    let wake: (() => void) | null = null;

    const loop = async () => {
      while (!stopping) {
        let job: JobRow | null = null;
        try {
          job = await this.claim(id);
        } catch (error) {
          log.error("queue.claim_failed", { error: String(error) });
        }
        if (job) {
          await this.run(job, handlers, id, this.now);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    const loops = Array.from({ length: concurrency }, () => loop());
    return {
      id,
      stop: async () => {
        stopping = true;
        (wake as (() => void) | null)?.();
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
