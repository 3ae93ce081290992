import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { BROWSER_USER_AGENT } from "../../simulator/install";
import { adminPathFor } from "../../simulator/server/admin-frame";

// Debian's chromium driven by playwright-core (no browser download), looking like a person's browser.

/** Debian's chromium; CHROMIUM_PATH overrides. Browser tests skip when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = fs.existsSync(CHROMIUM);

/** Where browser tests leave screenshots (git-ignored tmp/). */
export const SCREENSHOTS = path.resolve("tmp", "screenshots");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * A page as a merchant's browser: a browser user agent (shopify-app-remix answers 410 to bots), and
 * no request leaves loopback (Shopify's CDN fonts and scripts are aborted: tests run offline).
 */
export async function newMerchantPage(browser: Browser, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  // A context of its own (axe needs one, and pages do not share storage).
  const context = await browser.newContext({ userAgent: BROWSER_USER_AGENT, viewport });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Open Herald's `appPath` inside the simulator's admin frame and wait until App Bridge's stand-in is
 * up in the app's iframe. Returns the page (admin) and the frame (Herald). `locale` is the staff
 * member's admin language: the admin frame appends it to the app's URL as `&locale=`, as Shopify does.
 */
export async function openInAdmin(page: Page, opts: { simulatorUrl: string; shop: string; appPath: string; locale?: string }): Promise<Frame> {
  const admin = adminPathFor(opts.shop, opts.appPath);
  const locale = opts.locale ? `${admin.includes("?") ? "&" : "?"}locale=${encodeURIComponent(opts.locale)}` : "";
  await page.goto(`${opts.simulatorUrl}${admin}${locale}`);
  const frame = (await (await page.waitForSelector("#app-frame")).contentFrame())!;
  await frame.waitForFunction(() => Boolean((window as { shopify?: unknown }).shopify));
  return frame;
}

/** Save a full-page screenshot as tmp/screenshots/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** One axe rule broken, where, and how badly. */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA checks of the page, frames included; `within` keeps only findings inside
 * that iframe (e.g. "#app-frame": Herald, not the simulated admin around it).
 */
export async function axeFindings(page: Page, opts: { within?: string; disableRules?: string[] } = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (opts.disableRules?.length) builder = builder.disableRules(opts.disableRules);
  // axe cannot run inside an iframe sandboxed without allow-scripts (an email preview) and waits for it
  // forever: such frames step out of the page while axe runs (check their HTML with axeHtmlFindings).
  const restore = await Promise.all(page.frames().map((frame) => frame.evaluate(detachScriptlessFrames).catch(() => 0)));
  let results;
  try {
    results = await builder.analyze();
  } finally {
    if (restore.some((n) => n > 0)) await Promise.all(page.frames().map((frame) => frame.evaluate(reattachScriptlessFrames).catch(() => undefined)));
  }
  return results.violations
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" >>> ")).filter((t) => !opts.within || t.startsWith(`${opts.within} >>> `)),
    }))
    .filter((f) => f.targets.length > 0);
}

type Parked = { frame: HTMLIFrameElement; placeholder: Comment };

function detachScriptlessFrames(): number {
  const parked: Parked[] = [];
  for (const frame of Array.from(document.querySelectorAll<HTMLIFrameElement>("iframe[sandbox]"))) {
    if (frame.sandbox.contains("allow-scripts")) continue;
    const placeholder = document.createComment("axe: sandboxed frame parked");
    frame.replaceWith(placeholder);
    parked.push({ frame, placeholder });
  }
  (window as unknown as { __axeParked?: Parked[] }).__axeParked = parked;
  return parked.length;
}

function reattachScriptlessFrames(): void {
  const holder = window as unknown as { __axeParked?: Parked[] };
  for (const { frame, placeholder } of holder.__axeParked ?? []) placeholder.replaceWith(frame);
  holder.__axeParked = [];
}

/** axe's findings for a standalone HTML document (e.g. a rendered email), in a page of its own. */
export async function axeHtmlFindings(browser: Browser, html: string): Promise<AxeFinding[]> {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  try {
    const page = await context.newPage();
    await page.setContent(html);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    return results.violations.map((v) => ({ rule: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(" >>> ")) }));
  } finally {
    await context.close();
  }
}
