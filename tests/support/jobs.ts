import { db } from "../../app/db.server";
import { handlers } from "../../app/jobs/handlers.server";
import { DbQueue } from "../../app/jobs/db-queue.server";
import { queue, setQueue } from "../../app/jobs/queue.server";

/** The virtual clock of a test that called useVirtualTime(); null means real time. */
let virtual: { now: Date } | null = null;

/**
 * From now on the queue (enqueues included: webhook ingest schedules its jobs "now") runs on a
 * virtual clock starting at `start`; runAllJobs moves it. Undo with useRealTime().
 */
export function useVirtualTime(start: Date): void {
  virtual = { now: start };
  const clock = virtual;
  setQueue(new DbQueue(db, { now: () => clock.now }));
}

export function useRealTime(): void {
  virtual = null;
  setQueue(undefined);
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
    runs += await queue().drain(handlers, { now: () => clock });
    const next = await db.job.findFirst({
      where: { status: "QUEUED", ...(opts.until ? { runAt: { lte: opts.until } } : { attempts: { gt: 0 } }) },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    });
    if (!next) break;
    tick(new Date(Math.max(clock.getTime(), next.runAt.getTime()) + 1));
  }
  if (opts.until && clock < opts.until) tick(opts.until);
  return { runs, clock };
}
