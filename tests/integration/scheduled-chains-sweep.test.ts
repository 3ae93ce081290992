import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxChannel } from "../../app/channels/outbox.server";
import { db } from "../../app/db.server";
import { bullJobId, type BullQueue } from "../../app/jobs/bullmq-queue.server";
import { retentionJobKey } from "../../app/jobs/keys";
import { queue } from "../../app/jobs/queue.server";
import { scheduleRetention } from "../../app/jobs/retention.server";
import { sweepOrphans } from "../../app/jobs/sweeper.server";
import { scheduleReconcile } from "../../app/reconcile/reconcile.server";
import { installShop, resetDatabase } from "../support/db";
import { countJobs, pendingJobs, runAllJobs, scaleOut, setClock, useRealTime, useVirtualTime, virtualNow } from "../support/jobs";
import { followClock } from "../support/virtual-date";

// Scale-out only (BullMQ on Redis): reconciliation and retention are chains, each run scheduling the
// next. On BullMQ the next job reaches Redis after its Job row is written (a recorded job), so an add
// lost in between, or a Redis that lost the job, would end the chain until a worker starts again; the
// sweeper enqueues the row still QUEUED past its time, and the chain goes on.

const SHOP = "herald-test.myshopify.com";
const T0 = new Date("2026-11-20T15:05:00Z");
const at = (hhmmss: string) => new Date(`2026-11-20T${hhmmss}Z`);
const bull = () => queue() as BullQueue;
const reconcileKey = (slot: string) => `reconcile:${SHOP}:2026-11-20T${slot}.000Z`;
const pendingChecks = async () => (await pendingJobs("reconcile-shop")).map((j) => j.runAt.toISOString());

let restoreDate: () => void = () => {};

beforeEach(async () => {
  await resetDatabase();
  useVirtualTime(T0);
  // Rows are dated (and their time-ordered ids made) by the story's clock.
  restoreDate = followClock(() => virtualNow()!.getTime());
  // Without an offline session a check reads nothing from Shopify: what is tested is the chain.
  await installShop(SHOP);
});
afterEach(() => {
  restoreDate();
  useRealTime();
});

describe.skipIf(!scaleOut)("the sweep of scheduled chains (scale-out)", () => {
  it("brings back a shop's next reconciliation lost on its way to Redis, and the checks go on every quarter hour", async () => {
    // GIVEN the 15:15 check ran and scheduled the 15:30 one, whose add to Redis was lost
    await scheduleReconcile(SHOP, T0);
    await runAllJobs({ until: at("15:15:01") });
    expect(await pendingChecks()).toEqual(["2026-11-20T15:30:00.000Z"]);
    expect(await bull().queue.remove(bullJobId(reconcileKey("15:30:00")))).toBe(1);
    // ...so 15:30 passes with no check
    await runAllJobs({ until: at("15:30:20") });
    expect(await pendingChecks()).toEqual([]);

    // WHEN the sweeper runs past the grace period (twice: the second finds the job there)
    expect((await sweepOrphans(queue(), at("15:31:00"))).recorded).toBe(1);
    expect((await sweepOrphans(queue(), at("15:31:00"))).recorded).toBe(1);
    expect(await pendingChecks()).toEqual(["2026-11-20T15:31:00.000Z"]);

    // THEN the 15:30 check runs, late, once; its row is closed; it scheduled the 15:45 check
    await runAllJobs({ start: at("15:31:00"), until: at("15:31:01") });
    expect(await db.job.findUniqueOrThrow({ where: { key: reconcileKey("15:30:00") } })).toMatchObject({ status: "DONE" });
    expect(await pendingChecks()).toEqual(["2026-11-20T15:45:00.000Z"]);
    expect(await sweepOrphans(queue(), at("15:32:00"))).toMatchObject({ recorded: 0 });
  });

  it("does not double a check whose job is in Redis when the sweep finds its row still open", async () => {
    // GIVEN the 15:15 check due but not taken yet (the workers are busy) at 15:16
    await scheduleReconcile(SHOP, T0);
    // WHEN the sweep finds its row QUEUED past its time THEN the add under the same id changes nothing
    expect((await sweepOrphans(queue(), at("15:16:00"))).recorded).toBe(1);
    expect(await pendingChecks()).toEqual(["2026-11-20T15:15:00.000Z"]);
    await runAllJobs({ start: at("15:16:00"), until: at("15:16:01") });
    // ...one check ran (one job done, beside the 15:30 one it scheduled)
    expect(await countJobs("reconcile-shop")).toBe(2);
    expect(await pendingChecks()).toEqual(["2026-11-20T15:30:00.000Z"]);
  });

  it("brings back tomorrow's retention run lost on its way to Redis", async () => {
    // GIVEN an outbox item from 40 days ago, and the night's retention run, lost on its way to Redis
    setClock(new Date(T0.getTime() - 40 * 86_400_000));
    await new OutboxChannel().send({ from: "+15005550006", to: "+15005550001", body: "Shipped" }, { idempotencyKey: "old", shop: SHOP });
    setClock(T0);
    await scheduleRetention(T0);
    expect(await bull().queue.remove(bullJobId(retentionJobKey("2026-11-21", 0)))).toBe(1);
    const morning = new Date("2026-11-21T03:01:00Z");
    await runAllJobs({ until: morning });
    expect(await db.outboxItem.count()).toBe(1);

    // WHEN the sweeper runs THEN the run comes back and deletes the old item, and the next night's waits
    expect((await sweepOrphans(queue(), morning)).recorded).toBe(1);
    await runAllJobs({ start: morning, until: new Date("2026-11-21T03:02:00Z") });
    expect(await db.outboxItem.count()).toBe(0);
    expect((await pendingJobs("purge-expired")).map((j) => j.payload)).toEqual([{ date: "2026-11-22", run: 0 }]);
  });
});
