import type { EventLoopUtilization } from "node:perf_hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSY_AT, CALM_AT, watchWebLoad } from "../../../app/server/web-load";

// The web process's load, from its event loop's utilization each 100 ms: a counter of active
// milliseconds stands in for the loop, moved on by the test before each period ends.
afterEach(() => vi.useRealTimers());

function loop() {
  let active = 0;
  let elapsed = 0;
  const read = (): EventLoopUtilization => ({ idle: elapsed - active, active, utilization: elapsed ? active / elapsed : 0 });
  const utilization = (current?: EventLoopUtilization, previous?: EventLoopUtilization): EventLoopUtilization => {
    if (!current) return read();
    const a = current.active - (previous?.active ?? 0);
    const i = current.idle - (previous?.idle ?? 0);
    return { active: a, idle: i, utilization: a + i ? a / (a + i) : 0 };
  };
  /** The next 100 ms period, with the loop working `share` of it. */
  const period = (share: number) => {
    active += 100 * share;
    elapsed += 100;
    vi.advanceTimersByTime(100);
  };
  return { utilization, period };
}

describe("the web process's load", () => {
  it("turns busy at a period of 30% and calm again only under 15%", () => {
    vi.useFakeTimers();
    const { utilization, period } = loop();
    const changes: boolean[] = [];
    const stop = watchWebLoad((busy) => changes.push(busy), { utilization });
    for (const share of [0.1, 0.29, BUSY_AT, 0.2, CALM_AT, 0.5, 0.14, 0.1, 0.3]) period(share);
    stop();
    period(0.9);
    // busy at 30%, still busy at 20% and 15%, calm at 14%, busy at 30%; nothing after stop().
    expect(changes).toEqual([true, false, true]);
  });

  it("says nothing while the load stays on one side", () => {
    vi.useFakeTimers();
    const { utilization, period } = loop();
    const changes: boolean[] = [];
    const stop = watchWebLoad((busy) => changes.push(busy), { utilization });
    for (let i = 0; i < 20; i++) period(0.05);
    stop();
    expect(changes).toEqual([]);
  });
});
