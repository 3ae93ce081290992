import { db } from "../db.server";
import { BullQueue } from "./bullmq-queue.server";
import { DbQueue } from "./db-queue.server";
import type { JobQueue } from "./types";

let instance: JobQueue | undefined;

/**
 * The process's job queue. REDIS_URL unset: the embedded queue in the database (default).
 * REDIS_URL set: BullMQ on that Redis (scale-out), with the sweeper that re-enqueues work whose
 * after-commit enqueue was lost. The business code only sees the JobQueue interface.
 */
export function queue(): JobQueue {
  if (!instance) {
    const url = process.env.REDIS_URL;
    instance = url
      ? new BullQueue({
          url,
          // Loaded when a sweep runs: the sweeper reads the pipeline's settings, which import this module.
          sweep: async (q, now) => (await import("./sweeper.server")).sweepOrphans(q, now),
        })
      : new DbQueue(db);
  }
  return instance;
}

/** Replace the queue (tests use a DbQueue with a controllable clock). Returns the previous one. */
export function setQueue(q: JobQueue | undefined): JobQueue | undefined {
  const previous = instance;
  instance = q;
  return previous;
}
