import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { PRODUCT_ID, seedVariant, VARIANT_ID, variantPayload } from "../support/back-in-stock";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { orderPayload, fulfillmentPayload } from "../support/payloads";
import { withProviderFakes } from "../support/providers";
import { deliver } from "../support/webhooks";

// Quiet hours (21:00-08:00 by default) in the recipient's own zone, for a shop in New York: a text
// the fake Twilio receives only once it is morning where the recipient is, known from the order's
// province, from all of its country's zones without one, or from the phone number's country.

const SHOP = "herald-test.myshopify.com";
const fakes = withProviderFakes();
const texts = () => fakes.fakes.twilio.messages;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: process.env.SCOPES! });
  redirectShopifyTransport(sim.url);
});
afterAll(() => sim.close());

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, {
    timezone: "America/New_York",
    settings: { shipping: { channels: ["sms"] }, consent: { smsRequiresConsent: false }, quietHours: { enabled: true, start: 21, end: 8 } },
  });
});
afterEach(useRealTime);

/** An order to a US phone, shipped to `address`, and its shipment, now (on the virtual clock). */
async function shipped(address: Record<string, unknown> | null) {
  await deliver("orders/create", orderPayload({ phone: "+1 808 555 0123", shipping_address: address, billing_address: null }));
  await deliver("fulfillments/create", fulfillmentPayload());
}

/** The text's one provider call, once it went: when it started. */
async function sentAt(trigger: string): Promise<Date> {
  const message = await db.message.findFirstOrThrow({ where: { trigger, channel: "sms" }, include: { attemptsLog: true } });
  expect(message.status).toBe("SENT");
  expect(message.attemptsLog).toHaveLength(1);
  return message.attemptsLog[0].startedAt;
}

async function deferred(trigger: string): Promise<void> {
  const message = await db.message.findFirstOrThrow({ where: { trigger, channel: "sms" } });
  expect([message.status, message.reason]).toEqual(["DEFERRED", "quiet_hours"]);
  expect(texts()).toHaveLength(0);
}

/** 16:30 in New York, 03:00 in India. */
const AT_1630 = new Date("2026-11-24T16:30:00-05:00");

/** Priya (an Indian number, confirmed; with `email`, an address too) has waited a day for the shop's variant. */
async function priyaWaiting(now: Date, contact: { email?: string } = {}): Promise<void> {
  await seedVariant(SHOP);
  const phone = "+919847012345";
  await db.stockSubscription.create({
    data: {
      shop: SHOP,
      variantId: VARIANT_ID,
      productId: PRODUCT_ID,
      ...contact,
      phone,
      smsConfirmed: true,
      locale: "en",
      waitingKey: `${SHOP}|${VARIANT_ID}|${contact.email ?? phone}`,
      createdAt: new Date(now.getTime() - 86_400_000),
    },
  });
}

describe("quiet hours where the customer is", () => {
  it("holds a Hawaii customer's text due at 08:30 in New York (03:30 in Honolulu) until 08:00 Honolulu time", async () => {
    useVirtualTime(new Date("2026-11-24T08:30:00-05:00"));
    await shipped({ first_name: "Leilani", country_code: "US", province_code: "HI" });
    await runAllJobs({ until: new Date("2026-11-24T07:59:00-10:00") });
    await deferred("shipping");

    await runAllJobs({ until: new Date("2026-11-24T09:00:00-10:00") });
    expect(texts().map((t) => t.to)).toEqual(["+18085550123"]);
    expect((await sentAt("shipping")).getTime()).toBeGreaterThanOrEqual(new Date("2026-11-24T08:00:00-10:00").getTime());
  });

  it("sends a California customer's text at 08:00 Los Angeles time, not later, once the province is known", async () => {
    useVirtualTime(new Date("2026-11-24T08:30:00-05:00"));
    await shipped({ first_name: "Rosa", country_code: "US", province_code: "CA" });
    await runAllJobs({ until: new Date("2026-11-24T07:59:00-08:00") });
    await deferred("shipping");

    await runAllJobs({ until: new Date("2026-11-24T08:10:00-08:00") });
    expect(texts()).toHaveLength(1);
    expect((await sentAt("shipping")).getTime()).toBeGreaterThanOrEqual(new Date("2026-11-24T08:00:00-08:00").getTime());
  });

  it("waits for the morning in every US zone when the address has no province", async () => {
    useVirtualTime(new Date("2026-11-24T08:30:00-05:00"));
    await shipped({ first_name: "Sam", country_code: "US" });
    // 08:00 in Los Angeles is still 06:00 in Honolulu.
    await runAllJobs({ until: new Date("2026-11-24T08:30:00-08:00") });
    await deferred("shipping");

    await runAllJobs({ until: new Date("2026-11-24T09:00:00-10:00") });
    expect(texts()).toHaveLength(1);
    expect((await sentAt("shipping")).getTime()).toBeGreaterThanOrEqual(new Date("2026-11-24T08:00:00-10:00").getTime());
  });
});

describe("quiet hours for a back-in-stock text, which has no address", () => {
  it("holds a New York shop's 16:30 alert to an Indian number (03:00 in India) until 08:00 India time", async () => {
    const t0 = AT_1630;
    useVirtualTime(t0);
    await priyaWaiting(t0);

    await deliver("variants/in_stock", variantPayload(t0, 1), { shop: SHOP });
    await runAllJobs({ until: new Date("2026-11-25T07:59:00+05:30") });
    await deferred("back_in_stock");

    await runAllJobs({ until: new Date("2026-11-25T09:00:00+05:30") });
    expect(texts().map((t) => t.to)).toEqual(["+919847012345"]);
    expect((await sentAt("back_in_stock")).getTime()).toBeGreaterThanOrEqual(new Date("2026-11-25T08:00:00+05:30").getTime());
  });

  it("drops a held alert when the item sold out again before morning, and tells the customer of the next restock", async () => {
    // GIVEN an Indian number waiting, and a restock in New York at 16:30 (03:00 in India): the text is held
    const t0 = AT_1630;
    useVirtualTime(t0);
    await priyaWaiting(t0);
    await deliver("variants/in_stock", variantPayload(t0, 1), { shop: SHOP });
    await runAllJobs({ until: new Date(t0.getTime() + 5 * 60_000) });
    await deferred("back_in_stock");

    // WHEN the variant sells out five minutes later, and morning comes in India
    await deliver("variants/out_of_stock", variantPayload(new Date(t0.getTime() + 5 * 60_000), 0), { shop: SHOP });
    await runAllJobs({ until: new Date("2026-11-25T09:00:00+05:30") });

    // THEN the text never went: it is skipped as sold out again, and the customer waits once more
    expect(texts()).toHaveLength(0);
    const held = await db.message.findFirstOrThrow({ where: { trigger: "back_in_stock", step: "alert" } });
    expect([held.status, held.reason]).toEqual(["SKIPPED", "sold_out_again"]);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ status: "WAITING", notifiedAt: null, waitingKey: `${SHOP}|${VARIANT_ID}|+919847012345` });

    // ...so the next restock, at 10:00 in India, tells them
    const next = new Date("2026-11-25T10:00:00+05:30");
    await deliver("variants/in_stock", variantPayload(next, 3), { shop: SHOP });
    await runAllJobs({ until: new Date(next.getTime() + 5 * 60_000) });
    expect(texts().map((t) => t.to)).toEqual(["+919847012345"]);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ status: "NOTIFIED" });
  });

  it("credits an order to a held alert text only once the text went", async () => {
    // GIVEN an Indian number waiting, and a restock in New York at 16:30 (03:00 in India): the text waits for 08:00 India time
    const t0 = AT_1630;
    useVirtualTime(t0);
    await priyaWaiting(t0);
    await deliver("variants/in_stock", variantPayload(t0, 5), { shop: SHOP });
    const bought = (id: number, at: Date) =>
      orderPayload({
        id,
        email: null,
        contact_email: null,
        phone: "+919847012345",
        customer: { id: 91, first_name: "Priya", last_name: null, email: null, phone: "+919847012345" },
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
        line_items: [{ id: 1, title: "Example T-Shirt", variant_title: "Small", quantity: 1, price: "19.99", variant_id: VARIANT_ID, product_id: PRODUCT_ID }],
      });

    // WHEN the customer orders at 18:00 New York (04:30 in India), before the text went, and again after it went
    await runAllJobs({ until: new Date("2026-11-24T18:00:00-05:00") });
    await deferred("back_in_stock");
    await deliver("orders/create", bought(8001, new Date("2026-11-24T18:00:00-05:00")));
    await runAllJobs({ until: new Date("2026-11-25T09:00:00+05:30") });
    expect(texts().map((t) => t.to)).toEqual(["+919847012345"]);
    await deliver("orders/create", bought(8002, new Date("2026-11-25T09:00:00+05:30")));
    await runAllJobs({ until: new Date("2026-11-25T09:05:00+05:30") });

    // THEN only the order placed after the text went is the alert's
    expect((await db.alertConversion.findMany()).map((c) => c.orderId)).toEqual(["8002"]);
    expect((await db.stockSubscription.findFirstOrThrow()).notifiedAt!.getTime()).toBeGreaterThanOrEqual(new Date("2026-11-25T08:00:00+05:30").getTime());
  });

  it("drops the held text of a customer whose alert email already went, and leaves them told", async () => {
    // GIVEN a customer waiting with an email and an Indian number; the restock's email goes at once, the text is held
    const t0 = AT_1630;
    useVirtualTime(t0);
    await priyaWaiting(t0, { email: "priya@example.com" });
    await deliver("variants/in_stock", variantPayload(t0, 1), { shop: SHOP });
    await runAllJobs({ until: new Date(t0.getTime() + 5 * 60_000) });
    expect(fakes.fakes.resend.emails.map((e) => e.to)).toEqual([["priya@example.com"]]);
    await deferred("back_in_stock");

    // WHEN the variant sells out, and morning comes in India
    await deliver("variants/out_of_stock", variantPayload(new Date(t0.getTime() + 5 * 60_000), 0), { shop: SHOP });
    await runAllJobs({ until: new Date("2026-11-25T09:00:00+05:30") });

    // THEN the text is skipped, and the customer, told by email, stays told
    expect(texts()).toHaveLength(0);
    const text = await db.message.findFirstOrThrow({ where: { trigger: "back_in_stock", channel: "sms" } });
    expect([text.status, text.reason]).toEqual(["SKIPPED", "sold_out_again"]);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ status: "NOTIFIED", waitingKey: null });
  });
});
