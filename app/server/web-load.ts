import { performance, type EventLoopUtilization } from "node:perf_hooks";

/** Busy once the event loop worked this share of a period... */
export const BUSY_AT = 0.3;
/** ...and no longer once it fell under this one (a gap, so a load near one line does not flap). */
export const CALM_AT = 0.15;
const PERIOD_MS = 100;

/**
 * Whether the web process is busy, from how much of each 100 ms its event loop spent working
 * (its utilization: a webhook takes a few hundred microseconds of it, so about 500 a second make
 * it busy). `onChange` hears each change, starting from not busy. Returns a stop function.
 */
export function watchWebLoad(
  onChange: (busy: boolean) => void,
  opts: { utilization?: (current?: EventLoopUtilization, previous?: EventLoopUtilization) => EventLoopUtilization; periodMs?: number } = {},
): () => void {
  const utilization = opts.utilization ?? ((current, previous) => performance.eventLoopUtilization(current, previous));
  let last = utilization();
  let busy = false;
  const timer = setInterval(() => {
    const now = utilization();
    const share = utilization(now, last).utilization;
    last = now;
    const next = busy ? share >= CALM_AT : share >= BUSY_AT;
    if (next !== busy) {
      busy = next;
      onChange(busy);
    }
  }, opts.periodMs ?? PERIOD_MS);
  timer.unref();
  return () => clearInterval(timer);
}
