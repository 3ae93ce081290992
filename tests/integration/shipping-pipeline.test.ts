import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { MAX_DELIVERY_ATTEMPTS } from "../../app/pipeline/deliver.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";
import { withFakeResend } from "../support/providers";

const fake = withFakeResend();

// The stories are dated: run them on a virtual clock, whatever day the suite runs.
beforeEach(() => useVirtualTime(new Date("2026-11-21T09:30:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  await installShop();
});

describe("shipping updates from signed webhooks", () => {
  it("sends one shipped email when the same fulfillment webhook is delivered three times", async () => {
    // GIVEN an order
    await deliver("orders/create", orderPayload());
    // WHEN Shopify delivers the same fulfillments/create three times (same webhook id)
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await deliver("fulfillments/create", fulfillmentPayload(), { webhookId: "wh-fulfil-1" })).status);
    }
    await runAllJobs();
    // THEN every delivery was acknowledged and the provider received exactly one email
    expect(statuses).toEqual([200, 200, 200]);
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.emails[0].to).toEqual(["ana.garcia@example.com"]);
    expect(fake.resend.emails[0].text).toContain("1Z999AA10123456784");
    expect(await db.webhookEvent.count({ where: { topic: "fulfillments/create" } })).toBe(1);
  });

  it("sends no in-transit email after delivered, when the in_transit event arrives late", async () => {
    await installShop("late.myshopify.com", { settings: { shipping: { steps: { in_transit: true } } } });
    const shop = { shop: "late.myshopify.com" };
    await deliver("orders/create", orderPayload(), shop);
    await deliver("fulfillments/create", fulfillmentPayload(), shop);
    await runAllJobs();
    // GIVEN delivered was reported and sent
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9002, status: "delivered", happened_at: "2026-11-23T15:00:00-05:00" }), shop);
    await runAllJobs();
    // WHEN an older in_transit scan arrives afterwards
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9001, status: "in_transit", happened_at: "2026-11-22T08:00:00-05:00" }), shop);
    await runAllJobs();
    // THEN the customer got shipped and delivered, and nothing about "in transit"
    const steps = (await db.message.findMany({ where: { shop: "late.myshopify.com", trigger: "shipping" }, orderBy: { createdAt: "asc" } })).map((m) => m.step);
    expect(steps).toEqual(["shipped", "delivered"]);
    expect(fake.resend.emails).toHaveLength(2);
  });

  it("sends two shipped emails for two fulfillments of one order, one per tracking number", async () => {
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7001, name: "#1001.1", tracking_number: "1Z0000000000000001", tracking_numbers: [], tracking_url: null, tracking_urls: [] }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7002, name: "#1001.2", tracking_number: "9400100000000000000002", tracking_company: "USPS", tracking_numbers: [], tracking_url: null, tracking_urls: [] }));
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(2);
    const bodies = fake.resend.emails.map((e) => e.text ?? "");
    expect(bodies.some((b) => b.includes("1Z0000000000000001"))).toBe(true);
    expect(bodies.some((b) => b.includes("9400100000000000000002"))).toBe(true);
  });

  it("answers 401 to a forged HMAC and stores nothing", async () => {
    const response = await deliver("orders/create", orderPayload(), { secret: "not-the-app-secret" });
    expect(response.status).toBe(401);
    expect(await db.webhookEvent.count()).toBe(0);
    expect(await db.order.count()).toBe(0);
  });

  it("answers 401 when the HMAC header is missing and 400 when another required header is missing", async () => {
    expect((await deliver("orders/create", orderPayload(), { omitHeaders: ["X-Shopify-Hmac-Sha256"] })).status).toBe(401);
    expect((await deliver("orders/create", orderPayload(), { omitHeaders: ["X-Shopify-Topic"] })).status).toBe(400);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("keeps a payload that fails validation as a failed event and answers 200", async () => {
    const { name: _name, ...withoutName } = orderPayload();
    const response = await deliver("orders/create", withoutName);
    expect(response.status).toBe(200);
    const events = await db.webhookEvent.findMany();
    expect(events).toHaveLength(1);
    expect(events[0].status).toBe("FAILED");
    expect(events[0].error).toContain("name");
    expect(await db.order.count()).toBe(0);
  });

  it("keeps a body that is not JSON as a failed event and answers 200", async () => {
    const response = await deliver("orders/create", "{not json");
    expect(response.status).toBe(200);
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(event.status).toBe("FAILED");
    expect(event.error).toMatch(/not valid JSON/);
  });

  it("acknowledges and ignores a webhook for a shop that has not installed Herald", async () => {
    const response = await deliver("orders/create", orderPayload(), { shop: "stranger.myshopify.com" });
    expect(response.status).toBe(200);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("sends one email after Resend answers 500 twice, with three attempts recorded", async () => {
    fake.resend.failNext(2, { status: 500 });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(1);
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
    expect(message.status).toBe("SENT");
    expect(message.attempts).toBe(3);
    expect(message.attemptsLog.map((a) => a.outcome)).toEqual(["RETRYABLE", "RETRYABLE", "SENT"]);
    // Every call carried the same idempotency key.
    const keys = new Set(fake.resend.requests.filter((r) => r.path === "/emails").map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
  });

  it("keeps a message through a long Resend outage, retrying at most 5 minutes apart, and sends it once Resend is back", async () => {
    // GIVEN Resend down for every attempt but the last one Herald makes (more than 80 minutes)
    fake.resend.failNext(MAX_DELIVERY_ATTEMPTS - 1, { status: 503 });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN the message was never given up, no retry came more than 5 minutes after the one
    // before (so once Resend is back, the message goes within 5 minutes), and it went once
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
    expect(message.status).toBe("SENT");
    expect(fake.resend.emails).toHaveLength(1);
    const starts = message.attemptsLog.map((a) => a.startedAt.getTime());
    expect(starts).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * 60_000 + 1_000);
    expect(starts.at(-1)! - starts[0]).toBeGreaterThanOrEqual(80 * 60_000);
  });

  it("waits as long as Resend's retry-after asks on a 429", async () => {
    fake.resend.failNext(1, { status: 429, retryAfterSeconds: 90 });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    const start = new Date();
    await runAllJobs({ start });
    const attempts = await db.messageAttempt.findMany({ orderBy: { number: "asc" } });
    expect(attempts).toHaveLength(2);
    expect(attempts[1].startedAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(90_000);
    expect(fake.resend.emails).toHaveLength(1);
  });

  it("fails a message for good on a validation error from Resend, without retrying", async () => {
    fake.resend.failNext(1, { status: 422 });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.status).toBe("FAILED");
    expect(message.attempts).toBe(1);
    expect(message.error).toMatch(/422/);
    expect(fake.resend.emails).toHaveLength(0);
  });

  it("heals a lost provider answer: the retry reuses the idempotency key and the provider holds one email", async () => {
    // GIVEN Resend accepts the email but the answer never reaches Herald (as if the process died)
    fake.resend.loseNextResponse(1);
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN the provider holds one email and the row ends sent with the provider's id
    expect(fake.resend.emails).toHaveLength(1);
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.status).toBe("SENT");
    expect(message.providerMessageId).toBe(fake.resend.emails[0].id);
  });

  it("records a skipped message, not a failure, when the order has no email address", async () => {
    await deliver("orders/create", orderPayload({ email: null, contact_email: null, customer: { first_name: "Ana", email: null } }));
    await deliver("fulfillments/create", fulfillmentPayload({ email: null }));
    await runAllJobs();
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.status).toBe("SKIPPED");
    expect(message.reason).toBe("no_email");
    expect(fake.resend.emails).toHaveLength(0);
  });

  it("sends nothing for a cancelled order or a test order", async () => {
    await deliver("orders/create", orderPayload({ id: 5001, cancelled_at: "2026-11-20T11:00:00-05:00" }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7001, order_id: 5001 }));
    await deliver("orders/create", orderPayload({ id: 5002, name: "#1002", test: true }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7002, order_id: 5002 }));
    await runAllJobs();
    expect(await db.message.count({ where: { trigger: "shipping" } })).toBe(0);
    expect(fake.resend.emails).toHaveLength(0);
  });

  it("writes the email in the customer's language", async () => {
    await deliver("orders/create", orderPayload({ customer_locale: "es-MX" }));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.locale).toBe("es");
    expect(fake.resend.emails[0].subject).not.toBe("");
    expect(fake.resend.emails[0].html).toContain('lang="es"');
    // The footer and the plain-text part carry the one-click unsubscribe link, in Spanish.
    expect(fake.resend.emails[0].html).toContain("/apps/herald/unsubscribe?t=");
    expect(fake.resend.emails[0].text).toMatch(/Darme de baja de estos correos: https:\/\/herald-test\.myshopify\.com\/apps\/herald\/unsubscribe\?t=/);
  });

  it("keeps the newer order when an older orders/updated arrives late", async () => {
    await deliver("orders/updated", orderPayload({ email: "new@example.com", updated_at: "2026-11-20T12:00:00-05:00" }));
    await deliver("orders/updated", orderPayload({ email: "old@example.com", updated_at: "2026-11-20T11:00:00-05:00" }));
    const order = await db.order.findFirstOrThrow();
    expect(order.email).toBe("new@example.com");
  });

  it("keeps Shopify's 64-bit ids exact", async () => {
    await deliver("orders/create", `{"id":820982911946154508,"name":"#9999","email":"a@example.com","created_at":"2026-11-20T10:00:00Z","updated_at":"2026-11-20T10:00:00Z","line_items":[]}`);
    const order = await db.order.findFirstOrThrow();
    expect(order.id).toBe("820982911946154508");
    expect((await db.webhookEvent.findFirstOrThrow()).orderId).toBe("820982911946154508");
  });

  it("records the order each event names, and processes an event recorded without it", async () => {
    // GIVEN an order, processed, and then its fulfillment, recorded as events that name the order
    await deliver("orders/create", orderPayload());
    await runAllJobs();
    await deliver("fulfillments/create", fulfillmentPayload());
    const order = await db.order.findFirstOrThrow();
    const events = await db.webhookEvent.findMany({ orderBy: { receivedAt: "asc" } });
    expect(events.map((e) => [e.topic, e.orderId])).toEqual([
      ["orders/create", order.id],
      ["fulfillments/create", order.id],
    ]);
    // AND the fulfillment's event as one recorded before events named their order
    await db.webhookEvent.update({ where: { id: events[1].id }, data: { orderId: null } });
    // WHEN the fulfillment's job runs
    await runAllJobs();
    // THEN the order is read for that event and its shipped email goes once
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.emails[0].text).toContain("1Z999AA10123456784");
    expect(await db.webhookEvent.count({ where: { status: "PROCESSED" } })).toBe(2);
  });
});
