import { db } from "../db.server";
import { DbQueue } from "./db-queue.server";
import type { JobQueue } from "./types";

let instance: JobQueue | undefined;

/**
 * The process's job queue. REDIS_URL unset: the embedded queue in the database (default).
 * The business code only sees the JobQueue interface.
 */
export function queue(): JobQueue {
  if (!instance) {
    if (process.env.REDIS_URL) {
      throw new Error("REDIS_URL is set but the BullMQ queue is not available in this build; unset REDIS_URL to use the database queue");
    }
    instance = new DbQueue(db);
  }
  return instance;
}

/** Replace the queue (tests use a DbQueue with a controllable clock). Returns the previous one. */
export function setQueue(q: JobQueue | undefined): JobQueue | undefined {
  const previous = instance;
  instance = q;
  return previous;
}
