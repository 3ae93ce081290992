import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_USER_AGENT } from "../../simulator/install";

// README's demo line, played for real: build, fakes, simulator, Herald, install, the shipping and
// restock scenarios. Then a person's view of it in Debian's chromium: the customers' inbox (shipping
// updates, back-in-stock alerts) and the merchant's admin.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = path.resolve("tmp", "screenshots");
const PORTS = ["--port", "3310", "--simulator-port", "4310", "--resend-port", "4320", "--twilio-port", "4330", "--inbox-port", "4340"];

let demo: ChildProcess;
let output = "";
let browser: Browser;
const urls: { inbox?: string; admin?: string } = {};

async function demoReady(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not come up:\n${output.slice(-3000)}`)), 220_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const inbox = /Inbox[^:]*:\s+(http\S+)/.exec(output);
      const admin = /admin in a local admin frame:\s+(http\S+)/.exec(output);
      if (inbox && admin && output.includes("Ctrl-C stops everything")) {
        urls.inbox = inbox[1];
        urls.admin = admin[1];
        clearTimeout(timer);
        resolve();
      }
    };
    demo.stdout!.on("data", onData);
    demo.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    demo.on("exit", (code) => reject(new Error(`demo exited with ${code}:\n${output.slice(-3000)}`)));
  });
}

describe.skipIf(!fs.existsSync(CHROMIUM))("npm run demo, as a new user sees it", () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    // The demo's own pacing: at --speed 0 a "delivered" can overtake a queued "out for delivery",
    // which Herald then rightly skips as stale, while the demo predicts one message per event.
    demo = spawn("npx", ["tsx", "tests/simulator/demo.ts", ...PORTS], {
      env: { ...process.env, NODE_ENV: "development", DATABASE_URL: "", HERALD_LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    await demoReady();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    // A process ended by a signal keeps exitCode null (signalCode is set): check both.
    const running = () => demo && demo.exitCode === null && demo.signalCode === null;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-demo.pid!, sig);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // already gone
      }
    };
    if (running()) {
      const exited = new Promise((r) => demo.once("exit", r));
      signal("SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (running()) signal("SIGKILL");
    }
  });

  it("delivers exactly the messages the scenario predicts", () => {
    expect(output).toMatch(/Herald sent [1-9]\d* email/);
    expect(output).not.toContain("Not what the scenario predicts");
  });

  it("shows the customers' emails and texts in the inbox", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(urls.inbox!);
    await page.waitForSelector("text=What your customers received");
    const body = await page.textContent("body");
    expect(body).not.toContain("No messages yet");
    expect(await page.locator("iframe").count()).toBeGreaterThan(0);
    // Texts too: SMS, and WhatsApp as the approved template the demo maps, with its placeholders filled.
    expect(body).toMatch(/segment/);
    expect(body).toContain("HX5e1a7c2b9d0f4e3a8b6c1d2e3f4a5b6c");
    expect(body).toContain("Hola Sofía, tu pedido");
    await page.screenshot({ path: path.join(SHOTS, "demo-inbox.png") });
    await page.screenshot({ path: path.join(SHOTS, "demo-inbox-full.png"), fullPage: true });
    await page.close();
  });

  it("shows the back-in-stock alerts in the inbox, in the shoppers' languages, and none beyond the quota", async () => {
    expect(output).toMatch(/✓ Anjali \[ml-IN\]: confirmation by email \[ml\] received, alert by email \[ml\] received/);
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(urls.inbox!);
    await page.waitForSelector("text=What your customers received");
    const subjects = await page.locator("article.email h3.subject").allTextContents();
    // The four oldest reachable sign-ups, each in their language (the product's title stays as the shop wrote it).
    for (const subject of [
      "Hand-thrown ceramic mug വീണ്ടും സ്റ്റോക്കിൽ",
      "Hand-thrown ceramic mug imerudi dukani",
      "Hand-thrown ceramic mug vuelve a estar disponible",
      "Hand-thrown ceramic mug is back in stock",
    ]) {
      expect(subjects.filter((s) => s.trim() === subject)).toHaveLength(1);
    }
    // Beyond the quota of 4 (2 units x 2): Lukas and Layla were only confirmed.
    expect(subjects.some((s) => s.includes("ist wieder da") || s.includes("متوفر من جديد"))).toBe(false);
    expect(subjects.some((s) => s.includes("سنخبرك عندما يتوفر"))).toBe(true);
    const alert = page.locator("article.email", { has: page.locator("h3.subject", { hasText: "വീണ്ടും സ്റ്റോക്കിൽ" }) });
    await alert.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await alert.locator("iframe").contentFrame().locator("body").textContent()) ?? "").toContain("28.00");
    await alert.screenshot({ path: path.join(SHOTS, "demo-inbox-alert.png") });
    await page.screenshot({ path: path.join(SHOTS, "demo-inbox-restock.png") });
    await page.close();
  });

  it("shows the demo shop in Herald's admin, without an error", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, userAgent: BROWSER_USER_AGENT });
    // Offline: nothing may leave the machine (fonts and App Bridge from Shopify's CDN included).
    await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await page.goto(urls.admin!);
    const frame = page.frameLocator("iframe");
    await frame.getByText("Recent messages").waitFor({ timeout: 60_000 });
    const text = (await frame.locator("body").textContent()) ?? "";
    expect(text).toContain("Herald Demo Goods");
    expect(text).not.toMatch(/Application Error|Unexpected Server Error|Something went wrong/);
    await page.screenshot({ path: path.join(SHOTS, "demo-admin.png"), fullPage: true });
    await page.close();
  });
});
