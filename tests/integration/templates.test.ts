import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { activeTemplate, saveTemplate } from "../../app/models/templates.server";
import { AVAILABLE_LOCALES, getDefaultTemplate, layoutLabels } from "../../app/notifications/templates";
import type { EditorResponse, PreviewPayload } from "../../app/models/templates.server";
import * as editorRoute from "../../app/routes/app.notifications.$trigger.$step";
import * as listRoute from "../../app/routes/app.notifications._index";
import * as previewRoute from "../../app/routes/app.notifications.preview";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";
import { withProviderFakes } from "../support/providers";
import { runAllJobs } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

// The template screens through their routes, with signed session tokens as App Bridge sends them; the
// pipeline through signed webhooks; providers are the loopback fakes (what they received is asserted).
const SHOP = "herald-test.myshopify.com";
const OTHER = "other-store.myshopify.com";
const SHIPPED = { trigger: "shipping", step: "shipped" };

const provider = withProviderFakes();

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, { name: "Maison Test" });
  await storeOfflineSession(SHOP);
});

interface ListData {
  triggers: Array<{ trigger: string; rows: Array<{ step: string; enabled: boolean; channels: string[]; customized: { email: string[]; sms: string[] }; lastEdited: string | null; sent: number }> }>;
}
interface EditorData {
  channel: string;
  locale: string;
  dir: string;
  locales: Array<{ locale: string; customized: boolean }>;
  addable: Array<{ value: string; label: string }>;
  template: { source: string; version: number | null; draft: Record<string, string | null> };
  history: Array<{ version: number; reset: boolean }>;
  catalog: Array<{ root: string }>;
  orders: Array<{ id: string; label: string }>;
  preview: PreviewPayload;
}

const openEditor = async (shop: string, query = "", params = SHIPPED) =>
  callLoader<EditorData>(editorRoute.loader, await adminRequest(`/app/notifications/${params.trigger}/${params.step}${query}`, { shop }), params);
const post = async (shop: string, body: unknown, params = SHIPPED) =>
  callAction<EditorResponse>(editorRoute.action, await adminRequest(`/app/notifications/${params.trigger}/${params.step}`, { shop, json: body, userId: "42" }), params);
const preview = async (shop: string, body: unknown) => callAction<PreviewPayload>(previewRoute.action, await adminRequest("/app/notifications/preview", { shop, json: body }));

const emailDraft = (subject: string) => ({ subject, preheader: "Tracking inside", html: "<p>Hi {{ customer.first_name }}, {{ order.name }} shipped.</p>", text: "Hi {{ customer.first_name }}, {{ order.name }} shipped." });

describe("the notifications list", () => {
  it("lists every trigger and step with its channels, on/off state, edits and messages sent", async () => {
    // GIVEN one shipped email sent and an edited SMS template
    await db.message.create({ data: { shop: SHOP, dedupKey: "k1", trigger: "shipping", subject: "fulfillment:1", step: "shipped", channel: "email", recipient: "a@example.com", status: "SENT" } });
    await saveTemplate({ shop: SHOP, trigger: "shipping", step: "out_for_delivery", channel: "sms", locale: "es", draft: { body: "{{ shop.name }}: {{ order.name }} llega hoy" } });
    // WHEN the merchant opens Notifications
    const { status, data } = await callLoader<ListData>(listRoute.loader, await adminRequest("/app/notifications", { shop: SHOP }));
    // THEN
    expect(status).toBe(200);
    expect(data.triggers.map((t) => t.trigger)).toEqual(["shipping", "delay", "back_in_stock"]);
    expect(data.triggers[2].rows.map((r) => [r.step, r.enabled, r.channels])).toEqual([
      ["confirmation", true, ["email", "sms"]],
      ["alert", true, ["email", "sms"]],
    ]);
    const shipping = data.triggers[0].rows;
    expect(shipping.map((r) => r.step)).toEqual(["shipped", "in_transit", "out_for_delivery", "attempted_delivery", "ready_for_pickup", "delivered", "failure"]);
    expect(shipping[0]).toMatchObject({ enabled: true, channels: ["email"], sent: 1, lastEdited: null });
    expect(shipping[1]).toMatchObject({ step: "in_transit", enabled: false });
    expect(shipping[2].customized).toEqual({ email: [], sms: ["es"] });
    expect(shipping[2].lastEdited).not.toBeNull();
  });

  it("asks for a session token: no token, no list", async () => {
    const { status } = await callLoader(listRoute.loader, await adminRequest("/app/notifications", { shop: SHOP, token: null }));
    expect(status).toBeGreaterThanOrEqual(300);
  });
});

describe("the template editor", () => {
  it("opens Herald's default in the shop's language, previewed with sample data", async () => {
    const { status, data } = await openEditor(SHOP);
    expect(status).toBe(200);
    expect(data).toMatchObject({ channel: "email", locale: "en", dir: "ltr" });
    expect(data.template).toMatchObject({ source: "default", version: null });
    expect(data.template.draft.subject).toBe("Your order {{ order.name }} is on its way");
    // Tabs for the shop's language (and later its customers'), every other language one choice away
    expect(data.locales.map((l) => l.locale)).toEqual(["en"]);
    expect(data.addable.map((l) => l.value)).toEqual(expect.arrayContaining(["es", "ml", "ar"]));
    expect(data.catalog.map((g) => g.root)).toContain("fulfillment");
    expect(data.preview).toMatchObject({ ok: true, subject: "Your order #1001 is on its way" });
    expect(data.preview.html).toContain("Maison Test");
  });

  it("answers 404 for a step that does not belong to the trigger", async () => {
    const { status } = await openEditor(SHOP, "", { trigger: "shipping", step: "stalled" });
    expect(status).toBe(404);
  });

  it("refuses a broken template with the part, line and variable, and stores nothing", async () => {
    const { data } = await post(SHOP, { intent: "save", channel: "email", locale: "en", draft: { ...emailDraft("Order {{ order.name }}"), text: "Hi\n{{ order.nme }}" } });
    expect(data).toMatchObject({ intent: "save", ok: false });
    if (data.ok || data.intent !== "save") throw new Error("expected issues");
    expect(data.issues).toEqual([expect.objectContaining({ part: "text", line: 2, column: 4, variable: "order.nme" })]);
    expect(await db.messageTemplate.count()).toBe(0);
  });

  it("versions every save, skips a save that changes nothing, resets in one click and restores", async () => {
    // WHEN the merchant saves twice, then saves the same again
    const v1 = await post(SHOP, { intent: "save", channel: "email", locale: "en", draft: emailDraft("First {{ order.name }}") });
    const v2 = await post(SHOP, { intent: "save", channel: "email", locale: "en", draft: emailDraft("Second {{ order.name }}") });
    const same = await post(SHOP, { intent: "save", channel: "email", locale: "en", draft: emailDraft("Second {{ order.name }}") });
    expect([v1.data, v2.data, same.data]).toEqual([
      { intent: "save", ok: true, version: 1, unchanged: false },
      { intent: "save", ok: true, version: 2, unchanged: false },
      { intent: "save", ok: true, version: 2, unchanged: true },
    ]);
    expect(await db.messageTemplate.findFirst({ where: { version: 2 } })).toMatchObject({ createdBy: "42", preheader: "Tracking inside" });
    let editor = (await openEditor(SHOP, "?channel=email&locale=en")).data;
    expect(editor.template).toMatchObject({ source: "custom", version: 2 });
    expect(editor.preview.subject).toBe("Second #1001");
    expect(editor.locales.find((l) => l.locale === "en")?.customized).toBe(true);

    // WHEN it resets to the default
    expect((await post(SHOP, { intent: "reset", channel: "email", locale: "en" })).data).toEqual({ intent: "reset", ok: true, version: 3, unchanged: false });
    expect(await activeTemplate(SHOP, "shipping", "shipped", "email", "en")).toBeNull();
    editor = (await openEditor(SHOP)).data;
    expect(editor.template).toMatchObject({ source: "default", version: 3 });
    expect(editor.history.map((h) => [h.version, h.reset])).toEqual([[3, true], [2, false], [1, false]]);

    // WHEN it restores version 1
    expect((await post(SHOP, { intent: "restore", channel: "email", locale: "en", version: 1 })).data).toMatchObject({ ok: true, version: 4 });
    expect(await activeTemplate(SHOP, "shipping", "shipped", "email", "en")).toMatchObject({ subject: "First {{ order.name }}" });
  });

  it("saves every draft the save bar holds together, and none while one has a problem", async () => {
    const spanish = { channel: "email", locale: "es", draft: emailDraft("¡{{ order.name }} va en camino!") };
    const hindi = { channel: "sms", locale: "hi", draft: { body: "{{ shop.name }}: {{ order.nme }} रास्ते में है" } };
    // WHEN the Hindi text has a mistake: nothing is stored, and the answer names the Hindi text
    const refused = await post(SHOP, { intent: "saveAll", templates: [spanish, hindi] });
    expect(refused.data).toEqual({
      intent: "saveAll",
      ok: false,
      failed: [{ channel: "sms", locale: "hi", issues: [expect.objectContaining({ part: "body", variable: "order.nme" })] }],
    });
    expect(await db.messageTemplate.count()).toBe(0);

    // WHEN it is fixed: both are stored, each as its own version, by the merchant who saved
    hindi.draft.body = "{{ shop.name }}: {{ order.name }} रास्ते में है";
    const saved = await post(SHOP, { intent: "saveAll", templates: [spanish, hindi] });
    expect(saved.data).toEqual({
      intent: "saveAll",
      ok: true,
      saved: [
        { channel: "email", locale: "es", version: 1, unchanged: false },
        { channel: "sms", locale: "hi", version: 1, unchanged: false },
      ],
    });
    expect(await activeTemplate(SHOP, "shipping", "shipped", "email", "es")).toMatchObject({ subject: "¡{{ order.name }} va en camino!" });
    expect(await activeTemplate(SHOP, "shipping", "shipped", "sms", "hi")).toEqual({ body: "{{ shop.name }}: {{ order.name }} रास्ते में है" });
    expect((await db.messageTemplate.findMany({ select: { createdBy: true } })).map((r) => r.createdBy)).toEqual(["42", "42"]);

    // WHEN the same is saved again: nothing new
    expect((await post(SHOP, { intent: "saveAll", templates: [spanish] })).data).toEqual({ intent: "saveAll", ok: true, saved: [{ channel: "email", locale: "es", version: 1, unchanged: true }] });
    expect(await db.messageTemplate.count()).toBe(2);
  });

  it("refuses a save of all drafts that names a template twice, or holds a part that is too long, naming the part", async () => {
    const draft = emailDraft("Order {{ order.name }}");
    const twice = await post(SHOP, { intent: "saveAll", templates: [{ channel: "email", locale: "en", draft }, { channel: "email", locale: "en", draft }] });
    expect(twice).toMatchObject({ status: 400, data: { error: "Invalid request" } });
    const long = await post(SHOP, { intent: "saveAll", templates: [{ channel: "email", locale: "en", draft }, { channel: "sms", locale: "es", draft: { body: "x".repeat(100_001) } }] });
    expect(long).toMatchObject({ status: 400, data: { part: "body", max: 100_000 } });
    expect(await db.messageTemplate.count()).toBe(0);
  });

  it("keeps each store's templates to itself", async () => {
    await installShop(OTHER, { name: "Other Store" });
    await storeOfflineSession(OTHER);
    await post(SHOP, { intent: "save", channel: "sms", locale: "en", draft: { body: "Maison only: {{ order.name }}" } });
    // The other store sees Herald's default, and its reset touches nothing of ours
    expect((await openEditor(OTHER, "?channel=sms&locale=en")).data.template.source).toBe("default");
    expect((await post(OTHER, { intent: "reset", channel: "sms", locale: "en" })).data).toMatchObject({ unchanged: true });
    expect(await activeTemplate(SHOP, "shipping", "shipped", "sms", "en")).toEqual({ body: "Maison only: {{ order.name }}" });
    expect(await activeTemplate(OTHER, "shipping", "shipped", "sms", "en")).toBeNull();
    // WhatsApp session messages use the SMS template
    expect(await activeTemplate(SHOP, "shipping", "shipped", "whatsapp", "en")).toEqual({ body: "Maison only: {{ order.name }}" });
  });
});

describe("the live preview", () => {
  it("renders the draft as the customer would get it, with the issues saving would report", async () => {
    const { status, data } = await preview(SHOP, { ...SHIPPED, channel: "sms", locale: "ml", draft: { body: "{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} {{ order.nme }}" } });
    expect(status).toBe(200);
    expect(data.text).toBe("Maison Test: നിങ്ങളുടെ ഓർഡർ #1001");
    expect(data.segments).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(data.issues).toEqual([expect.objectContaining({ part: "body", line: 1, variable: "order.nme" })]);
  });

  it("previews with a real recent order of this store, never another store's", async () => {
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    const editor = (await openEditor(SHOP)).data;
    expect(editor.orders).toEqual([{ id: "5001", label: "#1001 · Ana García (es-MX)" }]);
    // The customer's language gets a tab of its own
    expect(editor.locales.map((l) => l.locale)).toEqual(["en", "es"]);
    const mine = await preview(SHOP, { ...SHIPPED, channel: "email", locale: "es", draft: emailDraft("{{ customer.first_name }}: {{ fulfillment.tracking_number }}"), orderId: "5001" });
    expect(mine.data).toMatchObject({ subject: "Ana: 1Z999AA10123456784", orderName: "#1001" });
    // Another store asking for that order id gets sample data
    await installShop(OTHER);
    await storeOfflineSession(OTHER);
    const theirs = await preview(OTHER, { ...SHIPPED, channel: "email", locale: "es", draft: emailDraft("{{ customer.first_name }}"), orderId: "5001" });
    expect(theirs.data).toMatchObject({ subject: "Lucía", orderName: null });
  });

  it("previews Arabic right to left", async () => {
    const { data } = await preview(SHOP, { ...SHIPPED, channel: "email", locale: "ar", draft: emailDraft("تم شحن طلبك {{ order.name }}") });
    // The order number is isolated left to right inside the Arabic (bidi.ts).
    expect(data).toMatchObject({ ok: true, dir: "rtl", subject: "تم شحن طلبك \u2066#1001\u2069" });
    expect(data.html).toContain('<html lang="ar" dir="rtl">');
  });

  it("refuses a request that is not a preview", async () => {
    expect((await preview(SHOP, { trigger: "shipping", step: "nope", channel: "email", locale: "en", draft: {} })).status).toBe(400);
  });
});

describe("sending with the merchant's templates", () => {
  it("sends the shop's saved template, in the customer's language, and Herald's default elsewhere", async () => {
    // GIVEN a Spanish shipped email of the shop's own
    await post(SHOP, { intent: "save", channel: "email", locale: "es", draft: emailDraft("¡{{ customer.first_name }}, tu pedido {{ order.name }} va en camino!") });
    // WHEN Ana (es-MX) gets her order shipped
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN she gets the shop's Spanish template, the message recorded in "es"
    expect(provider.fakes.resend.emails.map((e) => e.subject)).toEqual(["¡Ana, tu pedido #1001 va en camino!"]);
    expect(await db.message.findFirst({ where: { shop: SHOP, trigger: "shipping" } })).toMatchObject({ locale: "es", status: "SENT" });
  });

  it("reaches a customer in a language Herald has no default for, with the shop's template, right to left", async () => {
    // GIVEN a right-to-left language Herald ships no default for, and the shop's template in it
    const rtl = ["ur", "fa", "ps", "he"].find((l) => !AVAILABLE_LOCALES.includes(l))!;
    await post(SHOP, { intent: "save", channel: "email", locale: rtl, draft: { ...emailDraft("شپ {{ order.name }}"), html: "<p>سلام {{ customer.first_name }}</p>", text: "سلام {{ customer.first_name }}" } });
    // WHEN a customer who reads it gets her order shipped
    await deliver("orders/create", orderPayload({ customer_locale: `${rtl}-PK`, customer: { id: 78, first_name: "Ayesha", last_name: "Khan", email: "ayesha@example.com", phone: null }, email: "ayesha@example.com", contact_email: "ayesha@example.com" }));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN she gets the shop's template, laid out right to left, and the message records her language
    expect(provider.fakes.resend.emails).toHaveLength(1);
    expect(provider.fakes.resend.emails[0].subject).toBe("شپ \u2066#1001\u2069");
    expect(provider.fakes.resend.emails[0].html).toContain(`<html lang="${rtl}" dir="rtl">`);
    expect(await db.message.findFirst({ where: { shop: SHOP, trigger: "shipping" } })).toMatchObject({ locale: rtl });
    // ...in a frame of her language: the order link and the unsubscribe link (HTML and text part) are not English
    const { html, text } = provider.fakes.resend.emails[0];
    expect(html).toContain(`>${layoutLabels(rtl).orderStatusLink}</a>`);
    expect(html).toContain(`>${layoutLabels(rtl).unsubscribeLink}</a>`);
    expect(text).toContain(`\n\n${layoutLabels(rtl).unsubscribeLink}: https://`);
    for (const english of Object.values<string>({ ...layoutLabels("en") })) expect(html).not.toContain(english.split("{{")[0]);
  });

  it("goes back to Herald's default after a reset", async () => {
    await post(SHOP, { intent: "save", channel: "email", locale: "es", draft: emailDraft("Custom {{ order.name }}") });
    await post(SHOP, { intent: "reset", channel: "email", locale: "es" });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const spanishDefault = getDefaultTemplate("shipping", "shipped", "email", "es").subject.replace("{{ order.name }}", "#1001");
    expect(provider.fakes.resend.emails.map((e) => e.subject)).toEqual([spanishDefault]);
  });
});

describe("test sends", () => {
  it("sends the draft to the merchant's email through the provider, marked as a test, and records it apart from customers' messages", async () => {
    const { data } = await post(SHOP, { intent: "test", channel: "email", locale: "en", draft: emailDraft("Draft {{ order.name }}"), recipient: "Owner@Maison-Test.example" });
    expect(data).toEqual({ intent: "test", ok: true, recipient: "owner@maison-test.example", provider: "resend" });
    // The provider received it, once, under a test idempotency key
    expect(provider.fakes.resend.emails).toHaveLength(1);
    expect(provider.fakes.resend.emails[0]).toMatchObject({ to: ["owner@maison-test.example"], subject: "[Test] Draft #1001" });
    expect(provider.fakes.resend.emails[0].idempotencyKey).toMatch(/^test-[0-9a-f-]{36}$/);
    // ...and Herald recorded it as a test: no order, so no customer's history counts it
    const row = await db.message.findFirstOrThrow({ where: { shop: SHOP } });
    expect(row).toMatchObject({ trigger: "test", status: "SENT", orderId: null, step: "shipped", provider: "resend" });
    expect(await db.messageAttempt.count({ where: { messageId: row.id, outcome: "SENT" } })).toBe(1);
    // Nothing was saved
    expect(await db.messageTemplate.count()).toBe(0);
  });

  it("texts the merchant's phone through the SMS provider", async () => {
    const { data } = await post(SHOP, { intent: "test", channel: "sms", locale: "ml", draft: { body: "{{ shop.name }}: ഓർഡർ {{ order.name }} അയച്ചു" }, recipient: "+91 98470 12345" });
    expect(data).toMatchObject({ ok: true, recipient: "+919847012345", provider: "twilio" });
    expect(provider.fakes.twilio.messages).toHaveLength(1);
    expect(provider.fakes.twilio.messages[0]).toMatchObject({ to: "+919847012345", body: "Maison Test: ഓർഡർ #1001 അയച്ചു", encoding: "UCS-2" });
  });

  it("refuses a broken draft, a bad address, and more than the hourly allowance", async () => {
    const broken = await post(SHOP, { intent: "test", channel: "email", locale: "en", draft: emailDraft("{{ order.nme }}"), recipient: "owner@maison-test.example" });
    expect(broken.data).toMatchObject({ ok: false, issues: [expect.objectContaining({ variable: "order.nme" })] });
    const bad = await post(SHOP, { intent: "test", channel: "sms", locale: "en", draft: { body: "hi {{ order.name }}" }, recipient: "12" });
    expect(bad.data).toMatchObject({ ok: false, error: expect.stringMatching(/country code/) });
    for (let i = 0; i < 20; i++) {
      await db.message.create({ data: { shop: SHOP, dedupKey: `test:${i}`, trigger: "test", subject: "t", step: "shipped", channel: "email", recipient: "x@example.com", status: "SENT" } });
    }
    const tooMany = await post(SHOP, { intent: "test", channel: "email", locale: "en", draft: emailDraft("x"), recipient: "owner@maison-test.example" });
    expect(tooMany.data).toMatchObject({ ok: false, error: expect.stringMatching(/20 tests an hour/) });
    expect(provider.fakes.resend.emails).toHaveLength(0);
    expect(provider.fakes.twilio.messages).toHaveLength(0);
  });
});
