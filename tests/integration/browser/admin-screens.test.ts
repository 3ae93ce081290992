import fs from "node:fs";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";
import { seedScreenHistory } from "../../support/back-in-stock-screen";
import { orderPayload } from "../../support/payloads";

// Herald's merchant screens in a real browser, inside the simulator's admin frame, with data that
// came in through signed webhooks: home, at-risk orders, customer data requests; and the back-in-stock
// screen, with a history written straight into Herald's database.
let stack: HeraldStack;
let browser: Browser;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe.skipIf(!chromiumAvailable)("the admin screens", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "admin-screens", shop: { timezone: "America/New_York" } });
    // Six days without fulfillment: at risk, whatever weekday the suite runs on.
    const placed = daysAgo(6);
    expect((await stack.webhook("orders/create", orderPayload({ id: 8801, name: "#1042", created_at: placed, updated_at: placed }))).status).toBe(200);
    expect(
      (await stack.webhook("customers/data_request", { shop_id: 1, shop_domain: stack.shop, customer: { id: 77, email: "ana.garcia@example.com" }, orders_requested: [8801] })).status,
    ).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("home shows the shop's figures without an error, and axe finds no serious violation", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app" });
    await frame.getByText("Customer notifications for Maple & Moss").waitFor();
    await screenshot(page, "admin-home");
    const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
    expect(serious).toEqual([]);
  });

  it("at-risk orders lists the unfulfilled order with why and that the customer was not told yet", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/at-risk" });
    await frame.getByText("#1042").waitFor({ timeout: 30_000 });
    const row = (await frame.locator("tr", { hasText: "#1042" }).textContent()) ?? "";
    expect(row).toContain("Not fulfilled");
    await screenshot(page, "admin-at-risk");
    const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
    expect(serious).toEqual([]);
  });

  it("data requests lists Shopify's request, and Download saves the customer's data as a JSON file", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/privacy" });
    await frame.getByText("Customer 77").waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "Download the data export for customer 77" }).click()]);
    expect(download.suggestedFilename()).toBe("herald-data-request-77.json");
    const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { customer: { id: string }; orders: Array<{ name: string }> };
    expect(exported.customer.id).toBe("77");
    expect(exported.orders.map((o) => o.name)).toEqual(["#1042"]);
    // The page stayed where it was (no navigation to a blank route)
    await frame.getByText("Customer 77").waitFor();
    // ...and it says how long Herald keeps what it holds
    await frame.getByRole("heading", { name: "What Herald keeps" }).waitFor();
    expect(await frame.getByText(/are deleted 30 days after they arrive/).count()).toBe(1);
    await screenshot(page, "admin-privacy");
    const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
    expect(serious).toEqual([]);
  });

  it("back in stock shows the demand, the alerts' results and the subscribers, and unsubscribes one", async () => {
    const herald = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: stack.herald.database, timeout: 10_000 }) });
    try {
      const { waiting } = await seedScreenHistory(herald, stack.shop);
      const page = await newMerchantPage(browser);
      const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/back-in-stock" });
      await frame.getByText("Linen Shirt").first().waitFor({ timeout: 30_000 });
      const shirt = (await frame.locator("tr", { hasText: "Sand / M" }).first().textContent()) ?? "";
      expect(shirt).toContain("Sold out");
      expect(await frame.getByText("$59.97").count()).toBe(1);
      await screenshot(page, "admin-back-in-stock");
      const serious = (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
      expect(serious).toEqual([]);

      await frame.getByRole("button", { name: "Unsubscribe priya.shah@example.com" }).click();
      await frame.locator("tr", { hasText: "priya.shah@example.com" }).getByText("Unsubscribed").waitFor({ timeout: 15_000 });
      expect(await herald.stockSubscription.findUniqueOrThrow({ where: { id: waiting[3].id } })).toMatchObject({ status: "UNSUBSCRIBED" });
    } finally {
      await herald.$disconnect();
    }
  });
  it("a screen whose data cannot be read says so inside the admin, with a retry and a way back", async () => {
    const page = await newMerchantPage(browser);
    // The data requests' table goes away under the running server: the screen's loader throws.
    const db = new Database(stack.herald.database);
    db.exec(`ALTER TABLE "WebhookEvent" RENAME TO "WebhookEventAway"`);
    try {
      const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/privacy" });
      await frame.getByRole("heading", { name: "Something went wrong", level: 1 }).waitFor({ timeout: 30_000 });
      await frame.getByRole("button", { name: "Try again" }).waitFor();
      // Still inside the admin's layout: its navigation is there
      await page.waitForFunction(() => [...document.querySelectorAll("#app-nav a")].some((a) => a.textContent === "Data requests"));
      await screenshot(page, "admin-error");
      db.exec(`ALTER TABLE "WebhookEventAway" RENAME TO "WebhookEvent"`);
      await frame.getByRole("button", { name: "Try again" }).click();
      await frame.getByText("Customer 77").waitFor();
    } finally {
      if (db.prepare(`SELECT name FROM sqlite_master WHERE name = 'WebhookEventAway'`).get()) db.exec(`ALTER TABLE "WebhookEventAway" RENAME TO "WebhookEvent"`);
      db.close();
    }
  });

  it("a stale message link shows Not found inside the admin, with a way back to Herald", async () => {
    const page = await newMerchantPage(browser);
    const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath: "/app/messages/no-such-message" });
    await frame.getByRole("heading", { name: "Not found", level: 1 }).waitFor({ timeout: 30_000 });
    await screenshot(page, "admin-not-found");
    await frame.getByRole("link", { name: "Back to Herald" }).click();
    await frame.getByText("Customer notifications for Maple & Moss").waitFor();
  });

  it("an unknown address outside the admin is a Polaris Not found page, not Remix's default", async () => {
    const page = await newMerchantPage(browser);
    const response = await page.goto(`${stack.herald.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: "Not found", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Back to Herald" }).waitFor();
    await screenshot(page, "root-not-found");
  });
});
