import Database from "better-sqlite3";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderPayload } from "../../support/payloads";
import { axeFindings, axeHtmlFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";

// A merchant edits a template in Herald's admin, inside the simulated Shopify admin, in Debian's
// chromium: Herald is its production build, Shopify is the store simulator, Resend and Twilio are the
// loopback fakes. Screenshots land in tmp/screenshots/templates-*.png.
const SHOP = "maple-moss.myshopify.com";

let stack: HeraldStack;
let browser: Browser;
let page: Page;
let app: Frame;

/** Herald's own database, read-only, to check what was (not) stored. */
function templateRows(): Array<{ locale: string; channel: string; version: number; reset: number; subject: string | null; body: string | null }> {
  const db = new Database(stack.herald.database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT locale, channel, version, reset, subject, body FROM "MessageTemplate" WHERE shop = ? ORDER BY version`).all(SHOP) as never;
  } finally {
    db.close();
  }
}

const subjectField = () => app.getByRole("textbox", { name: "Subject", exact: true });
/** A template field (Polaris multiline fields carry a hidden twin for sizing: match the textbox). */
const field = (name: string) => app.getByRole("textbox", { name, exact: true });
/** The editor's own Save (the save bar, shown while there are unsaved edits, has one too). */
const saveButton = () => app.locator("#template-panel").getByRole("button", { name: "Save", exact: true });
const waitForPreview = (text: string) => app.getByTestId("preview-subject").filter({ hasText: text }).waitFor();

describe.skipIf(!chromiumAvailable)("the template editor in a browser", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "templates-editor", shop: { domain: SHOP, locale: "en", locales: ["es"] } });
    // A real recent order of the shop, for "preview with a recent order".
    const delivered = await stack.webhook("orders/create", orderPayload());
    expect(delivered.status).toBe(200);
    browser = await launchChromium();
    // Tall enough for the editor and its preview side by side in one screenshot.
    page = await newMerchantPage(browser, { width: 1440, height: 1900 });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("lists every notification with its channels and state, keyboard and screen-reader clean", async () => {
    app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: SHOP, appPath: "/app/notifications" });
    await app.getByRole("heading", { name: "Shipping updates" }).waitFor();
    await app.getByRole("heading", { name: "Delay notices" }).waitFor();
    const text = (await app.locator("body").textContent()) ?? "";
    for (const label of ["Shipped", "Out for delivery", "Delivered", "Not shipped yet", "Estimated delivery passed"]) expect(text).toContain(label);
    // The admin shows Herald's navigation
    await page.waitForFunction(() => [...document.querySelectorAll("#app-nav a")].some((a) => a.textContent === "Notifications"));
    await screenshot(page, "templates-list");
    expect(await axeFindings(page, { within: "#app-frame" })).toEqual([]);
  });

  it("opens a message's editor from the list, previewing Herald's default with sample data", async () => {
    await app.getByRole("link", { name: "Edit shipping updates: Shipped" }).click();
    await app.getByRole("heading", { name: "Shipped", level: 1 }).waitFor();
    await waitForPreview("Your order #1001 is on its way");
    expect(await subjectField().inputValue()).toBe("Your order {{ order.name }} is on its way");
    await app.frameLocator('[data-testid="email-preview"]').getByText("Track your package").first().waitFor();
  });

  it("changes the preview as the merchant types, at desktop and mobile widths", async () => {
    await subjectField().fill("Good news, {{ customer.first_name }}: {{ order.name }} shipped");
    await waitForPreview("Good news, Alex: #1001 shipped");
    await field("Preheader").fill("Track {{ order.name }} all the way to your door");
    await app.getByTestId("preview-preheader").filter({ hasText: "Track #1001 all the way to your door" }).waitFor();
    const email = app.locator('[data-testid="email-preview"]');
    expect(await email.getAttribute("srcdoc")).toContain("Track #1001 all the way to your door");
    // Desktop is rendered at 680 px (scaled down to fit the column), mobile at 375 px
    expect(await email.evaluate((el) => (el as HTMLElement).offsetWidth)).toBe(680);
    await screenshot(page, "templates-editor-desktop");
    await app.getByRole("button", { name: "Preview at mobile width" }).click();
    await expect.poll(() => email.evaluate((el) => (el as HTMLElement).offsetWidth)).toBe(375);
    await screenshot(page, "templates-editor-mobile");
    await app.getByRole("button", { name: "Preview at desktop width" }).click();
  });

  it("inserts a variable with the keyboard where the cursor is", async () => {
    const html = field("HTML body");
    await html.focus();
    await html.press("Control+End");
    await app.getByRole("button", { name: "Insert a variable into the HTML body" }).click();
    const search = app.getByLabel("Search variables");
    await search.waitFor();
    await search.fill("tracking_number");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => html.inputValue()).toMatch(/\{\{ fulfillment\.tracking_number \}\}$/);
    await app.frameLocator('[data-testid="email-preview"]').getByText("1Z999AA10123456784").first().waitFor();
  });

  it("points a mistake at its line and variable, and saves nothing", async () => {
    await field("Plain-text body").fill("Hi {{ customer.first_name }},\nyour order {{ order.nme }} is on its way.");
    // Live: the field shows the problem before saving
    await app.getByText(/^Line 2, column \d+: "order\.nme" is not a variable of shipping messages\. Did you mean "order\.name"\?$/).waitFor();
    await saveButton().click();
    const banner = app.getByText("Not saved: 1 problem to fix");
    await banner.waitFor();
    await app.getByRole("button", { name: /Plain-text body, line 2, column \d+: "order.nme"/ }).waitFor();
    await screenshot(page, "templates-validation-error");
    expect(templateRows()).toEqual([]);
    // The problem in the banner takes the keyboard to the field
    await app.getByRole("button", { name: /Plain-text body, line 2, column \d+/ }).click();
    expect(await app.evaluate(() => document.activeElement?.id)).toBe("template-text");
  });

  it("saves a valid template as version 1", async () => {
    await field("Plain-text body").fill("Hi {{ customer.first_name }},\nyour order {{ order.name }} is on its way.");
    await saveButton().click();
    await app.getByRole("status").filter({ hasText: "Template saved (version 1)" }).waitFor();
    await app.getByText(/Your version 1, saved/).waitFor();
    expect(templateRows()).toEqual([
      expect.objectContaining({ locale: "en", channel: "email", version: 1, reset: 0, subject: "Good news, {{ customer.first_name }}: {{ order.name }} shipped" }),
    ]);
    await app.getByText("Version 1").first().waitFor();
  });

  it("previews with a real recent order of the store", async () => {
    await app.getByLabel("Preview with").selectOption({ label: "Order #1001 · Ana García (es-MX)" });
    await waitForPreview("Good news, Ana: #1001 shipped");
  });

  it("test-sends the email to the merchant: the provider receives it", async () => {
    expect(await app.getByLabel("Your email").inputValue()).toBe("owner@maple-moss.example.com");
    await app.getByRole("button", { name: "Send test" }).click();
    await app.getByText("Test sent to owner@maple-moss.example.com through Resend.").waitFor();
    expect(stack.fakes.resend.emails).toHaveLength(1);
    expect(stack.fakes.resend.emails[0]).toMatchObject({ to: ["owner@maple-moss.example.com"], subject: "[Test] Good news, Ana: #1001 shipped" });
    expect(stack.fakes.resend.emails[0].html).toContain("Ana");
    await screenshot(page, "templates-test-sent");
    const editor = await axeFindings(page, { within: "#app-frame" });
    expect(editor, JSON.stringify(editor, null, 2)).toEqual([]);
    // The email the customer gets, on its own
    const html = await app.locator('[data-testid="email-preview"]').getAttribute("srcdoc");
    const email = await axeHtmlFindings(browser, html!);
    expect(email, JSON.stringify(email, null, 2)).toEqual([]);
  });

  it("writes an SMS in Arabic, right to left, counting its segments as the merchant types", async () => {
    await app.getByRole("button", { name: "SMS", exact: true }).click();
    await field("SMS text").waitFor();
    await app.getByLabel("Other languages").selectOption("ar");
    await app.getByRole("tab", { name: /Arabic \(ar\)/ }).waitFor();
    const body = field("SMS text");
    await body.fill("{{ shop.name }}: مرحبا {{ customer.first_name }}، طلبك {{ order.name }} في الطريق إليك");
    const bubble = app.getByTestId("sms-bubble");
    // The order number comes isolated (U+2066 … U+2069), so it reads "#1001", not "1001#", in Arabic
    await bubble.filter({ hasText: "طلبك \u2066#1001\u2069 في الطريق إليك" }).waitFor();
    expect(await bubble.getAttribute("dir")).toBe("auto");
    expect(await body.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    await app.getByTestId("segment-counter").filter({ hasText: "1 segment" }).waitFor();
    expect(await app.getByTestId("segment-counter").textContent()).toContain("Unicode");
    // Two segments once it is longer than 70 Unicode characters
    await body.fill(`${await body.inputValue()} ${"شكرا ".repeat(8)}`);
    await app.getByTestId("segment-counter").filter({ hasText: "2 segments" }).waitFor();
    await screenshot(page, "templates-sms-arabic");
    await saveButton().click();
    await app.getByRole("status").filter({ hasText: "Template saved (version 1)" }).waitFor();
    expect(templateRows().filter((r) => r.channel === "sms")).toEqual([expect.objectContaining({ locale: "ar", version: 1 })]);
    const findings = await axeFindings(page, { within: "#app-frame" });
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });

  it("test-sends the SMS to the merchant's phone: the provider receives it", async () => {
    await app.getByLabel("Your mobile number (with country code)").fill("+971 50 123 4567");
    await app.getByRole("button", { name: "Send test" }).click();
    await app.getByText("Test sent to +971501234567 through Twilio.").waitFor();
    expect(stack.fakes.twilio.messages.at(-1)).toMatchObject({ to: "+971501234567", encoding: "UCS-2", segments: 2 });
    expect(stack.fakes.twilio.messages.at(-1)?.body).toContain("في الطريق إليك");
  });

  it("resets the email to Herald's default in one click, keeping the edit in its history", async () => {
    await app.getByRole("button", { name: "Email", exact: true }).click();
    await app.getByRole("tab", { name: /English \(en\)/ }).click();
    await app.getByText(/Your version 1, saved/).waitFor();
    await app.getByRole("button", { name: "Reset to default" }).click();
    await app.getByRole("status").filter({ hasText: "Reset to Herald's default" }).waitFor();
    await expect.poll(() => subjectField().inputValue()).toBe("Your order {{ order.name }} is on its way");
    await app.getByRole("button", { name: "Restore version 1" }).waitFor();
    expect(templateRows().filter((r) => r.channel === "email").map((r) => [r.version, r.reset])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    await screenshot(page, "templates-reset");
  });

  it("shows the edits in the notifications list", async () => {
    await app.getByRole("button", { name: "Notifications", exact: true }).click();
    await app.getByRole("heading", { name: "Shipping updates" }).waitFor();
    await app.getByText("Edited: SMS ar").waitFor();
  });

  it("keeps a failed save's problems with their template: another language's editor does not show them", async () => {
    app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: SHOP, appPath: "/app/notifications/shipping/shipped?channel=sms&language=ar" });
    const body = field("SMS text");
    await body.waitFor();
    await body.fill("{{ order.nme }} {{ customer.frist_name }}");
    await saveButton().click();
    await app.getByText("Not saved: 2 problems to fix").waitFor();
    await app.getByRole("tab", { name: /Spanish/ }).click();
    await expect.poll(() => body.inputValue()).not.toContain("order.nme");
    expect(await app.getByText(/Not saved/).count()).toBe(0);
    // Back in Arabic, the unsaved draft is still there
    await app.getByRole("tab", { name: /Arabic/ }).click();
    await expect.poll(() => body.inputValue()).toBe("{{ order.nme }} {{ customer.frist_name }}");
  });

  it("puts the customer's language on the template's fields only, not on the admin's labels", async () => {
    expect(await app.locator("#template-body").getAttribute("lang")).toBe("ar");
    expect(await app.locator("#template-body").getAttribute("dir")).toBe("rtl");
    const labelLang = await app.evaluate(() => document.querySelector('label[for="template-body"]')?.closest("[lang]")?.getAttribute("lang"));
    expect(labelLang).toBe("en");
  });

  it("keeps what the merchant typed while a save was on its way", async () => {
    const body = field("SMS text");
    await body.fill("{{ shop.name }}: {{ order.name }} يصل اليوم");
    // Hold the save's request until the merchant has typed more.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const saving = new Promise<void>((resolve) => (arrived = resolve));
    const isSave = (url: URL) => url.pathname === "/app/notifications/shipping/shipped";
    await page.route(isSave, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      arrived();
      await held;
      await route.continue();
    });
    try {
      await saveButton().click();
      await saving;
      await body.press("End");
      await body.pressSequentially(" شكرا");
      release();
      await app.getByRole("status").filter({ hasText: "Template saved (version 2)" }).waitFor();
    } finally {
      await page.unroute(isSave);
    }
    expect(await body.inputValue()).toBe("{{ shop.name }}: {{ order.name }} يصل اليوم شكرا");
    await app.getByText(/unsaved changes/).waitFor();
    expect(templateRows().filter((r) => r.channel === "sms").at(-1)).toMatchObject({ version: 2, body: "{{ shop.name }}: {{ order.name }} يصل اليوم" });
  });

  it("shows the save bar for unsaved edits, and Back asks App Bridge's leave confirmation first", async () => {
    const body = field("SMS text");
    await app.locator(".herald-sim-savebar").waitFor();
    // Discard in the save bar brings back what was saved
    await app.locator(".herald-sim-savebar").getByRole("button", { name: "Discard", exact: true }).click();
    await expect.poll(() => body.inputValue()).toBe("{{ shop.name }}: {{ order.name }} يصل اليوم");
    await expect.poll(() => app.locator(".herald-sim-savebar").count()).toBe(0);

    await body.fill("{{ order.name }} draft not saved");
    await app.locator(".herald-sim-savebar").waitFor();
    // By keyboard: the simulated save bar lies over the top of the app's frame (Shopify's is in the admin's own bar).
    const back = app.getByRole("button", { name: "Notifications", exact: true });
    await back.focus();
    await page.keyboard.press("Enter");
    // The merchant answers "Stay": Herald does not leave.
    const ask = app.getByRole("alertdialog", { name: "Leave page with unsaved changes?" });
    await ask.getByRole("button", { name: "Stay" }).click();
    await ask.waitFor({ state: "detached" });
    expect(await body.inputValue()).toBe("{{ order.name }} draft not saved");
    await screenshot(page, "templates-save-bar");
    // "Leave page": now it goes
    await back.focus();
    await page.keyboard.press("Enter");
    await ask.getByRole("button", { name: "Leave page" }).click();
    await app.getByRole("heading", { name: "Shipping updates" }).waitFor();
  });

  it("says why a draft the server refused outright was not saved, and that the preview failed", async () => {
    app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: SHOP, appPath: "/app/notifications/shipping/shipped?channel=email&language=en" });
    const html = field("HTML body");
    await html.waitFor();
    await html.fill(`<p>${"x".repeat(100_001)}</p>`);
    await app.getByText("The preview could not be updated.", { exact: false }).waitFor();
    await saveButton().click();
    await app.getByText("Not saved: “HTML body” is longer than 100,000 characters").waitFor();
    await screenshot(page, "templates-refused");
    expect(templateRows().filter((r) => r.channel === "email")).toHaveLength(2);
  });

  it("shows a stale message link as a page that says so, with a way back", async () => {
    app = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: SHOP, appPath: "/app/notifications/shipping/no_such_step" });
    await app.getByRole("heading", { name: "Not found" }).waitFor();
    await screenshot(page, "templates-not-found");
    await app.getByRole("link", { name: "Back to Herald" }).click();
    await app.getByText("Customer notifications for Maple & Moss").waitFor();
  });
});
