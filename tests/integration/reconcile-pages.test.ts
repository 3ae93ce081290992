import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { RECONCILE_PAGE_SIZE } from "../../app/shopify/queries";
import { reconcileShop } from "../../app/reconcile/reconcile.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { BUCKET } from "../simulator/server/state";
import { installShop, resetDatabase } from "../support/db";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { pendingJobs, runAllJobs } from "../support/jobs";
import { deliver } from "../support/webhooks";

// Reconciliation reads pages: of orders (a busy shop has many changed ones) and, within an order, of
// line items. ReconcileOrders asks for the first 20 line items of an order and 10 of a parcel, so a
// bigger order comes back cut short: that copy must never replace the complete lists a webhook
// recorded, and an order whose webhooks were lost must be recorded whole. And a check reads pages for
// a limited time, then hands the rest over to a continuation job.
const SHOP = "big-orders.myshopify.com";
const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: SCOPES });
  redirectShopifyTransport(sim.url);
});
afterAll(async () => sim.close());

beforeEach(async () => {
  await resetDatabase();
  sim.state.orders.orders.clear();
  sim.state.graphqlCalls.length = 0;
  sim.state.upsertShop({ domain: SHOP, name: "Big Orders" });
  sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
  await installShop(SHOP);
  await db.shop.update({ where: { domain: SHOP }, data: { reconciledAt: new Date("2026-11-20T00:00:00Z") } });
  const token = sim.state.issueToken(SHOP, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
});

const items = (n: number, title = "Tea glass") =>
  Array.from({ length: n }, (_, i) => ({ id: 60_000 + i, title: `${title} ${i + 1}`, name: `${title} ${i + 1}`, variant_title: null, quantity: 1, sku: `TG-${i + 1}`, price: "4.00" }));
const ORDER = orderPayload({ id: 5001, updated_at: "2026-11-21T10:00:00Z", line_items: items(25) });
const PARCEL = fulfillmentPayload({ id: 7001, order_id: 5001, updated_at: "2026-11-21T11:00:00Z", line_items: items(12).map((li) => ({ id: li.id })) });

/** What the store holds (as the Admin API will answer), and, unless lost, what Herald was told. */
async function happen(topic: string, body: Record<string, unknown>, opts: { lost?: boolean } = {}) {
  sim.state.recordWebhook(SHOP, topic, JSON.stringify(body), String(body.updated_at));
  if (!opts.lost) expect((await deliver(topic, body, { shop: SHOP })).status).toBe(200);
}

async function stored() {
  const order = await db.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "5001" } } });
  const parcel = await db.fulfillment.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "7001" } } });
  const lineItems = JSON.parse(order.lineItems) as Array<{ id: string; title: string }>;
  return { titles: lineItems.map((li) => li.title), parcelItems: (JSON.parse(parcel.lineItemIds) as string[]).length };
}

const operations = () => sim.state.graphqlCalls.filter((c) => c.outcome === "answered").map((c) => c.operation);

describe("reconciliation of orders bigger than a page", () => {
  it("keeps the 25 items a webhook recorded when it re-reads the same version of the order", async () => {
    // GIVEN a 25-item order and its 12-item parcel, recorded from their webhooks
    await happen("orders/create", ORDER);
    await happen("fulfillments/create", PARCEL);
    expect((await stored()).titles).toHaveLength(25);
    // WHEN reconciliation reads the order again, unchanged
    await reconcileShop(SHOP, new Date("2026-11-21T12:00:00Z"));
    // THEN Herald still holds every item
    expect(await stored()).toEqual({ titles: items(25).map((li) => li.title), parcelItems: 12 });
  });

  it("records every item of an order whose webhooks were lost, reading the rest of its lists", async () => {
    await happen("orders/create", ORDER, { lost: true });
    await happen("fulfillments/create", PARCEL, { lost: true });
    await reconcileShop(SHOP, new Date("2026-11-21T12:00:00Z"));
    expect(await stored()).toEqual({ titles: items(25).map((li) => li.title), parcelItems: 12 });
    expect(operations()).toEqual(["ReconcileOrders", "OrderLineItems", "FulfillmentLineItems"]);
  });

  it("does not replace what a webhook recorded with another copy of the same version, and takes a newer one whole", async () => {
    // GIVEN the webhook's order, and the store answering a copy of the same version with other titles
    await happen("orders/create", ORDER);
    sim.state.recordWebhook(SHOP, "orders/updated", JSON.stringify({ ...ORDER, line_items: items(25, "Renamed") }), ORDER.updated_at);
    await reconcileShop(SHOP, new Date("2026-11-21T12:00:00Z"));
    expect(await orderTitles()).toEqual(items(25).map((li) => li.title));
    // WHEN the order changes and that webhook is lost
    await happen("orders/updated", { ...ORDER, updated_at: "2026-11-21T13:00:00Z", line_items: items(26, "Renamed") }, { lost: true });
    // (two hours later, as the dates say: the shop's Admin API bucket is full again)
    sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
    await reconcileShop(SHOP, new Date("2026-11-21T14:00:00Z"));
    // THEN the newer version replaces it, with all 26 items
    expect(await orderTitles()).toEqual(items(26, "Renamed").map((li) => li.title));
  });
});

async function orderTitles(): Promise<string[]> {
  const order = await db.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "5001" } } });
  return (JSON.parse(order.lineItems) as Array<{ title: string }>).map((li) => li.title);
}

describe("reconciliation of a busy shop", () => {
  it("reads pages for its time budget, then a continuation job reads the rest from where it stopped, no page twice", async () => {
    // GIVEN 12 orders whose webhooks were all lost (three pages of 5)
    expect(RECONCILE_PAGE_SIZE).toBe(5);
    for (let i = 0; i < 12; i++) {
      const at = new Date(Date.parse("2026-11-21T10:00:00Z") + i * 60_000).toISOString();
      await happen("orders/create", orderPayload({ id: 8000 + i, name: `#${2000 + i}`, created_at: at, updated_at: at, line_items: items(1) }), { lost: true });
    }
    // WHEN a check runs with its budget used up after the first page
    const first = await reconcileShop(SHOP, new Date("2026-11-21T12:00:00Z"), { budgetMs: 0 });
    // THEN it recorded that page and handed over, with the search and the page cursor to resume from
    expect(first).toMatchObject({ orders: 5, handedOver: true });
    expect(await db.order.count({ where: { shop: SHOP } })).toBe(5);
    const continuation = await pendingJobs("reconcile-shop");
    expect(continuation).toHaveLength(1);
    expect(continuation[0].payload).toMatchObject({ shop: SHOP, resume: { query: expect.stringMatching(/^updated_at:>=/), after: expect.any(String) } });
    // WHEN the continuation runs (the shop's Admin API bucket refilled meanwhile)
    sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
    await runAllJobs();
    // THEN every order is recorded, each page was read once, and no other check was scheduled by it
    expect(await db.order.count({ where: { shop: SHOP } })).toBe(12);
    expect(operations()).toEqual(["ReconcileOrders", "ReconcileOrders", "ReconcileOrders"]);
    expect(await pendingJobs("reconcile-shop")).toHaveLength(0);
    const cursor = (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).reconciledAt!;
    expect(cursor.toISOString()).toBe("2026-11-21T10:11:00.000Z");
  });
});
