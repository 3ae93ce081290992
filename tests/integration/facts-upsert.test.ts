import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { transaction } from "../../app/db/transaction.server";
import { recordFulfillmentEvent, upsertFulfillment, upsertOrder } from "../../app/models/facts.server";
import { parseShopifyJson } from "../../app/webhooks/json";
import { fulfillmentEventPayload, fulfillmentPayload as fulfillmentSchema, orderPayload as orderSchema } from "../../app/webhooks/schemas";
import { resetDatabase } from "../support/db";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";

const SHOP = "facts.myshopify.com";
// As ingest reads them: Shopify's JSON (64-bit ids) through the topic's schema.
const parse = <T>(schema: { parse(v: unknown): T }, body: object): T => schema.parse(parseShopifyJson(JSON.stringify(body)));
const order = (updatedAt: string, name: string) => parse(orderSchema, orderPayload({ updated_at: updatedAt, name }));
const fulfillment = (updatedAt: string, status: string) => parse(fulfillmentSchema, fulfillmentPayload({ updated_at: updatedAt, status }));

beforeEach(resetDatabase);

describe("order and fulfillment facts", () => {
  it("keep the newest version whatever order the webhooks arrive in", async () => {
    await transaction((tx) => upsertOrder(tx, SHOP, order("2026-11-20T12:00:00Z", "#newer")));
    await transaction((tx) => upsertOrder(tx, SHOP, order("2026-11-20T11:00:00Z", "#older")));
    expect((await db.order.findFirstOrThrow()).name).toBe("#newer");
    await transaction((tx) => upsertOrder(tx, SHOP, order("2026-11-20T13:00:00Z", "#newest")));
    const stored = await db.order.findFirstOrThrow();
    expect(stored.name).toBe("#newest");
    expect(stored.shopifyUpdatedAt.toISOString()).toBe("2026-11-20T13:00:00.000Z");
    expect(stored.email).toBe("ana.garcia@example.com");
    expect(stored.test).toBe(false);

    await transaction((tx) => upsertFulfillment(tx, SHOP, fulfillment("2026-11-21T12:00:00Z", "success")));
    await transaction((tx) => upsertFulfillment(tx, SHOP, fulfillment("2026-11-21T10:00:00Z", "pending")));
    expect((await db.fulfillment.findFirstOrThrow()).status).toBe("success");
    await transaction((tx) => upsertFulfillment(tx, SHOP, fulfillment("2026-11-21T12:00:00Z", "cancelled")));
    expect((await db.fulfillment.findFirstOrThrow()).status).toBe("cancelled");
  });

  it("record a new order once when two webhooks about it are ingested at the same moment", async () => {
    // orders/create and orders/updated for an order we have never seen, in two concurrent transactions.
    const results = await Promise.allSettled([
      transaction((tx) => upsertOrder(tx, SHOP, order("2026-11-20T10:00:00Z", "#created"))),
      transaction((tx) => upsertOrder(tx, SHOP, order("2026-11-20T10:05:00Z", "#updated"))),
      transaction((tx) => upsertFulfillment(tx, SHOP, fulfillment("2026-11-21T09:00:00Z", "pending"))),
      transaction((tx) => upsertFulfillment(tx, SHOP, fulfillment("2026-11-21T09:05:00Z", "success"))),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect((await db.order.findMany()).map((o) => o.name)).toEqual(["#updated"]);
    expect((await db.fulfillment.findMany()).map((f) => f.status)).toEqual(["success"]);
  });

  it("record a carrier event once however often it is delivered", async () => {
    const event = parse(fulfillmentEventPayload, carrierEventPayload());
    await Promise.all([1, 2, 3].map(() => transaction((tx) => recordFulfillmentEvent(tx, SHOP, event))));
    const stored = await db.fulfillmentEvent.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].happenedAt.toISOString()).toBe(event.happened_at.toISOString());
  });
});
