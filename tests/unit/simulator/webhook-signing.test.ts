import "@shopify/shopify-api/adapters/node";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhook } from "../../simulator/webhooks/send";
import { webhookHeaders, webhookHmac } from "../../simulator/webhooks/sign";

const SECRET = "sim-test-secret";

/** A receiver that validates with @shopify/shopify-api itself, the way Herald's route does. */
function receiver(secret: string) {
  const shopify = shopifyApi({
    apiKey: "sim-test-key",
    apiSecretKey: secret,
    apiVersion: ApiVersion.July26,
    hostName: "127.0.0.1",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  return http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const result = await shopify.webhooks.validate({ rawBody: Buffer.concat(chunks).toString("utf8"), rawRequest: req, rawResponse: res });
    res.writeHead(result.valid ? 200 : 401, { "Content-Type": "application/json" });
    res.end(JSON.stringify(result));
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("webhook signing", () => {
  const good = receiver(SECRET);
  const other = receiver("someone-elses-secret");
  let goodUrl = "";
  let otherUrl = "";
  beforeAll(async () => {
    goodUrl = await listen(good);
    otherUrl = await listen(other);
  });
  afterAll(() => {
    good.close();
    other.close();
  });

  const body = JSON.stringify({ id: 5123456789012, name: "#1001", customer_locale: "ml-IN", note: "ക്ഷമിക്കണം" });

  it("signs a webhook that @shopify/shopify-api's own validation accepts, with every header it reads", async () => {
    // GIVEN a delivery signed with the app secret
    const result = await deliverWebhook({
      url: `${goodUrl}/webhooks/orders/create`,
      topic: "orders/create",
      shop: "herald-demo.myshopify.com",
      rawBody: body,
      secret: SECRET,
      webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
      eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5",
      triggeredAt: "2026-11-20T10:00:00.000Z",
    });
    // THEN the library finds it valid and reads the headers back
    expect(result.status).toBe(200);
    const validation = JSON.parse(result.responseBody);
    expect(validation).toMatchObject({
      valid: true,
      topic: "ORDERS_CREATE",
      domain: "herald-demo.myshopify.com",
      apiVersion: "2026-07",
      webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
      eventId: "98880550-7158-44d4-b7cd-2c97c8a091b5",
      triggeredAt: "2026-11-20T10:00:00.000Z",
    });
  });

  it("is rejected when the receiver has a different secret", async () => {
    const result = await deliverWebhook({ url: otherUrl, topic: "orders/create", shop: "herald-demo.myshopify.com", rawBody: body, secret: SECRET });
    expect(result.status).toBe(401);
    expect(JSON.parse(result.responseBody)).toMatchObject({ valid: false, reason: "invalid_hmac" });
  });

  it("is rejected when one byte of the body changes after signing", () => {
    const hmac = webhookHmac(body, SECRET);
    expect(webhookHmac(body.replace("1001", "1002"), SECRET)).not.toBe(hmac);
    expect(webhookHmac(Buffer.from(body), SECRET)).toBe(hmac);
  });

  it("sends the X-Shopify-* headers Shopify sends, with a fresh webhook id unless one is given", () => {
    const a = webhookHeaders({ topic: "fulfillments/create", shop: "s.myshopify.com", rawBody: "{}", secret: SECRET });
    const b = webhookHeaders({ topic: "fulfillments/create", shop: "s.myshopify.com", rawBody: "{}", secret: SECRET });
    for (const name of ["X-Shopify-Topic", "X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At"]) {
      expect(a[name], name).toBeTruthy();
    }
    expect(a["Content-Type"]).toBe("application/json");
    expect(a["X-Shopify-Webhook-Id"]).not.toBe(b["X-Shopify-Webhook-Id"]);
    expect(a["X-Shopify-Webhook-Id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports a refused connection as something to act on instead of throwing", async () => {
    const closed = http.createServer();
    const url = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await deliverWebhook({ url, topic: "orders/create", shop: "s.myshopify.com", rawBody: "{}", secret: SECRET });
    expect(result.status).toBeNull();
    expect(result.error).toMatch(/nothing is listening/);
  });
});
