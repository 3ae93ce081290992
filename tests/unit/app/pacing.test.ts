import { describe, expect, it } from "vitest";
import { batchIntervalMs, nextBatchSlot, waitForBatchSlot } from "../../../app/channels/pacing.server";

// Batch calls to an email provider account are spaced a little more than 1/rate apart, measured from
// when the previous call really started.
const clock = () => performance.timeOrigin + performance.now();

describe("the pacing of batch calls", () => {
  it("is 2% under the provider's rate: 511 ms apart at Resend's default 2 requests per second", () => {
    expect(batchIntervalMs()).toBe(511);
  });

  it("starts each call one interval after the previous one, whoever asks, in the order they asked", async () => {
    const account = `test-${Math.random()}`;
    const starts: Array<[string, number]> = [];
    await Promise.all(["a", "b", "c"].map((who) => waitForBatchSlot(account).then(() => starts.push([who, clock()]))));
    expect(starts.map(([who]) => who)).toEqual(["a", "b", "c"]);
    // A timer never fires early by more than a rounding millisecond; under load it fires late, never early.
    for (let i = 1; i < starts.length; i++) expect(starts[i][1] - starts[i - 1][1]).toBeGreaterThanOrEqual(batchIntervalMs() - 1);
    expect(nextBatchSlot(account)).toBeGreaterThanOrEqual(starts[2][1] + batchIntervalMs() - 1);
  });

  it("counts from when a late call really started, and waits for a slot handed over by an earlier run", async () => {
    const account = `test-${Math.random()}`;
    await waitForBatchSlot(account);
    // The previous call started late (a busy machine): its successor keeps its distance from it.
    await new Promise((r) => setTimeout(r, 200));
    const before = clock();
    await waitForBatchSlot(account);
    expect(clock() - before).toBeLessThan(batchIntervalMs());
    const late = clock();
    await waitForBatchSlot(account);
    expect(clock() - late).toBeGreaterThanOrEqual(batchIntervalMs() - 1);

    // A new account with a slot handed over: no call before it (but never more than an interval away).
    const other = `test-${Math.random()}`;
    const handed = clock() + 300;
    await waitForBatchSlot(other, handed);
    expect(clock()).toBeGreaterThanOrEqual(handed - 1);
    const skewed = clock();
    await waitForBatchSlot(`test-${Math.random()}`, skewed + 60_000);
    expect(clock() - skewed).toBeLessThan(batchIntervalMs() + 100);
  });
});
