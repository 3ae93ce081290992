import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, screenshot } from "../../support/browser/browser";
import { SAMPLE_PRODUCT, readLocale, startStorefront, type Storefront } from "../../support/storefront";

// The back-in-stock block on a product page, in Debian's chromium: rendered offline the way Shopify
// renders a theme app extension, inside a plain theme's product form, posting to a stand-in for the
// app proxy endpoint. Screenshots land in tmp/screenshots/storefront-*.png.

const [OAT, CHARCOAL, MOSS] = SAMPLE_PRODUCT.variants;
type Texts = {
  back_in_stock: { form: Record<string, string>; success: Record<string, string>; unreachable: Record<string, string>; errors: Record<string, string> };
};
const en = (readLocale("en.default.json") as Texts).back_in_stock;
const es = (readLocale("es.json") as Texts).back_in_stock;
const ar = (readLocale("ar.json") as Texts).back_in_stock;

let store: Storefront;
let browser: Browser;
let page: Page;

async function openProduct(opts: { locale?: string; variant?: number; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 900, height: 1100 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const opened = await context.newPage();
  opened.setDefaultTimeout(10_000);
  await opened.goto(store.productUrl({ locale: opts.locale, variant: opts.variant }));
  await opened.waitForFunction(() => document.querySelector("[data-herald-bis-ready]") !== null);
  return opened;
}

const block = (p: Page) => p.locator("[data-herald-bis]");
const email = (p: Page) => p.locator('[data-herald-bis] input[name="email"]');
const phone = (p: Page) => p.locator('[data-herald-bis] input[name="phone"]');
const submit = (p: Page) => p.locator("[data-herald-bis-submit]");
/** A text the block shows on screen (an inline error, the alert, the success note), not the live region's copy. */
const shown = (p: Page, text: string) =>
  p.locator("[data-herald-bis-error], [data-herald-bis-alert-text], [data-herald-bis-panel='success']").filter({ hasText: text }).first();
/** Wait until the block's live region says `text` (it is filled a moment after being cleared). */
const announced = (p: Page, text: string) =>
  p.waitForFunction((t) => document.querySelector('[data-herald-bis] [role="status"]')?.textContent === t, text);
/** axe's findings that matter: serious or critical anywhere on the page, any at all inside the block. */
async function accessibilityProblems(p: Page) {
  return (await axeFindings(p)).filter((f) => f.impact === "serious" || f.impact === "critical" || f.targets.some((t) => t.includes("herald-bis")));
}
const focusedName = (p: Page) => p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);

describe.skipIf(!chromiumAvailable)("the back-in-stock block on a product page", () => {
  beforeAll(async () => {
    store = await startStorefront({ settings: { show_phone: true } });
    browser = await launchChromium();
  });

  afterEach(async () => {
    await page?.context().close();
    store.signups.length = 0;
    store.answer = { status: 200, body: { ok: true, status: "subscribed" } };
  });

  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  it("stays hidden for an available variant and appears when a sold-out one is picked", async () => {
    page = await openProduct();
    await expect(block(page).isVisible()).resolves.toBe(false);

    await page.getByLabel("Colour").selectOption(String(CHARCOAL.id));
    await page.getByRole("heading", { name: en.form.heading }).waitFor();
    expect(page.url()).toContain(`variant=${CHARCOAL.id}`);
    await expect(page.getByRole("button", { name: en.form.submit }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(en.form.email_label).isVisible()).resolves.toBe(true);
    await expect(page.getByText(en.form.consent).isVisible()).resolves.toBe(true);

    await page.getByLabel("Colour").selectOption(String(OAT.id));
    await block(page).waitFor({ state: "hidden" });
  });

  it("follows the variant in the address bar, as themes that only rewrite the URL do", async () => {
    page = await openProduct({ variant: MOSS.id });
    await block(page).waitFor({ state: "visible" });
    // The theme swaps the variant with history.replaceState (no event) after a click on a swatch.
    await page.evaluate((id) => history.replaceState({}, "", `?variant=${id}`), OAT.id);
    await page.locator("h1").click();
    await block(page).waitFor({ state: "hidden" });
  });

  it("catches an obviously wrong email before posting, in an accessible way", async () => {
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example");
    await submit(page).click();
    await shown(page, en.errors.invalid_email).waitFor();
    expect(await email(page).getAttribute("aria-invalid")).toBe("true");
    expect(await focusedName(page)).toBe("email");
    // The error is the field's description, so a screen reader reads it with the field.
    const describedBy = (await email(page).getAttribute("aria-describedby"))!.split(" ");
    expect(await page.locator(`[id="${describedBy[0]}"]`).textContent()).toBe(en.errors.invalid_email);
    await announced(page, en.errors.check_fields);
    expect(store.signups).toEqual([]);

    // Nothing at all: ask for a way to reach the customer.
    await email(page).fill("");
    await submit(page).click();
    await shown(page, en.errors.missing_contact).waitFor();
    expect(store.signups).toEqual([]);

    // Typing clears the error.
    await email(page).fill("alex@example.com");
    expect(await email(page).getAttribute("aria-invalid")).toBeNull();
  });

  it("shows the server's field error next to the field and focuses it", async () => {
    store.answer = { status: 400, body: { ok: false, errors: { phone: "invalid_phone" } } };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example.com");
    await phone(page).fill("+1 555 0100");
    await submit(page).click();
    await shown(page, en.errors.invalid_phone).waitFor();
    expect(await phone(page).getAttribute("aria-invalid")).toBe("true");
    expect(await email(page).getAttribute("aria-invalid")).toBeNull();
    expect(await focusedName(page)).toBe("phone");
    expect(store.signups).toHaveLength(1);
    await screenshot(page, "storefront-en-field-error");
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("posts the sign-up once while busy, then says the customer is on the list", async () => {
    store.answer = { status: 200, body: { ok: true, status: "subscribed" }, delayMs: 600 };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("  alex@example.com ");
    await phone(page).fill("+44 7700 900123");
    await submit(page).click();
    await page.waitForFunction(() => document.querySelector("[data-herald-bis-submit]")?.getAttribute("aria-disabled") === "true");
    expect(await submit(page).textContent()).toBe(en.form.sending);
    // A second click and Enter while busy (aria-disabled keeps the button focusable, so force the click).
    await submit(page).click({ force: true });
    await page.keyboard.press("Enter");

    await shown(page, en.success.subscribed).waitFor();
    await announced(page, en.success.subscribed);
    expect(store.signups).toEqual([
      {
        contentType: "application/x-www-form-urlencoded;charset=UTF-8",
        fields: {
          variant_id: String(CHARCOAL.id),
          product_id: String(SAMPLE_PRODUCT.id),
          email: "alex@example.com",
          phone: "+44 7700 900123",
          locale: "en",
          consent: "1",
        },
      },
    ]);
    // The form is gone; focus stayed inside the block.
    await expect(email(page).isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("herald-bis__heading"))).toBe(true);
    await screenshot(page, "storefront-en-success");

    // Another sold-out variant gets a fresh form; coming back shows the earlier success again.
    await page.getByLabel("Colour").selectOption(String(MOSS.id));
    await email(page).waitFor({ state: "visible" });
    expect(await email(page).inputValue()).toBe("alex@example.com");
    await page.getByLabel("Colour").selectOption(String(CHARCOAL.id));
    await shown(page, en.success.subscribed).waitFor();
  });

  it.each([
    ["already_subscribed", en.success.already_subscribed],
    ["confirm_sms", en.success.confirm_sms],
  ])("tells the customer what happened when the answer is %s", async (status, text) => {
    store.answer = { status: 200, body: { ok: true, status } };
    page = await openProduct({ variant: MOSS.id });
    await phone(page).fill("+14155550100");
    await page.keyboard.press("Enter");
    await shown(page, text).waitFor();
    expect(store.signups[0].fields).toMatchObject({ variant_id: String(MOSS.id), phone: "+14155550100" });
    expect(store.signups[0].fields.email).toBeUndefined();
  });

  it("says under the phone field that the shop does not text numbers of that country", async () => {
    store.answer = { status: 400, body: { ok: false, errors: { phone: "unsupported_country" } } };
    page = await openProduct({ variant: CHARCOAL.id });
    await phone(page).fill("+44 7400 123456");
    await submit(page).click();
    await shown(page, en.errors.unsupported_country).waitFor();
    expect(await phone(page).getAttribute("aria-invalid")).toBe("true");
    expect(await focusedName(page)).toBe("phone");
    await screenshot(page, "storefront-unsupported-country");
  });

  it("says why a stopped number will get no text, and why an unsubscribed address gets nothing", async () => {
    store.answer = { status: 200, body: { ok: true, status: "subscribed", unreachable: ["phone_stopped"] } };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example.com");
    await phone(page).fill("+14155550100");
    await submit(page).click();
    // On the list by email, and told how to get texts again
    await shown(page, `${en.success.subscribed} ${en.unreachable.phone_stopped}`).waitFor();
    await screenshot(page, "storefront-phone-stopped");
    await page.context().close();

    store.answer = { status: 200, body: { ok: true, status: "unreachable", unreachable: ["email_unsubscribed"] } };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example.com");
    await submit(page).click();
    await shown(page, en.unreachable.email_unsubscribed).waitFor();
    await announced(page, en.unreachable.email_unsubscribed);
    // Not "on the list": the form stays for another address or a phone number, with nothing to retry
    expect(await page.locator("[data-herald-bis-panel='success']").isVisible()).toBe(false);
    expect(await email(page).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: en.form.retry }).isVisible()).toBe(false);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "storefront-email-unsubscribed");
  });

  it("explains a rate limit and lets the customer retry", async () => {
    store.answer = { status: 429, body: { ok: false, error: "rate_limited" } };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example.com");
    await submit(page).click();
    await shown(page, en.errors.rate_limited).waitFor();
    await announced(page, en.errors.rate_limited);

    expect(await accessibilityProblems(page)).toEqual([]);

    store.answer = { status: 200, body: { ok: true, status: "subscribed" } };
    await page.getByRole("button", { name: en.form.retry }).click();
    await shown(page, en.success.subscribed).waitFor();
    expect(store.signups).toHaveLength(2);
  });

  it("shows a generic error with a retry when the server fails or answers nonsense", async () => {
    store.answer = { status: 502, body: "<html>Bad gateway</html>" };
    page = await openProduct({ variant: CHARCOAL.id });
    await email(page).fill("alex@example.com");
    await submit(page).click();
    await shown(page, en.errors.generic).waitFor();
    await expect(page.getByRole("button", { name: en.form.retry }).isVisible()).resolves.toBe(true);
    // Still usable: the same form can be sent again.
    await expect(email(page).inputValue()).resolves.toBe("alex@example.com");
  });

  it("follows the merchant's settings: heading, button colours, no phone field", async () => {
    const plain = await startStorefront({ settings: { show_phone: false, heading: "Back soon?", button_color: "#0b3d91", button_text_color: "#ffffff" } });
    try {
      const context = await browser.newContext();
      page = await context.newPage();
      await page.goto(plain.productUrl({ variant: CHARCOAL.id }));
      await page.getByRole("heading", { name: "Back soon?" }).waitFor();
      expect(await phone(page).count()).toBe(0);
      expect(await submit(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 61, 145)");
      // Without a phone field, "no contact given" asks for the email address.
      plain.answer = { status: 400, body: { ok: false, errors: { email: "missing_contact" } } };
      await email(page).fill("alex@example.com");
      await submit(page).click();
      await shown(page, en.errors.missing_email).waitFor();
      expect(await focusedName(page)).toBe("email");
      expect(plain.signups[0].fields.phone).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it("speaks Spanish on a Spanish storefront and sends the locale", async () => {
    page = await openProduct({ locale: "es", variant: CHARCOAL.id });
    await page.getByRole("heading", { name: es.form.heading }).waitFor();
    await page.getByLabel(es.form.email_label).fill("ana@");
    await page.getByRole("button", { name: es.form.submit }).click();
    await shown(page, es.errors.invalid_email).waitFor();
    await page.getByLabel(es.form.email_label).fill("ana@ejemplo.es");
    await page.getByRole("button", { name: es.form.submit }).click();
    await shown(page, es.success.subscribed).waitFor();
    expect(store.signups[0].fields.locale).toBe("es");
  });

  it("reads right to left in Arabic, with no serious accessibility findings", async () => {
    page = await openProduct({ locale: "ar", variant: CHARCOAL.id });
    await page.getByRole("heading", { name: ar.form.heading }).waitFor();
    const layout = await block(page).evaluate((el) => {
      const style = getComputedStyle(el);
      const range = document.createRange();
      range.selectNodeContents(el.querySelector(".herald-bis__heading")!);
      const heading = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { direction: style.direction, headingGapRight: box.right - heading.right, headingGapLeft: heading.left - box.left };
    });
    expect(layout.direction).toBe("rtl");
    // The heading starts on the right.
    expect(layout.headingGapRight).toBeLessThan(layout.headingGapLeft);
    await screenshot(page, "storefront-ar-form");
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByLabel(ar.form.email_label).fill("layla@example.com");
    await page.getByRole("button", { name: ar.form.submit }).click();
    await shown(page, ar.success.subscribed).waitFor();
    expect(store.signups[0].fields.locale).toBe("ar");
    await screenshot(page, "storefront-ar-success");
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it("is clean for axe and usable with the keyboard alone in English", async () => {
    page = await openProduct({ variant: CHARCOAL.id, viewport: { width: 390, height: 900 } });
    await screenshot(page, "storefront-en-form-mobile");
    expect(await accessibilityProblems(page)).toEqual([]);
    await email(page).focus();
    await page.keyboard.type("alex@example.com");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("phone");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-herald-bis-submit"))).toBe(true);
    await page.keyboard.press("Enter");
    await shown(page, en.success.subscribed).waitFor();
  });
});
