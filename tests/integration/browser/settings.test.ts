import Database from "better-sqlite3";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";
import { orderPayload } from "../../support/payloads";

// The merchant's settings and the getting-started Home in a real browser, inside the simulator's admin
// frame (App Bridge's stand-in shows the save bar and toasts). Screenshots: tmp/screenshots/settings-*.png.
let stack: HeraldStack;
let browser: Browser;

/** The shop's settings JSON as Herald stored it (its own database, read-only). */
function storedSettings(): Record<string, { replyTo?: string | null; fromName?: string | null }> {
  const db = new Database(stack.herald.database, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`SELECT settings FROM "Shop" WHERE domain = ?`).get(stack.shop) as { settings: string };
    return JSON.parse(row.settings);
  } finally {
    db.close();
  }
}

const serious = async (page: Page) => (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
const saveBarButton = (app: Frame, name: string) => app.locator(".herald-sim-savebar").getByRole("button", { name, exact: true });

describe.skipIf(!chromiumAvailable)("settings and getting started in a browser", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "settings-screen" });
    expect((await stack.webhook("orders/create", orderPayload())).status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("refuses a bad reply-to inline, then saves a good one from the save bar", async () => {
    const page = await newMerchantPage(browser, { width: 1440, height: 1200 });
    const app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/settings" });
    await app.getByRole("heading", { name: "Sender" }).waitFor({ timeout: 30_000 });
    await screenshot(page, "settings-screen");
    expect(await serious(page)).toEqual([]);

    const replyTo = app.getByRole("textbox", { name: "Reply-to address" });
    await app.getByRole("textbox", { name: "Sender name" }).fill("Maple & Moss");
    await replyTo.fill("orders at maple-moss");
    await saveBarButton(app, "Save").click();
    await app.getByText("Enter an email address such as orders@example.com.").waitFor();
    expect(await replyTo.getAttribute("aria-invalid")).toBe("true");
    expect(storedSettings().sender).toBeUndefined();
    await screenshot(page, "settings-error");

    // Keyboard: the field, then the page's own Save button.
    await replyTo.fill("care@maple-moss.example.com");
    await app.getByRole("button", { name: "Save", exact: true }).first().focus();
    await page.keyboard.press("Enter");
    await app.locator("xpath=/html/body").getByText("Settings saved").waitFor();
    expect(storedSettings().sender).toEqual({ fromName: "Maple & Moss", replyTo: "care@maple-moss.example.com" });
    await expect.poll(() => app.locator(".herald-sim-savebar").count()).toBe(0);
  });

  it("saves with a delay kind switched off although its hidden threshold was left invalid, keeping the saved threshold", async () => {
    const page = await newMerchantPage(browser, { width: 1440, height: 1200 });
    const app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/settings" });
    await app.getByRole("heading", { name: "Sender" }).waitFor({ timeout: 30_000 });
    const threshold = app.getByRole("spinbutton", { name: "After (business days)" });
    await threshold.fill("0");
    await saveBarButton(app, "Save").click();
    await app.getByText("Some settings were not saved").waitFor();
    // Switched off, the field is gone, and so is the error it had
    await app.getByRole("checkbox", { name: "Not picked up by the carrier" }).uncheck();
    await threshold.waitFor({ state: "detached" });
    expect(await app.getByText("Some settings were not saved").count()).toBe(0);
    await saveBarButton(app, "Save").click();
    await app.locator("xpath=/html/body").getByText("Settings saved").waitFor();
    expect(await app.getByText("Some settings were not saved").count()).toBe(0);
    const delay = (storedSettings() as unknown as { delay: { not_picked_up: { enabled: boolean; businessDays: number } } }).delay;
    expect(delay.not_picked_up).toEqual({ enabled: false, businessDays: 4 });
    // Switched on again, the field shows the saved value, not the one typed before
    await app.getByRole("checkbox", { name: "Not picked up by the carrier" }).check();
    expect(await threshold.inputValue()).toBe("4");
  });

  it("holds Herald's menu while a change is unsaved, and lets go once it is discarded", async () => {
    const page = await newMerchantPage(browser, { width: 1440, height: 1200 });
    const app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/settings" });
    await app.getByRole("heading", { name: "Sender" }).waitFor({ timeout: 30_000 });
    const name = app.getByRole("textbox", { name: "Sender name" });
    await name.fill("Moss & Maple");
    await page.locator("#app-nav a", { hasText: "Notifications" }).click();
    const ask = app.getByRole("alertdialog", { name: "Leave page with unsaved changes?" });
    await ask.getByRole("button", { name: "Stay" }).click();
    await ask.waitFor({ state: "detached" });
    expect(await name.inputValue()).toBe("Moss & Maple");
    await saveBarButton(app, "Discard").click();
    await expect.poll(() => app.locator(".herald-sim-savebar").count()).toBe(0);
    await page.locator("#app-nav a", { hasText: "Notifications" }).click();
    await app.getByRole("heading", { name: "Shipping updates" }).waitFor();
    expect(await ask.count()).toBe(0);
    expect(storedSettings().sender).toEqual({ fromName: "Maple & Moss", replyTo: "care@maple-moss.example.com" });
  });

  it("shows the getting-started checklist and health on Home", async () => {
    const page = await newMerchantPage(browser);
    const app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app" });
    await app.getByRole("heading", { name: "Get started" }).waitFor({ timeout: 30_000 });
    // The sender was named in the previous test; the storefront block is marked from here.
    await app.getByText("2 of 4 done").waitFor();
    await app.getByRole("button", { name: "Mark as done" }).click();
    await app.getByText("3 of 4 done").waitFor();
    await app.getByText(/Last received/).waitFor();
    await screenshot(page, "settings-home");
    expect(await serious(page)).toEqual([]);
  });

  it("speaks German with ?locale=de", async () => {
    const page = await newMerchantPage(browser, { width: 1440, height: 1200 });
    const app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/settings" });
    const url = new URL(app.url());
    url.searchParams.set("locale", "de");
    await app.goto(url.toString());
    await app.getByRole("heading", { name: "Absender" }).waitFor({ timeout: 30_000 });
    await app.getByRole("textbox", { name: "Antwortadresse" }).waitFor();
    await screenshot(page, "settings-de");
    expect(await serious(page)).toEqual([]);
  });
});
