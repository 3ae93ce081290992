import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { parseSettings } from "../../app/notifications/settings";
import type { FormValues } from "../../app/notifications/settings-form";
import * as settingsRoute from "../../app/routes/app.settings";
import type { SettingsResponse } from "../../app/routes/app.settings";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { withProviderFakes } from "../support/providers";
import { deliver } from "../support/webhooks";

// The settings screen through its loader and action, with session tokens as App Bridge sends them,
// against the database; then the saved conditions at work on orders that arrive by signed webhooks.
const SHOP = "herald-test.myshopify.com";
const OTHER = "other-store.myshopify.com";

const provider = withProviderFakes();

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, { settings: { delay: { holidays: ["2026-12-25"] }, backInStock: { enabled: true } } });
  await installShop(OTHER, { name: "Other Store", settings: { sender: { fromName: "Other" } } });
  await storeOfflineSession(SHOP);
});

interface LoaderData {
  values: FormValues;
  channels: Record<string, string>;
  currency: string;
}

const open = async () => callLoader<LoaderData>(settingsRoute.loader, await adminRequest("/app/settings", { shop: SHOP }));
const save = async (values: FormValues) => callAction<SettingsResponse>(settingsRoute.action, await adminRequest("/app/settings", { shop: SHOP, json: { values } }));
const stored = async (shop: string) => (await db.shop.findUniqueOrThrow({ where: { domain: shop } })).settings;

describe("the settings screen", () => {
  it("opens with the shop's settings as the form shows them, and the channels' state", async () => {
    const { status, data } = await open();
    expect(status).toBe(200);
    expect(data.values["sender.fromName"]).toBe("");
    expect(data.values["shipping.channels"]).toEqual(["email"]);
    expect(data.values["quietHours.start"]).toBe("21");
    expect(data.values["consent.smsRequiresConsent"]).toBe(true);
    expect(data.values["shipping.conditions.countries"]).toBe("");
    // Resend and Twilio (the loopback fakes) configured, but no WhatsApp template mapped: WhatsApp is off.
    expect(data.channels).toEqual({ email: "provider", sms: "provider", whatsapp: "off" });
  });

  it("refuses a bad reply-to, a negative threshold and a bad country with inline errors, and saves nothing", async () => {
    const before = await stored(SHOP);
    const { data: form } = await open();
    const { status, data } = await save({
      ...form.values,
      "sender.fromName": "Maison Test",
      "sender.replyTo": "not an address",
      "delay.unfulfilled.businessHours": "-4",
      "shipping.conditions.countries": "US, Canada",
      "delay.conditions.minOrderValue": "lots",
      "delay.channels": [],
    });
    expect(status).toBe(422);
    expect(data).toEqual({
      ok: false,
      errors: {
        "delay.conditions.minOrderValue": { code: "number" },
        "sender.replyTo": { code: "email" },
        "delay.unfulfilled.businessHours": { code: "above", min: 0 },
        "shipping.conditions.countries": { code: "country" },
        "delay.channels": { code: "channels" },
      },
    });
    expect(await stored(SHOP)).toBe(before);
  });

  it("saves valid settings for the session's shop only, keeping what the screen does not show", async () => {
    const { data: form } = await open();
    const otherBefore = await stored(OTHER);
    const { status, data } = await save({
      ...form.values,
      "sender.fromName": "  Maison Test  ",
      "sender.replyTo": "care@maison-test.example",
      "shipping.channels": ["sms", "email"],
      "shipping.channelMode": "first_available",
      "shipping.steps.in_transit": true,
      "shipping.conditions.tagsExclude": "no-notify, wholesale",
      "shipping.conditions.minOrderValue": "25.50",
      "shipping.conditions.countries": "us, ca",
      "delay.stalled.businessDaysDomestic": "2",
      "quietHours.start": "22",
      "consent.smsRequiresConsent": false,
      "digest.enabled": true,
      "digest.email": "team@maison-test.example",
    });
    expect(status).toBe(200);
    expect(data.ok && data.values["shipping.conditions.countries"]).toBe("US, CA");
    const settings = parseSettings(await stored(SHOP));
    expect(settings.sender).toEqual({ fromName: "Maison Test", replyTo: "care@maison-test.example" });
    expect(settings.shipping).toMatchObject({ channels: ["sms", "email"], channelMode: "first_available", steps: { in_transit: true } });
    expect(settings.shipping.conditions).toEqual({ tagsInclude: [], tagsExclude: ["no-notify", "wholesale"], minOrderValue: 25.5, shippingMethodContains: null, countries: ["US", "CA"] });
    expect(settings.delay.stalled.businessDaysDomestic).toBe(2);
    expect(settings.delay.holidays).toEqual(["2026-12-25"]);
    expect(settings.quietHours).toEqual({ enabled: true, start: 22, end: 8 });
    expect(settings.consent.smsRequiresConsent).toBe(false);
    expect(settings.digest).toEqual({ enabled: true, email: "team@maison-test.example", hour: 8 });
    // A section this screen does not know is kept as stored.
    expect(JSON.parse(await stored(SHOP)).backInStock).toMatchObject({ enabled: true });
    expect(await stored(OTHER)).toBe(otherBefore);
  });

  it("answers a request without a form with an error and saves nothing", async () => {
    const before = await stored(SHOP);
    const { status } = await callAction(settingsRoute.action, await adminRequest("/app/settings", { shop: SHOP, json: { nothing: true } }));
    expect(status).toBe(400);
    expect(await stored(SHOP)).toBe(before);
  });
});

describe("saved conditions on the pipeline", () => {
  it("records the shipping update of an order outside the conditions as skipped, and sends the one inside", async () => {
    const { data: form } = await open();
    expect((await save({ ...form.values, "shipping.conditions.tagsExclude": "wholesale", "shipping.conditions.shippingMethodContains": "generic" })).status).toBe(200);

    // The published sample ships by "Generic Shipping"; one order is tagged wholesale.
    await deliver("orders/create", orderPayload({ id: 5001, name: "#1001", tags: "Wholesale, vip" }));
    await deliver("orders/create", orderPayload({ id: 5002, name: "#1002", tags: "vip" }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7001, order_id: 5001, name: "#1001.1" }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7002, order_id: 5002, name: "#1002.1" }));
    await runAllJobs();

    const messages = await db.message.findMany({ where: { shop: SHOP, trigger: "shipping" }, orderBy: { orderId: "asc" }, select: { orderId: true, step: true, status: true, reason: true } });
    expect(messages).toEqual([
      { orderId: "5001", step: "shipped", status: "SKIPPED", reason: "condition_tags_exclude" },
      { orderId: "5002", step: "shipped", status: "SENT", reason: null },
    ]);
    expect(provider.fakes.resend.emails.map((e) => e.subject)).toEqual([expect.stringContaining("#1002")]);
    const order = await db.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "5001" } } });
    expect(order).toMatchObject({ tags: "Wholesale, vip", shippingMethod: "Generic Shipping" });
  });
});
