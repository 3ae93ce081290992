import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runFanout } from "../../app/backinstock/fanout.server";
import { db } from "../../app/db.server";
import { handlers } from "../../app/jobs/handlers.server";
import { RetryLater } from "../../app/jobs/types";
import { suppress } from "../../app/models/suppressions.server";
import { unsubscribeEmail } from "../../app/models/unsubscribe.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { INVENTORY_ITEM_ID, inventoryLevelPayload, PRODUCT_ID, seedVariant, VARIANT_ID, variantPayload } from "../support/back-in-stock";
import { waitFor } from "../support/child-worker";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, scaleOut, useRealTime, useVirtualTime } from "../support/jobs";
import { withFakeResend } from "../support/providers";
import { orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

// Restock detection and the fair fan-out: stock webhooks in, alerts out through Resend's batch
// endpoint (the loopback fake records every request), checked against what the provider received.

const SHOP = "herald-test.myshopify.com";
const T0 = new Date("2026-11-23T15:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const fake = withFakeResend();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: process.env.SCOPES! });
  redirectShopifyTransport(sim.url);
});
afterAll(() => sim.close());

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, { settings: { backInStock: { perUnit: 2, flapMinutes: 30 } } });
  useVirtualTime(T0);
});
afterEach(() => useRealTime());

/** `n` customers waiting for the variant, signed up a minute apart (s0 first). */
async function waiting(n: number, locale = (i: number) => (i === 1 ? "es" : "en")) {
  await db.stockSubscription.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      shop: SHOP,
      variantId: VARIANT_ID,
      productId: PRODUCT_ID,
      email: `s${i}@example.com`,
      locale: locale(i),
      waitingKey: `${SHOP}|${VARIANT_ID}|s${i}@example.com`,
      createdAt: new Date(T0.getTime() - (n - i) * 60_000),
    })),
  });
}

/** Process the recorded, not yet processed webhook of `topic` at `at`, as the worker's process-event job would. */
async function processLatest(topic: string, at: Date) {
  const event = await db.webhookEvent.findFirstOrThrow({ where: { topic, status: "RECEIVED" } });
  await handlers["process-event"]({ eventId: event.id }, { id: "test", attempt: 1, now: () => at });
}

/** Shopify (the simulator) holds the test variant, sold out, and Herald an offline token to ask it with. */
async function shopifyKnowsVariant() {
  sim.state.upsertShop({ domain: SHOP, name: "Maison Test" });
  const token = sim.state.issueToken(SHOP, "offline", process.env.SCOPES!);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: process.env.SCOPES!, accessToken: token.token } });
  sim.state.recordVariant({
    shop: SHOP,
    id: `gid://shopify/ProductVariant/${VARIANT_ID}`,
    title: "Small",
    price: "19.99",
    sku: null,
    inventoryQuantity: 0,
    inventoryPolicy: "DENY",
    inventoryItemId: `gid://shopify/InventoryItem/${INVENTORY_ITEM_ID}`,
    imageUrl: null,
    product: { id: `gid://shopify/Product/${PRODUCT_ID}`, title: "Example T-Shirt", handle: "example-t-shirt", imageUrl: null },
    updatedAt: minutes(-60).toISOString(),
  });
}

const recipients = () => fake.resend.emails.flatMap((e) => e.to);
const batchCalls = () => fake.resend.requests.filter((r) => r.path === "/emails/batch" && r.outcome === "accepted");

describe("a restock", () => {
  it("of 3 units with 10 customers waiting and 2 per unit tells the 6 oldest, each in their language, in one batch", async () => {
    await seedVariant(SHOP);
    await waiting(10);

    await deliver("variants/in_stock", variantPayload(minutes(0), 3), { shop: SHOP });
    await runAllJobs();

    expect(recipients().sort()).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"].map((s) => `${s}@example.com`).sort());
    expect(batchCalls()).toHaveLength(1);
    expect(await db.restock.findFirst()).toMatchObject({ units: 3, quota: 6, notified: 6, status: "DONE" });
    expect(await db.stockSubscription.count({ where: { status: "WAITING" } })).toBe(4);

    const spanish = fake.resend.emails.find((e) => e.to[0] === "s1@example.com")!;
    expect(spanish.subject).toBe("Example T-Shirt vuelve a estar disponible");
    expect(spanish.html).toContain(`https://${SHOP}/products/example-t-shirt?variant=${VARIANT_ID}`);
    expect(spanish.html).toContain(`https://${SHOP}/cart/${VARIANT_ID}:1`);
    // The price as Spanish writes dollars (the money filter), not "19.99 USD".
    expect(spanish.html).toContain("19,99\u00a0US$");
    expect(spanish.html).toContain("https://cdn.shopify.com/s/files/example-t-shirt.jpg");
    expect(spanish.headers["List-Unsubscribe"]).toMatch(/^<https:\/\//);

    // The same webhook again, and the variant's later in-stock news: nobody is told twice.
    await deliver("variants/in_stock", variantPayload(minutes(1), 5), { shop: SHOP });
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(6);
    expect(await db.restock.count()).toBe(1);
  }, 60_000);

  it("passes over suppressed customers without using the quota on them, and never attributes their orders", async () => {
    // GIVEN 5 customers waiting, the two oldest unsubscribed (from alerts) and bounced
    await seedVariant(SHOP);
    await waiting(5);
    await unsubscribeEmail(SHOP, "s0@example.com", "back_in_stock");
    await suppress(SHOP, "email", "s1@example.com", "hard_bounce");

    // WHEN 1 unit comes back (2 alerts per unit)
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await runAllJobs();

    // THEN the two oldest reachable customers were told, and the restock used its quota on them
    expect(recipients().sort()).toEqual(["s2@example.com", "s3@example.com"]);
    const restock = await db.restock.findFirstOrThrow();
    expect(restock).toMatchObject({ quota: 2, notified: 2, status: "DONE" });
    const subs = await db.stockSubscription.findMany({ orderBy: { email: "asc" } });
    expect(subs.map((s) => [s.email, s.status, s.notifiedAt !== null])).toEqual([
      ["s0@example.com", "UNSUBSCRIBED", false],
      ["s1@example.com", "UNSUBSCRIBED", false],
      ["s2@example.com", "NOTIFIED", true],
      ["s3@example.com", "NOTIFIED", true],
      ["s4@example.com", "WAITING", false],
    ]);
    expect(subs[0].restockId).toBe(restock.id);
    // ...and the message log says why the first two heard nothing
    const alerts = await db.message.findMany({ where: { step: "alert" }, orderBy: { recipient: "asc" } });
    expect(alerts.map((m) => [m.recipient, m.status, m.reason])).toEqual([
      ["s0@example.com", "SKIPPED", "suppressed_unsubscribe"],
      ["s1@example.com", "SKIPPED", "suppressed_hard_bounce"],
      ["s2@example.com", "SENT", null],
      ["s3@example.com", "SENT", null],
    ]);

    // WHEN the unsubscribed customer and a told one then buy the variant
    const bought = (id: number, email: string) =>
      orderPayload({
        id,
        email,
        contact_email: email,
        customer: { id, first_name: "S", last_name: null, email, phone: null },
        created_at: minutes(60).toISOString(),
        updated_at: minutes(60).toISOString(),
        line_items: [{ id: 1, title: "Example T-Shirt", variant_title: "Small", quantity: 1, price: "19.99", variant_id: VARIANT_ID, product_id: PRODUCT_ID }],
      });
    await deliver("orders/create", bought(7001, "s0@example.com"), { shop: SHOP });
    await deliver("orders/create", bought(7002, "s2@example.com"), { shop: SHOP });
    await runAllJobs();
    // THEN only the told customer's order is attributed to the alert
    expect((await db.alertConversion.findMany()).map((c) => c.orderId)).toEqual(["7002"]);
  });

  it("ends a restock with nobody left to tell when every waiting customer is suppressed", async () => {
    await seedVariant(SHOP);
    await waiting(3);
    for (const i of [0, 1, 2]) await unsubscribeEmail(SHOP, `s${i}@example.com`, "all");
    await deliver("variants/in_stock", variantPayload(minutes(0), 5), { shop: SHOP });
    await runAllJobs();
    expect(fake.resend.requests.filter((r) => r.path === "/emails/batch")).toHaveLength(0);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ quota: 10, notified: 0, status: "DONE" });
    expect(await db.stockSubscription.count({ where: { status: "UNSUBSCRIBED" } })).toBe(3);
  });

  it("stops telling customers when the variant sells out again after the first batch", async () => {
    await seedVariant(SHOP);
    await waiting(150);
    // GIVEN a restock of 100 units (quota 200 for the 150 waiting), and a provider that takes 1.5 s to accept a batch
    fake.resend.setLatency(1_500);
    await deliver("variants/in_stock", variantPayload(minutes(0), 100), { shop: SHOP });
    const fanout = runAllJobs({ until: minutes(5) });

    // WHEN the variant sells out again while the first batch is with the provider
    await waitFor(async () => (await db.message.count({ where: { status: "BATCHED" } })) === 100, 20_000);
    await deliver("variants/out_of_stock", variantPayload(minutes(0.2), 0), { shop: SHOP });
    const soldOut = await db.webhookEvent.findFirstOrThrow({ where: { topic: "variants/out_of_stock" } });
    await handlers["process-event"]({ eventId: soldOut.id }, { id: "test", attempt: 1, now: () => minutes(0.2) });
    await fanout;

    // THEN the first batch went out, and nobody else was claimed or told
    expect(fake.resend.emails).toHaveLength(100);
    expect(recipients()).toEqual(expect.arrayContaining(["s0@example.com", "s99@example.com"]));
    expect(recipients()).not.toContain("s100@example.com");
    expect(await db.restock.findFirst()).toMatchObject({ quota: 200, notified: 100, status: "STOPPED", reason: "sold_out_again" });
    expect(await db.stockSubscription.count({ where: { status: "WAITING" } })).toBe(50);
    expect(await db.message.count({ where: { trigger: "back_in_stock", step: "alert" } })).toBe(100);
  }, 60_000);

  it("finishes a batch it claimed before the variant sold out again, under the same key, then stops", async () => {
    // GIVEN 1 unit back (2 alerts) with 5 customers waiting, and a provider that answers the first batch call 500
    await seedVariant(SHOP);
    await waiting(5);
    fake.resend.failNext(1, { status: 500 });
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await processLatest("variants/in_stock", minutes(0));
    const restock = await db.restock.findFirstOrThrow();
    await expect(runFanout(restock.id, 0, minutes(0))).rejects.toBeInstanceOf(RetryLater);
    // ...so the 2 oldest are claimed and their emails wait in a batch
    expect(await db.message.count({ where: { status: "BATCHED" } })).toBe(2);

    // WHEN the variant sells out before the fan-out's retry
    await deliver("variants/out_of_stock", variantPayload(minutes(2), 0), { shop: SHOP });
    await processLatest("variants/out_of_stock", minutes(2));
    await runAllJobs({ until: minutes(30) });

    // THEN the claimed batch went out, whole, under its first key, and nobody else was claimed
    expect(recipients().sort()).toEqual(["s0@example.com", "s1@example.com"]);
    const calls = fake.resend.requests.filter((r) => r.path === "/emails/batch");
    expect(calls.map((c) => c.outcome)).toEqual(["fault", "accepted"]);
    expect(calls[1].idempotencyKey).toBe(calls[0].idempotencyKey);
    const alerts = await db.message.findMany({ where: { step: "alert" }, orderBy: { recipient: "asc" } });
    expect(alerts.map((m) => [m.recipient, m.status])).toEqual([
      ["s0@example.com", "SENT"],
      ["s1@example.com", "SENT"],
    ]);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ notified: 2, status: "STOPPED", reason: "sold_out_again" });
    expect(await db.stockSubscription.count({ where: { status: "WAITING" } })).toBe(3);
  });

  it("replays a claimed batch the provider took before its answer was lost, once the variant sold out again, without sending it twice", async () => {
    // GIVEN 1 unit back with 5 waiting, and a provider that sends the first batch but whose answer never arrives
    await seedVariant(SHOP);
    await waiting(5);
    fake.resend.loseNextResponse(1);
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await processLatest("variants/in_stock", minutes(0));
    const restock = await db.restock.findFirstOrThrow();
    await expect(runFanout(restock.id, 0, minutes(0))).rejects.toBeInstanceOf(RetryLater);
    expect(fake.resend.emails).toHaveLength(2);

    // WHEN the variant sells out before the retry
    await deliver("variants/out_of_stock", variantPayload(minutes(2), 0), { shop: SHOP });
    await processLatest("variants/out_of_stock", minutes(2));
    await runAllJobs({ until: minutes(30) });

    // THEN the retry got the first call's answer back (nothing sent again) and recorded the alerts SENT
    expect(fake.resend.emails).toHaveLength(2);
    expect(fake.resend.requests.filter((r) => r.path === "/emails/batch").map((r) => r.outcome)).toEqual(["lost", "replayed"]);
    expect(await db.message.findMany({ where: { step: "alert" }, select: { status: true, providerMessageId: true } })).toEqual(
      expect.arrayContaining(fake.resend.emails.map((e) => ({ status: "SENT", providerMessageId: e.id }))),
    );
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ notified: 2, status: "STOPPED", reason: "sold_out_again" });
  });

  it("paces batches under the provider's rate limit and tells everyone within the quota exactly once", async () => {
    await seedVariant(SHOP);
    await waiting(350);
    // GIVEN a provider that answers 429 to a third request within any second, as Resend does
    fake.resend.setRateLimit({ requestsPerSecond: 2 });

    await deliver("variants/in_stock", variantPayload(minutes(0), 200), { shop: SHOP });
    await runAllJobs({ until: minutes(5) });

    expect(new Set(recipients()).size).toBe(350);
    expect(recipients()).toHaveLength(350);
    const calls = batchCalls();
    expect(calls).toHaveLength(4);
    // Paced under the limit (tests/unit/app/pacing.test.ts times it): none refused, even when a busy
    // machine delays a request on its way, since no call starts within a second of the answer to the
    // call two before it.
    expect(fake.resend.requests.filter((r) => r.outcome === "rate_limited")).toHaveLength(0);
  }, 60_000);

  it("waits as long as a 429 asks and sends the same batch again under the same key, without spending the job's attempts", async () => {
    await seedVariant(SHOP);
    await waiting(250);
    // GIVEN a provider that refuses the first three batch calls as rate limited (retry after 1 s)
    fake.resend.failNext(3, { status: 429, retryAfterSeconds: 1 });
    const started = performance.now();

    await deliver("variants/in_stock", variantPayload(minutes(0), 200), { shop: SHOP });
    await runAllJobs({ until: minutes(5) });

    // THEN everyone was told once; the refused batch went later, whole, under its first key
    expect(recipients()).toHaveLength(250);
    expect(new Set(recipients()).size).toBe(250);
    const refused = fake.resend.requests.filter((r) => r.outcome === "fault");
    expect(refused).toHaveLength(3);
    expect(new Set(refused.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(batchCalls()[0].idempotencyKey).toBe(refused[0].idempotencyKey);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ notified: 250, status: "DONE", run: 0 });
    // One run did it all, in one attempt (the embedded queue's job table shows it).
    if (!scaleOut) expect(await db.job.findFirstOrThrow({ where: { name: "backinstock-fanout" } })).toMatchObject({ status: "DONE", attempts: 1 });
  }, 60_000);

  it("hands the fan-out over from run to run without telling anyone twice", async () => {
    await seedVariant(SHOP);
    await waiting(250);
    await deliver("variants/in_stock", variantPayload(minutes(0), 200), { shop: SHOP });
    // GIVEN the restock's first run, allowed to send for no longer than one batch
    const event = await db.webhookEvent.findFirstOrThrow();
    await handlers["process-event"]({ eventId: event.id }, { id: "test", attempt: 1, now: () => minutes(0) });
    const restock = await db.restock.findFirstOrThrow();
    await runFanout(restock.id, 0, minutes(0), { budgetMs: 0 });
    // ...which sent one batch and handed over to run 1
    expect(fake.resend.emails).toHaveLength(100);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ run: 1, notified: 100, status: "OPEN" });

    // WHEN the queue runs everything (run 0's own job included: it only points at run 1)
    await runAllJobs({ until: minutes(5) });

    // THEN the rest went out in two more batches, each customer once
    expect(recipients()).toHaveLength(250);
    expect(new Set(recipients()).size).toBe(250);
    expect(batchCalls()).toHaveLength(3);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ notified: 250, status: "DONE" });
  }, 60_000);

  it("opens a new restock when stock comes back after the last one ended, even within the flap window, and tells nobody twice", async () => {
    await seedVariant(SHOP);
    await waiting(10);
    // GIVEN 1 unit back: the 2 oldest of the 10 waiting are told; the variant sells out 2 minutes later
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await runAllJobs({ until: minutes(2) });
    await deliver("variants/out_of_stock", variantPayload(minutes(2), 0), { shop: SHOP });
    await runAllJobs({ until: minutes(20) });
    expect(recipients().sort()).toEqual(["s0@example.com", "s1@example.com"]);

    // WHEN the merchant adds 50 units 20 minutes after the first restock (inside the 30-minute flap window)
    await deliver("variants/in_stock", variantPayload(minutes(20), 50), { shop: SHOP });
    await runAllJobs({ until: minutes(25) });

    // THEN a second restock tells the 8 still waiting, and nobody hears twice
    expect(recipients()).toHaveLength(10);
    expect(new Set(recipients()).size).toBe(10);
    const restocks = await db.restock.findMany({ orderBy: { detectedAt: "asc" } });
    expect(restocks.map((r) => [r.units, r.quota, r.notified, r.status])).toEqual([
      [1, 2, 2, "DONE"],
      [50, 100, 8, "DONE"],
    ]);
    expect(await db.stockSubscription.count({ where: { status: "WAITING" } })).toBe(0);
  });

  it("grows the open restock when stock flaps back while its fan-out is still going, instead of opening a second one", async () => {
    await seedVariant(SHOP);
    await waiting(10);
    // GIVEN a restock of 1 unit (quota 2) whose fan-out has not run yet
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await processLatest("variants/in_stock", minutes(0));

    // WHEN the variant sells out and comes back with 2 more units a minute later
    await deliver("variants/out_of_stock", variantPayload(minutes(0.5), 0), { shop: SHOP });
    await processLatest("variants/out_of_stock", minutes(0.5));
    await deliver("variants/in_stock", variantPayload(minutes(1), 2), { shop: SHOP });
    await processLatest("variants/in_stock", minutes(1));

    // THEN the one restock may now tell 2 + 2 x 2 customers, and does, each once
    expect(await db.restock.count()).toBe(1);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ quota: 6, status: "OPEN" });
    await runAllJobs();
    expect(recipients().sort()).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"].map((s) => `${s}@example.com`));
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ quota: 6, notified: 6, status: "DONE" });
  });

  it("ignores stock news older than what Herald holds", async () => {
    await seedVariant(SHOP, { at: minutes(10) });
    await waiting(3);
    await deliver("variants/in_stock", variantPayload(minutes(5), 3), { shop: SHOP });
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(0);
    expect((await db.variant.findFirstOrThrow()).available).toBe(false);
  });

  it("finds the variant of an unknown inventory item through the Admin API, then restocks it", async () => {
    // GIVEN customers waiting for a variant Herald has not recorded, and Shopify knowing it
    await waiting(4);
    await shopifyKnowsVariant();
    // ...its sold-out state recorded as the sign-ups' confirmations would have
    await db.variant.create({
      data: { shop: SHOP, id: VARIANT_ID, productId: PRODUCT_ID, productTitle: "Example T-Shirt", title: "Small", available: false, shopifyUpdatedAt: minutes(-60) },
    });

    // WHEN the inventory level of its (unrecorded) inventory item goes up
    await deliver("inventory_levels/update", inventoryLevelPayload(minutes(0), 1), { shop: SHOP });
    await runAllJobs();

    // THEN Herald asked Shopify once, recorded the item, and told the 2 oldest
    expect(sim.state.graphqlCalls.filter((c) => c.operation === "InventoryItemVariant" && c.outcome === "answered")).toHaveLength(1);
    expect(await db.variant.findFirstOrThrow()).toMatchObject({ inventoryItemId: INVENTORY_ITEM_ID, available: true, inventoryQuantity: 1 });
    expect(recipients().sort()).toEqual(["s0@example.com", "s1@example.com"]);
  });

  it("restocks a variant Herald first records from the stock news itself, when customers wait for it", async () => {
    // GIVEN customers waiting for a variant Herald has no record of (their confirmations never got to look it up)
    await waiting(4);
    await shopifyKnowsVariant();

    // WHEN it comes back in stock with 1 unit
    await deliver("variants/in_stock", variantPayload(minutes(0), 1), { shop: SHOP });
    await runAllJobs();

    // THEN Herald looked it up, recorded it available, and told the 2 oldest as for any restock
    expect(sim.state.graphqlCalls.filter((c) => c.operation === "StockVariant" && c.outcome === "answered")).toHaveLength(1);
    expect(await db.variant.findFirstOrThrow()).toMatchObject({ productTitle: "Example T-Shirt", available: true, inventoryQuantity: 1 });
    expect(recipients().sort()).toEqual(["s0@example.com", "s1@example.com"]);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ units: 1, quota: 2, notified: 2, status: "DONE" });
  });

  it("restocks a variant Herald first records from an inventory level, when customers wait for it", async () => {
    await waiting(4);
    await shopifyKnowsVariant();

    await deliver("inventory_levels/update", inventoryLevelPayload(minutes(0), 1), { shop: SHOP });
    await runAllJobs();

    expect(await db.variant.findFirstOrThrow()).toMatchObject({ inventoryItemId: INVENTORY_ITEM_ID, available: true, inventoryQuantity: 1 });
    expect(recipients().sort()).toEqual(["s0@example.com", "s1@example.com"]);
  });
});
