import Database from "better-sqlite3";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderPayload } from "../../support/payloads";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";

// A merchant leaves unsaved drafts on several tabs of the template editor (channels x languages), in the
// simulated Shopify admin: App Bridge's stand-in shows the save bar and asks "Leave page with unsaved
// changes?" as admin does. Screenshots land in tmp/screenshots/template-drafts-*.png.
const SHOP = "fern-and-finch.myshopify.com";

let stack: HeraldStack;
let browser: Browser;
let page: Page;
let app: Frame;

function templateRows(): Array<{ locale: string; channel: string; version: number; subject: string | null; body: string | null }> {
  const db = new Database(stack.herald.database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT locale, channel, version, subject, body FROM "MessageTemplate" WHERE shop = ? ORDER BY channel, locale, version`).all(SHOP) as never;
  } finally {
    db.close();
  }
}

const field = (name: string) => app.getByRole("textbox", { name, exact: true });
const tab = (name: string | RegExp) => app.getByRole("tab", { name });
const channel = (name: string) => app.getByRole("group", { name: "Channel" }).getByRole("button", { name, exact: true });
const saveBar = () => app.locator(".herald-sim-savebar");
const askToLeave = () => app.getByRole("alertdialog", { name: "Leave page with unsaved changes?" });
/** Wait until the editor shows `locale`'s template of `channel`. */
const showing = async (channelName: "email" | "sms", locale: string) => {
  await app.locator(`#template-panel[aria-labelledby="locale-${locale}"]`).waitFor();
  await field(channelName === "email" ? "Subject" : "SMS text").waitFor();
};
/** "Stay" in App Bridge's question, and the editor is still there. */
const stay = async () => {
  await askToLeave().getByRole("button", { name: "Stay" }).click();
  await askToLeave().waitFor({ state: "detached" });
  await app.getByRole("heading", { name: "Shipped", level: 1 }).waitFor();
};

describe.skipIf(!chromiumAvailable)("unsaved drafts across the template editor's tabs", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "template-drafts", shop: { domain: SHOP, locale: "en", locales: ["es"] } });
    // A Spanish-speaking customer gives the editor its Spanish tab.
    expect((await stack.webhook("orders/create", orderPayload())).status).toBe(200);
    browser = await launchChromium();
    page = await newMerchantPage(browser, { width: 1440, height: 1300 });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("marks the tab of a language left with an unsaved draft, for the eye and for screen readers", async () => {
    app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: SHOP, appPath: "/app/notifications" });
    await app.getByRole("link", { name: "Edit shipping updates: Shipped" }).click();
    await showing("email", "en");
    await tab(/^Spanish \(es\)/).click();
    await showing("email", "es");
    await field("Subject").fill("¡{{ order.name }} ya va en camino!");
    await tab("Spanish (es), Herald's default, unsaved changes").waitFor();

    // On the English tab, which has no draft, the Spanish one is still marked and the save bar stays
    await tab(/^English \(en\)/).click();
    await showing("email", "en");
    expect(await field("Subject").inputValue()).toBe("Your order {{ order.name }} is on its way");
    const spanish = tab("Spanish (es), Herald's default, unsaved changes");
    expect(await spanish.textContent()).toContain("Unsaved");
    expect(await tab("English (en), Herald's default").textContent()).not.toContain("Unsaved");
    await channel("Email, unsaved changes").waitFor();
    expect(await channel("Email, unsaved changes").textContent()).toBe("Email · unsaved");
    expect(await channel("SMS").textContent()).toBe("SMS");
    await saveBar().waitFor();
    await screenshot(page, "template-drafts-marked");
    const findings = await axeFindings(page, { within: "#app-frame" });
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });

  it("holds every way out while a draft is unsaved: Back, the app's menu, the browser's back button, another admin page", async () => {
    // The editor's own Back (by keyboard: the simulated save bar lies over the top of the app's frame)
    const back = app.getByRole("button", { name: "Notifications", exact: true });
    await back.focus();
    await page.keyboard.press("Enter");
    await askToLeave().waitFor();
    await screenshot(page, "template-drafts-leave");
    await stay();

    // Herald's menu in the admin
    await page.locator("#app-nav a", { hasText: "Settings" }).click();
    await askToLeave().waitFor();
    await stay();

    // The browser's back button: back to the Spanish tab is not leaving (its draft is there), back once
    // more to English neither; back to the list is held
    await page.goBack();
    await showing("email", "es");
    expect(await field("Subject").inputValue()).toBe("¡{{ order.name }} ya va en camino!");
    await page.goBack();
    await showing("email", "en");
    await page.goBack();
    await askToLeave().waitFor();
    await stay();
    await showing("email", "en");

    // Another admin page
    await page.locator("#app-link").click();
    await askToLeave().waitFor();
    await stay();
    expect(new URL(page.url()).pathname).toMatch(/\/apps\/herald\/app\/notifications\/shipping\/shipped$/);
    await tab("Spanish (es), Herald's default, unsaved changes").waitFor();
  });

  it("asks the browser's own question before the tab is closed", async () => {
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);
    await tab("Spanish (es), Herald's default, unsaved changes").waitFor();
  });

  it("saves every draft from the save bar, or none while one has a problem, which it names and opens", async () => {
    // A Spanish text with a mistake, left for the English one
    await channel("SMS").click();
    await showing("sms", "en");
    await tab(/^Spanish \(es\)/).click();
    await showing("sms", "es");
    await field("SMS text").fill("{{ shop.name }}: {{ order.nme }} va en camino");
    await tab(/^English \(en\)/).click();
    await showing("sms", "en");
    await channel("SMS, unsaved changes").waitFor();
    await channel("Email, unsaved changes").waitFor();

    await saveBar().getByRole("button", { name: "Save", exact: true }).click();
    const banner = app.getByText("Nothing was saved: fix the problems in these templates first");
    await banner.waitFor();
    expect(templateRows()).toEqual([]);
    await screenshot(page, "template-drafts-not-saved");
    await app.getByRole("button", { name: "Spanish (es) · SMS: 1 problem" }).click();
    await showing("sms", "es");
    await app.getByText(/"order\.nme" is not a variable of shipping messages/).waitFor();
    await field("SMS text").fill("{{ shop.name }}: {{ order.name }} va en camino");
    await saveBar().getByRole("button", { name: "Save", exact: true }).click();
    await app.getByRole("status").filter({ hasText: "2 templates saved" }).waitFor();
    expect(templateRows()).toEqual([
      expect.objectContaining({ channel: "email", locale: "es", version: 1, subject: "¡{{ order.name }} ya va en camino!" }),
      expect.objectContaining({ channel: "sms", locale: "es", version: 1, body: "{{ shop.name }}: {{ order.name }} va en camino" }),
    ]);
    // No marker, no save bar, nothing to hold the merchant
    await expect.poll(() => saveBar().count()).toBe(0);
    expect(await banner.count()).toBe(0);
    await channel("Email").waitFor();
    await channel("SMS").waitFor();
    expect(await app.getByRole("tab", { name: /unsaved changes/ }).count()).toBe(0);
    await tab("Spanish (es), edited").waitFor();
  });

  it("discards every draft from the save bar, and a language chosen under Other languages keeps its tab only while it holds one", async () => {
    await app.getByLabel("Other languages").selectOption("hi");
    await showing("sms", "hi");
    await field("SMS text").fill("{{ shop.name }}: आपका ऑर्डर {{ order.name }} रास्ते में है");
    // A channel opens in the same language: to English, where the email gets a draft too
    await channel("Email").click();
    await showing("email", "hi");
    await tab(/^English \(en\)/).click();
    await showing("email", "en");
    await field("Subject").fill("On its way: {{ order.name }}");
    await channel("SMS, unsaved changes").click();
    await showing("sms", "en");
    // Hindi is not one of the page's languages, but holds a draft: its tab stays, marked
    await tab("Hindi (hi), Herald's default, unsaved changes").waitFor();
    await screenshot(page, "template-drafts-two-channels");

    await saveBar().getByRole("button", { name: "Discard", exact: true }).click();
    await expect.poll(() => saveBar().count()).toBe(0);
    await channel("SMS").waitFor();
    await channel("Email").waitFor();
    expect(await tab(/^Hindi/).count()).toBe(0);
    await channel("Email").click();
    await showing("email", "en");
    expect(await field("Subject").inputValue()).toBe("Your order {{ order.name }} is on its way");
    // Nothing holds the merchant now: Back goes straight to the list
    const back = app.getByRole("button", { name: "Notifications", exact: true });
    await back.focus();
    await page.keyboard.press("Enter");
    await app.getByRole("heading", { name: "Shipping updates" }).waitFor();
    expect(await askToLeave().count()).toBe(0);
    expect(templateRows()).toHaveLength(2);
  });
});
