import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { RetryLater } from "../../app/jobs/types";
import { adminQuery } from "../../app/shopify/admin.server";
import { RECONCILE_ORDERS_QUERY, RECONCILE_PAGE_SIZE } from "../../app/shopify/queries";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { SimulatorState } from "../simulator/server/state";
import { resetDatabase } from "../support/db";

// A background job's Admin API call (app/shopify/admin.server.ts) against the store simulator:
// Shopify answers THROTTLED as HTTP 200 with an error, which @shopify/shopify-api throws as a
// GraphqlQueryError; the job must wait for the bucket through the queue (RetryLater).
const SHOP = "busy-shop.myshopify.com";
const NOW = new Date("2026-11-21T12:00:00Z");
let sim: RunningSimulator;

beforeAll(async () => {
  // A clock that stands still: the bucket holds exactly what the test leaves in it.
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: "read_orders", state: new SimulatorState(() => NOW) });
  redirectShopifyTransport(sim.url);
});
afterAll(async () => sim.close());
beforeEach(async () => {
  await resetDatabase();
  sim.state.upsertShop({ domain: SHOP });
  const token = sim.state.issueToken(SHOP, "offline", "read_orders");
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: "read_orders", accessToken: token.token } });
});

describe("an Admin API call from a job", () => {
  it("turns THROTTLED into a RetryLater that waits as long as the bucket needs to refill", async () => {
    // GIVEN 17 points in the bucket and a page of orders that asks for 817 (Shopify restores 100 a second: 8 s)
    sim.state.setBucket(SHOP, 17);
    const error = await adminQuery(SHOP, RECONCILE_ORDERS_QUERY, { first: RECONCILE_PAGE_SIZE, after: null, query: "updated_at:>='2026-11-21T00:00:00Z'" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLater);
    expect((error as RetryLater).delayMs).toBe(8000);
  });

  it("names Shopify's error when a query is refused for another reason", async () => {
    const error = await adminQuery(SHOP, "query ShopLocales { shopLocales { locale } }").catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RetryLater);
    expect((error as Error).message).toMatch(/Access denied for shopLocales field/);
  });
});
