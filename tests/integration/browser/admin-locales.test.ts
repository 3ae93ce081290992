import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";
import { orderPayload } from "../../support/payloads";

// Herald's admin for a staff member whose Shopify admin is in Spanish or Hindi: Shopify opens the app
// with &locale=, and every screen answers in that language. Screenshots: tmp/screenshots/admin-<locale>-*.png.
let stack: HeraldStack;
let browser: Browser;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

const EXPECTED = {
  es: {
    nav: "Pedidos en riesgo",
    homeFigure: "Enviados (30 días)",
    homeSubtitle: "Notificaciones a clientes de Maple & Moss",
    notifications: "Notificaciones",
    shipping: "Actualizaciones de envío",
    shipped: "Enviado",
    emailTemplate: "Plantilla de correo",
    smsTemplate: "Plantilla de SMS",
    preview: "Vista previa",
    atRisk: "Pedidos en riesgo",
    notFulfilled: "Sin preparar",
  },
  hi: {
    nav: "जोखिम वाले ऑर्डर",
    homeFigure: "भेजे गए (30 दिन)",
    homeSubtitle: "Maple & Moss के ग्राहकों के लिए सूचनाएँ",
    notifications: "सूचनाएँ",
    shipping: "शिपिंग अपडेट",
    shipped: "भेज दिया गया",
    emailTemplate: "ईमेल टेम्पलेट",
    smsTemplate: "SMS टेम्पलेट",
    preview: "प्रीव्यू",
    atRisk: "जोखिम वाले ऑर्डर",
    notFulfilled: "पूरा नहीं हुआ",
  },
} as const;

/**
 * Buttons, tabs, badges and column headings whose text does not fit their box (a clipped label).
 * Polaris's filter bar is left out: its "Add filter" button animates its width open and measures as
 * overflowing while it shows whole (see the at-risk screenshots).
 */
function clippedLabels(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, [role=tab], .Polaris-Badge, th")]
      .filter((el) => el.offsetParent !== null && !el.closest("[class*=Polaris-Filters]") && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? ""),
  );
}

async function checkScreen(page: Page, frame: Frame, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await clippedLabels(frame), name).toEqual([]);
  const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

describe.skipIf(!chromiumAvailable)("the admin in the staff member's language", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "admin-locales", shop: { timezone: "Asia/Kolkata" } });
    // Six days without fulfillment: at risk, whatever weekday the suite runs on.
    const placed = daysAgo(6);
    expect((await stack.webhook("orders/create", orderPayload({ id: 8801, name: "#1042", created_at: placed, updated_at: placed }))).status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  for (const [locale, expected] of Object.entries(EXPECTED)) {
    describe(locale, () => {
      let page: Page;
      const open = (appPath: string) => openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath, locale });
      beforeAll(async () => {
        page = await newMerchantPage(browser, { width: 1440, height: 1200 });
      });
      afterAll(async () => {
        await page?.context().close();
      });

      it("home, with Herald's menu in the admin", async () => {
        const home = await open("/app");
        await home.getByText(expected.homeSubtitle).waitFor();
        await home.getByRole("heading", { name: expected.homeFigure }).waitFor();
        expect(await home.evaluate(() => document.documentElement.lang)).toBe(locale);
        await page.waitForFunction((label) => [...document.querySelectorAll("#app-nav a")].some((a) => a.textContent === label), expected.nav);
        await checkScreen(page, home, `admin-${locale}-home`);
      });

      it("notifications", async () => {
        const list = await open("/app/notifications");
        await list.getByRole("heading", { name: expected.notifications, level: 1 }).waitFor();
        await list.getByRole("heading", { name: expected.shipping }).waitFor();
        await checkScreen(page, list, `admin-${locale}-notifications`);
      });

      it("the template editor, keeping the admin's language when the channel changes", async () => {
        const editor = await open("/app/notifications/shipping/shipped");
        await editor.getByRole("heading", { name: expected.shipped, level: 1 }).waitFor();
        await editor.getByRole("heading", { name: expected.emailTemplate }).waitFor();
        await editor.getByRole("heading", { name: expected.preview, exact: true }).waitFor();
        // The customer's email stays in the template's language (English here), whatever the admin's
        await editor.getByTestId("preview-subject").filter({ hasText: "Your order #1001 is on its way" }).waitFor();
        await checkScreen(page, editor, `admin-${locale}-editor`);
        // The template's language is ?language=, not Shopify's ?locale=: switching channel keeps the admin's
        await editor.getByRole("button", { name: "SMS", exact: true }).click();
        await editor.getByRole("heading", { name: expected.smsTemplate }).waitFor();
        await checkScreen(page, editor, `admin-${locale}-editor-sms`);
      });

      it("at-risk orders", async () => {
        const atRisk = await open("/app/at-risk");
        await atRisk.getByRole("heading", { name: expected.atRisk, level: 1 }).waitFor();
        await atRisk.getByText("#1042").waitFor({ timeout: 30_000 });
        expect((await atRisk.locator("tr", { hasText: "#1042" }).textContent()) ?? "").toContain(expected.notFulfilled);
        await checkScreen(page, atRisk, `admin-${locale}-at-risk`);
      });
    });
  }
});
