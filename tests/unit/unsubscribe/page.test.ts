import fs from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { TEMPLATE_LOCALES } from "../../../app/notifications/templates";
import { renderBrokenLinkPage, renderUnsubscribePage, type UnsubscribePageInput } from "../../../app/unsubscribe/page";
import { UNSUBSCRIBE_LOCALES, UNSUBSCRIBE_TEXTS, type UnsubscribeTexts } from "../../../app/unsubscribe/texts";
import { PROXY_PATH } from "../../../app/unsubscribe/token.server";

const base: UnsubscribePageInput = {
  after: "change",
  locale: "en",
  shopPrimaryLocale: "en",
  shopName: "Maison Test",
  scope: "shipping",
  state: "scope",
  formAction: "/apps/herald/unsubscribe?t=abc.def",
};

function strings(texts: UnsubscribeTexts): string[] {
  return Object.values(texts).flatMap((v) => (typeof v === "string" ? [v] : Object.values(v)));
}

describe("unsubscribe page texts", () => {
  // The link in a merchant's Hebrew email must open a Hebrew page, not one in the shop's language.
  it("has texts for every language a merchant can write a template in", () => {
    for (const locale of TEMPLATE_LOCALES) expect(UNSUBSCRIBE_LOCALES, locale).toContain(locale);
  });

  it("has every text, non-empty, in each language", () => {
    const keys = strings(UNSUBSCRIBE_TEXTS.en).length;
    for (const locale of UNSUBSCRIBE_LOCALES) {
      const all = strings(UNSUBSCRIBE_TEXTS[locale]);
      expect(all, locale).toHaveLength(keys);
      for (const s of all) expect(s.trim(), locale).not.toBe("");
    }
  });

  it("names the shop wherever the English text does, and is not English anywhere else", () => {
    const en = strings(UNSUBSCRIBE_TEXTS.en);
    for (const locale of UNSUBSCRIBE_LOCALES.filter((l) => l !== "en")) {
      strings(UNSUBSCRIBE_TEXTS[locale]).forEach((s, i) => {
        expect(s.includes("{shop}"), `${locale} #${i}: ${s}`).toBe(en[i].includes("{shop}"));
        expect(s, locale).not.toBe(en[i]);
      });
    }
  });
});

describe("the unsubscribe page", () => {
  it("confirms a scoped unsubscribe, says other emails continue, and offers undo and 'all' as plain forms", () => {
    const html = renderUnsubscribePage(base);
    expect(html).toContain(">You're unsubscribed from shipping updates from <bdi>Maison Test</bdi>.</h1>");
    expect(html).toContain("<p>You'll still get other emails from <bdi>Maison Test</bdi>.</p>");
    expect(html.match(/<form method="post" action="\/apps\/herald\/unsubscribe\?t=abc.def">/g)).toHaveLength(2);
    expect(html).toContain('<input type="hidden" name="action" value="resubscribe"><input type="hidden" name="scope" value="shipping"><button type="submit"');
    expect(html).toContain(">Unsubscribe from all emails from <bdi>Maison Test</bdi></button>");
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  it("names delay notices for a delay link, and 'these emails' for a kind it has no words for", () => {
    expect(renderUnsubscribePage({ ...base, scope: "delay" })).toContain("You're unsubscribed from delay notices from");
    expect(renderUnsubscribePage({ ...base, scope: "back_in_stock" })).toContain("You're unsubscribed from these emails from");
  });

  it("after 'all', offers only the undo of 'all'", () => {
    const html = renderUnsubscribePage({ ...base, state: "all" });
    expect(html).toContain("You're unsubscribed from all emails from <bdi>Maison Test</bdi>.");
    expect(html).toContain('name="scope" value="all"');
    expect(html).not.toContain('value="unsubscribe_all"');
  });

  it("when the link is opened, asks first: a button that unsubscribes from the link's kind, and one for all emails", () => {
    const html = renderUnsubscribePage({ ...base, after: "visit", state: "subscribed" });
    expect(html).toContain(">Unsubscribe from shipping updates from <bdi>Maison Test</bdi>?</h1>");
    expect(html.match(/<form method="post" action="\/apps\/herald\/unsubscribe\?t=abc.def">/g)).toHaveLength(2);
    expect(html).toContain('<input type="hidden" name="action" value="unsubscribe"><button type="submit" class="herald-unsub__primary" aria-describedby="herald-unsub-status">Unsubscribe</button>');
    expect(html).toContain('name="action" value="unsubscribe_all"');
    expect(html).not.toContain("You're unsubscribed");
    expect(renderUnsubscribePage({ ...base, after: "visit", state: "subscribed", locale: "hi" })).toContain("क्या आप <bdi>Maison Test</bdi> से शिपिंग अपडेट पाना बंद करना चाहते हैं?");
  });

  it("when the link is opened by someone already unsubscribed, says so and offers the undo", () => {
    expect(renderUnsubscribePage({ ...base, after: "visit" })).toContain("You're unsubscribed from shipping updates from <bdi>Maison Test</bdi>.");
    expect(renderUnsubscribePage({ ...base, after: "visit", state: "all" })).toContain('name="scope" value="all"');
  });

  it("after undo, says the emails will come again and offers to unsubscribe again", () => {
    const html = renderUnsubscribePage({ ...base, state: "subscribed" });
    expect(html).toContain("You'll get shipping updates from <bdi>Maison Test</bdi> again.");
    expect(html).toContain('name="action" value="unsubscribe"');
  });

  it("puts the heading first in focus order and ties every button to it", () => {
    const html = renderUnsubscribePage(base);
    expect(html).toMatch(/<h1 id="herald-unsub-status" tabindex="-1" autofocus>/);
    expect(html.match(/<button /g)!.length).toBe(html.match(/aria-describedby="herald-unsub-status"/g)!.length);
  });

  it("cannot be turned into Liquid or HTML by a shop name", () => {
    const html = renderUnsubscribePage({ ...base, shopName: `{{ shop.password }} <script>x</script> {% layout none %}` });
    expect(html).not.toMatch(/\{\{|\{%|<script/);
    expect(html).toContain("&#123;&#123; shop.password &#125;&#125; &#60;script&#62;");
  });

  it("is written right to left in Arabic and left to right in Malayalam", () => {
    expect(renderUnsubscribePage({ ...base, locale: "ar" })).toMatch(/^<div class="herald-unsub" lang="ar" dir="rtl">/);
    const ml = renderUnsubscribePage({ ...base, locale: "ml-IN" });
    expect(ml).toMatch(/^<div class="herald-unsub" lang="ml" dir="ltr">/);
    expect(ml).toContain(UNSUBSCRIBE_TEXTS.ml.undo);
  });

  it("is written right to left in Hebrew, for a customer of a shop whose language is English", () => {
    const html = renderUnsubscribePage({ ...base, locale: "he-IL", after: "visit", state: "subscribed" });
    expect(html).toMatch(/^<div class="herald-unsub" lang="he" dir="rtl">/);
    expect(html).toContain(UNSUBSCRIBE_TEXTS.he.confirm.shipping.replace("{shop}", "<bdi>Maison Test</bdi>"));
  });

  it("matches a regional locale to its language, pt-br to pt-BR, and pt-AO to a Portuguese page before the shop's language", () => {
    expect(renderUnsubscribePage({ ...base, locale: "es-MX" })).toContain('lang="es"');
    expect(renderUnsubscribePage({ ...base, locale: "pt_br" })).toContain('lang="pt-BR"');
    expect(renderUnsubscribePage({ ...base, locale: "pt-PT", shopPrimaryLocale: "fr" })).toContain('lang="pt-PT"');
    expect(renderUnsubscribePage({ ...base, locale: "pt-AO", shopPrimaryLocale: "fr" })).toContain('lang="pt-BR"');
    expect(renderUnsubscribePage({ ...base, locale: "xx-YY", shopPrimaryLocale: "fr" })).toContain('lang="fr"');
  });

  it("explains a broken link in the shop's language", () => {
    const html = renderBrokenLinkPage({ locale: null, shopPrimaryLocale: "ja", shopName: "Maison Test" });
    expect(html).toContain('lang="ja"');
    expect(html).toContain(UNSUBSCRIBE_TEXTS.ja.brokenTitle);
    expect(html).not.toContain("<form");
  });
});

describe("shopify.app.toml [app_proxy]", () => {
  it("routes the path the emails link to (PROXY_PATH) to Herald's /proxy routes", () => {
    const toml = parse(fs.readFileSync("shopify.app.toml", "utf8")) as { app_proxy: { url: string; prefix: string; subpath: string }; application_url: string };
    expect(`/${toml.app_proxy.prefix}/${toml.app_proxy.subpath}`).toBe(PROXY_PATH);
    expect(toml.app_proxy.url).toBe(`${toml.application_url.replace(/\/+$/, "")}/proxy`);
    expect(fs.existsSync("app/routes/proxy.unsubscribe.tsx")).toBe(true);
  });
});
