import { describe, expect, it } from "vitest";
import { LABEL_PLACEHOLDER } from "~/notifications/layout";
import { buildVariables, renderMessage } from "~/notifications/render";
import { layoutLabels } from "~/notifications/templates";
import type { RenderedMessage, RenderResult, TemplateVariables } from "~/notifications/types";
import { at, event, fulfillment, order, shop } from "./fixtures";

function sampleVariables(): TemplateVariables {
  return buildVariables({ shop: shop(), order: order(), fulfillment: fulfillment() });
}

function rendered(result: RenderResult): RenderedMessage {
  if (!result.ok) throw new Error(`expected a rendered message, got: ${result.error}`);
  return result.message;
}

function failure(result: RenderResult): string {
  if (result.ok) throw new Error("expected a render failure");
  return result.error;
}

describe("buildVariables", () => {
  it("lists only the items of this package in a split order", () => {
    const vars = buildVariables({ shop: shop(), order: order(), fulfillment: fulfillment({ lineItemIds: ["li-2"] }) });
    expect(vars.line_items.map((i) => i.title)).toEqual(["Canvas tote"]);
  });

  it("gives an empty first name when the customer has none, for templates to `| default:`", () => {
    const vars = buildVariables({ shop: shop(), order: order({ customerFirstName: null }), fulfillment: null });
    expect(vars.customer.first_name).toBe("");
    expect(vars.fulfillment).toBeNull();
  });

  it("drops links that are not http(s)", () => {
    const vars = buildVariables({
      shop: shop(),
      order: order({ orderStatusUrl: "javascript:alert(1)" }),
      fulfillment: fulfillment({ trackingUrl: "not a url" }),
    });
    expect(vars.order?.status_url).toBeNull();
    expect(vars.fulfillment?.tracking_url).toBeNull();
  });

  it("gives the estimated delivery as a calendar date in the shop's time zone, preferring the latest scan's", () => {
    // GIVEN an estimate at 20:00 UTC, already the next day in Kolkata (UTC+5:30)
    const f = fulfillment({
      estimatedDeliveryAt: new Date("2025-06-20T12:00:00Z"),
      events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2025-06-12T20:00:00Z") }],
    });
    const vars = buildVariables({ shop: shop({ timezone: "Asia/Kolkata" }), order: order(), fulfillment: f });
    expect(vars.fulfillment?.estimated_delivery_at).toBe("2025-06-13");
    expect(vars.fulfillment?.status).toBe("in_transit");
  });
});

describe("renderMessage, a merchant's email in a language Herald has no default templates for", () => {
  it("frames a merchant's Hebrew email in Hebrew: no English label in the HTML or the plain-text part", () => {
    // GIVEN the shop's own Hebrew "shipped" email (Herald ships no Hebrew defaults)
    const unsubscribeUrl = "https://maple-moss.myshopify.com/apps/herald/unsubscribe?t=abc.def";
    const variables = buildVariables({ shop: shop(), order: order(), fulfillment: fulfillment(), unsubscribeUrl });
    const template = {
      subject: "ההזמנה {{ order.name }} בדרך אליך",
      html: "<p>שלום {{ customer.first_name }}, ההזמנה שלך נשלחה.</p>",
      text: "שלום {{ customer.first_name }}, ההזמנה שלך נשלחה.",
    };
    // WHEN it renders for a customer who reads Hebrew
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "he", variables, template }));
    // THEN the layout around it speaks Hebrew, right to left
    const he = layoutLabels("he");
    expect(message.html).toContain('<html lang="he" dir="rtl">');
    expect(message.html).toContain(`>${he.trackButton}</a>`);
    expect(message.html).toContain(`>${he.orderStatusLink}</a>`);
    expect(message.html).toContain(`>${he.itemsHeading}</div>`);
    expect(message.html).toContain(he.footer.replace(LABEL_PLACEHOLDER, "Maple &amp; Moss"));
    expect(message.html).toContain(`>${he.unsubscribeLink}</a>`);
    expect(message.text).toMatch(new RegExp(`\\n\\n${he.unsubscribeLink}: ${unsubscribeUrl.replace(/[.?]/g, "\\$&")}$`));
    // ...and no English label is left anywhere
    const english: string[] = Object.values(layoutLabels("en"));
    for (const label of english) {
      for (const piece of label.split(LABEL_PLACEHOLDER).map((p) => p.trim()).filter((p) => p.length > 2)) {
        expect(message.html, piece).not.toContain(piece);
        expect(message.text, piece).not.toContain(piece);
      }
    }
  });
});

describe("renderMessage, email", () => {
  it("wraps the body in the shared layout with the tracking button, order link, items and footer", () => {
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables() }));
    expect(message.subject).toBe("Your order #1001 is on its way");
    expect(message.html).toContain('<html lang="en" dir="ltr">');
    expect(message.html).toContain('href="https://www.ups.com/track?tracknum=1Z999AA10123456784"');
    expect(message.html).toContain(">Track your package</a>");
    expect(message.html).toContain('href="https://maple-moss.myshopify.com/6001/orders/abc123/authenticate?key=k1"');
    expect(message.html).toContain("Linen shirt");
    expect(message.html).toContain("M / Indigo");
    expect(message.html).toContain("You're receiving this email because you placed an order with Maple &amp; Moss.");
    expect(message.html).toContain("max-width:600px");
    expect(message.text).toContain("- 2 × Linen shirt (M / Indigo)");
    expect(message.segments).toBeNull();
  });

  it("gives a default email (none has a preheader) no hidden preview text, and a merchant's preheader its own", () => {
    const variables = sampleVariables();
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables }));
    expect(message.html).not.toContain("display:none");
    expect(message.html!.split(message.subject!)).toHaveLength(2); // the subject only in <title>
    const template = { subject: "Shipped", preheader: "Track {{ order.name }} any time", html: "<p>Shipped.</p>", text: "Shipped." };
    const own = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables, template }));
    expect(own.html).toMatch(/mso-hide:all;">Track #1001 any time<\/div>/);
  });

  it("HTML-escapes a customer's name in the HTML part but not in the plain-text part", () => {
    // GIVEN a customer whose first name is markup
    const variables = buildVariables({ shop: shop(), order: order({ customerFirstName: "<script>alert(1)</script>" }), fulfillment: fulfillment() });
    // WHEN the email renders
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables }));
    // THEN the HTML shows the text, never runs it
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(message.text).toContain("Hi <script>alert(1)</script>,");
  });

  it("says 'Hi there' and leaves out tracking when the data is missing", () => {
    const variables = buildVariables({
      shop: shop({ email: null }),
      order: order({ customerFirstName: null, orderStatusUrl: null }),
      fulfillment: fulfillment({ trackingUrl: null, trackingNumber: null, trackingCompany: null }),
    });
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables }));
    expect(message.text.startsWith("Hi there,")).toBe(true);
    expect(message.text).not.toContain("Tracking number");
    expect(message.html).not.toContain("Track your package");
    expect(message.html).not.toContain("View your order");
    expect(message.text).toContain("Good news: your order #1001 has shipped.");
  });

  it("writes the estimated delivery date in the message's language", () => {
    const f = fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2025-06-12T10:00:00Z") }] });
    const variables = buildVariables({ shop: shop(), order: order(), fulfillment: f });
    const es = rendered(renderMessage({ trigger: "shipping", step: "in_transit", channel: "email", locale: "es", variables }));
    expect(es.text).toContain("Debería llegar el jueves, 12 de junio.");
    const en = rendered(renderMessage({ trigger: "shipping", step: "in_transit", channel: "sms", locale: "en", variables }));
    expect(en.text).toContain("should arrive by Jun 12.");
  });

  it("writes dates the way the customer's region does when it speaks the template's language", () => {
    // GIVEN customers in India, Britain and Jordan, rendered with Herald's "en" and "ar" templates
    const f = fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2026-06-13T10:00:00Z") }] });
    const variables = buildVariables({ shop: shop(), order: order(), fulfillment: f });
    const text = (locale: string, customerLocale: string | null, channel: "email" | "sms" = "email") =>
      rendered(renderMessage({ trigger: "shipping", step: "in_transit", channel, locale, customerLocale, variables })).text;
    // THEN the day comes before the month, and Jordan's month names are the Levantine ones
    expect(text("en", "en-IN")).toContain("It should arrive by Saturday, 13 June.");
    expect(text("en", "en_gb", "sms")).toContain("should arrive by 13 Jun.");
    expect(text("ar", "ar-JO")).toContain("حزيران");
    // AND a customer whose language is not the template's reads the template's own way
    expect(text("en", "en")).toContain("It should arrive by Saturday, June 13.");
    expect(text("en", "de-AT")).toContain("It should arrive by Saturday, June 13.");
    expect(text("ar", "ar")).toContain("يونيو");
  });

  it("renders a merchant's template instead of the default", () => {
    const template = { subject: "  Order {{ order.name }}\n shipped ", html: "<p>Yo {{ customer.first_name }}</p>", text: "Yo {{ customer.first_name }}" };
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables(), template }));
    expect(message.subject).toBe("Order #1001 shipped");
    expect(message.html).toContain("<p>Yo Anjali</p>");
    expect(message.text).toBe("Yo Anjali");
  });

  it("marks up right-to-left locales with dir and lang on the root", () => {
    const template = { subject: "طلبك {{ order.name }}", html: "<p>مرحبا {{ customer.first_name }}</p>", text: "مرحبا" };
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "ar", variables: sampleVariables(), template }));
    expect(message.locale).toBe("ar");
    expect(message.html).toContain('<html lang="ar" dir="rtl">');
    expect(message.html).toContain("text-align:right");
  });

  it("falls back to English defaults for a locale without templates", () => {
    const message = rendered(renderMessage({ trigger: "shipping", step: "delivered", channel: "email", locale: "ko", variables: sampleVariables() }));
    expect(message.locale).toBe("en");
    expect(message.subject).toBe("Your order #1001 has been delivered");
  });

  it("refuses an SMS-shaped template for email", () => {
    const error = failure(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables(), template: { body: "hi" } }));
    expect(error).toMatch(/subject/);
  });

  it("refuses a subject that renders empty", () => {
    const template = { subject: "{{ customer.nickname }}", html: "<p>x</p>", text: "x" };
    const error = failure(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables(), template }));
    expect(error).toMatch(/subject.*empty/);
  });
});

describe("renderMessage, SMS and WhatsApp", () => {
  it("counts SMS segments", () => {
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "sms", locale: "en", variables: sampleVariables() }));
    expect(message.text).toBe(
      "Maple & Moss: Hi Anjali, your order #1001 has shipped with UPS! Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784",
    );
    expect(message.segments).toBe(1);
    expect(message.subject).toBeNull();
    expect(message.html).toBeNull();
  });

  it("sends the SMS text over WhatsApp, without segments", () => {
    const sms = rendered(renderMessage({ trigger: "shipping", step: "delivered", channel: "sms", locale: "sw", variables: sampleVariables() }));
    const whatsapp = rendered(renderMessage({ trigger: "shipping", step: "delivered", channel: "whatsapp", locale: "sw", variables: sampleVariables() }));
    expect(whatsapp.text).toBe(sms.text);
    expect(whatsapp.segments).toBeNull();
  });

  it("does not HTML-escape an SMS", () => {
    const message = rendered(renderMessage({ trigger: "shipping", step: "shipped", channel: "sms", locale: "en", variables: sampleVariables(), template: { body: "{{ shop.name }} <3" } }));
    expect(message.text).toBe("Maple & Moss <3");
  });

  it("refuses a body longer than an SMS can carry", () => {
    const error = failure(renderMessage({ trigger: "shipping", step: "shipped", channel: "sms", locale: "en", variables: sampleVariables(), template: { body: "{% for i in (1..200) %}0123456789{% endfor %}" } }));
    expect(error).toMatch(/2000 characters.*1600/);
  });
});

describe("renderMessage with a broken template", () => {
  const render = (body: string) => renderMessage({ trigger: "shipping", step: "shipped", channel: "sms", locale: "en", variables: sampleVariables(), template: { body } });

  it("names an unknown filter and where it is", () => {
    const error = failure(render("Hi {{ customer.first_name | shout }}"));
    expect(error).toMatch(/^body: undefined filter: shout, line:1, col:\d+/);
  });

  it("names an unclosed tag", () => {
    expect(failure(render("{% if fulfillment.tracking_url %}Track it"))).toMatch(/^body: .*not closed, line:1/);
  });

  it("names an unknown tag", () => {
    expect(failure(render("hi\n{% shout %}"))).toMatch(/^body: tag "shout" not found, line:2/);
  });

  it("names the email part that failed", () => {
    const template = { subject: "ok", html: "<p>{{ order.name | nope }}</p>", text: "ok" };
    const error = failure(renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables(), template }));
    expect(error).toMatch(/^html: undefined filter: nope/);
  });

  it("cannot include files from disk", () => {
    expect(failure(render('{% include "/etc/passwd" %}'))).toMatch(/^body: .*Failed to lookup/);
    expect(failure(render('{% render "../../package.json" %}'))).toMatch(/^body: .*Failed to lookup/);
  });

  it("cannot reach into prototypes", () => {
    const message = rendered(render("[{{ shop.constructor }}][{{ shop.__proto__ }}][{{ line_items.constructor.name }}]"));
    expect(message.text).toBe("[][][]");
  });
});

describe("renderMessage limits", () => {
  const render = (html: string) =>
    renderMessage({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", variables: sampleVariables(), template: { subject: "s", html, text: "t" } });

  it("stops an endless loop quickly", () => {
    const started = performance.now();
    const error = failure(render("{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}"));
    expect(error).toMatch(/^html: .*limit exceeded/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("stops a template that doubles a string until memory runs out", () => {
    const error = failure(render('{% assign s = "xxxxxxxxxx" %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}'));
    expect(error).toMatch(/^html: memory alloc limit exceeded/);
  });

  it("refuses a huge output", () => {
    const started = performance.now();
    const error = failure(render("{% for i in (1..50000) %}<p>0123456789</p>{% endfor %}"));
    expect(error).toMatch(/^html: the output is \d+ characters long; the limit is 200000/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
