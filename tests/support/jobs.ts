import { db } from "../../app/db.server";
import { BullQueue } from "../../app/jobs/bullmq-queue.server";
import { handlers } from "../../app/jobs/handlers.server";
import { DbQueue } from "../../app/jobs/db-queue.server";
import { queue, setQueue } from "../../app/jobs/queue.server";
import type { JobHandlers, JobName } from "../../app/jobs/types";
import { scaleOutQueue, setScaleOutClock, testRedisUrl } from "./scale-out";

/** True when the suite runs on the scale-out stack (BullMQ; see tests/support/scale-out.ts). */
export const scaleOut = Boolean(testRedisUrl);

/** Handlers that only record each job as "<name> <its payload's last value>", in the order they ran. */
export function namingHandlers(ran: string[]): JobHandlers {
  const record = (name: JobName) => async (payload: object) => void ran.push(`${name} ${Object.values(payload).at(-1)}`);
  return Object.fromEntries((Object.keys(handlers) as JobName[]).map((name) => [name, record(name)])) as unknown as JobHandlers;
}

/** The virtual clock of a test that called useVirtualTime(); null means real time. */
let virtual: { now: Date } | null = null;

/**
 * From now on the queue (enqueues included: webhook ingest schedules its jobs "now") runs on a
 * virtual clock starting at `start`; runAllJobs moves it. Undo with useRealTime().
 */
export function useVirtualTime(start: Date): void {
  virtual = { now: start };
  const clock = virtual;
  if (scaleOut) {
    setScaleOutClock(() => clock.now);
    setQueue(scaleOutQueue());
  } else setQueue(new DbQueue(db, { now: () => clock.now }));
}

export function useRealTime(): void {
  virtual = null;
  if (scaleOut) {
    setScaleOutClock(() => new Date());
    setQueue(scaleOutQueue());
  } else setQueue(undefined);
}

/** The virtual clock's time (it moves as runAllJobs runs jobs), or null on real time. */
export function virtualNow(): Date | null {
  return virtual ? virtual.now : null;
}

/** Set the virtual clock (useVirtualTime first). */
export function setClock(at: Date): void {
  if (!virtual) throw new Error("setClock needs useVirtualTime()");
  virtual.now = at;
}

/**
 * Settle everything happening now: run every due job, and fast-forward a virtual clock through
 * retries (jobs that already ran and wait on backoff). First runs scheduled for later (timed
 * checks, settling delay notices) stay in the future unless `until` lets the clock go there.
 * Works on either queue: the database's, or BullMQ's on the scale-out run.
 */
export async function runAllJobs(opts: { start?: Date; until?: Date; maxRounds?: number } = {}): Promise<{ runs: number; clock: Date }> {
  let clock = opts.start ?? virtual?.now ?? new Date();
  const tick = (at: Date) => {
    clock = at;
    if (virtual) virtual.now = at;
  };
  tick(clock);
  let runs = 0;
  for (let round = 0; round < (opts.maxRounds ?? 200); round++) {
    const q = queue();
    runs += await q.drain(handlers, { now: () => clock });
    const next = q instanceof BullQueue ? await q.nextRunAt({ until: opts.until }) : await nextDbRunAt(opts.until);
    if (!next) break;
    tick(new Date(Math.max(clock.getTime(), next.getTime()) + 1));
  }
  if (opts.until && clock < opts.until) tick(opts.until);
  return { runs, clock };
}

async function nextDbRunAt(until: Date | undefined): Promise<Date | null> {
  const next = await db.job.findFirst({
    where: { status: "QUEUED", ...(until ? { runAt: { lte: until } } : { attempts: { gt: 0 } }) },
    orderBy: { runAt: "asc" },
    select: { runAt: true },
  });
  return next?.runAt ?? null;
}

/** Jobs of this name waiting to run (queued or scheduled), earliest first, on either queue. */
export async function pendingJobs(name: JobName): Promise<Array<{ runAt: Date; payload: unknown }>> {
  const q = queue();
  if (q instanceof BullQueue) return q.pending(name);
  const rows = await db.job.findMany({ where: { name, status: "QUEUED" }, orderBy: { runAt: "asc" } });
  return rows.map((j) => ({ runAt: j.runAt, payload: JSON.parse(j.payload) as unknown }));
}

/** How many jobs of this name exist, whatever their state (finished ones included), on either queue. */
export async function countJobs(name: JobName): Promise<number> {
  const q = queue();
  if (q instanceof BullQueue) {
    const jobs = await q.queue.getJobs(["waiting", "delayed", "prioritized", "active", "completed", "failed"], 0, -1);
    return jobs.filter((j) => j.name === name).length;
  }
  return db.job.count({ where: { name } });
}
