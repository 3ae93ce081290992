import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { queue } from "../../app/jobs/queue.server";
import { parseSettings } from "../../app/notifications/settings";
import * as homeRoute from "../../app/routes/app._index";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";

// Home's checklist and health through its loader and action, against the database.
const SHOP = "herald-test.myshopify.com";
const OTHER = "other-store.myshopify.com";

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP);
  await installShop(OTHER, { name: "Other Store" });
  await storeOfflineSession(SHOP);
});

interface HomeData {
  shop: string;
  checklist: { senderSet: boolean; triggerOn: boolean; testSent: boolean; storefrontBlockAdded: boolean };
  health: { lastWebhookAt: string | null; queueDepth: number; lastFailure: null | { kind: string; at: string; topic?: string; channel?: string; error: string | null } };
}

const home = async () => callLoader<HomeData>(homeRoute.loader, await adminRequest("/app", { shop: SHOP }));
const mark = async (added: boolean) => {
  const request = await adminRequest("/app", { shop: SHOP });
  const form = new URLSearchParams({ intent: "storefront-block", added: String(added) });
  const headers = new Headers(request.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return callAction<{ ok: boolean }>(homeRoute.action, new Request(request.url, { method: "POST", headers, body: form }));
};

const message = (shop: string, over: Record<string, unknown>) =>
  db.message.create({ data: { shop, dedupKey: `${shop}:${Math.random()}`, trigger: "shipping", subject: "fulfillment:1", step: "shipped", channel: "email", recipient: "a@example.com", status: "SENT", ...over } });

describe("home's checklist", () => {
  it("starts with the notifications on (Herald's defaults) and everything else to do", async () => {
    const { status, data } = await home();
    expect(status).toBe(200);
    expect(data.checklist).toEqual({ senderSet: false, triggerOn: true, testSent: false, storefrontBlockAdded: false });
  });

  it("counts a sender name, a test that was sent and both triggers off, and ignores another shop's test", async () => {
    await db.shop.update({ where: { domain: SHOP }, data: { settings: JSON.stringify({ sender: { fromName: "Maison" }, shipping: { enabled: false }, delay: { enabled: false } }) } });
    await message(OTHER, { trigger: "test" });
    await message(SHOP, { trigger: "test", status: "FAILED" });
    expect((await home()).data.checklist).toEqual({ senderSet: true, triggerOn: false, testSent: false, storefrontBlockAdded: false });
    await message(SHOP, { trigger: "test" });
    expect((await home()).data.checklist.testSent).toBe(true);
  });

  it("stores the storefront block as added, and as not added again, for the session's shop only", async () => {
    expect((await mark(true)).status).toBe(200);
    expect((await home()).data.checklist.storefrontBlockAdded).toBe(true);
    expect(parseSettings((await db.shop.findUniqueOrThrow({ where: { domain: OTHER } })).settings).onboarding.storefrontBlockAdded).toBe(false);
    await mark(false);
    expect((await home()).data.checklist.storefrontBlockAdded).toBe(false);
  });
});

describe("home's health", () => {
  it("has no webhook and no failure on a fresh install", async () => {
    expect((await home()).data.health).toEqual({ lastWebhookAt: null, queueDepth: 0, lastFailure: null });
  });

  it("shows the last webhook, the jobs waiting or running, and the newest failure of this shop", async () => {
    const at = (iso: string) => new Date(iso);
    await db.webhookEvent.create({ data: { shop: SHOP, topic: "orders/create", webhookId: "w1", payload: "{}", status: "PROCESSED", receivedAt: at("2026-11-20T10:00:00Z") } });
    await db.webhookEvent.create({ data: { shop: SHOP, topic: "fulfillments/create", webhookId: "w2", payload: "{}", status: "FAILED", error: "unreadable", receivedAt: at("2026-11-21T09:00:00Z") } });
    await db.webhookEvent.create({ data: { shop: OTHER, topic: "orders/create", webhookId: "w3", payload: "{}", status: "FAILED", receivedAt: at("2026-11-22T09:00:00Z") } });
    await message(SHOP, { status: "FAILED", channel: "sms", error: "Twilio refused", updatedAt: at("2026-11-21T08:00:00Z") });
    // Two checks scheduled for later, through the queue the app runs on (database or BullMQ).
    const later = new Date(Date.now() + 3_600_000);
    await queue().enqueue("evaluate-order", { shop: SHOP, orderId: "1" }, { runAt: later });
    await queue().enqueue("evaluate-order", { shop: SHOP, orderId: "2" }, { runAt: later });
    const { health } = (await home()).data;
    expect(health.lastWebhookAt).toBe("2026-11-21T09:00:00.000Z");
    expect(health.queueDepth).toBe(2);
    expect(health.lastFailure).toMatchObject({ kind: "webhook", topic: "fulfillments/create", error: "unreadable", at: "2026-11-21T09:00:00.000Z" });
  });
});
