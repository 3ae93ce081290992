import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { handleWebhookHttp, MAX_WEBHOOK_BYTES } from "../../app/webhooks/receive.server";
import { TOPICS } from "../../app/webhooks/topics.server";
import { installShop, resetDatabase } from "../support/db";
import { orderPayload } from "../support/payloads";
import { signedWebhook } from "../support/webhooks";

// The node:http endpoint the web server hands /webhooks/* to, over a real socket.
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer(handleWebhookHttp);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  await resetDatabase();
  await installShop();
});

/** Send a signed (or tampered) request over HTTP, as Shopify would. */
async function send(request: Request, path?: string): Promise<Response> {
  const url = new URL(request.url);
  return fetch(`${base}${path ?? url.pathname}`, { method: request.method, headers: request.headers, body: request.method === "POST" ? await request.arrayBuffer() : undefined });
}

describe("the webhook endpoint over HTTP", () => {
  it("records a signed webhook once and answers a redelivery as a duplicate", async () => {
    const first = await send(signedWebhook("orders/create", orderPayload(), { webhookId: "wh-http-1" }));
    const again = await send(signedWebhook("orders/create", orderPayload(), { webhookId: "wh-http-1" }));
    expect([first.status, first.headers.get("X-Herald-Outcome")]).toEqual([200, "recorded"]);
    expect([again.status, again.headers.get("X-Herald-Outcome")]).toEqual([200, "duplicate"]);
    expect(await db.webhookEvent.count()).toBe(1);
  });

  it("verifies the signature over the exact bytes received (non-ASCII names, 64-bit ids)", async () => {
    const body = JSON.stringify(orderPayload()).replace('"id":', '"id": ').replace("Ana", "Anjali अंजलि");
    const response = await send(signedWebhook("orders/create", body, { webhookId: "wh-http-utf8" }));
    expect(response.status).toBe(200);
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(event.payload).toBe(body);
  });

  it("refuses a forged body, a wrong secret, a missing signature or header, and stores nothing", async () => {
    const good = signedWebhook("orders/create", orderPayload());
    const forgedBody = new Request(good.url, { method: "POST", headers: good.headers, body: JSON.stringify(orderPayload({ total_price: "0.01" })) });
    expect((await send(forgedBody)).status).toBe(401);
    expect((await send(signedWebhook("orders/create", orderPayload(), { secret: "not-the-secret" }))).status).toBe(401);
    expect((await send(signedWebhook("orders/create", orderPayload(), { omitHeaders: ["X-Shopify-Hmac-Sha256"] }))).status).toBe(401);
    const badBase64 = new Request(good.url, { method: "POST", headers: { ...Object.fromEntries(good.headers), "X-Shopify-Hmac-Sha256": "%%%" }, body: "{}" });
    expect((await send(badBase64)).status).toBe(401);
    expect((await send(signedWebhook("orders/create", orderPayload(), { omitHeaders: ["X-Shopify-Webhook-Id"] }))).status).toBe(400);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("answers 405 to anything but POST, 404 to a topic Herald does not subscribe to, 413 to an oversized body", async () => {
    const get = await fetch(`${base}/webhooks/orders/create`);
    expect([get.status, get.headers.get("Allow")]).toEqual([405, "POST"]);
    expect((await send(signedWebhook("orders/paid", orderPayload()))).status).toBe(404);
    const huge = "x".repeat(MAX_WEBHOOK_BYTES + 1);
    expect((await send(signedWebhook("orders/create", huge))).status).toBe(413);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("answers every subscribed topic at /webhooks/<topic> (a bad signature there is 401, not 404)", async () => {
    for (const topic of Object.keys(TOPICS)) {
      const response = await send(signedWebhook(topic, {}, { secret: "not-the-secret" }));
      expect(response.status, topic).toBe(401);
    }
  });

  it("acknowledges and keeps nothing for a shop that never installed or has uninstalled, but records its compliance webhooks", async () => {
    const outcome = async (topic: string, body: unknown, shop: string) => {
      const response = await send(signedWebhook(topic, body, { shop }));
      return [response.status, response.headers.get("X-Herald-Outcome")];
    };
    expect(await outcome("orders/create", orderPayload(), "stranger.myshopify.com")).toEqual([200, "ignored"]);
    await db.shop.update({ where: { domain: "herald-test.myshopify.com" }, data: { uninstalledAt: new Date() } });
    expect(await outcome("orders/create", orderPayload(), "herald-test.myshopify.com")).toEqual([200, "ignored"]);
    expect(await db.webhookEvent.count()).toBe(0);
    expect(await db.order.count()).toBe(0);

    const redact = { shop_id: 1, shop_domain: "herald-test.myshopify.com", customer: { id: 7, email: "ana.garcia@example.com" }, orders_to_redact: [] };
    expect(await outcome("customers/redact", redact, "herald-test.myshopify.com")).toEqual([200, "recorded"]);
    expect(await outcome("customers/redact", { ...redact, shop_domain: "stranger.myshopify.com" }, "stranger.myshopify.com")).toEqual([200, "ignored"]);
    expect(await db.webhookEvent.findMany({ select: { shop: true, topic: true } })).toEqual([{ shop: "herald-test.myshopify.com", topic: "customers/redact" }]);
  });

  it("keeps a malformed body as a failed event for an operator and still answers 200", async () => {
    const response = await send(signedWebhook("orders/create", "{ not json"));
    expect([response.status, response.headers.get("X-Herald-Outcome")]).toEqual([200, "invalid"]);
    const event = await db.webhookEvent.findFirstOrThrow();
    expect([event.status, event.error]).toEqual(["FAILED", expect.stringMatching(/not valid JSON/)]);
  });
});
