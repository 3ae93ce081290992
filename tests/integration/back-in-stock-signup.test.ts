import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { SIGNUP_LIMITS } from "../../app/backinstock/handle.server";
import { confirmSmsSignups } from "../../app/backinstock/signup.server";
import { suppress } from "../../app/models/suppressions.server";
import { unsubscribeEmail } from "../../app/models/unsubscribe.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs } from "../support/jobs";
import { withFakeResend, withFakeTwilio } from "../support/providers";
import { postSignup, seedVariant, signupForm, signupRequest, VARIANT_ID } from "../support/back-in-stock";

// The product page's "Notify me" block posts through Shopify's app proxy; these tests build the
// signed request Shopify would forward and call the route in-process.

const SHOP = "herald-test.myshopify.com";
const fake = withFakeResend();
const sms = withFakeTwilio();

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, { settings: { backInStock: { smsDoubleOptIn: true }, quietHours: { enabled: false } } });
  await seedVariant(SHOP);
});

/** Sold-out variants of the same product besides the seeded one. */
async function moreVariants(ids: string[]) {
  const base = await db.variant.findFirstOrThrow({ where: { shop: SHOP, id: VARIANT_ID } });
  for (const id of ids) await db.variant.create({ data: { ...base, id, inventoryItemId: `${base.inventoryItemId}${id.slice(-1)}`, title: `Size ${id.slice(-1)}` } });
}

describe("the back-in-stock sign-up", () => {
  it("records a sign-up and confirms it to the customer by email, once", async () => {
    const answer = await postSignup(signupRequest(signupForm({ email: "Ana@Example.com", locale: "es" })));
    expect(answer).toEqual({ status: 200, body: { ok: true, status: "subscribed" } });

    const subs = await db.stockSubscription.findMany();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ shop: SHOP, variantId: VARIANT_ID, email: "ana@example.com", phone: null, locale: "es", status: "WAITING" });

    await runAllJobs();
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(1);
    const email = fake.resend.emails[0];
    expect(email.to).toEqual(["ana@example.com"]);
    expect(email.subject).toBe("Te avisaremos cuando vuelva Example T-Shirt");
    expect(email.html).toContain("https://cdn.shopify.com/s/files/example-t-shirt.jpg");
    expect(email.headers["List-Unsubscribe"]).toMatch(/^<https:\/\//);
  });

  it("refuses a bad signature, a stale timestamp and a replayed request, recording nothing", async () => {
    expect((await postSignup(signupRequest(signupForm(), { secret: "not-the-app-secret" }))).status).toBe(401);
    expect((await postSignup(signupRequest(signupForm(), { at: new Date(Date.now() - 91_000) }))).status).toBe(401);

    const fresh = signupRequest(signupForm({ email: "first@example.com" }));
    const replay = fresh.clone();
    expect((await postSignup(fresh)).status).toBe(200);
    expect(await postSignup(replay)).toEqual({ status: 401, body: { ok: false, error: "unauthorized" } });
    expect(await db.stockSubscription.count()).toBe(1);
  });

  it("keeps one subscription when the same customer signs up again for the variant", async () => {
    expect((await postSignup(signupRequest(signupForm()))).body).toEqual({ ok: true, status: "subscribed" });
    expect((await postSignup(signupRequest(signupForm({ email: " ANA@example.com " })))).body).toEqual({ ok: true, status: "already_subscribed" });
    // The same email with a phone now: still one subscription, which gains the phone.
    expect((await postSignup(signupRequest(signupForm({ phone: "+12025550188" })))).body).toEqual({ ok: true, status: "confirm_sms" });
    const subs = await db.stockSubscription.findMany();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ email: "ana@example.com", phone: "+12025550188", smsConfirmed: false });
  });

  it("asks for a YES by text when a repeat sign-up adds a phone to an email sign-up", async () => {
    // GIVEN an email sign-up, confirmed by email
    expect((await postSignup(signupRequest(signupForm({ email: "ana@example.com" })))).body).toEqual({ ok: true, status: "subscribed" });
    await runAllJobs();
    // WHEN the same customer signs up again with her phone
    expect((await postSignup(signupRequest(signupForm({ email: "ana@example.com", phone: "+12025550143" })))).body).toEqual({ ok: true, status: "confirm_sms" });
    await runAllJobs();
    await runAllJobs();
    // THEN the number is asked for its YES, once, and the email was confirmed only the first time
    expect(sms.twilio.messages.map((m) => m.to)).toEqual(["+12025550143"]);
    expect(sms.twilio.messages[0].body).toContain("YES");
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana@example.com"]]);
    expect(await db.stockSubscription.findFirstOrThrow()).toMatchObject({ phone: "+12025550143", smsConfirmed: false });
  });

  it("never puts one number on two waiting sign-ups of a variant, so a restock texts it once", async () => {
    await db.shop.update({ where: { domain: SHOP }, data: { settings: JSON.stringify({ backInStock: { smsDoubleOptIn: false }, quietHours: { enabled: false } }) } });
    // GIVEN one sign-up by email and one by phone
    await postSignup(signupRequest(signupForm({ email: "ana@example.com" })));
    await postSignup(signupRequest(signupForm({ email: "", phone: "+12025550143" })));
    // WHEN the customer signs up with both
    expect((await postSignup(signupRequest(signupForm({ email: "ana@example.com", phone: "+12025550143" })))).body).toEqual({ ok: true, status: "already_subscribed" });
    // THEN each contact is on one waiting sign-up only
    const subs = await db.stockSubscription.findMany({ where: { status: "WAITING" }, orderBy: { createdAt: "asc" } });
    expect(subs.map((s) => [s.email, s.phone])).toEqual([
      ["ana@example.com", null],
      [null, "+12025550143"],
    ]);
    await runAllJobs();
    expect(sms.twilio.messages.map((m) => m.to)).toEqual(["+12025550143"]);
  });

  it("takes a sign-up after the customer unsubscribed from alerts as asking again, and confirms it", async () => {
    // GIVEN a customer who unsubscribed from back-in-stock emails (and, separately, from shipping updates)
    await unsubscribeEmail(SHOP, "ana@example.com", "back_in_stock");
    await unsubscribeEmail(SHOP, "ana@example.com", "shipping");
    // WHEN she signs up for the variant
    expect((await postSignup(signupRequest(signupForm({ email: "ana@example.com" })))).body).toEqual({ ok: true, status: "subscribed" });
    await runAllJobs();
    // THEN her confirmation reaches her, and only her back-in-stock unsubscribe was lifted
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana@example.com"]]);
    expect((await db.suppression.findMany()).map((s) => s.scope)).toEqual(["shipping"]);
  });

  it("tells the shopper, instead of 'on the list', when the form cannot lift what stops the messages", async () => {
    await unsubscribeEmail(SHOP, "all-off@example.com", "all");
    await suppress(SHOP, "email", "bounced@example.com", "hard_bounce");
    await suppress(SHOP, "email", "spam@example.com", "complaint", "back_in_stock");
    await suppress(SHOP, "sms", "+12025550177", "sms_stop");

    const answer = async (form: Record<string, string>) => (await postSignup(signupRequest(signupForm(form)))).body;
    expect(await answer({ email: "all-off@example.com" })).toEqual({ ok: true, status: "unreachable", unreachable: ["email_unsubscribed"] });
    expect(await answer({ email: "bounced@example.com" })).toEqual({ ok: true, status: "unreachable", unreachable: ["email_undeliverable"] });
    expect(await answer({ email: "spam@example.com" })).toEqual({ ok: true, status: "unreachable", unreachable: ["email_undeliverable"] });
    // A reachable email with a stopped number: on the list by email, told why there will be no text
    expect(await answer({ email: "ana@example.com", phone: "+12025550177" })).toEqual({ ok: true, status: "subscribed", unreachable: ["phone_stopped"] });
    expect(await answer({ email: "", phone: "+12025550177" })).toEqual({ ok: true, status: "unreachable", unreachable: ["phone_stopped"] });

    await runAllJobs();
    // Nothing the customer cannot lift from a web form was lifted, and the stopped number got no text
    expect(await db.suppression.count()).toBe(4);
    expect(sms.twilio.messages).toEqual([]);
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["ana@example.com"]]);
  });

  it("asks for a YES by text under SMS double opt-in, and reads the number in the storefront's region", async () => {
    // A shop in India texts Indian numbers (the country of its time zone)
    await db.shop.update({ where: { domain: SHOP }, data: { timezone: "Asia/Kolkata" } });
    const answer = await postSignup(signupRequest(signupForm({ email: "", phone: "098470 12345", locale: "ml-IN" })));
    expect(answer.body).toEqual({ ok: true, status: "confirm_sms" });
    expect(await db.stockSubscription.findFirst()).toMatchObject({ phone: "+919847012345", email: null, smsConfirmed: false, locale: "ml-IN" });
    await runAllJobs();
    const text = await db.message.findFirstOrThrow({ where: { channel: "sms" } });
    expect(text).toMatchObject({ trigger: "back_in_stock", step: "confirmation", recipient: "+919847012345", locale: "ml" });
    expect(text.renderedText).toContain("YES");
  });

  it("texts one YES prompt to a number signed up for several variants, and one YES confirms them all", async () => {
    await moreVariants(["642667041472713923", "642667041472713924", "642667041472713925"]);
    const phone = "+12025550143";
    for (const variant of [VARIANT_ID, "642667041472713923", "642667041472713924"]) {
      expect((await postSignup(signupRequest(signupForm({ email: "", phone, variant_id: variant })))).body).toEqual({ ok: true, status: "confirm_sms" });
    }
    await runAllJobs();
    expect(sms.twilio.messages.map((m) => m.to)).toEqual([phone]);
    expect(sms.twilio.messages[0].body).toContain("YES");

    // WHEN the number replies YES, every sign-up waiting on it is confirmed
    expect(await confirmSmsSignups(SHOP, phone)).toBe(3);
    // ...and a later sign-up of the confirmed number needs no new YES, and sends none
    expect((await postSignup(signupRequest(signupForm({ email: "", phone, variant_id: "642667041472713925" })))).body).toEqual({ ok: true, status: "subscribed" });
    await runAllJobs();
    expect(sms.twilio.messages).toHaveLength(1);
    expect(await db.stockSubscription.count({ where: { phone, smsConfirmed: true } })).toBe(4);
  });

  it("texts a number at most one confirmation a day at a shop", async () => {
    await moreVariants(["642667041472713923"]);
    await db.shop.update({ where: { domain: SHOP }, data: { settings: JSON.stringify({ backInStock: { smsDoubleOptIn: false }, quietHours: { enabled: false } }) } });
    const phone = "+12025550143";
    expect((await postSignup(signupRequest(signupForm({ email: "", phone })))).body).toEqual({ ok: true, status: "subscribed" });
    await runAllJobs();
    // GIVEN that sign-up is over (told, or unsubscribed), the number is signed up again for another variant
    await db.stockSubscription.updateMany({ data: { status: "NOTIFIED", waitingKey: null } });
    expect((await postSignup(signupRequest(signupForm({ email: "", phone, variant_id: "642667041472713923" })))).body).toEqual({ ok: true, status: "subscribed" });
    await runAllJobs();
    // THEN the number got one text that day
    expect(sms.twilio.messages.map((m) => m.to)).toEqual([phone]);
    expect(await db.stockSubscription.count({ where: { status: "WAITING", phone } })).toBe(1);
  });

  it("takes numbers only of the countries the shop sells to", async () => {
    const answer = async (phone: string, locale = "en") => (await postSignup(signupRequest(signupForm({ email: "", phone, locale })))).body;
    const refused = { ok: false, errors: { phone: "unsupported_country" } };
    // A New York shop: US numbers, not Jamaican or British ones
    expect(await answer("+18765550123")).toEqual(refused);
    expect(await answer("+447400123456")).toEqual(refused);
    expect(await answer("+12025550143")).toEqual({ ok: true, status: "confirm_sms" });
    // ...and those of a country it has shipped an order to
    await db.order.create({ data: { shop: SHOP, id: "9001", name: "#9001", shippingCountry: "GB", placedAt: new Date(), shopifyUpdatedAt: new Date() } });
    expect(await answer("+447400123456", "en-GB")).toEqual({ ok: true, status: "confirm_sms" });
    // The merchant's list, when set, is the list
    await db.shop.update({ where: { domain: SHOP }, data: { settings: JSON.stringify({ backInStock: { smsCountries: ["JM"] }, quietHours: { enabled: false } }) } });
    expect(await answer("+12025550144")).toEqual(refused);
    expect(await answer("+18765550123", "en-JM")).toEqual({ ok: true, status: "confirm_sms" });

    // A shop whose time zone names no country takes any number until the merchant sets the list
    await db.shop.update({ where: { domain: SHOP }, data: { timezone: "UTC", settings: JSON.stringify({ quietHours: { enabled: false } }) } });
    expect(await answer("+4915123456789", "de")).toEqual({ ok: true, status: "confirm_sms" });

    await runAllJobs();
    expect(sms.twilio.messages.map((m) => m.to).sort()).toEqual(["+12025550143", "+18765550123", "+447400123456", "+4915123456789"]);
  });

  it("answers invalid input field by field, and records nothing", async () => {
    expect(await postSignup(signupRequest(signupForm({ email: "not-an-email", phone: "12" })))).toEqual({
      status: 400,
      body: { ok: false, errors: { email: "invalid_email", phone: "invalid_phone" } },
    });
    expect(await postSignup(signupRequest(signupForm({ email: "", phone: "" })))).toEqual({ status: 400, body: { ok: false, errors: { email: "missing_contact" } } });
    expect((await postSignup(signupRequest(signupForm({ variant_id: "abc" })))).body).toEqual({ ok: false, errors: { variant_id: "invalid_variant" } });
    expect((await postSignup(signupRequest(signupForm({ consent: "" })))).body).toEqual({ ok: false, errors: { consent: "missing_consent" } });
    expect(await db.stockSubscription.count()).toBe(0);
  });

  it("limits sign-ups per visitor, counted in the database", async () => {
    const { limit } = SIGNUP_LIMITS.perIp;
    for (let i = 0; i < limit; i++) {
      expect((await postSignup(signupRequest(signupForm({ email: `c${i}@example.com` }), { ip: "198.51.100.9" }))).status).toBe(200);
    }
    expect(await postSignup(signupRequest(signupForm({ email: "one-more@example.com" }), { ip: "198.51.100.9" }))).toEqual({
      status: 429,
      body: { ok: false, error: "rate_limited" },
    });
    // Another visitor of the same shop is not held back.
    expect((await postSignup(signupRequest(signupForm({ email: "other@example.com" }), { ip: "198.51.100.10" }))).status).toBe(200);
    expect(await db.stockSubscription.count()).toBe(limit + 1);
  });

  it("limits sign-ups per shop across visitors", async () => {
    await db.rateLimit.create({
      data: {
        key: `bis:shop:${SHOP}@${Math.floor(Date.now() / SIGNUP_LIMITS.perShop.windowMs) * SIGNUP_LIMITS.perShop.windowMs}`,
        windowStart: new Date(Math.floor(Date.now() / SIGNUP_LIMITS.perShop.windowMs) * SIGNUP_LIMITS.perShop.windowMs),
        count: SIGNUP_LIMITS.perShop.limit,
      },
    });
    expect((await postSignup(signupRequest(signupForm(), { ip: "192.0.2.44" }))).status).toBe(429);
  });
});
