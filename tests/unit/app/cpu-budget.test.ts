import { describe, expect, it } from "vitest";
import { CpuBudget } from "../../../app/server/cpu-budget";

// A process's own cap on its CPU: a clock and a CPU counter stand in for the machine, and each
// pause the budget asks for moves the clock on by as much (the process spends no CPU meanwhile).
function machine() {
  const m = { wall: 0, cpu: 0, pauses: [] as number[] };
  const budget = new CpuBudget({
    burstMs: 10,
    now: () => m.wall,
    cpuMs: () => m.cpu,
    sleep: async (ms) => {
      m.pauses.push(ms);
      m.wall += ms;
    },
  });
  /** The process works `ms` of CPU over `ms` of wall time. */
  const work = (ms: number) => {
    m.wall += ms;
    m.cpu += ms;
  };
  return { m, budget, work };
}

describe("a CPU budget", () => {
  it("lets a process without a cap run at once, however much it has spent", async () => {
    const { m, budget, work } = machine();
    work(500);
    await budget.wait();
    expect(m.pauses).toEqual([]);
    expect(budget.limited).toBeNull();
  });

  it("keeps a process to its share: 40 ms of CPU at a quarter of a core takes 160 ms of wall time, less its 10 ms burst", async () => {
    const { m, budget, work } = machine();
    budget.limit(0.25);
    work(40);
    await budget.wait();
    // It had a 10 ms burst and earned 10 ms while working 40: 20 ms owed, at 0.25 ms per ms.
    expect(m.wall).toBe(120);
    expect(m.pauses.reduce((a, b) => a + b, 0)).toBe(80);
  });

  it("averages out to the share over many jobs", async () => {
    const { m, budget, work } = machine();
    budget.limit(0.5);
    for (let i = 0; i < 1_000; i++) {
      await budget.wait();
      work(3);
    }
    await budget.wait();
    expect(m.cpu / m.wall).toBeGreaterThan(0.49);
    expect(m.cpu / m.wall).toBeLessThanOrEqual(0.5 + 10 / m.wall);
  });

  it("forgets what was spent before the cap, and runs freely again once it is lifted", async () => {
    const { m, budget, work } = machine();
    work(1_000);
    budget.limit(0.25);
    await budget.wait();
    expect(m.pauses).toEqual([]);
    work(40);
    budget.limit(null);
    await budget.wait();
    expect(m.pauses).toEqual([]);
  });

  it("refuses a share of nothing", () => {
    expect(() => new CpuBudget().limit(0)).toThrow(RangeError);
  });
});
