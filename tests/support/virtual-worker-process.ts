// A real worker process on a virtual clock, for crash tests of timed jobs:
//   node --import tsx tests/support/virtual-worker-process.ts
// HERALD_TEST_CLOCK     ISO time the process's clock starts at (Date and the queue follow it)
// HERALD_TEST_CLOCK_RATE how much faster than real time that clock runs (default 1)
// HERALD_TEST_HANG      "<job name>:before" or "<job name>:after": when the worker runs such a job it
//                       stops there for good (before the handler, or after the handler committed and
//                       before the queue marks the job done), prints "worker-hung <job id>" and waits
//                       to be killed — a crash at a chosen point, without racing the job.
import { followClock, runningClock } from "./virtual-date";

const start = process.env.HERALD_TEST_CLOCK ? new Date(process.env.HERALD_TEST_CLOCK) : new Date();
// The clock stands at `start` while the app loads (seconds, which a fast clock would turn into hours)
// and runs from the moment the worker starts.
let now = () => start.getTime();
followClock(() => now());

// Imported after the clock is in place.
const { handlers } = await import("../../app/jobs/handlers.server");
const { queue } = await import("../../app/jobs/queue.server");
type Handlers = typeof handlers;

function withCrashPoint(all: Handlers, spec: string | undefined): Handlers {
  if (!spec) return all;
  const [name, when] = spec.split(":") as [keyof Handlers, "before" | "after"];
  const original = all[name] as (payload: unknown, ctx: { id: string }) => Promise<void>;
  const hang = async (ctx: { id: string }) => {
    process.stdout.write(`worker-hung ${ctx.id}\n`);
    await new Promise(() => {});
  };
  return {
    ...all,
    [name]: async (payload: unknown, ctx: { id: string }) => {
      if (when === "before") await hang(ctx);
      await original(payload, ctx);
      await hang(ctx);
    },
  } as Handlers;
}

now = runningClock(start, Number(process.env.HERALD_TEST_CLOCK_RATE ?? 1));
queue().start(withCrashPoint(handlers, process.env.HERALD_TEST_HANG), { concurrency: 1, pollMs: 25 });
process.stdout.write("worker-ready\n");
