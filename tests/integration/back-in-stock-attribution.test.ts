import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { conversionsSince, mostWantedVariants, subscriberList, unsubscribeSubscriber } from "../../app/models/back-in-stock.server";
import { customerDataExport } from "../../app/models/privacy.server";
import { reconcileShop } from "../../app/reconcile/reconcile.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { PRODUCT_ID, seedVariant, VARIANT_ID, variantPayload } from "../support/back-in-stock";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { orderPayload } from "../support/payloads";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

const SHOP = "herald-test.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const ALERTED = new Date("2026-11-20T12:00:00Z");
const mail = withFakeResend({ HERALD_DELAY_SETTLE_SECONDS: "0" });

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP);
  await seedVariant(SHOP, { available: true, inventoryQuantity: 3 });
});

async function notified(email: string, opts: { shop?: string; at?: Date; phone?: string } = {}) {
  return db.stockSubscription.create({
    data: { shop: opts.shop ?? SHOP, variantId: VARIANT_ID, productId: PRODUCT_ID, email, phone: opts.phone ?? null, locale: "en", status: "NOTIFIED", notifiedAt: opts.at ?? ALERTED },
  });
}

function orderWith(id: number, email: string, placedAt: string, variantId = VARIANT_ID) {
  return orderPayload({
    id,
    email,
    contact_email: email,
    customer: { id: 77, first_name: "Ana", last_name: "García", email, phone: null },
    created_at: placedAt,
    updated_at: placedAt,
    currency: "USD",
    line_items: [
      { id: 1, title: "Example T-Shirt", variant_title: "Small", quantity: 2, price: "19.99", variant_id: variantId, product_id: PRODUCT_ID },
      { id: 2, title: "Socks", quantity: 1, price: "5.00", variant_id: "1234", product_id: "99" },
    ],
  });
}

describe("attribution of orders to back-in-stock alerts", () => {
  it("counts an order of the variant by the same email within the window, once, with the revenue of its lines", async () => {
    const sub = await notified("ana@example.com");
    await deliver("orders/create", orderWith(6001, "ANA@example.com", "2026-11-22T09:00:00Z"), { shop: SHOP });
    await deliver("orders/create", orderWith(6001, "ANA@example.com", "2026-11-22T09:00:00Z"), { shop: SHOP }); // another delivery, new webhook id
    await runAllJobs();

    const conversions = await db.alertConversion.findMany();
    expect(conversions).toHaveLength(1);
    expect(conversions[0]).toMatchObject({ shop: SHOP, orderId: "6001", subscriptionId: sub.id, variantId: VARIANT_ID, revenue: "39.98", currency: "USD" });
    expect(await conversionsSince(SHOP, new Date("2026-11-01T00:00:00Z"))).toEqual({ conversions: 1, orders: 1, revenue: { USD: "39.98" } });
  });

  it("does not count orders after the window, before the alert, without the variant, or by someone else", async () => {
    await notified("ana@example.com");
    await deliver("orders/create", orderWith(6002, "ana@example.com", "2026-11-28T13:00:00Z"), { shop: SHOP }); // 8 days later
    await deliver("orders/create", orderWith(6003, "ana@example.com", "2026-11-19T09:00:00Z"), { shop: SHOP }); // before the alert
    await deliver("orders/create", orderWith(6004, "ana@example.com", "2026-11-21T09:00:00Z", "5555"), { shop: SHOP });
    await deliver("orders/create", orderWith(6005, "bob@example.com", "2026-11-21T09:00:00Z"), { shop: SHOP });
    await runAllJobs();
    expect(await db.alertConversion.count()).toBe(0);
  });

  it("uses the window the shop set: 30 days counts an order 20 days after the alert, not one 31 days after", async () => {
    await db.shop.update({ where: { domain: SHOP }, data: { settings: JSON.stringify({ backInStock: { attributionDays: 30 } }) } });
    await notified("ana@example.com");
    await deliver("orders/create", orderWith(6006, "ana@example.com", "2026-12-10T12:00:00Z"), { shop: SHOP }); // 20 days later
    await deliver("orders/create", orderWith(6007, "ana@example.com", "2026-12-21T13:00:00Z"), { shop: SHOP }); // 31 days later
    await runAllJobs();
    expect((await db.alertConversion.findMany()).map((c) => c.orderId)).toEqual(["6006"]);
  });
});

describe("attribution of orders to alerts that never reached the customer", () => {
  afterEach(() => useRealTime());

  it("credits no order to a customer whose alert the provider refused", async () => {
    // GIVEN Ana waiting for the variant, sold out, and a provider that refuses her alert for good
    const restockAt = new Date("2026-11-21T10:00:00Z");
    useVirtualTime(restockAt);
    await db.variant.update({ where: { shop_id: { shop: SHOP, id: VARIANT_ID } }, data: { available: false, inventoryQuantity: 0 } });
    await db.stockSubscription.create({
      data: { shop: SHOP, variantId: VARIANT_ID, productId: PRODUCT_ID, email: "ana@example.com", locale: "en", waitingKey: `${SHOP}|${VARIANT_ID}|ana@example.com` },
    });
    mail.resend.failNext(2, { status: 422 });
    await deliver("variants/in_stock", variantPayload(restockAt, 1), { shop: SHOP });
    await runAllJobs();
    const alert = await db.message.findFirstOrThrow({ where: { trigger: "back_in_stock", step: "alert" } });
    expect(alert.status).toBe("FAILED");
    expect(mail.resend.emails).toHaveLength(0);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ status: "NOTIFIED", notifiedAt: null });

    // WHEN she buys the variant the next day (having found it back in stock by herself)
    await deliver("orders/create", orderWith(6101, "ana@example.com", "2026-11-22T09:00:00Z"), { shop: SHOP });
    await runAllJobs();

    // THEN the alert she never got is credited with nothing
    expect(await db.alertConversion.count()).toBe(0);
  });

  it("credits an order to an alert that went, from the moment it went", async () => {
    const restockAt = new Date("2026-11-21T10:00:00Z");
    useVirtualTime(restockAt);
    await db.variant.update({ where: { shop_id: { shop: SHOP, id: VARIANT_ID } }, data: { available: false, inventoryQuantity: 0 } });
    await db.stockSubscription.create({
      data: { shop: SHOP, variantId: VARIANT_ID, productId: PRODUCT_ID, email: "ana@example.com", locale: "en", waitingKey: `${SHOP}|${VARIANT_ID}|ana@example.com` },
    });
    await deliver("variants/in_stock", variantPayload(restockAt, 1), { shop: SHOP });
    await runAllJobs();
    expect(mail.resend.emails.map((e) => e.to)).toEqual([["ana@example.com"]]);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ status: "NOTIFIED", notifiedAt: restockAt });

    await deliver("orders/create", orderWith(6102, "ana@example.com", "2026-11-22T09:00:00Z"), { shop: SHOP });
    await runAllJobs();
    expect((await db.alertConversion.findMany()).map((c) => [c.orderId, c.revenue])).toEqual([["6102", "39.98"]]);
  });
});

describe("attribution of an order only reconciliation found", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: process.env.SCOPES! });
    redirectShopifyTransport(sim.url);
  });
  afterAll(() => sim.close());

  it("credits an order whose orders/create never arrived, once reconciliation reads it from the Admin API", async () => {
    // GIVEN Ana told by an alert, and her order of the variant, which Shopify holds but whose webhook never reached Herald
    await notified("ana@example.com");
    sim.state.upsertShop({ domain: SHOP, name: "Maison Test" });
    const token = sim.state.issueToken(SHOP, "offline", process.env.SCOPES!);
    await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: process.env.SCOPES!, accessToken: token.token } });
    sim.state.recordWebhook(SHOP, "orders/create", JSON.stringify(orderWith(6201, "ana@example.com", "2026-11-22T09:00:00Z")), "2026-11-22T09:00:00Z");
    await db.shop.update({ where: { domain: SHOP }, data: { reconciledAt: new Date("2026-11-22T08:45:00Z") } });

    // WHEN the quarter-hourly check runs, twice
    await reconcileShop(SHOP, new Date("2026-11-22T09:15:00Z"));
    await reconcileShop(SHOP, new Date("2026-11-22T09:30:00Z"));

    // THEN the order is the alert's, once, with the revenue of the variant's line
    expect((await db.alertConversion.findMany()).map((c) => [c.orderId, c.revenue, c.currency])).toEqual([["6201", "39.98", "USD"]]);
  });
});

describe("back-in-stock data and privacy", () => {
  it("exports a customer's sign-ups and conversions, and redacts them", async () => {
    await notified("ana.garcia@example.com");
    await deliver("orders/create", orderWith(5001, "ana.garcia@example.com", "2026-11-21T09:00:00Z"), { shop: SHOP });
    await runAllJobs();
    expect(await db.alertConversion.count()).toBe(1);

    await deliver("customers/data_request", { shop_id: 1, shop_domain: SHOP, customer: { id: 77, email: "ana.garcia@example.com", phone: null }, orders_requested: [5001], data_request: { id: 9999 } }, { shop: SHOP });
    const request = await db.webhookEvent.findFirstOrThrow({ where: { topic: "customers/data_request" } });
    const data = await customerDataExport(SHOP, request.id);
    expect(data?.backInStockSignups).toEqual([expect.objectContaining({ variantId: VARIANT_ID, email: "ana.garcia@example.com", status: "NOTIFIED" })]);
    expect(data?.backInStockConversions).toEqual([expect.objectContaining({ orderId: "5001", revenue: "39.98" })]);

    await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: 77, email: "ana.garcia@example.com", phone: null }, orders_to_redact: [5001] }, { shop: SHOP });
    await runAllJobs();
    expect(await db.stockSubscription.count()).toBe(0);
    expect(await db.alertConversion.count()).toBe(0);
  });

  it("gives the merchant's screen the most-wanted variants and subscribers of their shop only", async () => {
    await db.stockSubscription.createMany({
      data: [
        { shop: SHOP, variantId: VARIANT_ID, productId: PRODUCT_ID, email: "a@example.com", locale: "en", waitingKey: "k1", createdAt: new Date("2026-11-01T00:00:00Z") },
        { shop: SHOP, variantId: VARIANT_ID, productId: PRODUCT_ID, email: "b@example.com", locale: "en", waitingKey: "k2", createdAt: new Date("2026-11-05T00:00:00Z") },
        { shop: OTHER, variantId: VARIANT_ID, productId: PRODUCT_ID, email: "c@example.com", locale: "en", waitingKey: "k3" },
      ],
    });
    expect(await mostWantedVariants(SHOP)).toEqual([
      expect.objectContaining({ variantId: VARIANT_ID, productTitle: "Example T-Shirt", waiting: 2, oldestSignupAt: new Date("2026-11-01T00:00:00Z") }),
    ]);
    const list = await subscriberList(SHOP);
    expect(list.subscribers.map((s) => s.email)).toEqual(["b@example.com", "a@example.com"]);
    const foreign = await db.stockSubscription.findFirstOrThrow({ where: { shop: OTHER } });
    expect(await unsubscribeSubscriber(SHOP, foreign.id)).toBe(false);
    expect(await unsubscribeSubscriber(SHOP, list.subscribers[0].id)).toBe(true);
    expect(await db.stockSubscription.count({ where: { shop: SHOP, status: "WAITING" } })).toBe(1);
  });
});
