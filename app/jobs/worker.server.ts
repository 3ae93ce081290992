import { log } from "../log.server";
import { ensureDigestSchedules } from "../pipeline/digest.server";
import { ensureReconcileSchedules } from "../reconcile/reconcile.server";
import { handlers } from "./handlers.server";
import { queue } from "./queue.server";
import type { RunningWorker } from "./types";

/** Start processing jobs in this process. Stop it before exit to let running jobs finish. */
export function startWorker(opts: { concurrency?: number; pollMs?: number } = {}): RunningWorker {
  const worker = queue().start(handlers, opts);
  // Recurring work lives in the queue; make sure each shop's next digest is there.
  ensureDigestSchedules(new Date()).catch((error) => log.error("digest.schedule_failed", { error: String(error) }));
  ensureReconcileSchedules(new Date()).catch((error) => log.error("reconcile.schedule_failed", { error: String(error) }));
  log.info("worker.started", { worker: worker.id, concurrency: opts.concurrency ?? 4 });
  return worker;
}
