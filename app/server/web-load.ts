import { processCpuMs } from "./cpu-budget";

/** Busy once the process used this share of a core over the last half second... */
export const BUSY_AT = 0.45;
/** ...and no longer once that fell under this one (a gap, so a load near one line does not flap). */
export const CALM_AT = 0.3;
const PERIOD_MS = 100;
/** Periods averaged: a single slow period (a collection, a checkpoint) is not a busy process. */
const PERIODS = 5;

/**
 * Whether the web process is busy, from the CPU it used over the last half second (read every
 * 100 ms; all its threads). On two cores it uses about 0.15 of a core at 200 webhooks a second and
 * 0.7 at 1,000. CPU time, not how long its event loop was at work: that also counts the time the
 * loop waited for a core, and a worker process taking a whole core beside it made 200 webhooks a
 * second look as busy as 1,000. `onChange` hears each change, starting from not busy. Returns a
 * stop function.
 */
export function watchWebLoad(
  onChange: (busy: boolean) => void,
  opts: { cpuMs?: () => number; now?: () => number; periodMs?: number } = {},
): () => void {
  const cpuMs = opts.cpuMs ?? processCpuMs;
  const now = opts.now ?? (() => performance.now());
  const samples = [{ at: now(), cpu: cpuMs() }];
  let busy = false;
  const timer = setInterval(() => {
    samples.push({ at: now(), cpu: cpuMs() });
    if (samples.length > PERIODS + 1) samples.shift();
    const first = samples[0];
    const last = samples[samples.length - 1];
    // Until five periods have passed, the share of what has.
    const share = last.at > first.at ? (last.cpu - first.cpu) / (last.at - first.at) : 0;
    const next = busy ? share >= CALM_AT : share >= BUSY_AT;
    if (next !== busy) {
      busy = next;
      onChange(busy);
    }
  }, opts.periodMs ?? PERIOD_MS);
  timer.unref();
  return () => clearInterval(timer);
}
