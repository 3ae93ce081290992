import { db } from "../../app/db.server";
import { handlers } from "../../app/jobs/handlers.server";
import { queue } from "../../app/jobs/queue.server";

/**
 * Settle everything happening now: run every due job, and fast-forward a virtual clock through
 * retries (jobs that already ran and wait on backoff). First runs scheduled for later (timed
 * checks, settling delay notices) stay in the future unless `until` lets the clock go there.
 */
export async function runAllJobs(opts: { start?: Date; until?: Date; maxRounds?: number } = {}): Promise<{ runs: number; clock: Date }> {
  let clock = opts.start ?? new Date();
  let runs = 0;
  for (let round = 0; round < (opts.maxRounds ?? 200); round++) {
    runs += await queue().drain(handlers, { now: () => clock });
    const next = await db.job.findFirst({
      where: { status: "QUEUED", ...(opts.until ? { runAt: { lte: opts.until } } : { attempts: { gt: 0 } }) },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    });
    if (!next) break;
    clock = new Date(Math.max(clock.getTime(), next.runAt.getTime()) + 1);
  }
  return { runs, clock };
}
