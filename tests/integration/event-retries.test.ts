import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

// A fulfillment-order event names no order: processing it asks the Admin API for the order. While
// the Admin API is down its job fails and retries; an outage must delay the event, not end it.

const SHOP = "herald-test.myshopify.com";
const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";
const FULFILLMENT_ORDER = "gid://shopify/FulfillmentOrder/930001";
const HOLD = { reason: "inventory_out_of_stock", reason_notes: "counting stock" };

let sim: RunningSimulator;
/** In front of the simulator: answers 503 to every Admin API call while `down`, else passes it on. */
let front: http.Server;
let down = false;
let refused = 0;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: SCOPES });
  front = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (down) {
      refused++;
      res.writeHead(503, { "Content-Type": "text/plain" }).end("Service Unavailable");
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && k !== "host" && k !== "content-length")) as Record<string, string>;
    const answer = await fetch(`${sim.url}${req.url}`, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
    res.writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "application/json" }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  redirectShopifyTransport(`http://127.0.0.1:${(front.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await new Promise((resolve) => front.close(resolve));
  await sim.close();
});

beforeEach(async () => {
  useVirtualTime(new Date("2026-11-16T10:00:00-05:00"));
  await resetDatabase();
  down = false;
  refused = 0;
  await installShop(SHOP);
  sim.state.upsertShop({ domain: SHOP, name: "Maison Test", timezone: "America/New_York" });
  const token = sim.state.issueToken(SHOP, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
  // GIVEN order #1001, recorded, and one of its fulfillment orders, known to Shopify
  await deliver("orders/create", orderPayload({ created_at: "2026-11-16T09:00:00-05:00", updated_at: "2026-11-16T09:00:00-05:00" }));
  await runAllJobs();
  const response = await fetch(`${sim.url}/_sim/shops/${SHOP}/fulfillment-orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ kind: "fulfillmentOrder", id: FULFILLMENT_ORDER, orderId: "gid://shopify/Order/5001", status: "on_hold" }),
  });
  expect(response.status).toBe(201);
});
afterEach(useRealTime);

const putOnHold = () =>
  deliver("fulfillment_orders/placed_on_hold", { fulfillment_order: { id: FULFILLMENT_ORDER, status: "on_hold", fulfillment_holds: [HOLD] }, created_fulfillment_hold: HOLD });

const holdEvent = () => db.webhookEvent.findFirstOrThrow({ where: { shop: SHOP, topic: "fulfillment_orders/placed_on_hold" } });

describe("a fulfillment-order event while the Admin API is down", () => {
  it("is processed once the Admin API is back, after more failed runs than the queue used to allow", async () => {
    // GIVEN the Admin API answers 503
    down = true;
    // WHEN the order is put on hold and its event's job fails twelve times in a row (about half an hour)
    await putOnHold();
    await runAllJobs({ maxRounds: 12 });
    expect(refused).toBe(12);
    expect((await holdEvent()).status).toBe("RECEIVED");
    // ...and the Admin API comes back
    down = false;
    await runAllJobs();
    // THEN the event is processed and the customer's on-hold notice is recorded
    expect((await holdEvent()).status).toBe("PROCESSED");
    const notices = await db.message.findMany({ where: { shop: SHOP, trigger: "delay" } });
    expect(notices.map((m) => m.step)).toEqual(["on_hold"]);
  });

  it("ends FAILED with the reason, ready to replay, when the Admin API stays down for hours", async () => {
    down = true;
    const start = new Date("2026-11-16T10:00:00-05:00");
    await putOnHold();
    // WHEN every run of the event's job fails
    const { clock } = await runAllJobs();
    // THEN after 20 runs spread over hours the event is FAILED, saying why (not RECEIVED with no job left)
    expect(refused).toBe(20);
    expect(clock.getTime() - start.getTime()).toBeGreaterThan(2 * 3_600_000);
    const event = await holdEvent();
    expect(event.status).toBe("FAILED");
    expect(event.error).toMatch(/^Processing failed 20 times, the last: .*503/s);
  });
});
