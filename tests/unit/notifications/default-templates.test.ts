import { describe, expect, it } from "vitest";
import { textDirection } from "~/notifications/locale";
import { sampleVariables } from "~/notifications/samples";
import { buildVariables, renderMessage } from "~/notifications/render";
import { countSegments } from "~/notifications/segments";
import { AVAILABLE_LOCALES, DEFAULT_TEMPLATES, getDefaultTemplate } from "~/notifications/templates";
import {
  BACK_IN_STOCK_STEPS,
  DELAY_STEPS,
  SHIPPING_STEPS,
  type Channel,
  type DelayDetails,
  type DelayStep,
  type RenderedMessage,
  type TemplateVariables,
} from "~/notifications/types";
import { at, event, fulfillment, order, shop } from "./fixtures";

const CHANNELS: Channel[] = ["email", "sms", "whatsapp"];
// Locales written in the Latin alphabet: their SMS stay in GSM-7 (160 characters a segment) with the sample
// data and take at most 2 segments. Other scripts are UCS-2 (70 a segment) and take at most 3.
const LATIN_LOCALES = ["en", "es", "sw", "fr", "de", "pt-BR", "it", "nl"];

/** SMS length budget of a locale (see LATIN_LOCALES). */
function expectSmsBudget(locale: string, text: string) {
  const count = countSegments(text);
  if (LATIN_LOCALES.includes(locale)) {
    expect(count.encoding).toBe("GSM-7");
    expect(count.segments).toBeLessThanOrEqual(2);
  } else {
    expect(count.segments).toBeLessThanOrEqual(3);
  }
}

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
      expect(message.html).toContain(`<html lang="${locale}" dir="${textDirection(locale)}">`);
      expect(message.html).toContain("Maple &amp; Moss");
    } else {
      expect(message.text).toContain("Maple & Moss");
    }
  });
});

describe("default SMS length", () => {
  it.each(AVAILABLE_LOCALES.flatMap((locale) => SHIPPING_STEPS.map((step) => ({ locale, step }))))(
    "keeps $locale $step within budget (GSM-7 and 2 segments for Latin scripts, 3 for other scripts)",
    ({ locale, step }) => {
      const message = renderMessage({ trigger: "shipping", step, channel: "sms", locale, variables: full });
      if (!message.ok) throw new Error(message.error);
      expectSmsBudget(locale, message.message.text);
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
    // Right to left, the number is marked left to right (bidi.ts).
    const number = textDirection(locale) === "rtl" ? '<span dir="ltr">1Z999AA10123456784</span>' : "1Z999AA10123456784";
    expect(result.message.html).toContain(`<strong>${number}</strong>`);
  });

  it("has every step and channel for every locale", () => {
    for (const locale of AVAILABLE_LOCALES) {
      for (const step of SHIPPING_STEPS) {
        expect(DEFAULT_TEMPLATES[locale].shipping[step].email.subject).not.toBe("");
        expect(getDefaultTemplate("shipping", step, "sms", locale).body).not.toBe("");
        expect(getDefaultTemplate("shipping", step, "whatsapp", locale)).toBe(getDefaultTemplate("shipping", step, "sms", locale));
      }
    }
    expect([...AVAILABLE_LOCALES].sort()).toEqual(["ar", "de", "en", "es", "fr", "gu", "hi", "it", "ja", "ml", "nl", "pt-BR", "sw", "te"]);
  });

  it("falls back to the language's templates for a regional locale", () => {
    expect(getDefaultTemplate("shipping", "delivered", "email", "es-MX")).toBe(DEFAULT_TEMPLATES.es.shipping.delivered.email);
    expect(getDefaultTemplate("shipping", "delivered", "email", "fr-CA")).toBe(DEFAULT_TEMPLATES.fr.shipping.delivered.email);
    expect(getDefaultTemplate("shipping", "delivered", "sms", "ar-SA")).toBe(DEFAULT_TEMPLATES.ar.shipping.delivered.sms);
  });

  it("finds Brazilian Portuguese however Shopify spells it", () => {
    for (const tag of ["pt-BR", "pt-br", "pt_BR"]) {
      expect(getDefaultTemplate("shipping", "shipped", "email", tag)).toBe(DEFAULT_TEMPLATES["pt-BR"].shipping.shipped.email);
    }
    const result = renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "pt-br", variables: full });
    if (!result.ok) throw new Error(result.error);
    expect(result.message.locale).toBe("pt-BR");
    expect(result.message.html).toContain('<html lang="pt-BR" dir="ltr">');
  });
});

// --- Delay notices ---------------------------------------------------------------------------------------

const REASONS: Record<DelayStep, string[]> = {
  unfulfilled: ["not_fulfilled"],
  carrier_delay: ["delayed", "failure"],
  stalled: ["no_carrier_scan"],
  not_picked_up: ["label_printed"],
  eta_passed: ["estimate_passed"],
  on_hold: ["incorrect_address", "inventory_out_of_stock", "awaiting_payment", "awaiting_return_items", "other", "a_reason_shopify_adds_later"],
  rescheduled: ["rescheduled"],
};

/** What decide() would put on the intent: every optional detail present, or the sparse minimum. */
function details(kind: DelayStep, reason: string, followUp: boolean, rich: boolean): DelayDetails {
  return {
    kind,
    reason,
    newEstimate: rich || kind === "rescheduled" ? "2026-12-01" : null,
    since: "2026-11-19",
    followUp,
    lineItemIds: null,
    fulfillmentOrderId: kind === "on_hold" || kind === "rescheduled" ? "9001" : null,
  };
}

const packageKinds = new Set<DelayStep>(["carrier_delay", "stalled", "not_picked_up", "eta_passed"]);
const delayCases = AVAILABLE_LOCALES.flatMap((locale) =>
  DELAY_STEPS.flatMap((step) => REASONS[step].flatMap((reason) => [false, true].map((followUp) => ({ locale, step, reason, followUp })))),
);

function delayVariables(step: DelayStep, reason: string, followUp: boolean, rich: boolean): TemplateVariables {
  const withPackage = packageKinds.has(step);
  return buildVariables({
    shop: rich ? shop() : shop({ email: null }),
    order: rich ? order() : order({ customerFirstName: null, orderStatusUrl: null }),
    fulfillment: !withPackage ? null : rich ? fulfillment() : fulfillment({ trackingCompany: null, trackingNumber: null, trackingUrl: null }),
    delay: details(step, reason, followUp, rich),
  });
}

describe.each([
  ["with every detail", true],
  ["with optional data missing", false],
] as const)("default delay templates %s", (_label, rich) => {
  it.each(delayCases)("render $locale $step ($reason, follow-up $followUp) for every channel", ({ locale, step, reason, followUp }) => {
    const variables = delayVariables(step, reason, followUp, rich);
    for (const channel of CHANNELS) {
      const result = renderMessage({ trigger: "delay", step, channel, locale, variables });
      if (!result.ok) throw new Error(`${channel}: ${result.error}`);
      const message = result.message;
      expect(message.locale).toBe(locale);
      expectClean(message);
      if (channel === "email") {
        expect(message.subject).toContain("#1001");
        expect(message.html).toContain(`<html lang="${locale}" dir="${textDirection(locale)}">`);
        // A way to reach the shop, in both parts.
        expect(message.html).toContain('href="https://maple-moss.myshopify.com/pages/contact"');
        expect(message.text).toContain("https://maple-moss.myshopify.com/pages/contact");
        // Which items: the package's, or the order's when nothing shipped yet.
        expect(message.text).toContain("Linen shirt");
      } else {
        expect(message.text).toContain("Maple & Moss");
        expect(message.text).toContain("#1001");
      }
    }
  });
});

describe("default delay SMS length and links", () => {
  it.each(delayCases)("keeps $locale $step ($reason, follow-up $followUp) within budget with a link", ({ locale, step, reason, followUp }) => {
    const result = renderMessage({ trigger: "delay", step, channel: "sms", locale, variables: delayVariables(step, reason, followUp, true) });
    if (!result.ok) throw new Error(result.error);
    expectSmsBudget(locale, result.message.text);
    const links = ["https://www.ups.com/track", "https://maple-moss.myshopify.com/6001/orders/", "https://maple-moss.myshopify.com/pages/contact"];
    const needsLink = !(step === "rescheduled" || (step === "on_hold" && reason !== "incorrect_address"));
    if (needsLink) expect(links.some((l) => result.message.text.includes(l))).toBe(true);
  });
});

describe("default delay template content", () => {
  const render = (step: DelayStep, reason: string, followUp: boolean, channel: Channel = "email", locale = "en") => {
    const result = renderMessage({ trigger: "delay", step, channel, locale, variables: delayVariables(step, reason, followUp, true) });
    if (!result.ok) throw new Error(result.error);
    return result.message;
  };

  it("says what the carrier reported and the new estimate", () => {
    const message = render("carrier_delay", "delayed", false);
    expect(message.subject).toBe("Your order #1001 is delayed");
    expect(message.text).toContain("UPS has let us know your package is running late.");
    expect(message.text).toContain("The new estimated delivery date is Tuesday, December 1.");
    expect(message.text).toContain("Tracking number: 1Z999AA10123456784");
  });

  it("tells a carrier failure apart from a delay", () => {
    expect(render("carrier_delay", "failure", false).subject).toBe("There's a problem delivering your order #1001");
  });

  it("names the day the package was due, and says so again in a follow-up", () => {
    expect(render("eta_passed", "estimate_passed", false).text).toContain("Your package was expected by Thursday, November 19, but it hasn't been delivered yet.");
    const followUp = render("eta_passed", "estimate_passed", true);
    expect(followUp.subject).toBe("Your order #1001 is still on its way");
    expect(followUp.text).toContain("didn't arrive by the new estimated date (Thursday, November 19) either");
  });

  it("asks the customer to confirm the address for an address hold, with the contact link in the SMS", () => {
    const email = render("on_hold", "incorrect_address", false);
    expect(email.subject).toBe("Please confirm your shipping address for order #1001");
    const sms = render("on_hold", "incorrect_address", false, "sms");
    expect(sms.text).toBe(
      "Maple & Moss: we need to confirm your shipping address before we can send order #1001. Please contact us: https://maple-moss.myshopify.com/pages/contact",
    );
  });

  it("never reveals a fraud review: an unlisted reason reads as a generic hold", () => {
    const message = render("on_hold", "high_risk_of_fraud", false);
    expect(message.text).not.toMatch(/fraud|risk/i);
    expect(message.text).toContain("We've had to put your order on hold for a moment");
  });

  it("gives the rescheduled date in the customer's language", () => {
    expect(render("rescheduled", "rescheduled", false, "sms", "es").text).toContain("nueva fecha de salida de tu pedido #1001: el 1 dic");
    expect(render("rescheduled", "rescheduled", true, "email", "en").text).toContain("We're sorry to change the plan again: your order #1001 will now ship on Tuesday, December 1.");
  });

  it("lists the order's items under an order heading when nothing has shipped", () => {
    const message = render("unfulfilled", "not_fulfilled", false);
    expect(message.text).toContain("In your order:\n- 2 × Linen shirt (M / Indigo)\n- 1 × Canvas tote");
    expect(message.html).toContain(">In your order</div>");
  });

  it("lists only the items still waiting in a partly shipped order", () => {
    const variables = buildVariables({ shop: shop(), order: order(), fulfillment: null, delay: { ...details("on_hold", "other", false, true), lineItemIds: ["li-2"] } });
    const result = renderMessage({ trigger: "delay", step: "on_hold", channel: "email", locale: "en", variables });
    if (!result.ok) throw new Error(result.error);
    expect(result.message.text).toContain("- 1 × Canvas tote");
    expect(result.message.text).not.toContain("Linen shirt");
  });

  it("has every delay step and channel for every locale, and no unfilled placeholder", () => {
    for (const locale of AVAILABLE_LOCALES) {
      for (const step of DELAY_STEPS) {
        const email = getDefaultTemplate("delay", step, "email", locale);
        expect(email.subject).not.toBe("");
        expect(getDefaultTemplate("delay", step, "whatsapp", locale)).toBe(getDefaultTemplate("delay", step, "sms", locale));
        for (const source of [email.subject, email.html, email.text, getDefaultTemplate("delay", step, "sms", locale).body]) {
          expect(source).not.toContain("${"); // a copy string written in quotes instead of backticks
        }
      }
    }
  });

  it("refuses a step that does not belong to the trigger", () => {
    const result = renderMessage({ trigger: "shipping", step: "stalled", channel: "email", locale: "en", variables: delayVariables("stalled", "no_carrier_scan", false, true) });
    expect(result).toEqual({ ok: false, error: 'There is no default template for the shipping step "stalled".' });
  });
});

// --- Every locale -----------------------------------------------------------------------------------------

describe("default templates in every locale", () => {
  it.each(AVAILABLE_LOCALES)("%s has every step of every trigger, every part written, and every layout label", (locale) => {
    const pack = DEFAULT_TEMPLATES[locale];
    expect(pack.locale).toBe(locale);
    expect(Object.keys(pack.shipping).sort()).toEqual([...SHIPPING_STEPS].sort());
    expect(Object.keys(pack.delay).sort()).toEqual([...DELAY_STEPS].sort());
    for (const templates of [...Object.values(pack.shipping), ...Object.values(pack.delay)]) {
      for (const part of [templates.email.subject, templates.email.html, templates.email.text, templates.sms.body]) {
        expect(part.trim()).not.toBe("");
        expect(part).not.toContain("${");
      }
    }
    for (const key of ["trackButton", "orderStatusLink", "itemsHeading", "orderItemsHeading", "footer"] as const) {
      expect(pack.layout[key].trim()).not.toBe("");
    }
  });

  // Short month names end with a full stop in some languages ("1 déc.", "1. Dez.", "1 de dez."): a sentence
  // must not end right after one with a second full stop, whatever the month.
  it.each(AVAILABLE_LOCALES)("never doubles a full stop after a %s date, in any month", (locale) => {
    for (let month = 1; month <= 12; month++) {
      const day = `2026-${String(month).padStart(2, "0")}-03`;
      const shipping = buildVariables({
        shop: shop(),
        order: order(),
        fulfillment: fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date(`${day}T10:00:00Z`) }] }),
      });
      const messages = CHANNELS.map((channel) => renderMessage({ trigger: "shipping", step: "in_transit", channel, locale, variables: shipping }));
      for (const step of ["carrier_delay", "stalled", "eta_passed", "rescheduled"] as const) {
        for (const followUp of [false, true]) {
          const variables = { ...delayVariables(step, REASONS[step][0], followUp, true) };
          variables.delay = { ...variables.delay!, since: day, new_estimate: day };
          for (const channel of CHANNELS) messages.push(renderMessage({ trigger: "delay", step, channel, locale, variables }));
        }
      }
      for (const result of messages) {
        if (!result.ok) throw new Error(result.error);
        for (const part of [result.message.subject ?? "", result.message.text]) expect(part).not.toMatch(/\.\.(?!\.)|\s\./);
      }
    }
  });
});

describe("default back-in-stock emails", () => {
  // Locales whose order emails close by thanking the customer for shopping or buying.
  const THANKS_FOR_BUYING = ["en", "es", "pt-BR", "hi", "ml", "te", "gu", "sw", "ar"];
  const closingLine = (result: ReturnType<typeof renderMessage>) => {
    if (!result.ok) throw new Error(result.error);
    return result.message.text.split("\n").at(-2);
  };

  it("close the plain-text part without thanking the customer for a purchase (nothing was bought)", () => {
    for (const locale of AVAILABLE_LOCALES) {
      const orderClosing = closingLine(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale, variables: full }));
      for (const step of BACK_IN_STOCK_STEPS) {
        const result = renderMessage({ trigger: "back_in_stock", step, channel: "email", locale, variables: sampleVariables("back_in_stock", step, locale) });
        const closing = closingLine(result);
        expect(closing?.trim(), `${locale} ${step}`).toBeTruthy();
        if (THANKS_FOR_BUYING.includes(locale)) expect(closing, `${locale} ${step}`).not.toBe(orderClosing);
      }
    }
  });
});

describe("Arabic default templates", () => {
  const arabicLetter = /^\p{Script=Arabic}/u;

  it("render right to left in email", () => {
    for (const step of SHIPPING_STEPS) {
      const result = renderMessage({ trigger: "shipping", step, channel: "email", locale: "ar", variables: full });
      if (!result.ok) throw new Error(result.error);
      expect(result.message.html).toContain('<html lang="ar" dir="rtl">');
      expect(result.message.html).toContain("text-align:right");
      expect(result.message.subject).toMatch(arabicLetter);
    }
  });

  // A phone sets the direction of a text message from its first strong letter: a Latin store name first
  // would lay the Arabic out left to right.
  it("start every SMS with an Arabic word", () => {
    for (const variables of [full, sparse]) {
      for (const step of SHIPPING_STEPS) {
        const result = renderMessage({ trigger: "shipping", step, channel: "sms", locale: "ar", variables });
        if (!result.ok) throw new Error(result.error);
        expect(result.message.text).toMatch(arabicLetter);
      }
    }
    for (const step of DELAY_STEPS) {
      for (const reason of REASONS[step]) {
        const result = renderMessage({ trigger: "delay", step, channel: "sms", locale: "ar", variables: delayVariables(step, reason, false, false) });
        if (!result.ok) throw new Error(result.error);
        expect(result.message.text).toMatch(arabicLetter);
      }
    }
  });

  // The back-in-stock texts name a product (often in Latin letters) and may ask for a reply of YES: an
  // Arabic word first keeps the whole message right to left, on a phone and under dir="auto".
  it("start every back-in-stock SMS and subject with an Arabic word", () => {
    for (const step of BACK_IN_STOCK_STEPS) {
      for (const confirmByReply of [false, true]) {
        const variables = { ...sampleVariables("back_in_stock", step, "ar"), signup: { confirm_by_reply: confirmByReply } };
        for (const channel of CHANNELS) {
          const result = renderMessage({ trigger: "back_in_stock", step, channel, locale: "ar", variables });
          if (!result.ok) throw new Error(result.error);
          expect(result.message.subject ?? result.message.text, `${step} ${channel}`).toMatch(arabicLetter);
          expect(result.message.text, `${step} ${channel}`).toMatch(arabicLetter);
        }
      }
    }
  });
});

describe("localized greetings", () => {
  const greeting = (locale: string, variables: TemplateVariables) => {
    const result = renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale, variables });
    if (!result.ok) throw new Error(result.error);
    return result.message.text.split("\n")[0];
  };

  it("addresses a Japanese customer by family and given name with 様, or as お客様", () => {
    expect(greeting("ja", full)).toBe("Nair Anjali 様");
    expect(greeting("ja", sparse)).toBe("Nair 様");
    expect(greeting("ja", buildVariables({ shop: shop(), order: order({ customerFirstName: null, customerLastName: null }), fulfillment: fulfillment() }))).toBe("お客様");
  });

  it("uses each language's own salutation", () => {
    expect(greeting("fr", full)).toBe("Bonjour Anjali,");
    expect(greeting("de", full)).toBe("Hallo Anjali,");
    expect(greeting("pt-BR", sparse)).toBe("Olá!");
    expect(greeting("it", sparse)).toBe("Gentile cliente,");
    expect(greeting("nl", sparse)).toBe("Beste klant,");
    expect(greeting("te", full)).toBe("నమస్కారం Anjali గారు,");
  });
});
