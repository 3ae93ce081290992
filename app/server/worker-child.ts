// The embedded default's worker: `npm start` (HERALD_WORKER=inline) runs jobs in a child process
// that it starts, restarts if it dies and stops with itself. Jobs render templates, call providers
// and write to SQLite synchronously; in their own process they never hold up a webhook's ack.
import { fork, type ChildProcess } from "node:child_process";

const MAX_RESTART_DELAY_MS = 30_000;

export interface SupervisedWorker {
  /** Tell the worker a job is due now (it skips the rest of its poll pause). */
  wake(): void;
  /** Tell the worker whether the web process is busy (it keeps to a share of a core while it is). */
  webBusy(busy: boolean): void;
  stop(): Promise<void>;
}

/** What the web process tells its worker process. */
export type ParentMessage = "wake" | { webBusy: boolean };

/**
 * Start `<entry> worker [--dev]` and keep one running until stop(). The entry is this process's
 * own unless given, with this process's node flags unless `execArgv` is given.
 */
export function superviseWorker(opts: { dev: boolean; entry?: string; execArgv?: string[] }): SupervisedWorker {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartDelay = 1_000;
  let restartTimer: NodeJS.Timeout | undefined;
  let busy = false;
  const send = (message: ParentMessage) => {
    if (child?.connected) child.send(message, () => {});
  };

  const start = () => {
    const startedAt = Date.now();
    const proc = fork(opts.entry ?? process.argv[1], ["worker", ...(opts.dev ? ["--dev"] : [])], { stdio: "inherit", execArgv: opts.execArgv });
    child = proc;
    // A new worker starts without a cap: once it listens, tell it if the web process is busy now.
    proc.on("message", (message) => {
      if (message === "listening" && busy) send({ webBusy: true });
    });
    proc.once("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      // A worker that ran a while before dying restarts at once; one that keeps dying backs off.
      restartDelay = Date.now() - startedAt > 60_000 ? 1_000 : Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
      console.error(JSON.stringify({ level: "error", event: "worker.exited", code, signal, restartInMs: restartDelay }));
      restartTimer = setTimeout(start, restartDelay);
    });
  };
  start();

  return {
    wake: () => send("wake"),
    webBusy: (value) => {
      busy = value;
      send({ webBusy: value });
    },
    stop: async () => {
      stopping = true;
      clearTimeout(restartTimer);
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * In the child: shut down when the parent is gone (its IPC channel closes), so a killed web process
 * never leaves an orphan worker behind.
 */
export function exitWithParent(shutdown: () => void): void {
  if (process.send) process.once("disconnect", shutdown);
}

/** In the child: `wake` when the parent says a job is due, `webBusy` when it says how busy it is. */
export function onParentMessage(handlers: { wake: () => void; webBusy: (busy: boolean) => void }): void {
  process.on("message", (message: ParentMessage) => {
    if (message === "wake") handlers.wake();
    else if (typeof message === "object" && message !== null && typeof message.webBusy === "boolean") handlers.webBusy(message.webBusy);
  });
  process.send?.("listening", () => {});
}
