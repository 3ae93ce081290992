import { log } from "../log.server";
import { ensureDigestSchedules } from "../pipeline/digest.server";
import { ensureReconcileSchedules } from "../reconcile/reconcile.server";
import { handlers } from "./handlers.server";
import { scheduleRetention } from "./retention.server";
import { DbQueue } from "./db-queue.server";
import { queue } from "./queue.server";
import type { JobHandlers, RunningWorker } from "./types";

/**
 * Start processing jobs in this process. Stop it before exit to let running jobs finish.
 * `beforeJob` is awaited before each job's handler runs (the process's CPU budget).
 */
export function startWorker(opts: { concurrency?: number; pollMs?: number; beforeJob?: () => Promise<void> } = {}): RunningWorker {
  const { beforeJob, ...queueOpts } = opts;
  const worker = queue().start(beforeJob ? waitingFor(beforeJob, handlers) : handlers, queueOpts);
  // Recurring work lives in the queue; make sure each shop's next digest and check, and the next
  // retention run, are there.
  ensureDigestSchedules(new Date()).catch((error) => log.error("digest.schedule_failed", { error: String(error) }));
  ensureReconcileSchedules(new Date()).catch((error) => log.error("reconcile.schedule_failed", { error: String(error) }));
  scheduleRetention(new Date()).catch((error) => log.error("retention.schedule_failed", { error: String(error) }));
  log.info("worker.started", { worker: worker.id, concurrency: opts.concurrency ?? 4 });
  return worker;
}

/** `handlers`, each awaiting `before` first. */
function waitingFor(before: () => Promise<void>, all: JobHandlers): JobHandlers {
  const wrapped: Record<string, (payload: never, ctx: never) => Promise<void>> = {};
  for (const [name, handler] of Object.entries(all) as Array<[string, (payload: never, ctx: never) => Promise<void>]>) {
    wrapped[name] = async (payload, ctx) => {
      await before();
      await handler(payload, ctx);
    };
  }
  return wrapped as unknown as JobHandlers;
}

/**
 * The embedded default's web and worker processes share the database queue: the web process tells
 * its worker process when it enqueued a job due now (onDueJob), and the worker wakes its idle loops
 * (wakeWorkers) instead of waiting for the next poll. BullMQ's workers wait on Redis already.
 */
export function onDueJob(listener: () => void): () => void {
  const q = queue();
  return q instanceof DbQueue ? q.onDueJob(listener) : () => {};
}

export function wakeWorkers(): void {
  const q = queue();
  if (q instanceof DbQueue) q.wake();
}
