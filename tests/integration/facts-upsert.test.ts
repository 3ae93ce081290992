import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { jsonArray, jsonCell, jsonObject } from "../../app/db/json-sql.server";
import { sqlRunner } from "../../app/db/runner.server";
import { sql } from "../../app/db/sql.server";
import { transaction } from "../../app/db/transaction.server";
import { loadOrderFacts, recordFulfillmentEvent, upsertFulfillment, upsertOrder } from "../../app/models/facts.server";
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

  it("keep the address's province with its country, from the newest version only", async () => {
    const at = (updatedAt: string, overrides: Record<string, unknown>) =>
      parse(orderSchema, orderPayload({ updated_at: updatedAt, ...overrides }));
    const hawaii = { shipping_address: { country_code: "US", province_code: "HI" }, billing_address: { country_code: "US", province_code: "NY" } };
    await transaction((tx) => upsertOrder(tx, SHOP, at("2026-11-20T12:00:00Z", hawaii)));
    // An older payload (Shopify's retries carry the original) changes nothing.
    await transaction((tx) => upsertOrder(tx, SHOP, at("2026-11-20T11:00:00Z", { shipping_address: { country_code: "US", province_code: "CA" } })));
    expect(await db.order.findFirstOrThrow()).toMatchObject({ shippingCountry: "US", shippingProvince: "HI" });
    expect((await loadOrderFacts(SHOP, "5001"))!.order).toMatchObject({ shippingCountry: "US", shippingProvince: "HI" });

    // No shipping address (a digital order): the billing address's country and province, together.
    await transaction((tx) => upsertOrder(tx, SHOP, at("2026-11-20T13:00:00Z", { shipping_address: null, billing_address: { country_code: "CA", province_code: "BC" } })));
    expect(await db.order.findFirstOrThrow()).toMatchObject({ shippingCountry: "CA", shippingProvince: "BC" });
    // A shipping address without a province is not completed with the billing address's.
    await transaction((tx) => upsertOrder(tx, SHOP, at("2026-11-20T14:00:00Z", { shipping_address: { country_code: "US" }, billing_address: { country_code: "US", province_code: "NY" } })));
    expect(await db.order.findFirstOrThrow()).toMatchObject({ shippingCountry: "US", shippingProvince: null });
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

  describe("read back for a decision", () => {
    it("in one piece: the order with its fulfillments, fulfillment orders, carrier events and messages, each in time order, at the instants written", async () => {
      await transaction(async (tx) => {
        await upsertOrder(tx, SHOP, order("2026-11-20T12:00:00Z", "#1001"));
        await upsertFulfillment(tx, SHOP, parse(fulfillmentSchema, fulfillmentPayload({ id: 7002, created_at: "2026-11-21T15:00:00Z", updated_at: "2026-11-21T15:00:00Z" })));
        await upsertFulfillment(tx, SHOP, parse(fulfillmentSchema, fulfillmentPayload({ id: 7001, created_at: "2026-11-21T09:30:00.250Z", updated_at: "2026-11-21T09:30:00.250Z" })));
        // Another order's fulfillment and its event: not this order's.
        await upsertFulfillment(tx, SHOP, parse(fulfillmentSchema, fulfillmentPayload({ id: 7999, order_id: 5999 })));
        const event = (id: number, fulfillmentId: number, happenedAt: string, estimate: string | null) =>
          parse(fulfillmentEventPayload, carrierEventPayload({ id, fulfillment_id: fulfillmentId, happened_at: happenedAt, estimated_delivery_at: estimate }));
        await recordFulfillmentEvent(tx, SHOP, event(9002, 7001, "2026-11-22T08:00:00Z", "2026-11-24T18:00:00Z"));
        await recordFulfillmentEvent(tx, SHOP, event(9001, 7001, "2026-11-21T20:00:00Z", null));
        await recordFulfillmentEvent(tx, SHOP, event(9999, 7999, "2026-11-21T20:00:00Z", null));
      });
      await db.fulfillmentOrder.create({
        data: { shop: SHOP, id: "6001", orderId: "5001", status: "on_hold", holdReason: "AWAITING_PAYMENT", heldAt: new Date("2026-11-20T13:00:00.125Z"), stateAt: new Date("2026-11-20T13:00:00.125Z") },
      });
      const message = (id: string, orderId: string, createdAt: string) =>
        db.message.create({
          data: { id, shop: SHOP, dedupKey: id, trigger: "shipping", subject: "7001", step: id, channel: "email", recipient: "ana.garcia@example.com", orderId, status: "SENT", createdAt: new Date(createdAt) },
        });
      await message("later", "5001", "2026-11-22T08:05:00Z");
      await message("earlier", "5001", "2026-11-21T09:31:00Z");
      await message("other-order", "5999", "2026-11-21T09:00:00Z");

      const facts = await loadOrderFacts(SHOP, "5001");
      expect(facts).not.toBeNull();
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      expect(facts!.order.name).toBe("#1001");
      expect(facts!.fulfillments.map((f) => [f.id, iso(f.createdAt), iso(f.estimatedDeliveryAt), f.events.map((e) => [e.id, iso(e.happenedAt)])])).toEqual([
        // An estimate is kept as the carrier's day ("2026-11-24T18:00:00Z": the 24th), at 00:00 UTC.
        ["7001", "2026-11-21T09:30:00.250Z", "2026-11-24T00:00:00.000Z", [["9001", "2026-11-21T20:00:00.000Z"], ["9002", "2026-11-22T08:00:00.000Z"]]],
        ["7002", "2026-11-21T15:00:00.000Z", null, []],
      ]);
      expect(facts!.fulfillments[0].lineItemIds.length).toBeGreaterThan(0);
      expect(facts!.fulfillmentOrders.map((fo) => [fo.id, fo.status, iso(fo.heldAt), iso(fo.fulfillAt), iso(fo.stateAt)])).toEqual([
        ["6001", "on_hold", "2026-11-20T13:00:00.125Z", null, "2026-11-20T13:00:00.125Z"],
      ]);
      expect(facts!.history.map((h) => [h.step, iso(h.createdAt)])).toEqual([
        ["earlier", "2026-11-21T09:31:00.000Z"],
        ["later", "2026-11-22T08:05:00.000Z"],
      ]);
      expect(await loadOrderFacts(SHOP, "404")).toBeNull();

      // The dates inside the JSON name their zone: read without one, they would be taken in the
      // process's zone (PostgreSQL's own JSON for a timestamp without zone has none).
      const row = await (await sqlRunner()).get<{ dates: unknown }>(sql`
        SELECT ${jsonArray(jsonObject("f", ["id", "shopifyCreatedAt"], ["shopifyCreatedAt"]), `f."id"`)} AS "dates"
        FROM "Fulfillment" f WHERE f."shop" = ${SHOP} AND f."orderId" = ${"5001"}`);
      const dates = jsonCell<Array<{ id: string; shopifyCreatedAt: string }>>(row!.dates);
      expect(dates.map((d) => d.shopifyCreatedAt)).toEqual([expect.stringMatching(/(Z|[+-]\d\d:\d\d)$/), expect.stringMatching(/(Z|[+-]\d\d:\d\d)$/)]);
      expect(dates.map((d) => new Date(d.shopifyCreatedAt).toISOString())).toEqual(["2026-11-21T09:30:00.250Z", "2026-11-21T15:00:00.000Z"]);
    });
  });
});
