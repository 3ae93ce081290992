import type { Tx } from "../db.server";
import { dateOf, dateOrNull, boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { jsonArray, jsonCell, jsonObject } from "../db/json-sql.server";
import { execute, sql, type Sql } from "../db/sql.server";
import { insertIfAbsent, upsertIfNotOlder, type SameVersion } from "../db/upsert.server";
import type { Channel, FulfillmentFacts, FulfillmentOrderFacts, HistoryRecord, LineItemFact, MessageStatus, OrderFacts, Trigger } from "../notifications/types";
import type { FulfillmentEventPayload, FulfillmentOrderPayload, FulfillmentPayload, OrderPayload } from "../webhooks/schemas";

// Facts are the latest known state of Shopify objects. Webhooks arrive late and out of order,
// so a payload only overwrites what we hold when its updated_at is not older. Each write is one
// INSERT ... ON CONFLICT statement: concurrent webhooks about a new order cannot both insert it.

/**
 * Record an order payload. A webhook's payload of the same version replaces the stored one;
 * reconciliation passes sameVersion "keep", so its copy never replaces what a webhook recorded.
 */
export async function upsertOrder(tx: Tx, shop: string, p: OrderPayload, sameVersion: SameVersion = "replace"): Promise<void> {
  await execute(tx, orderFacts(shop, p, sameVersion));
}

/** The statement that records an order payload (newer-only). */
export function orderFacts(shop: string, p: OrderPayload, sameVersion: SameVersion = "replace"): Sql {
  const destination = orderDestination(p);
  const lineItems: LineItemFact[] = p.line_items.map((li) => ({
    id: li.id,
    title: li.title || li.name || "",
    variantTitle: li.variant_title,
    quantity: li.quantity,
    sku: li.sku,
    imageUrl: null,
    price: li.price,
  }));
  const data = {
    name: p.name,
    email: (p.email ?? p.contact_email ?? p.customer?.email ?? null)?.trim().toLowerCase() || null,
    phone: p.phone ?? p.customer?.phone ?? p.shipping_address?.phone ?? p.billing_address?.phone ?? null,
    customerFirstName: p.customer?.first_name ?? p.shipping_address?.first_name ?? p.billing_address?.first_name ?? null,
    customerLastName: p.customer?.last_name ?? p.shipping_address?.last_name ?? null,
    customerLocale: p.customer_locale,
    orderStatusUrl: p.order_status_url,
    shippingCountry: destination.country,
    shippingProvince: destination.province,
    tags: p.tags,
    shippingMethod: p.shipping_lines.map((l) => l.title).filter(Boolean).join(", ") || null,
    lineItems: JSON.stringify(lineItems),
    totalPrice: p.total_price,
    currency: p.currency,
    test: p.test,
    cancelledAt: p.cancelled_at,
    closedAt: p.closed_at,
    fulfillmentStatus: p.fulfillment_status,
    financialStatus: p.financial_status,
    placedAt: p.created_at,
    shopifyUpdatedAt: p.updated_at,
  };
  const now = new Date();
  return upsertIfNotOlder("Order", ["shop", "id"], { shop, id: p.id, ...data, createdAt: now, updatedAt: now }, {
    version: "shopifyUpdatedAt",
    keepOnUpdate: ["createdAt"],
    sameVersion,
  });
}

/**
 * Where the order goes: the shipping address's country and province code, else the billing
 * address's (a digital order has none to ship to). Both from the same address, so a province is
 * never read against another address's country.
 */
function orderDestination(p: OrderPayload): { country: string | null; province: string | null } {
  const address = p.shipping_address?.country_code ? p.shipping_address : p.billing_address?.country_code ? p.billing_address : null;
  return { country: address?.country_code ?? null, province: address?.province_code ?? null };
}

/** Record a fulfillment payload (sameVersion as for upsertOrder). */
export async function upsertFulfillment(tx: Tx, shop: string, p: FulfillmentPayload, sameVersion: SameVersion = "replace"): Promise<void> {
  await execute(tx, fulfillmentFacts(shop, p, sameVersion));
}

/** The statement that records a fulfillment payload (newer-only). */
export function fulfillmentFacts(shop: string, p: FulfillmentPayload, sameVersion: SameVersion = "replace"): Sql {
  const data = {
    orderId: p.order_id,
    name: p.name,
    status: p.status,
    shipmentStatus: p.shipment_status,
    trackingCompany: p.tracking_company,
    trackingNumber: p.tracking_number ?? p.tracking_numbers[0] ?? null,
    trackingUrl: p.tracking_url ?? p.tracking_urls[0] ?? null,
    lineItemIds: JSON.stringify(p.line_items.map((li) => li.id)),
    originCountry: p.origin_address?.country_code ?? null,
    destinationCountry: p.destination?.country_code ?? null,
    shopifyCreatedAt: p.created_at,
    shopifyUpdatedAt: p.updated_at,
  };
  const now = new Date();
  return upsertIfNotOlder("Fulfillment", ["shop", "id"], { shop, id: p.id, ...data, createdAt: now, updatedAt: now }, {
    version: "shopifyUpdatedAt",
    keepOnUpdate: ["createdAt"],
    sameVersion,
  });
}

export async function recordFulfillmentEvent(tx: Tx, shop: string, p: FulfillmentEventPayload): Promise<void> {
  await execute(tx, fulfillmentEventFacts(shop, p));
}

/** The statement that records a carrier event (once). */
export function fulfillmentEventFacts(shop: string, p: FulfillmentEventPayload): Sql {
  return insertIfAbsent("FulfillmentEvent", ["shop", "id"], {
    shop,
    id: p.id,
    fulfillmentId: p.fulfillment_id,
    orderId: p.order_id,
    status: p.status,
    message: p.message,
    happenedAt: p.happened_at,
    estimatedDeliveryAt: p.estimated_delivery_at,
    city: p.city,
    country: p.country,
    createdAt: new Date(),
  });
}

type OrderRow = {
  id: string; name: string; email: string | null; phone: string | null; customerFirstName: string | null; customerLastName: string | null;
  customerLocale: string | null; orderStatusUrl: string | null; shippingCountry: string | null; shippingProvince: string | null; tags: string | null; shippingMethod: string | null;
  lineItems: string; totalPrice: string | null; currency: string | null; test: unknown; cancelledAt: unknown; placedAt: unknown;
};
type FulfillmentRow = {
  id: string; orderId: string; name: string | null; status: string; shipmentStatus: string | null; trackingCompany: string | null;
  trackingNumber: string | null; trackingUrl: string | null; lineItemIds: string; originCountry: string | null; destinationCountry: string | null;
  estimatedDeliveryAt: unknown; shopifyCreatedAt: unknown; shopifyUpdatedAt: unknown;
};
type EventRow = { id: string; fulfillmentId: string; status: string; message: string | null; happenedAt: unknown; estimatedDeliveryAt: unknown };
type FulfillmentOrderRow = { id: string; status: string; holdReason: string | null; holdNotes: string | null; fulfillAt: unknown; heldAt: unknown; stateAt: unknown };
type HistoryRow = { id: string; trigger: string; subject: string; step: string; channel: string; status: string; createdAt: unknown };

const ORDER = jsonObject(
  "o",
  ["id", "name", "email", "phone", "customerFirstName", "customerLastName", "customerLocale", "orderStatusUrl", "shippingCountry", "shippingProvince", "tags", "shippingMethod", "lineItems", "totalPrice", "currency", "test", "cancelledAt", "placedAt"],
  ["cancelledAt", "placedAt"],
);
const FULFILLMENT = jsonObject(
  "f",
  ["id", "orderId", "name", "status", "shipmentStatus", "trackingCompany", "trackingNumber", "trackingUrl", "lineItemIds", "originCountry", "destinationCountry", "estimatedDeliveryAt", "shopifyCreatedAt", "shopifyUpdatedAt"],
  ["estimatedDeliveryAt", "shopifyCreatedAt", "shopifyUpdatedAt"],
);
const FULFILLMENT_ORDER = jsonObject("fo", ["id", "status", "holdReason", "holdNotes", "fulfillAt", "heldAt", "stateAt"], ["fulfillAt", "heldAt", "stateAt"]);
const EVENT = jsonObject("e", ["id", "fulfillmentId", "status", "message", "happenedAt", "estimatedDeliveryAt"], ["happenedAt", "estimatedDeliveryAt"]);
const HISTORY = jsonObject("m", ["id", "trigger", "subject", "step", "channel", "status", "createdAt"], ["createdAt"]);

/** What decide() needs about one order, and what its customer has been told. */
export interface OrderState {
  order: OrderFacts;
  fulfillments: FulfillmentFacts[];
  fulfillmentOrders: FulfillmentOrderFacts[];
  history: HistoryRecord[];
}

/** The cells orderStateColumns adds to a row: JSON (app/db/json-sql.server.ts), as the driver answers it. */
export interface OrderStateCells {
  order: unknown;
  fulfillments: unknown;
  fulfillmentOrders: unknown;
  events: unknown;
  history: unknown;
}

/**
 * Select-list columns holding one order's state: the order's row as a JSON object (null when we
 * have not seen the order) and its fulfillments, fulfillment orders, carrier events and messages as
 * JSON arrays. `shop` and `orderId` are parameters or the outer query's columns, so a query about
 * something else (a message, a shop) brings the order's state in the same round trip: the worker
 * reads it for every event and every delivery. Read back with orderStateOf. The subqueries name
 * their tables o, f, fo, e and m: an outer query must alias its own tables otherwise, or a column
 * passed as `shop` or `orderId` would be read from the subquery's table instead.
 */
export function orderStateColumns(shop: Sql, orderId: Sql): Sql {
  return sql`
    (SELECT ${ORDER} FROM "Order" o WHERE o."shop" = ${shop} AND o."id" = ${orderId}) AS "order",
    (SELECT ${jsonArray(FULFILLMENT, `f."shopifyCreatedAt", f."id"`)} FROM "Fulfillment" f
     WHERE f."shop" = ${shop} AND f."orderId" = ${orderId}) AS "fulfillments",
    (SELECT ${jsonArray(FULFILLMENT_ORDER, `fo."createdAt", fo."id"`)} FROM "FulfillmentOrder" fo
     WHERE fo."shop" = ${shop} AND fo."orderId" = ${orderId}) AS "fulfillmentOrders",
    -- Carrier events by their fulfillments (the (shop, fulfillmentId) index), not by order id, which no index covers.
    (SELECT ${jsonArray(EVENT, `e."happenedAt", e."id"`)} FROM "FulfillmentEvent" e
     WHERE e."shop" = ${shop} AND e."fulfillmentId" IN (SELECT f."id" FROM "Fulfillment" f WHERE f."shop" = ${shop} AND f."orderId" = ${orderId})) AS "events",
    (SELECT ${jsonArray(HISTORY, `m."id"`)} FROM "Message" m
     WHERE m."shop" = ${shop} AND m."orderId" = ${orderId}) AS "history"`;
}

/** Everything decide() needs about one order, or null when we have not seen the order yet (one query). */
export async function loadOrderFacts(shop: string, orderId: string): Promise<OrderState | null> {
  const row = await (await sqlRunner()).get<OrderStateCells>(sql`SELECT ${orderStateColumns(sql`${shop}`, sql`${orderId}`)}`);
  return row ? orderStateOf(row) : null;
}

/** The order state of a row with orderStateColumns, or null when the order is not known. */
export function orderStateOf(cells: OrderStateCells): OrderState | null {
  if (cells.order === null || cells.order === undefined) return null;
  const order = jsonCell<OrderRow>(cells.order);
  const fulfillments = jsonCell<FulfillmentRow[]>(cells.fulfillments);
  const fulfillmentOrders = jsonCell<FulfillmentOrderRow[]>(cells.fulfillmentOrders);
  const events = jsonCell<EventRow[]>(cells.events);
  return {
    order: {
      id: order.id,
      name: order.name,
      email: order.email,
      phone: order.phone,
      customerFirstName: order.customerFirstName,
      customerLastName: order.customerLastName,
      customerLocale: order.customerLocale,
      orderStatusUrl: order.orderStatusUrl,
      shippingCountry: order.shippingCountry,
      shippingProvince: order.shippingProvince,
      tags: splitTags(order.tags),
      shippingMethod: order.shippingMethod,
      lineItems: JSON.parse(order.lineItems) as LineItemFact[],
      totalPrice: order.totalPrice,
      currency: order.currency,
      test: boolOf(order.test),
      cancelledAt: dateOrNull(order.cancelledAt),
      placedAt: dateOf(order.placedAt),
    },
    fulfillments: fulfillments.map((f) => {
      const own = events
        .filter((e) => e.fulfillmentId === f.id)
        .map((e) => ({ id: e.id, status: e.status, happenedAt: dateOf(e.happenedAt), estimatedDeliveryAt: dateOrNull(e.estimatedDeliveryAt), message: e.message }));
      const latestEstimate = [...own].reverse().find((e) => e.estimatedDeliveryAt)?.estimatedDeliveryAt ?? null;
      return {
        id: f.id,
        orderId: f.orderId,
        name: f.name,
        status: f.status,
        shipmentStatus: f.shipmentStatus,
        trackingCompany: f.trackingCompany,
        trackingNumber: f.trackingNumber,
        trackingUrl: f.trackingUrl,
        lineItemIds: JSON.parse(f.lineItemIds) as string[],
        originCountry: f.originCountry,
        destinationCountry: f.destinationCountry,
        estimatedDeliveryAt: latestEstimate ?? dateOrNull(f.estimatedDeliveryAt),
        createdAt: dateOf(f.shopifyCreatedAt),
        updatedAt: dateOf(f.shopifyUpdatedAt),
        events: own,
      };
    }),
    fulfillmentOrders: fulfillmentOrders.map((fo) => ({
      id: fo.id,
      status: fo.status,
      holdReason: fo.holdReason,
      holdNotes: fo.holdNotes,
      fulfillAt: dateOrNull(fo.fulfillAt),
      heldAt: dateOrNull(fo.heldAt),
      stateAt: dateOf(fo.stateAt),
    })),
    // Sorted here by time: text order is only time order while every row writes dates alike.
    history: jsonCell<HistoryRow[]>(cells.history)
      .map((m) => ({
        trigger: m.trigger as Trigger,
        subject: m.subject,
        step: m.step,
        channel: m.channel as Channel,
        status: m.status as MessageStatus,
        createdAt: dateOf(m.createdAt),
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  };
}

/**
 * Hold / schedule state of a fulfillment order. These payloads have no updated_at, so the
 * webhook's X-Shopify-Triggered-At orders them; the order id is filled in later by the worker.
 */
export async function upsertFulfillmentOrder(tx: Tx, shop: string, p: FulfillmentOrderPayload, stateAt: Date): Promise<void> {
  const fo = p.fulfillment_order;
  const hold = p.created_fulfillment_hold ?? fo.fulfillment_holds[0] ?? null;
  const onHold = fo.status === "on_hold";
  const data = {
    status: fo.status,
    holdReason: onHold ? (hold?.reason ?? null) : null,
    holdNotes: onHold ? (hold?.reason_notes ?? null) : null,
    fulfillAt: fo.fulfill_at,
    stateAt,
  };
  const existing = await tx.fulfillmentOrder.findUnique({ where: { shop_id: { shop, id: fo.id } } });
  if (!existing) {
    await tx.fulfillmentOrder.create({ data: { shop, id: fo.id, ...data, heldAt: onHold ? stateAt : null } });
  } else if (existing.stateAt <= stateAt) {
    await tx.fulfillmentOrder.update({
      where: { shop_id: { shop, id: fo.id } },
      data: { ...data, heldAt: onHold ? (existing.status === "on_hold" ? existing.heldAt : stateAt) : null },
    });
  }
}

/** Record which order a fulfillment order belongs to (looked up through the Admin API). */
export async function setFulfillmentOrderOrder(tx: Tx, shop: string, id: string, orderId: string): Promise<void> {
  await tx.fulfillmentOrder.updateMany({ where: { shop, id }, data: { orderId } });
}

/** Shopify's "vip, Gift ,wholesale" as ["vip", "Gift", "wholesale"]. */
export function splitTags(tags: string | null): string[] {
  return (tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}
