import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildVariables, renderMessage } from "~/notifications/render";
import type { RenderedMessage } from "~/notifications/types";
import { at, event, fulfillment, order, shop } from "../../unit/notifications/fixtures";

// What an Arabic customer sees: "#1001" must read "#1001" inside right-to-left text, in the email as a
// mail client shows it and in a text message as a phone lays it out (direction from the first letter).
// Runs in Debian's chromium (see STACK.md); HERALD_SCREENSHOTS=<dir> keeps screenshots to look at.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = process.env.HERALD_SCREENSHOTS;

const variables = buildVariables({
  shop: shop(),
  order: order(),
  fulfillment: fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2025-06-12T10:00:00Z") }] }),
});

function rendered(channel: "email" | "sms", template?: { subject: string; html: string; text: string } | { body: string }, step = "in_transit"): RenderedMessage {
  const result = renderMessage({ trigger: "shipping", step: step as "in_transit", channel, locale: "ar", variables, template });
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A phone's text bubble: plain text, direction from its first strong letter. */
function smsPage(text: string): string {
  return `<!doctype html><meta charset="utf-8"><body style="margin:24px;background:#fff;font:18px/1.5 sans-serif">
<div id="message" dir="auto" style="white-space:pre-wrap;max-width:360px;padding:12px 16px;border-radius:16px;background:#e5e7eb">${escapeHtml(text)}</div>`;
}

/** For each occurrence of "#1001" in the page's text: is the "#" drawn left of the "1" after it? */
async function hashReadsFirst(page: Page): Promise<boolean[]> {
  return page.evaluate(() => {
    const results: boolean[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = text.indexOf("#1001"); i >= 0; i = text.indexOf("#1001", i + 1)) {
        const box = (start: number) => {
          const range = document.createRange();
          range.setStart(node!, start);
          range.setEnd(node!, start + 1);
          return range.getBoundingClientRect();
        };
        const hash = box(i);
        if (hash.width === 0) continue; // hidden text (the preheader)
        results.push(hash.left < box(i + 1).left);
      }
    }
    return results;
  });
}

describe("an order number in Arabic messages, as Chromium lays it out", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("reads #1001 in the email's body, whether the number comes from Herald's template or the merchant's", async () => {
    const merchant = rendered("email", { subject: "طلبك {{ order.name }}", html: "<p>شكرًا لك! طلبك {{ order.name }} في الطريق إليك.</p>", text: "طلبك {{ order.name }}" });
    // Herald's "shipped" email names the order in its first paragraph.
    const defaults = rendered("email", undefined, "shipped");
    await page.setContent(merchant.html!);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/email-ar-merchant.png`, fullPage: true });
    const merchantOrder = await hashReadsFirst(page);
    expect(merchantOrder.length).toBeGreaterThan(0);
    expect(merchantOrder.every(Boolean)).toBe(true);
    await page.setContent(defaults.html!);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/email-ar-default.png`, fullPage: true });
    const defaultOrder = await hashReadsFirst(page);
    expect(defaultOrder.length).toBeGreaterThan(0);
    expect(defaultOrder.every(Boolean)).toBe(true);
  });

  it("reads #1001 in the subject and in a text message", async () => {
    const sms = rendered("sms");
    const subject = rendered("email").subject!;
    await page.setContent(smsPage(`${subject}\n\n${sms.text}`));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sms-ar.png`, fullPage: true });
    const found = await hashReadsFirst(page);
    expect(found).toHaveLength(2);
    expect(found).toEqual([true, true]);
  });
});
