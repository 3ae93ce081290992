import Database from "better-sqlite3";
import { setTimeout as sleep } from "node:timers/promises";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, chromiumAvailable, launchChromium, newMerchantPage, openInAdmin, screenshot } from "../../support/browser/browser";
import { ensureHeraldBuild, startHeraldStack, type HeraldStack } from "../../support/browser/herald";
import { fulfillmentPayload, orderPayload } from "../../support/payloads";

// The message log, a message's page (with Retry), failed webhooks (with Replay) and analytics in a
// real browser inside the simulator's admin frame, with data that came in through signed webhooks and
// went out to the fake Resend. Screenshots land in tmp/screenshots/messages-*.png.
let stack: HeraldStack;
let browser: Browser;

/** Rows of Herald's database (read-only). */
function rows<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(stack.herald.database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function serious(page: Page) {
  return (await axeFindings(page, { within: "#app-frame" })).filter((f) => f.impact === "serious" || f.impact === "critical");
}

async function open(appPath: string): Promise<{ page: Page; frame: Frame }> {
  const page = await newMerchantPage(browser);
  const frame = await openInAdmin(page, { simulatorUrl: stack.sim.url, shop: stack.shop, appPath });
  return { page, frame };
}

describe.skipIf(!chromiumAvailable)("the message log and analytics in a browser", () => {
  beforeAll(async () => {
    ensureHeraldBuild();
    stack = await startHeraldStack({ name: "messages-analytics", shop: { timezone: "America/New_York" } });
    const resend = stack.fakes.resend;
    // Ana's order ships: her email goes out.
    expect((await stack.webhook("orders/create", orderPayload({ id: 8801, name: "#1042" }))).status).toBe(200);
    expect((await stack.webhook("fulfillments/create", fulfillmentPayload({ id: 9901, order_id: 8801, name: "#1042.1" }))).status).toBe(200);
    await until("Ana's email", () => resend.emails.length === 1);
    // Bob's is refused by Resend for good (a validation error): a failed message.
    resend.failNext(1, { status: 422 });
    const bob = { email: "bob.smith@example.com", contact_email: "bob.smith@example.com", customer_locale: "en" };
    expect((await stack.webhook("orders/create", orderPayload({ id: 8802, name: "#1043", ...bob }))).status).toBe(200);
    expect((await stack.webhook("fulfillments/create", fulfillmentPayload({ id: 9902, order_id: 8802, name: "#1043.1", ...bob }))).status).toBe(200);
    await until("Bob's failed message", () => rows(`SELECT id FROM "Message" WHERE status = 'FAILED'`).length === 1);
    // A webhook Herald cannot read.
    expect((await stack.webhook("orders/create", { name: "#broken" })).status).toBe(200);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("lists every message newest first and filters them from the URL and the search field", async () => {
    const { page, frame } = await open("/app/messages");
    await frame.getByRole("heading", { name: "Message log" }).waitFor();
    await frame.getByText("bob.smith@example.com").waitFor();
    await frame.getByText("ana.garcia@example.com").waitFor();
    const first = await frame.locator("tbody tr").first().textContent();
    expect(first).toContain("bob.smith@example.com");
    await screenshot(page, "messages-log");
    expect(await serious(page)).toEqual([]);

    // Typing a customer narrows the list, and the filter lands in the URL.
    await frame.getByRole("button", { name: /Search and filter/ }).first().click();
    await frame.getByRole("textbox", { name: /Search by customer/ }).fill("ana.garcia");
    await frame.waitForURL(/customer=ana\.garcia/);
    await expect.poll(() => frame.locator("tbody tr").count()).toBe(1);
    expect(await frame.locator("tbody tr").first().textContent()).toContain("#1042");
    // Two fields edited within the typing delay both reach the URL (and the customer stays)
    await frame.getByRole("button", { name: /Add filter/ }).click();
    await frame.getByText("Date", { exact: true }).click();
    await frame.getByLabel("From", { exact: true }).fill("2020-01-01");
    await frame.getByLabel("To", { exact: true }).fill("2099-12-31");
    await frame.waitForURL((url) => url.searchParams.get("from") === "2020-01-01" && url.searchParams.get("to") === "2099-12-31");
    expect(new URL(frame.url()).searchParams.get("customer")).toBe("ana.garcia");
    await expect.poll(() => frame.locator("tbody tr").count()).toBe(1);

    const filtered = await open("/app/messages?status=FAILED");
    await filtered.frame.getByText("bob.smith@example.com").waitFor();
    expect(await filtered.frame.getByText("ana.garcia@example.com").count()).toBe(0);
    await screenshot(filtered.page, "messages-log-failed");

    const none = await open("/app/messages?trigger=back_in_stock");
    await none.frame.getByText("No messages match these filters").waitFor();
    await none.frame.getByRole("button", { name: "Clear filters" }).click();
    await none.frame.getByText("ana.garcia@example.com").waitFor();
  });

  it("opens a failed message with its attempts, and Retry sends it once", async () => {
    const [failed] = rows<{ id: string }>(`SELECT id FROM "Message" WHERE status = 'FAILED'`);
    const { page, frame } = await open("/app/messages?status=FAILED");
    await frame.getByRole("link", { name: /Your order|shipped|#1043/i }).first().click();
    await frame.waitForURL(new RegExp(`/app/messages/${failed.id}`));
    await frame.getByRole("heading", { name: "Attempts" }).waitFor();
    await frame.getByText("422").first().waitFor();
    expect(await frame.locator("iframe[title='Email as sent to the customer']").count()).toBe(1);
    await screenshot(page, "messages-detail-failed");
    expect(await serious(page)).toEqual([]);

    await frame.getByRole("button", { name: "Retry" }).click();
    await until("the retried email", () => stack.fakes.resend.emails.length === 2);
    await until("the row sent", () => rows<{ status: string }>(`SELECT status FROM "Message" WHERE id = ?`, failed.id)[0].status === "SENT");
    expect(stack.fakes.resend.emails.filter((e) => e.to.includes("bob.smith@example.com"))).toHaveLength(1);
    await frame.getByRole("button", { name: "Retry" }).waitFor({ state: "detached" });
    await screenshot(page, "messages-detail-retried");
  });

  it("lists the webhook Herald could not read, and a replay fails again with the same reason", async () => {
    const [event] = rows<{ id: string; error: string }>(`SELECT id, error FROM "WebhookEvent" WHERE status = 'FAILED'`);
    const { page, frame } = await open("/app/messages?tab=webhooks");
    await frame.getByText("Webhooks Herald could not read").waitFor();
    await frame.getByRole("button", { name: /Replay the orders\/create webhook/ }).click();
    await frame.getByText("The webhook is still not valid").waitFor();
    await screenshot(page, "messages-webhooks");
    expect(await serious(page)).toEqual([]);
    expect(rows<{ status: string; error: string }>(`SELECT status, error FROM "WebhookEvent" WHERE id = ?`, event.id)[0]).toEqual({ status: "FAILED", error: event.error });
  });

  it("shows analytics with charts and the same figures as tables", async () => {
    const { page, frame } = await open("/app/analytics?days=7");
    await frame.getByRole("heading", { name: "Messages per day" }).waitFor();
    await frame.locator("[role=figure] svg").first().waitFor();
    const sent = frame.locator("h2", { hasText: /^Sent$/ }).locator("xpath=following-sibling::p");
    expect(await sent.textContent()).toBe("2");
    await screenshot(page, "messages-analytics");
    expect(await serious(page)).toEqual([]);
  });

  it("speaks the staff member's language (Spanish)", async () => {
    const { page, frame } = await open("/app/messages");
    const url = new URL(frame.url());
    url.searchParams.set("locale", "es");
    await frame.goto(url.toString());
    await frame.getByRole("heading", { name: "Registro de mensajes" }).waitFor();
    await screenshot(page, "messages-log-es");
  });
});
