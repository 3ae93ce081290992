import { db } from "../../app/db.server";
import { handlers } from "../../app/jobs/handlers.server";
import { queue } from "../../app/jobs/queue.server";

/**
 * Run every job, including ones scheduled for later (retries with backoff), by moving a
 * virtual clock to each next run time. Returns how many job runs happened and the final clock.
 */
export async function runAllJobs(opts: { start?: Date; maxRounds?: number } = {}): Promise<{ runs: number; clock: Date }> {
  let clock = opts.start ?? new Date();
  let runs = 0;
  for (let round = 0; round < (opts.maxRounds ?? 100); round++) {
    runs += await queue().drain(handlers, { now: () => clock });
    const next = await db.job.findFirst({ where: { status: "QUEUED" }, orderBy: { runAt: "asc" }, select: { runAt: true } });
    if (!next) break;
    clock = new Date(Math.max(clock.getTime(), next.runAt.getTime()) + 1);
  }
  return { runs, clock };
}
