import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutboxChannel } from "../../app/channels/outbox.server";
import { db } from "../../app/db.server";
import { retentionJobKey } from "../../app/jobs/keys";
import { runRetention, scheduleRetention } from "../../app/jobs/retention.server";
import { failedEvents } from "../../app/models/events.server";
import { dataRequests } from "../../app/models/privacy.server";
import { installShop, resetDatabase } from "../support/db";
import { pendingJobs, runAllJobs, setClock, useRealTime, useVirtualTime, virtualNow } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { followClock } from "../support/virtual-date";
import { deliver } from "../support/webhooks";

// Nothing Herald holds for a while is kept for ever: raw webhooks (customers' names, addresses,
// phones), finished jobs and the local outbox's copies are deleted once their window has passed, by
// a job that runs every day on either queue. The story is played on a virtual clock that Date
// follows too, so every row is dated, and its time-ordered id made, when the story says.

const SHOP = "herald-test.myshopify.com";
const DAY = 86_400_000;
/** The day's retention run. */
const NOW = new Date("2026-11-20T03:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const TODAY = { date: "2026-11-20", run: 0 };

let restoreDate: () => void = () => {};

beforeEach(async () => {
  await resetDatabase();
  useVirtualTime(daysAgo(100));
  restoreDate = followClock(() => virtualNow()!.getTime());
  await installShop(SHOP);
});

afterEach(() => {
  restoreDate();
  useRealTime();
});

/**
 * Deliver at `days` ago: an order and its shipment (a shipped email, to the local outbox), an order
 * not shipped (its timed check is a recorded job on either queue, run on the story's next day), a
 * webhook that cannot be read, a data request.
 */
async function dayOfWebhooks(days: number, orderId: number): Promise<void> {
  setClock(daysAgo(days));
  const at = daysAgo(days).toISOString();
  await deliver("orders/create", orderPayload({ id: orderId, created_at: at, updated_at: at }), { webhookId: `order-${days}` });
  await deliver("orders/create", orderPayload({ id: orderId + 100, name: `#${orderId + 100}`, created_at: at, updated_at: at }), { webhookId: `unshipped-${days}` });
  await deliver("fulfillments/create", fulfillmentPayload({ id: orderId + 1000, order_id: orderId, created_at: at, updated_at: at }), { webhookId: `fulfillment-${days}` });
  await deliver("orders/create", { id: "not an order" }, { webhookId: `failed-${days}` });
  await deliver(
    "customers/data_request",
    { shop_id: 1, shop_domain: SHOP, customer: { id: orderId, email: `customer${orderId}@example.com` }, orders_requested: [orderId], data_request: { id: orderId } },
    { webhookId: `request-${days}` },
  );
  await runAllJobs();
}

/** The story: webhooks 100, 40, 10 and 1 days ago, then one whose job has not run yet (a worker down since 40 days ago). */
async function history(): Promise<void> {
  await dayOfWebhooks(100, 5001);
  await dayOfWebhooks(40, 5002);
  await dayOfWebhooks(10, 5003);
  await dayOfWebhooks(1, 5004);
  setClock(daysAgo(40));
  await deliver("orders/create", orderPayload({ id: 5005 }), { webhookId: "unprocessed-40" });
  setClock(NOW);
}

const webhookIds = async () => (await db.webhookEvent.findMany({ orderBy: { webhookId: "asc" } })).map((e) => `${e.webhookId} ${e.status}`);
const finishedBefore = (cutoff: Date) => (j: { status: string; finishedAt: Date | null }) =>
  (j.status === "DONE" || j.status === "DEAD") && j.finishedAt !== null && j.finishedAt < cutoff;
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

describe("data retention", () => {
  it("deletes what has outlived its window, keeps the rest and what is still needed, and a second run deletes nothing", async () => {
    // GIVEN four days of webhooks over the last 100 days, and one whose processing has not happened
    await history();
    expect(await webhookIds()).toContain("unprocessed-40 RECEIVED");
    const jobsBefore = await db.job.findMany();
    const outboxBefore = await db.outboxItem.findMany();
    // (the story has jobs and outbox items on both sides of their windows)
    expect(jobsBefore.filter(finishedBefore(daysAgo(7))).length).toBeGreaterThan(0);
    expect(jobsBefore.filter((j) => !finishedBefore(daysAgo(7))(j)).map((j) => j.status)).toEqual(expect.arrayContaining(["DONE", "QUEUED"]));
    expect(outboxBefore.filter((o) => o.createdAt < daysAgo(30)).length).toBeGreaterThan(0);
    expect(outboxBefore.filter((o) => o.createdAt >= daysAgo(30)).length).toBeGreaterThan(0);

    // WHEN today's retention run comes
    const { deleted, finished } = await runRetention(TODAY, NOW);
    expect(finished).toBe(true);

    // THEN processed webhooks go after 30 days; failed ones and data requests, which the admin
    // lists, after 90; one not processed yet stays whatever its age
    expect(await webhookIds()).toEqual([
      "failed-1 FAILED",
      "failed-10 FAILED",
      "failed-40 FAILED",
      "fulfillment-1 PROCESSED",
      "fulfillment-10 PROCESSED",
      "order-1 PROCESSED",
      "order-10 PROCESSED",
      "request-1 PROCESSED",
      "request-10 PROCESSED",
      "request-40 PROCESSED",
      "unprocessed-40 RECEIVED",
      "unshipped-1 PROCESSED",
      "unshipped-10 PROCESSED",
    ]);
    expect((await failedEvents(SHOP)).map((e) => e.webhookId)).toEqual(["failed-1", "failed-10", "failed-40"]);
    expect((await dataRequests(SHOP)).map((r) => r.customerId)).toEqual(["5004", "5003", "5002"]);
    // ...jobs finished more than 7 days ago go; those finished since, and those not finished, stay
    // (beside tomorrow's retention run, which this one scheduled)
    const jobsAfter = await db.job.findMany({ where: { name: { not: "purge-expired" } } });
    expect(ids(jobsAfter)).toEqual(ids(jobsBefore.filter((j) => !finishedBefore(daysAgo(7))(j))));
    // ...the outbox keeps 30 days
    expect(ids(await db.outboxItem.findMany())).toEqual(ids(outboxBefore.filter((o) => o.createdAt >= daysAgo(30))));
    expect(deleted).toEqual({
      events: 6,
      listed_events: 2,
      jobs: jobsBefore.filter(finishedBefore(daysAgo(7))).length,
      outbox: outboxBefore.filter((o) => o.createdAt < daysAgo(30)).length,
    });

    // ...a webhook Shopify delivers again is still a duplicate within the window
    const again = await deliver("orders/create", orderPayload({ id: 5004 }), { webhookId: "order-1" });
    expect(again.headers.get("X-Herald-Outcome")).toBe("duplicate");

    // WHEN it runs again THEN nothing more goes
    const second = await runRetention(TODAY, NOW);
    expect(second).toEqual({ deleted: { events: 0, listed_events: 0, jobs: 0, outbox: 0 }, finished: true });
    expect(await webhookIds()).toHaveLength(13);
  }, 60_000);

  it("runs every day at 03:00 UTC on the queue, scheduling the next day's run, once however often it is scheduled", async () => {
    // GIVEN an outbox item from 40 days ago and worker starts the evening before
    setClock(daysAgo(40));
    await new OutboxChannel().send({ from: "+15005550006", to: "+15005550001", body: "Shipped" }, { idempotencyKey: "old", shop: SHOP });
    const evening = new Date("2026-11-19T20:00:00Z");
    setClock(evening);
    await scheduleRetention(evening);
    await scheduleRetention(evening);
    expect((await pendingJobs("purge-expired")).map((j) => [j.runAt.toISOString(), j.payload])).toEqual([["2026-11-20T03:00:00.000Z", TODAY]]);

    // WHEN the night passes
    await runAllJobs({ until: new Date("2026-11-20T04:00:00Z") });

    // THEN the run deleted the old item, is recorded as done, and the next day's run waits
    expect(await db.outboxItem.count()).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { key: retentionJobKey("2026-11-20", 0) } })).toMatchObject({ status: "DONE" });
    expect((await pendingJobs("purge-expired")).map((j) => [j.runAt.toISOString(), j.payload])).toEqual([
      ["2026-11-21T03:00:00.000Z", { date: "2026-11-21", run: 0 }],
    ]);
  });

  it("hands over to a next run when its time is up, and that run finishes the day's work", async () => {
    // GIVEN five outbox items from 40 days ago
    setClock(daysAgo(40));
    for (let i = 0; i < 5; i++) await new OutboxChannel().send({ from: "+15005550006", to: "+15005550001", body: `Text ${i}` }, { idempotencyKey: `old-${i}`, shop: SHOP });
    setClock(NOW);

    // WHEN a run of 2-row batches is out of time after its first batch
    const first = await runRetention(TODAY, NOW, { budgetMs: 0, batchSize: 2 });

    // THEN it deleted one batch and handed over to run 1, due now, which deletes the rest
    expect(first).toMatchObject({ deleted: { events: 0, outbox: 2 }, finished: false });
    expect((await pendingJobs("purge-expired")).map((j) => j.payload)).toEqual([{ date: "2026-11-20", run: 1 }, { date: "2026-11-21", run: 0 }]);
    await runAllJobs();
    expect(await db.outboxItem.count()).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { key: retentionJobKey("2026-11-20", 1) } })).toMatchObject({ status: "DONE" });
    expect((await pendingJobs("purge-expired")).map((j) => j.payload)).toEqual([{ date: "2026-11-21", run: 0 }]);
  });
});
