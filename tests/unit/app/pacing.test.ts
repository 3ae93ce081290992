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

  it("starts no call within a second of the answer to the call two before it (2 per second)", async () => {
    const account = `test-${Math.random()}`;
    // The first call's answer comes 300 ms after it started (it reached the provider some time in between).
    const first = await waitForBatchSlot(account);
    const firstStart = clock();
    setTimeout(first, 300);
    (await waitForBatchSlot(account))();
    await waitForBatchSlot(account);
    // Not 2 intervals (1022 ms) after the first call started, but a second after its answer.
    expect(clock() - firstStart).toBeGreaterThanOrEqual(1300 - 1);
    expect(nextBatchSlot(account)).toBeGreaterThanOrEqual(clock() + batchIntervalMs() - 1);
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
