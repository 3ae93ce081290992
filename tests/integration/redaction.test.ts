import { Prisma } from "@prisma/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { queue } from "../../app/jobs/queue.server";
import { SHOP_ROWS } from "../../app/models/redact-shop.server";
import { suppress } from "../../app/models/suppressions.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

// GDPR erasure, checked the way an auditor would: by searching every table for what must be gone.

const SHOP = "herald-test.myshopify.com";
const OTHER = "other.myshopify.com";
const EMAIL = "ana.garcia@example.com";
const PHONE = "+14155550123";
const customer = { id: 77, email: EMAIL, phone: PHONE };

const MODELS = Prisma.dmmf.datamodel.models;
const hasShopColumn = (model: (typeof MODELS)[number]) => model.fields.some((f) => f.name === "shop");

beforeEach(() => useVirtualTime(new Date("2026-11-21T09:30:00-05:00")));
afterEach(useRealTime);
beforeEach(resetDatabase);

/** SQL limiting a table to `shop`'s rows where it can tell (the rest of the tables: every row). */
function shopScope(model: (typeof MODELS)[number], shop: string): string {
  if (hasShopColumn(model)) return `AND "shop" = '${shop}'`;
  if (model.name === "Shop") return `AND "domain" = '${shop}'`;
  if (model.fields.some((f) => f.name === "messageId")) return `AND "messageId" IN (SELECT "id" FROM "Message" WHERE "shop" = '${shop}')`;
  return "";
}

/**
 * Rows holding `needle` in any text column of any table (case-insensitive), limited to `shop`'s
 * rows (shopScope). Answers "Table.column" for each hit.
 */
async function rowsMentioning(needle: string, shop: string): Promise<string[]> {
  const hits: string[] = [];
  for (const model of MODELS) {
    for (const field of model.fields.filter((f) => f.kind === "scalar" && f.type === "String")) {
      const scope = shopScope(model, shop);
      const rows = await db.$queryRawUnsafe<unknown[]>(
        `SELECT 1 FROM "${model.name}" WHERE LOWER("${field.name}") LIKE '%${needle.toLowerCase()}%' ${scope}`,
      );
      if (rows.length) hits.push(`${model.name}.${field.name}`);
    }
  }
  return hits;
}

/** The customer as one shop knows them: two orders, consent, sign-ups, opt-outs, a data request, texts. */
async function customerStory(shop: string) {
  await deliver("customers/create", {
    id: 77,
    email: EMAIL,
    phone: PHONE,
    updated_at: "2026-11-19T10:00:00-05:00",
    email_marketing_consent: { state: "subscribed" },
    sms_marketing_consent: { state: "subscribed" },
  }, { shop });
  await deliver("orders/create", orderPayload({ phone: PHONE }), { shop });
  await deliver("fulfillments/create", fulfillmentPayload(), { shop });
  // A second order, which Shopify does not list for redaction.
  await deliver("orders/create", orderPayload({ id: 5002, name: "#1002", phone: PHONE }), { shop });
  await runAllJobs();
  await deliver("customers/data_request", { shop_id: 1, shop_domain: shop, customer, orders_requested: [5001, 5002], data_request: { id: 9999 } }, { shop });
  await runAllJobs();
  await suppress(shop, "email", EMAIL, "unsubscribe", "delay");
  await suppress(shop, "sms", `whatsapp:${PHONE}`, "sms_stop");
  const subscription = await db.stockSubscription.create({
    data: { shop, variantId: "v1", productId: "p1", email: EMAIL, phone: PHONE, locale: "es", status: "NOTIFIED", notifiedAt: new Date() },
  });
  await db.alertConversion.create({
    data: { shop, orderId: "5002", subscriptionId: subscription.id, variantId: "v1", revenue: "10.00", currency: "USD", orderedAt: new Date() },
  });
  // A WhatsApp text that went out through the local outbox (which stores Twilio's whatsapp:+E164)...
  await db.outboxItem.create({ data: { shop, idempotencyKey: `${shop}-wa-1`, channel: "whatsapp", from: "whatsapp:+15005550006", to: `whatsapp:${PHONE}`, text: "Hola Ana" } });
  // ...an SMS whose send failed with an error that echoes the number, still pending a retry...
  const failing = await db.message.create({
    data: {
      shop, dedupKey: `${shop}|shipping|fulfillment:7001|shipped|${PHONE}|sms`, trigger: "shipping", subject: "fulfillment:7001", step: "shipped",
      channel: "sms", recipient: PHONE, orderId: "5001", status: "PENDING", renderedText: "Hola Ana, tu pedido #1001 va en camino", attempts: 1,
      error: `Invalid To Phone Number: ${PHONE}`,
    },
  });
  await db.messageAttempt.create({ data: { messageId: failing.id, number: 1, outcome: "RETRYABLE", provider: "twilio", error: `Invalid To Phone Number: ${PHONE}` } });
  await queue().enqueue("deliver-message", { messageId: failing.id }, { key: `deliver:${failing.id}`, runAt: new Date("2026-11-21T20:00:00-05:00") });
  // ...and a WhatsApp message of the order Shopify does not list, held for the end of quiet hours.
  const deferred = await db.message.create({
    data: {
      shop, dedupKey: `${shop}|shipping|order:5002|confirmed|whatsapp:${PHONE}|whatsapp`, trigger: "shipping", subject: "order:5002", step: "confirmed",
      channel: "whatsapp", recipient: `whatsapp:${PHONE}`, orderId: "5002", status: "DEFERRED", reason: "quiet_hours", renderedText: "Hola Ana",
    },
  });
  await queue().enqueue("deliver-message", { messageId: deferred.id }, { key: `deliver:${deferred.id}`, runAt: new Date("2026-11-21T20:00:00-05:00") });
  return { failing, deferred };
}

describe("customers/redact", () => {
  it("leaves the customer's email and phone in no column of any table of the shop, and another shop's copy untouched", async () => {
    // GIVEN two shops that know the same customer
    await installShop(SHOP);
    await installShop(OTHER);
    await customerStory(SHOP);
    await customerStory(OTHER);
    expect(await rowsMentioning(EMAIL, SHOP)).toContain("WebhookEvent.payload");
    expect(await rowsMentioning(PHONE, SHOP)).toContain("OutboxItem.to");
    const told = await db.message.count({ where: { shop: SHOP } });

    // WHEN Shopify asks the first shop's app to redact the customer and their first order
    const response = await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [5001] });
    expect(response.status).toBe(200);
    await runAllJobs();

    // THEN no text column of any table holds the email or the phone (with or without its +)
    expect(await rowsMentioning(EMAIL, SHOP)).toEqual([]);
    expect(await rowsMentioning(PHONE.slice(1), SHOP)).toEqual([]);
    // AND the messages stay as anonymous counts
    expect(await db.message.count({ where: { shop: SHOP } })).toBe(told);
    expect(await db.message.count({ where: { shop: SHOP, recipient: { not: "redacted" } } })).toBe(0);
    // AND the other shop still knows its customer
    expect(await rowsMentioning(EMAIL, OTHER)).toEqual(expect.arrayContaining(["Order.email", "Message.recipient", "Suppression.address", "Customer.email"]));
    expect(await rowsMentioning(PHONE, OTHER)).toEqual(expect.arrayContaining(["OutboxItem.to", "Message.dedupKey"]));
  });

  it("cancels the customer's messages that had not gone out (pending, deferred) instead of sending them to 'redacted'", async () => {
    await installShop(SHOP);
    const { failing, deferred } = await customerStory(SHOP);
    const outbox = await db.outboxItem.count();

    await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [5001] });
    // Their delivery jobs come due after the redaction.
    await runAllJobs({ until: new Date("2026-11-22T09:00:00-05:00") });

    for (const id of [failing.id, deferred.id]) {
      expect(await db.message.findUniqueOrThrow({ where: { id }, select: { status: true, reason: true, recipient: true } })).toEqual({
        status: "SKIPPED",
        reason: "customer_redacted",
        recipient: "redacted",
      });
    }
    expect(await db.outboxItem.count({ where: { to: { contains: "redacted" } } })).toBe(0);
    expect(await db.outboxItem.count()).toBeLessThan(outbox); // the customer's copies went, nothing new came
    const sent = await db.message.findFirstOrThrow({ where: { shop: SHOP, orderId: "5001", channel: "email", step: "shipped" } });
    expect(sent.status).toBe("SENT"); // a message that went out stays what it was
  });

  it("still tells the customer nothing twice when Shopify later sends the redacted order's webhooks again", async () => {
    await installShop(SHOP);
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const emails = await db.outboxItem.count({ where: { channel: "email" } });
    expect(emails).toBe(1);

    await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [5001] });
    await runAllJobs();
    // Late webhooks (retries, reconciliation) bring the order and its shipment back.
    await deliver("orders/updated", orderPayload({ updated_at: "2026-11-21T10:00:00-05:00" }));
    await deliver("fulfillments/update", fulfillmentPayload({ updated_at: "2026-11-21T10:00:00-05:00" }));
    await runAllJobs();

    expect(await db.message.count({ where: { shop: SHOP, orderId: "5001", step: "shipped", channel: "email" } })).toBe(1);
    expect(await db.outboxItem.count({ where: { channel: "email" } })).toBe(0); // the first copy was redacted; no second one
  });
});

/** One row in every table for `shop` (through webhooks and the pipeline where they write it). */
async function everyTable(shop: string) {
  await installShop(shop);
  await db.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_x" } });
  await deliver("customers/create", {
    id: 77, email: EMAIL, phone: PHONE, updated_at: "2026-11-19T10:00:00-05:00",
    email_marketing_consent: { state: "subscribed" }, sms_marketing_consent: { state: "subscribed" },
  }, { shop });
  await deliver("orders/create", orderPayload(), { shop });
  await deliver("fulfillments/create", fulfillmentPayload(), { shop });
  await deliver("fulfillment_events/create", carrierEventPayload(), { shop });
  await runAllJobs();
  const message = await db.message.findFirstOrThrow({ where: { shop } });
  await db.messageEvent.create({ data: { messageId: message.id, provider: "outbox", eventKey: `${shop}-delivered`, type: "delivered", occurredAt: new Date() } });
  await db.fulfillmentOrder.create({ data: { shop, id: "fo1", orderId: "5001", status: "on_hold", holdReason: "other", holdNotes: "Ana asked to wait", stateAt: new Date() } });
  await suppress(shop, "email", EMAIL, "unsubscribe");
  await db.messageTemplate.create({ data: { shop, trigger: "shipping", step: "shipped", channel: "email", locale: "es", version: 1, subject: "Enviado", html: "<p>Hola</p>", text: "Hola" } });
  await db.whatsAppTemplate.create({ data: { shop, trigger: "shipping", step: "shipped", locale: "es", contentSid: "HX0123" } });
  await db.variant.create({ data: { shop, id: "v1", productId: "p1", productTitle: "Mug", title: "Blue", available: false, shopifyUpdatedAt: new Date() } });
  const restock = await db.restock.create({ data: { shop, variantId: "v1", units: 2, quota: 2, detectedAt: new Date(), status: "DONE" } });
  const subscription = await db.stockSubscription.create({ data: { shop, variantId: "v1", productId: "p1", email: EMAIL, locale: "es", restockId: restock.id } });
  await db.alertConversion.create({ data: { shop, orderId: "5001", subscriptionId: subscription.id, variantId: "v1", revenue: "10.00", currency: "USD", orderedAt: new Date() } });
  await db.proxyNonce.create({ data: { shop, signature: `${shop}-sig` } });
  await db.rateLimit.create({ data: { key: `signup:${shop}@203.0.113.9`, windowStart: new Date(), count: 1 } });
  // Rows of the embedded queue naming the shop or a row of it (written here: on the scale-out stack
  // the queue is BullMQ and the table stays empty otherwise).
  const later = new Date("2026-12-01T00:00:00Z");
  await db.job.createMany({
    data: [
      { name: "reconcile-shop", payload: JSON.stringify({ shop }), runAt: later },
      { name: "deliver-message", payload: JSON.stringify({ messageId: message.id }), runAt: later },
      { name: "backinstock-confirm", payload: JSON.stringify({ subscriptionId: subscription.id }), runAt: later },
      { name: "backinstock-fanout", payload: JSON.stringify({ restockId: restock.id, run: 0 }), runAt: later },
    ],
  });
}

/** Rows of `shop` per table, found from the test's side: the shop column, or the rows they hang from. */
async function rowsOf(shop: string): Promise<Record<string, number>> {
  const messages = (await db.message.findMany({ where: { shop }, select: { id: true } })).map((m) => m.id);
  const ids = new Set([
    ...messages,
    ...(await db.webhookEvent.findMany({ where: { shop }, select: { id: true } })).map((r) => r.id),
    ...(await db.stockSubscription.findMany({ where: { shop }, select: { id: true } })).map((r) => r.id),
    ...(await db.restock.findMany({ where: { shop }, select: { id: true } })).map((r) => r.id),
  ]);
  const counts: Record<string, number> = {};
  for (const model of MODELS) {
    if (hasShopColumn(model)) {
      const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "${model.name}" WHERE "shop" = '${shop}'`);
      counts[model.name] = rows.length;
    }
  }
  counts.Shop = await db.shop.count({ where: { domain: shop } });
  counts.MessageAttempt = await db.messageAttempt.count({ where: { messageId: { in: messages } } });
  counts.MessageEvent = await db.messageEvent.count({ where: { messageId: { in: messages } } });
  counts.RateLimit = await db.rateLimit.count({ where: { key: { contains: shop } } });
  counts.Job = (await db.job.findMany({ select: { payload: true } })).filter((j) => {
    const p = JSON.parse(j.payload) as Record<string, unknown>;
    return p.shop === shop || Object.values(p).some((v) => typeof v === "string" && ids.has(v));
  }).length;
  return counts;
}

describe("shop/redact", () => {
  it("lists every model of the schema with where its shop's rows are", () => {
    expect(Object.keys(SHOP_ROWS).sort()).toEqual(MODELS.map((m) => m.name).sort());
  });

  it("removes every row of the shop from every table, and nothing of another shop", async () => {
    // GIVEN two shops with rows in every table
    await everyTable(SHOP);
    await everyTable(OTHER);
    const before = await rowsOf(SHOP);
    // (a model added to the schema without a row here fails this: the test must cover it too)
    expect(Object.keys(before).sort()).toEqual(MODELS.map((m) => m.name).sort());
    for (const [table, count] of Object.entries(before)) expect(count, `${table} rows of the shop before`).toBeGreaterThan(0);
    const other = await rowsOf(OTHER);

    // WHEN the shop is uninstalled and, 48 h later, Shopify sends shop/redact
    await deliver("app/uninstalled", { id: 1, domain: SHOP });
    expect((await deliver("shop/redact", { shop_id: 1, shop_domain: SHOP })).status).toBe(200);
    await runAllJobs();

    // THEN no table holds a row of the shop, and the other shop has all of its rows
    const after = await rowsOf(SHOP);
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((table) => [table, 0])));
    const otherAfter = await rowsOf(OTHER);
    for (const [table, count] of Object.entries(other)) expect(otherAfter[table], table).toBeGreaterThanOrEqual(count);
    // AND a redelivery of shop/redact finds nothing to do and changes nothing
    expect((await deliver("shop/redact", { shop_id: 1, shop_domain: SHOP })).status).toBe(200);
    expect(await rowsOf(SHOP)).toEqual(after);
  });
});
