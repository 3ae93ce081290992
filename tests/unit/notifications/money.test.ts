import { describe, expect, it } from "vitest";
import { renderMessage } from "~/notifications/render";
import type { RenderedMessage, RenderResult } from "~/notifications/types";
import { buildStockVariables } from "~/notifications/variables";
import { shop } from "./fixtures";

// Back-in-stock prices are written the way the customer's language writes money: the `money` filter
// (liquid-filters.ts) in Herald's default templates and available to merchants' own.

function rendered(result: RenderResult): RenderedMessage {
  if (!result.ok) throw new Error(`expected a rendered message, got: ${result.error}`);
  return result.message;
}

function alert(locale: string, currency: string, price: string, customerLocale: string | null = null) {
  const variables = buildStockVariables({
    shop: shop({ currency }),
    item: { id: "4242", productTitle: "Linen shirt", title: "Default Title", price, imageUrl: null, productHandle: "linen-shirt" },
    email: "customer@example.com",
    phone: null,
  });
  return rendered(renderMessage({ trigger: "back_in_stock", step: "alert", channel: "email", locale, customerLocale, variables }));
}

describe("back-in-stock prices", () => {
  it.each([
    ["de", "EUR", "1299.00", "1.299,00\u00a0€"],
    ["ja", "JPY", "1500.00", "￥1,500"],
    ["hi", "INR", "129999.00", "₹1,29,999.00"],
    ["en", "USD", "49.00", "$49.00"],
  ])("GIVEN a %s customer and a %s shop THEN the email writes %s as %s, in the HTML and the text part", (locale, currency, price, expected) => {
    const message = alert(locale, currency, price);
    expect(message.text).toContain(expected);
    expect(message.html).toContain(expected);
    expect(message.text).not.toContain(`${price} ${currency}`);
  });

  it("writes the price the customer's region's way when the template is in their language", () => {
    // en-IN groups lakhs; the "en" template is the one chosen
    expect(alert("en", "INR", "129999.00", "en-IN").text).toContain("₹1,29,999.00");
    expect(alert("en", "INR", "129999.00", "en").text).toContain("₹129,999.00");
  });
});

describe("the money filter in a merchant's template", () => {
  const render = (body: string, locale: string, variables = buildStockVariables({
    shop: shop({ currency: "EUR" }),
    item: { id: "1", productTitle: "Mug", title: "Default Title", price: "12.50", imageUrl: null, productHandle: null },
    email: null,
    phone: "+491701234567",
  })) => rendered(renderMessage({ trigger: "back_in_stock", step: "alert", channel: "sms", locale, variables, template: { body } })).text;

  it("formats any amount with any currency code", () => {
    expect(render("{{ product.price | money: product.currency }}", "fr")).toBe("12,50\u00a0€");
    expect(render('{{ 3597 | money: "INR" }}', "hi")).toBe("₹3,597.00");
    expect(render('{{ "-5" | money: "usd" }}', "en")).toBe("-$5.00");
  });

  it("writes what it cannot format as it came", () => {
    expect(render('{{ "about 12" | money: "EUR" }}', "en")).toBe("about 12 EUR");
    expect(render('{{ product.price | money: "12" }}', "en")).toBe("12.50 12");
    expect(render("{{ product.price | money }}", "en")).toBe("12.50");
    expect(render("[{{ product.missing | money: product.currency }}]", "en")).toBe("[]");
  });
});
