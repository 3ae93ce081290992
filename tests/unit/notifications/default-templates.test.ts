import { describe, expect, it } from "vitest";
import { buildVariables, renderMessage } from "~/notifications/render";
import { countSegments } from "~/notifications/segments";
import { AVAILABLE_LOCALES, DEFAULT_TEMPLATES, getDefaultTemplate } from "~/notifications/templates";
import { SHIPPING_STEPS, type Channel, type RenderedMessage, type TemplateVariables } from "~/notifications/types";
import { at, event, fulfillment, order, shop } from "./fixtures";

const CHANNELS: Channel[] = ["email", "sms", "whatsapp"];

const full = buildVariables({
  shop: shop(),
  order: order(),
  fulfillment: fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2025-06-12T10:00:00Z") }] }),
});
// Everything optional missing: no first name, tracking, carrier, estimate, links, items or shop email.
const sparse = buildVariables({
  shop: shop({ email: null }),
  order: order({ customerFirstName: null, orderStatusUrl: null, lineItems: [] }),
  fulfillment: fulfillment({ trackingCompany: null, trackingNumber: null, trackingUrl: null, lineItemIds: [] }),
});
const noFulfillment = buildVariables({ shop: shop(), order: order({ customerFirstName: null }), fulfillment: null });

const cases = AVAILABLE_LOCALES.flatMap((locale) => SHIPPING_STEPS.flatMap((step) => CHANNELS.map((channel) => ({ locale, step, channel }))));

function expectClean(message: RenderedMessage) {
  for (const part of [message.subject, message.html, message.text]) {
    if (part === null) continue;
    expect(part).not.toMatch(/\{\{|\{%|%\}|\}\}/); // no Liquid left over
    expect(part).not.toMatch(/\b(undefined|null|NaN)\b/); // no JavaScript leaking
  }
  // Plain text is tidy: no runs of blank lines where a condition was false.
  expect(message.text).not.toMatch(/\n{3,}/);
  expect(message.text.trim()).toBe(message.text);
}

describe.each([
  ["with every detail", full],
  ["with optional data missing", sparse],
  ["without a fulfillment", noFulfillment],
] as [string, TemplateVariables][])("default templates %s", (_label, variables) => {
  it.each(cases)("render $locale $step for $channel", ({ locale, step, channel }) => {
    const result = renderMessage({ trigger: "shipping", step, channel, locale, variables });
    if (!result.ok) throw new Error(result.error);
    const message = result.message;
    expect(message.locale).toBe(locale);
    expect(message.text.length).toBeGreaterThan(10);
    expectClean(message);
    if (channel === "email") {
      expect(message.subject).not.toMatch(/\n/);
      expect(message.html).toContain(`<html lang="${locale}" dir="ltr">`);
      expect(message.html).toContain("Maple &amp; Moss");
    } else {
      expect(message.text).toContain("Maple & Moss");
    }
  });
});

describe("default SMS length", () => {
  it.each(AVAILABLE_LOCALES.flatMap((locale) => SHIPPING_STEPS.map((step) => ({ locale, step }))))(
    "keeps $locale $step within budget (GSM-7 and 2 segments for Latin scripts, 3 for Indic)",
    ({ locale, step }) => {
      const message = renderMessage({ trigger: "shipping", step, channel: "sms", locale, variables: full });
      if (!message.ok) throw new Error(message.error);
      const count = countSegments(message.message.text);
      if (["en", "es", "sw"].includes(locale)) {
        expect(count.encoding).toBe("GSM-7");
        expect(count.segments).toBeLessThanOrEqual(2);
      } else {
        expect(count.segments).toBeLessThanOrEqual(3);
      }
      expect(message.message.text).toContain(step === "delivered" ? "hello@maplemoss.com" : "https://www.ups.com/track");
    },
  );
});

describe("default template content", () => {
  it.each(AVAILABLE_LOCALES)("greets a customer without a name naturally in %s", (locale) => {
    const result = renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale, variables: sparse });
    if (!result.ok) throw new Error(result.error);
    const firstLine = result.message.text.split("\n")[0];
    expect(firstLine).not.toMatch(/\s[,:]$/); // no "Hola ," with a hole where the name was
    expect(firstLine.length).toBeGreaterThan(3);
  });

  it.each(AVAILABLE_LOCALES)("lists the package's items in the %s 'shipped' text part", (locale) => {
    const result = renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale, variables: full });
    if (!result.ok) throw new Error(result.error);
    expect(result.message.text).toContain("2 × Linen shirt (M / Indigo)");
  });

  it.each(AVAILABLE_LOCALES)("mentions the carrier and tracking number in the %s 'shipped' email", (locale) => {
    const result = renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale, variables: full });
    if (!result.ok) throw new Error(result.error);
    expect(result.message.text).toContain("UPS");
    expect(result.message.text).toContain("1Z999AA10123456784");
    expect(result.message.html).toContain("<strong>1Z999AA10123456784</strong>");
  });

  it("has every step and channel for every locale", () => {
    for (const locale of AVAILABLE_LOCALES) {
      for (const step of SHIPPING_STEPS) {
        expect(DEFAULT_TEMPLATES[locale].shipping[step].email.subject).not.toBe("");
        expect(getDefaultTemplate("shipping", step, "sms", locale).body).not.toBe("");
        expect(getDefaultTemplate("shipping", step, "whatsapp", locale)).toBe(getDefaultTemplate("shipping", step, "sms", locale));
      }
    }
    expect([...AVAILABLE_LOCALES].sort()).toEqual(["en", "es", "hi", "ml", "sw"]);
  });

  it("falls back to the language's templates for a regional locale", () => {
    expect(getDefaultTemplate("shipping", "delivered", "email", "es-MX")).toBe(DEFAULT_TEMPLATES.es.shipping.delivered.email);
  });
});
