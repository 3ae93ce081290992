// Date itself on a virtual clock. Herald takes "now" from its job context, but some rows take their
// time from `new Date()` (Prisma's @default(now()) on Message.createdAt, sentAt when a send finishes),
// and the delay rules read Message.createdAt back (24 h spacing between notices). A story played on a
// virtual clock must give those the story's time too, or a notice "sent yesterday" would be dated today.

type DateArgs = [] | [string | number | Date] | [number, number, number?, number?, number?, number?, number?];

/**
 * Make `Date` (new Date(), Date.now()) read `now()` until the returned function is called. Dates built
 * from a value are untouched. Instances stay real Dates (same prototype), so `instanceof Date` holds
 * for dates made before, during and after.
 */
export function followClock(now: () => number): () => void {
  const RealDate = globalThis.Date;
  function VirtualDate(this: unknown, ...args: DateArgs): Date | string {
    if (!new.target) return new RealDate(now()).toString();
    if (args.length === 0) return new RealDate(now());
    return new (RealDate as unknown as new (...a: DateArgs) => Date)(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.assign(VirtualDate, { now: () => now(), parse: RealDate.parse, UTC: RealDate.UTC });
  globalThis.Date = VirtualDate as unknown as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

/** A clock that starts at `start` and runs `rate` times faster than real time (a worker process's). */
export function runningClock(start: Date, rate = 1): () => number {
  // performance.now, not Date.now: Date may be following this very clock.
  const realStart = performance.now();
  const startMs = start.getTime();
  return () => Math.round(startMs + (performance.now() - realStart) * rate);
}
