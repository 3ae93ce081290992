import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { saveWhatsAppTemplate } from "../../app/models/whatsapp-templates.server";
import { suppress } from "../../app/models/suppressions.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, setClock, useRealTime, useVirtualTime, virtualNow } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { withFakeResend, withFakeTwilio } from "../support/providers";
import { followClock } from "../support/virtual-date";
import { deliver } from "../support/webhooks";

const SHOP = "herald-test.myshopify.com";
const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";
const SID = "HX" + "0123456789abcdef".repeat(2);
const PHONE = "+14155550123";

let sim: RunningSimulator;
// Emails go to a fake Resend: a channel passed over for another is checked by what arrived there.
const fake = withFakeResend();
const fakes = withFakeTwilio();

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: SCOPES });
  redirectShopifyTransport(sim.url);
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await resetDatabase();
  sim.state.customers.clear();
  sim.state.graphqlCalls.length = 0;
});

/** The shop in Herald and in the store simulator, with an offline session the worker can use. */
async function install(settings: object): Promise<void> {
  await installShop(SHOP, { settings });
  sim.state.upsertShop({ domain: SHOP });
  const token = sim.state.issueToken(SHOP, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
}

/** Shopify knows order 5001's customer with this SMS consent. */
function storeCustomer(smsMarketing: string): void {
  sim.state.recordCustomer({
    shop: SHOP,
    id: "gid://shopify/Customer/77",
    orderIds: ["gid://shopify/Order/5001"],
    email: "ana.garcia@example.com",
    phone: PHONE,
    emailMarketing: "SUBSCRIBED",
    smsMarketing,
    updatedAt: "2026-11-20T09:00:00Z",
  });
}

const order = (overrides: Record<string, unknown> = {}) => orderPayload({ phone: PHONE, customer_locale: "es-MX", ...overrides });
const consentCalls = () => sim.state.graphqlCalls.filter((c) => c.operation === "OrderCustomerConsent");
const rows = () => db.message.findMany({ where: { trigger: "shipping" }, orderBy: [{ step: "asc" }, { channel: "asc" }] });

function customerWebhook(overrides: Record<string, unknown>) {
  const sample = JSON.parse(fs.readFileSync(path.resolve("tests/fixtures/shopify-webhooks/customers__create.json"), "utf8")) as Record<string, unknown>;
  return { ...sample, id: 77, email: "ana.garcia@example.com", phone: PHONE, default_address: { country_code: "US" }, ...overrides };
}

describe("WhatsApp approved templates", () => {
  const WHATSAPP_FIRST = { shipping: { channels: ["whatsapp", "email"], channelMode: "first_available" }, quietHours: { enabled: false } };

  it("sends the template mapped to the step, in the customer's language, with its placeholders filled", async () => {
    // GIVEN a shop preferring WhatsApp, templates for "shipped" in English and Spanish, and a subscribed customer
    await install(WHATSAPP_FIRST);
    storeCustomer("SUBSCRIBED");
    await saveWhatsAppTemplate(SHOP, { trigger: "shipping", step: "shipped", locale: "en" }, { contentSid: "HX" + "f".repeat(32), variables: { "1": "order.name" } });
    await saveWhatsAppTemplate(SHOP, { trigger: "shipping", step: "shipped", locale: "es" }, {
      contentSid: SID,
      variables: { "1": "customer.first_name", "2": "order.name", "3": "fulfillment.tracking_url" },
    });
    // WHEN the order ships
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN Twilio received the Spanish template with Herald's values, and no email went
    expect(fakes.twilio.messages).toHaveLength(1);
    const sent = fakes.twilio.messages[0];
    expect(sent).toMatchObject({ to: `whatsapp:${PHONE}`, from: "whatsapp:+15005550006", channel: "whatsapp", contentSid: SID, body: "" });
    expect(sent.contentVariables).toEqual({ "1": "Ana", "2": "#1001", "3": "https://www.ups.com/track?tracknum=1Z999AA10123456784" });
    const [message] = await rows();
    expect(message).toMatchObject({ channel: "whatsapp", status: "SENT", locale: "es", providerMessageId: sent.sid, renderedSubject: SID });
    expect(consentCalls()).toHaveLength(1);
  });

  it("sends a template once when Twilio's answer is lost: the retry finds Twilio's rendering of it by its values", async () => {
    // GIVEN Twilio renders the approved template, and the answer to the first send is lost
    useVirtualTime(new Date("2026-11-24T18:00:00Z"));
    const restoreDate = followClock(() => virtualNow()!.getTime()); // Twilio's clock dates its messages
    try {
      await install(WHATSAPP_FIRST);
      // Consent from the customers webhook: the simulator's Admin API rate limit keeps to its own clock.
      await deliver("customers/create", customerWebhook({ updated_at: "2026-11-20T12:00:00Z", sms_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in" } }));
      await saveWhatsAppTemplate(SHOP, { trigger: "shipping", step: "shipped", locale: "es" }, {
        contentSid: SID,
        variables: { "1": "customer.first_name", "2": "order.name" },
      });
      fakes.twilio.registerContentTemplate(SID, "Hola {{1}}, tu pedido {{2}} va en camino.");
      fakes.twilio.loseNextResponse(1);
      // WHEN the order ships
      await deliver("orders/create", order());
      await deliver("fulfillments/create", fulfillmentPayload());
      await runAllJobs();
      // THEN Twilio holds one message, and the row is SENT with its sid
      expect(fakes.twilio.messages.map((m) => m.body)).toEqual(["Hola Ana, tu pedido #1001 va en camino."]);
      const [message] = await rows();
      expect(message).toMatchObject({ channel: "whatsapp", status: "SENT", providerMessageId: fakes.twilio.messages[0].sid, attempts: 1 });
    } finally {
      restoreDate();
      useRealTime();
    }
  });

  it("falls through to email when no template is mapped to the step, and leaves no WhatsApp row", async () => {
    await install(WHATSAPP_FIRST);
    storeCustomer("SUBSCRIBED");
    await saveWhatsAppTemplate(SHOP, { trigger: "shipping", step: "delivered", locale: "en" }, { contentSid: SID, variables: {} });
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fakes.twilio.messages).toHaveLength(0);
    expect((await rows()).map((m) => [m.step, m.channel, m.status])).toEqual([["shipped", "email", "SENT"]]);
  });

  it("records the WhatsApp message as skipped (whatsapp_not_configured) when every channel is wanted", async () => {
    await install({ shipping: { channels: ["email", "whatsapp"] }, consent: { smsRequiresConsent: false } });
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect((await rows()).map((m) => [m.channel, m.status, m.reason])).toEqual([
      ["email", "SENT", null],
      ["whatsapp", "SKIPPED", "whatsapp_not_configured"],
    ]);
    expect(fakes.twilio.messages).toHaveLength(0);
  });
});

describe("SMS consent", () => {
  const SMS_FIRST = { shipping: { channels: ["sms", "email"], channelMode: "first_available" }, quietHours: { enabled: false } };

  it("asks Shopify once for an unknown customer's consent, records it, and texts a subscribed customer", async () => {
    await install(SMS_FIRST);
    storeCustomer("SUBSCRIBED");
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    await deliver("fulfillments/update", fulfillmentPayload({ shipment_status: "delivered", updated_at: "2026-11-22T09:00:00-05:00" }));
    await runAllJobs();
    expect(fakes.twilio.messages.map((m) => m.to)).toEqual([PHONE, PHONE]);
    expect(consentCalls()).toHaveLength(1);
    expect(await db.customer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "77" } } })).toMatchObject({ phone: PHONE, smsMarketing: "SUBSCRIBED" });
  });

  it("emails instead, skipping the text for no_sms_consent, when the customer did not subscribe to SMS", async () => {
    await install({ shipping: { channels: ["sms", "email"] }, quietHours: { enabled: false } });
    storeCustomer("NOT_SUBSCRIBED");
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect((await rows()).map((m) => [m.channel, m.status, m.reason])).toEqual([
      ["email", "SENT", null],
      ["sms", "SKIPPED", "no_sms_consent"],
    ]);
    expect(fakes.twilio.messages).toHaveLength(0);
  });

  it("texts without asking when the shop does not require SMS consent", async () => {
    await install({ ...SMS_FIRST, consent: { smsRequiresConsent: false } });
    storeCustomer("NOT_SUBSCRIBED");
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fakes.twilio.messages.map((m) => m.to)).toEqual([PHONE]);
    expect(consentCalls()).toHaveLength(0);
  });

  it("uses consent from the customers webhooks, newest first, without asking Shopify", async () => {
    await install(SMS_FIRST);
    storeCustomer("NOT_SUBSCRIBED"); // what the Admin API would say: it must not be asked
    const newer = customerWebhook({ updated_at: "2026-11-20T12:00:00Z", sms_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in" } });
    const older = customerWebhook({ updated_at: "2026-11-20T08:00:00Z", sms_marketing_consent: { state: "unsubscribed", opt_in_level: "single_opt_in" } });
    expect((await deliver("customers/update", newer)).status).toBe(200);
    expect((await deliver("customers/create", older)).status).toBe(200); // late and older: ignored
    const stored = await db.customer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "77" } } });
    expect(stored).toMatchObject({ smsMarketing: "SUBSCRIBED", emailMarketing: "NOT_SUBSCRIBED", phone: PHONE });
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fakes.twilio.messages.map((m) => m.to)).toEqual([PHONE]);
    expect(consentCalls()).toHaveLength(0);
  });

  it("emails a subscribed customer who texted STOP, when texts come first", async () => {
    // GIVEN a shop preferring SMS then email, and a customer subscribed to SMS who later texted STOP
    await install(SMS_FIRST);
    storeCustomer("SUBSCRIBED");
    await suppress(SHOP, "sms", PHONE, "sms_stop");
    // WHEN the order ships
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN the update goes by email, which Resend received, and nothing by text
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana.garcia@example.com"]]);
    expect(fakes.twilio.messages).toHaveLength(0);
    expect((await rows()).map((m) => [m.channel, m.status, m.providerMessageId])).toEqual([["email", "SENT", fake.resend.emails[0].id]]);
    // Suppressed texts need no consent: Shopify was not asked
    expect(consentCalls()).toHaveLength(0);
  });

  it("texts a customer who unsubscribed from shipping emails, when email comes first", async () => {
    await install({ shipping: { channels: ["email", "sms"], channelMode: "first_available" }, quietHours: { enabled: false } });
    storeCustomer("SUBSCRIBED");
    await suppress(SHOP, "email", "Ana.Garcia@example.com", "unsubscribe", "shipping");
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(0);
    expect(fakes.twilio.messages.map((m) => m.to)).toEqual([PHONE]);
    expect((await rows()).map((m) => [m.channel, m.status])).toEqual([["sms", "SENT"]]);
  });

  it("records a STOP as the text's reason when every channel is wanted, and still emails", async () => {
    await install({ shipping: { channels: ["sms", "email"] }, quietHours: { enabled: false } });
    storeCustomer("SUBSCRIBED");
    await suppress(SHOP, "sms", PHONE, "sms_stop");
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(1);
    expect(fakes.twilio.messages).toHaveLength(0);
    expect((await rows()).map((m) => [m.channel, m.status, m.reason])).toEqual([
      ["email", "SENT", null],
      ["sms", "SKIPPED", "suppressed_sms_stop"],
    ]);
  });

  it("does not text the order's number on SMS consent a stored customer gave for another number", async () => {
    // GIVEN Ana (found by her email) subscribed to SMS with another number, and Shopify knows no
    // customer for the order
    await install(SMS_FIRST);
    const subscribed = { state: "subscribed", opt_in_level: "single_opt_in" };
    expect((await deliver("customers/create", customerWebhook({ phone: "+14155550999", updated_at: "2026-11-20T12:00:00Z", sms_marketing_consent: subscribed }))).status).toBe(200);
    // WHEN an order with a different phone ships
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN no text went to that phone: the email did
    expect(fakes.twilio.messages).toHaveLength(0);
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana.garcia@example.com"]]);
    expect((await rows()).map((m) => [m.channel, m.status])).toEqual([["email", "SENT"]]);
  });

  it("does not text the order's number on the consent Shopify holds for the customer's other number", async () => {
    // GIVEN Shopify's customer for the order subscribed to SMS with a number that is not the order's
    await install(SMS_FIRST);
    sim.state.recordCustomer({
      shop: SHOP,
      id: "gid://shopify/Customer/77",
      orderIds: ["gid://shopify/Order/5001"],
      email: "ana.garcia@example.com",
      phone: "+14155550999",
      emailMarketing: "SUBSCRIBED",
      smsMarketing: "SUBSCRIBED",
      updatedAt: "2026-11-20T09:00:00Z",
    });
    await deliver("orders/create", order());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN Herald asked, recorded the answer, and emailed instead
    expect(consentCalls().length).toBeGreaterThan(0);
    expect(await db.customer.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: "77" } } })).toMatchObject({ phone: "+14155550999", smsMarketing: "SUBSCRIBED" });
    expect(fakes.twilio.messages).toHaveLength(0);
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana.garcia@example.com"]]);
  });

  it("skips a text held by quiet hours when the customer withdraws SMS consent before morning", async () => {
    // GIVEN a subscribed customer whose shipping text is decided at night (02:00 in New York,
    // 21:00 in Honolulu: night in every US zone) and held by quiet hours
    useVirtualTime(new Date("2026-11-24T07:00:00Z"));
    try {
      await install({ shipping: { channels: ["sms"] }, quietHours: { enabled: true, start: 21, end: 8 } });
      await deliver("customers/create", customerWebhook({ updated_at: "2026-11-20T12:00:00Z", sms_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in" } }));
      await deliver("orders/create", order());
      await deliver("fulfillments/create", fulfillmentPayload());
      await runAllJobs({ until: new Date("2026-11-24T07:30:00Z") });
      expect((await rows()).map((m) => [m.channel, m.status, m.reason])).toEqual([["sms", "DEFERRED", "quiet_hours"]]);

      // WHEN a customers/update an hour later says the customer unsubscribed from SMS
      setClock(new Date("2026-11-24T08:00:00Z"));
      const withdrawn = customerWebhook({ updated_at: "2026-11-24T08:00:00Z", sms_marketing_consent: { state: "unsubscribed", opt_in_level: "single_opt_in" } });
      expect((await deliver("customers/update", withdrawn)).status).toBe(200);
      await runAllJobs({ until: new Date("2026-11-24T23:00:00Z") });

      // THEN the held text never goes: skipped for the withdrawn consent when its morning comes
      expect((await rows()).map((m) => [m.channel, m.status, m.reason])).toEqual([["sms", "SKIPPED", "sms_consent_withdrawn"]]);
      expect(fakes.twilio.requests).toHaveLength(0);
    } finally {
      useRealTime();
    }
  });

  it("forgets the customer's consent record when Shopify asks to redact the customer", async () => {
    await install(SMS_FIRST);
    await deliver("customers/create", customerWebhook({ updated_at: "2026-11-20T12:00:00Z" }));
    expect(await db.customer.count({ where: { shop: SHOP } })).toBe(1);
    await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer: { id: 77, email: "ana.garcia@example.com", phone: PHONE }, orders_to_redact: [] });
    await runAllJobs();
    expect(await db.customer.count({ where: { shop: SHOP } })).toBe(0);
  });
});
