import { describe, expect, it } from "vitest";
import { escapeHtml, LABEL_PLACEHOLDER, renderEmailLayout } from "../../../app/notifications/layout";
import { sampleVariables } from "../../../app/notifications/samples";
import { LAYOUT_LABELS, TEMPLATE_LOCALES, layoutLabels, localeTemplates } from "../../../app/notifications/templates";

const now = new Date("2026-11-20T10:00:00Z");
const layout = (vars = sampleVariables("shipping", "shipped", "en", { now }), extra: Partial<Parameters<typeof renderEmailLayout>[1]> = {}) =>
  renderEmailLayout(localeTemplates("en").layout, { vars, body: "<p>Your order shipped.</p>", subject: "Shipped", preheader: "On its way", lang: "en", dir: "ltr", ...extra });

describe("the email layout", () => {
  it("escapes every value as Liquid's escape filter does", () => {
    expect(escapeHtml(`Tom & "Jerry's" <b>`)).toBe("Tom &amp; &#34;Jerry&#39;s&#34; &lt;b&gt;");
    expect([escapeHtml(null), escapeHtml(undefined), escapeHtml(3)]).toEqual(["", "", "3"]);
  });

  it("escapes the shop's name, item titles and links, and keeps the rendered body as is", () => {
    const vars = sampleVariables("shipping", "shipped", "en", { now });
    vars.shop.name = `<script>alert("x")</script>`;
    vars.line_items = [{ title: "Mug <b>", variant_title: `Blue "XL"`, quantity: 2, image_url: "https://cdn.example/a.jpg?x=1&y=2", sku: null }];
    vars.fulfillment!.tracking_url = `https://track.example/?n=1&q="x"`;
    const html = layout(vars);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;");
    expect(html).toContain("Mug &lt;b&gt;");
    expect(html).toContain("Blue &#34;XL&#34;");
    expect(html).toContain('src="https://cdn.example/a.jpg?x=1&amp;y=2"');
    expect(html).toContain('href="https://track.example/?n=1&amp;q=&#34;x&#34;"');
    expect(html).toContain("<p>Your order shipped.</p>");
    // The footer names the shop through the label's placeholder, escaped too.
    expect(html).toContain("placed an order with &lt;script&gt;");
  });

  it("shows the tracking button, order link and items only when there is something to show", () => {
    const vars = sampleVariables("shipping", "shipped", "en", { now });
    const full = layout(vars);
    expect(full).toContain(localeTemplates("en").layout.trackButton);
    expect(full).toContain(localeTemplates("en").layout.orderStatusLink);
    vars.fulfillment!.tracking_url = null;
    vars.order!.status_url = null;
    vars.line_items = [];
    const bare = layout(vars);
    expect(bare).not.toContain(localeTemplates("en").layout.trackButton);
    expect(bare).not.toContain(localeTemplates("en").layout.orderStatusLink);
    expect(bare).not.toContain("&times;");
  });

  it("hides the preheader as preview text, and aligns right-to-left languages", () => {
    const html = layout(sampleVariables("shipping", "shipped", "ar", { now }), { lang: "ar", dir: "rtl" });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<body [^>]*>\n<div style="display:none;[^"]*mso-hide:all;">On its way<\/div>\n<table /);
    expect(html).toContain("text-align:right;");
  });

  // An inbox shows the subject, then the preview text: the subject standing in for a missing preheader
  // made it show the subject twice. Without one, inboxes show the start of the email.
  it("has no hidden preview text when there is no preheader, so inboxes do not repeat the subject", () => {
    for (const preheader of ["", "  "]) {
      const html = layout(undefined, { preheader });
      expect(html).not.toContain("display:none");
      expect(html.match(/Shipped/g)).toEqual(["Shipped"]); // in <title> only
      expect(html).toMatch(/<body [^>]*>\n<table /);
    }
  });

  it("has labels in every language with no Liquid but the shop-name placeholder", () => {
    for (const [locale, labels] of Object.entries(LAYOUT_LABELS)) {
      for (const [key, label] of Object.entries(labels)) {
        expect(label.replaceAll(LABEL_PLACEHOLDER, ""), `${locale} ${key}`).not.toMatch(/\{\{|\{%/);
      }
    }
  });

  // A merchant may write a template in any language the editor offers; the frame around it (button,
  // links, headings, footer, unsubscribe link) must then be in that language too, not English.
  it("has every label, translated, in every language a merchant can write a template in", () => {
    const english: Array<[string, string]> = Object.entries(layoutLabels("en"));
    for (const locale of TEMPLATE_LOCALES) {
      expect(Object.hasOwn(LAYOUT_LABELS, locale), `${locale} has no layout labels`).toBe(true);
      const labels: Record<string, string> = { ...LAYOUT_LABELS[locale] };
      for (const [key, en] of english) {
        expect(labels[key]?.trim(), `${locale} ${key}`).toBeTruthy();
        if (locale !== "en") expect(labels[key], `${locale} ${key}`).not.toBe(en);
        expect(labels[key].includes(LABEL_PLACEHOLDER), `${locale} ${key} names the shop as English does`).toBe(en.includes(LABEL_PLACEHOLDER));
      }
    }
  });

  it("finds a language's labels from a regional locale, and English for a language it lacks", () => {
    expect(layoutLabels("he-IL")).toBe(LAYOUT_LABELS.he);
    expect(layoutLabels("zh-TW")).toBe(LAYOUT_LABELS["zh-TW"]);
    expect(layoutLabels("pt-PT")).toBe(LAYOUT_LABELS["pt-PT"]);
    expect(layoutLabels("xx")).toBe(LAYOUT_LABELS.en);
  });
});
