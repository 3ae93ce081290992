import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { jwtVerify } from "jose";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_USER_AGENT } from "../../simulator/install";
import { startSimulator, type RunningSimulator } from "../../simulator/server";

// A stand-in for Herald's embedded page: App Bridge from the simulator, a nav menu, a title bar, and an
// endpoint that echoes the Authorization header it got. Runs in Debian's chromium (see STACK.md).
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const API_KEY = "browser-key";
const API_SECRET = "browser-secret";
const SHOP = "frame-browser.myshopify.com";

let sim: RunningSimulator;
let app: http.Server;
let browser: Browser;
let page: Page;
let frame: Frame;

function appPage(simUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="${simUrl}/cdn/app-bridge.js" data-api-key="${API_KEY}"></script>
<ui-nav-menu><a href="/app" rel="home">Home</a><a href="/app/settings">Settings</a><a href="/app/templates">Templates</a></ui-nav-menu>
<ui-title-bar title="Shipping updates"></ui-title-bar>
<ui-save-bar id="unsaved"><button variant="primary">Save</button><button>Discard</button></ui-save-bar>
<ui-modal id="confirm"><ui-title-bar title="Send a test?"><button variant="primary" onclick="window.__confirmed = true">Send</button></ui-title-bar></ui-modal>
<main><h1>Herald test page</h1></main>
<script>
  window.__navigated = [];
  addEventListener("shopify:navigate", (e) => window.__navigated.push(e.target.getAttribute("href")));
</script>
</body></html>`;
}

const available = fs.existsSync(CHROMIUM);

describe.skipIf(!available)("the admin frame in a browser", () => {
  beforeAll(async () => {
    app = http.createServer((req, res) => {
      if (req.url?.startsWith("/api/echo")) {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(appPage(sim.url));
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    sim = await startSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, appUrl, scopes: "read_orders" });
    sim.state.upsertShop({ domain: SHOP, name: "Browser Test Store" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    // HeadlessChrome's user agent is a bot to shopify-app-remix (410 Gone); look like a browser.
    page = await browser.newPage({ userAgent: BROWSER_USER_AGENT });
    await page.goto(`${sim.url}/admin/store/frame-browser/apps/herald`);
    frame = (await (await page.waitForSelector("#app-frame")).contentFrame())!;
    await frame.waitForFunction(() => Boolean((window as { shopify?: unknown }).shopify));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    app?.close();
  });

  const verify = (token: string) => jwtVerify(token, new TextEncoder().encode(API_SECRET), { audience: API_KEY });

  it("gives the app fresh session tokens from the admin frame", async () => {
    const urlToken = new URL(frame.url()).searchParams.get("id_token")!;
    const token = await frame.evaluate(() => window.shopify.idToken());
    const { payload } = await verify(token);
    expect(payload.dest).toBe(`https://${SHOP}`);
    expect(payload.jti).not.toBe((await verify(urlToken)).payload.jti);
  });

  it("adds the session token to the app's own fetches, as App Bridge v4 does", async () => {
    const echoed = await frame.evaluate(async () => (await fetch("/api/echo")).json());
    expect(echoed.authorization).toMatch(/^Bearer /);
    await verify(echoed.authorization.slice("Bearer ".length));
  });

  it("shows a toast the page can read as a status", async () => {
    await frame.evaluate(() => window.shopify.toast.show("Template saved"));
    await expect(frame.getByRole("status").filter({ hasText: "Template saved" }).isVisible()).resolves.toBe(true);
  });

  it("mirrors the app's nav menu and title bar into the admin, and navigates the app on click", async () => {
    await page.waitForFunction(() => document.querySelectorAll("#app-nav a").length === 2);
    expect(await page.locator("#app-nav a").allTextContents()).toEqual(["Settings", "Templates"]);
    expect(await page.locator("#app-title").textContent()).toBe("Shipping updates");
    await page.locator("#app-nav a", { hasText: "Templates" }).click();
    await frame.waitForFunction(() => (window as unknown as { __navigated: string[] }).__navigated.length > 0);
    expect(await frame.evaluate(() => (window as unknown as { __navigated: string[] }).__navigated)).toEqual(["/app/templates"]);
  });

  it("keeps the admin address in step with the app's client-side navigation", async () => {
    await frame.evaluate(() => history.pushState(null, "", "/app/settings?tab=sms"));
    await page.waitForURL(/\/apps\/herald\/app\/settings\?tab=sms$/);
    expect(await page.locator("#app-nav a[aria-current=page]").textContent()).toBe("Settings");
  });

  it("opens ui-modal as a dialog whose buttons reach the app's handlers", async () => {
    await frame.evaluate(() => window.shopify.modal.show("confirm"));
    const dialog = frame.getByRole("dialog", { name: "Send a test?" });
    await dialog.getByRole("button", { name: "Send" }).click();
    expect(await frame.evaluate(() => (window as unknown as { __confirmed?: boolean }).__confirmed)).toBe(true);
  });

  it("answers App Bridge's leave confirmation at once while no save bar shows", async () => {
    expect(await frame.evaluate(() => window.shopify.saveBar.leaveConfirmation().then(() => "left"))).toBe("left");
  });

  it("asks before leaving while a save bar shows: Stay keeps the page and never settles, the app's own nav menu is the app's to hold", async () => {
    await frame.evaluate(() => window.shopify.saveBar.show("unsaved"));
    await page.locator("body[data-app-save-bar=showing]").waitFor();
    await frame.evaluate(() => {
      const w = window as unknown as { __answer: string | null; shopify: Window["shopify"] };
      w.__answer = null;
      void w.shopify.saveBar.leaveConfirmation().then(() => (w.__answer = "left"));
    });
    const ask = frame.getByRole("alertdialog", { name: "Leave page with unsaved changes?" });
    await ask.waitFor();
    expect(await ask.textContent()).toContain("Leaving this page will delete all unsaved changes.");
    await ask.getByRole("button", { name: "Stay" }).click();
    await ask.waitFor({ state: "detached" });
    expect(await frame.evaluate(() => (window as unknown as { __answer: string | null }).__answer)).toBeNull();
    // An admin link is held the same way
    await page.locator("#app-link").click();
    await ask.getByRole("button", { name: "Stay" }).click();
    await ask.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/admin/store/frame-browser/apps/herald/app/settings");
    // The app's nav menu goes to the app, as shopify:navigate
    await page.locator("#app-nav a", { hasText: "Settings" }).click();
    await frame.waitForFunction(() => (window as unknown as { __navigated: string[] }).__navigated.includes("/app/settings"));
    expect(await ask.count()).toBe(0);
  });

  it("leaves on Leave page: the admin link goes on, dropping the app's frame", async () => {
    await page.locator("#app-link").click();
    const ask = frame.getByRole("alertdialog", { name: "Leave page with unsaved changes?" });
    await Promise.all([page.waitForURL((url) => url.pathname === "/admin/store/frame-browser/apps/herald"), ask.getByRole("button", { name: "Leave page" }).click()]);
    // A fresh app, whose save bar does not show
    const fresh = (await (await page.waitForSelector("#app-frame")).contentFrame())!;
    await fresh.waitForFunction(() => Boolean((window as { shopify?: unknown }).shopify));
    expect(await page.locator("body[data-app-save-bar=showing]").count()).toBe(0);
  });
});

declare global {
  interface Window {
    shopify: {
      idToken(): Promise<string>;
      toast: { show(message: string): string };
      modal: { show(id: string): Promise<void> };
      saveBar: { show(id: string): Promise<void>; leaveConfirmation(): Promise<void> };
    };
  }
}
