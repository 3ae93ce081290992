import { log } from "../log.server";
import { handlers } from "./handlers.server";
import { queue } from "./queue.server";
import type { RunningWorker } from "./types";

/** Start processing jobs in this process. Stop it before exit to let running jobs finish. */
export function startWorker(opts: { concurrency?: number; pollMs?: number } = {}): RunningWorker {
  const worker = queue().start(handlers, opts);
  log.info("worker.started", { worker: worker.id, concurrency: opts.concurrency ?? 4 });
  return worker;
}
