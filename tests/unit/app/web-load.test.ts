import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSY_AT, CALM_AT, watchWebLoad } from "../../../app/server/web-load";

// The web process's load, from the CPU it used over the last half second: a clock and a CPU
// counter stand in for the process, moved on by the test one 100 ms period at a time.
afterEach(() => vi.useRealTimers());

function webProcess() {
  let wall = 0;
  let cpu = 0;
  let periods = 0;
  /** The next `count` periods of 100 ms, using `share` of a core in each. */
  const run = (share: number, count = 1) => {
    for (let i = 0; i < count; i++) {
      periods++;
      wall += 100;
      cpu += 100 * share;
      vi.advanceTimersByTime(100);
    }
  };
  return { opts: { now: () => wall, cpuMs: () => cpu }, run, periods: () => periods };
}

describe("the web process's load", () => {
  it("turns busy when the last half second used 45% of a core, and calm again only under 30%", () => {
    vi.useFakeTimers();
    const p = webProcess();
    const changes: Array<[number, boolean]> = [];
    const stop = watchWebLoad((busy) => changes.push([p.periods(), busy]), p.opts);
    p.run(0.15, 10); // 200 webhooks a second: never busy
    p.run(1, 1); // one slow period: the average of five is 32%, not busy
    p.run(0.15, 5);
    p.run(0.7, 3); // 1,000 a second: the average reaches 26%, 37%, then 48% in the third period
    p.run(0.35, 10); // between the lines: still busy
    p.run(0.15, 5); // the average falls to 31%, then 27% in the second period
    stop();
    p.run(0.9, 5);
    expect(changes).toEqual([
      [19, true],
      [31, false],
    ]);
    expect(BUSY_AT).toBeGreaterThan(CALM_AT);
  });

  it("says nothing while the load stays on one side", () => {
    vi.useFakeTimers();
    const p = webProcess();
    const changes: boolean[] = [];
    const stop = watchWebLoad((busy) => changes.push(busy), p.opts);
    p.run(0.2, 20);
    stop();
    expect(changes).toEqual([]);
  });
});
