import { z } from "zod";
import {
  fulfillmentEventPayload,
  fulfillmentOrderPayload,
  fulfillmentPayload,
  orderPayload,
  type FulfillmentEventPayload,
  type FulfillmentOrderPayload,
  type FulfillmentPayload,
  type OrderPayload,
} from "../webhooks/schemas";

// Reconciliation reads orders over Admin GraphQL (camelCase, gids, enums in capitals) and records
// them through the very functions webhooks use. This module turns one GraphQL order into the
// webhook payloads that would have told Herald the same thing, checked by the webhook schemas, so
// both paths produce identical fact rows. Pure: no I/O.

const str = z.string().nullish();
const money = z.object({ shopMoney: z.object({ amount: z.union([z.string(), z.number()]) }) }).nullish();
const address = z.object({ firstName: str, lastName: str, phone: str, countryCodeV2: str, provinceCode: str }).nullish();
const nodes = <T extends z.ZodTypeAny>(node: T) => z.object({ nodes: z.array(node) });
/** A connection that says whether more nodes follow (reconcile.server.ts reads those too). */
const pagedNodes = <T extends z.ZodTypeAny>(node: T) =>
  z.object({ pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }), nodes: z.array(node) });

const lineItemNode = z.object({
  id: z.string(),
  title: z.string(),
  name: str,
  variantTitle: str,
  quantity: z.number().int(),
  sku: str,
  variant: z.object({ id: z.string() }).nullish(),
  originalUnitPriceSet: money,
});
const fulfillmentLineItemNode = z.object({ lineItem: z.object({ id: z.string() }) });

/** OrderLineItems (app/shopify/queries.ts): a further page of an order's line items. */
export const orderLineItemsPage = z.object({ order: z.object({ lineItems: pagedNodes(lineItemNode) }).nullable() });
/** FulfillmentLineItems: a further page of a fulfillment's line items. */
export const fulfillmentLineItemsPage = z.object({ fulfillment: z.object({ fulfillmentLineItems: pagedNodes(fulfillmentLineItemNode) }).nullable() });

const eventNode = z.object({
  id: z.string(),
  status: z.string(),
  message: str,
  happenedAt: z.string(),
  estimatedDeliveryAt: str,
  city: str,
  country: str,
});

const fulfillmentNode = z.object({
  id: z.string(),
  name: str,
  status: z.string(),
  displayStatus: str,
  createdAt: z.string(),
  updatedAt: z.string(),
  trackingInfo: z.array(z.object({ company: str, number: str, url: str })).default([]),
  originAddress: z.object({ countryCode: str }).nullish(),
  fulfillmentLineItems: pagedNodes(fulfillmentLineItemNode),
  events: nodes(eventNode),
});

const fulfillmentOrderNode = z.object({
  id: z.string(),
  status: z.string(),
  fulfillAt: str,
  updatedAt: z.string(),
  fulfillmentHolds: z.array(z.object({ reason: str, reasonNotes: str })).default([]),
});

/** One order as ReconcileOrders (app/shopify/queries.ts) returns it. */
export const reconcileOrderNode = z.object({
  id: z.string(),
  name: z.string(),
  email: str,
  phone: str,
  customerLocale: str,
  tags: z.array(z.string()).default([]),
  shippingLines: z.object({ nodes: z.array(z.object({ title: str })) }).nullish(),
  statusPageUrl: str,
  test: z.boolean(),
  cancelledAt: str,
  closedAt: str,
  createdAt: z.string(),
  updatedAt: z.string(),
  currencyCode: str,
  displayFinancialStatus: str,
  displayFulfillmentStatus: str,
  totalPriceSet: money,
  customer: z
    .object({
      firstName: str,
      lastName: str,
      defaultEmailAddress: z.object({ emailAddress: str }).nullish(),
      defaultPhoneNumber: z.object({ phoneNumber: str }).nullish(),
    })
    .nullish(),
  shippingAddress: address,
  billingAddress: address,
  lineItems: pagedNodes(lineItemNode),
  fulfillments: z.array(fulfillmentNode),
  fulfillmentOrders: nodes(fulfillmentOrderNode),
});
export type ReconcileOrderNode = z.infer<typeof reconcileOrderNode>;

/** A page of ReconcileOrders. */
export const reconcileOrdersPage = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
    nodes: z.array(reconcileOrderNode),
  }),
});
export type ReconcileOrdersPage = z.infer<typeof reconcileOrdersPage>;

/** Everything one GraphQL order tells, as the webhook payloads that carry it. */
export interface OrderFactsFromApi {
  order: OrderPayload;
  fulfillments: FulfillmentPayload[];
  events: FulfillmentEventPayload[];
  /** With the moment their state was read (webhooks use X-Shopify-Triggered-At). */
  fulfillmentOrders: Array<{ payload: FulfillmentOrderPayload; orderId: string; stateAt: Date }>;
}

/** The number at the end of a gid (gid://shopify/Order/123 -> "123"), as webhooks give ids. */
export function legacyId(gid: string): string {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:\?.*)?$/.exec(gid);
  if (!match) throw new Error(`Not a Shopify gid: ${gid}`);
  return match[1];
}

const lower = (value: string | null | undefined) => (value == null ? null : value.toLowerCase());

/** Shipment statuses a fulfillments/* webhook can carry (Fulfillment.displayStatus has more). */
const SHIPMENT_STATUSES = new Set([
  "label_printed",
  "label_purchased",
  "attempted_delivery",
  "ready_for_pickup",
  "picked_up",
  "confirmed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failure",
  "delayed",
  "carrier_picked_up",
]);

/** REST's fulfillment_status for GraphQL's displayFulfillmentStatus (null: nothing fulfilled yet). */
const FULFILLMENT_STATUS: Record<string, string> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", RESTOCKED: "restocked" };

function addressPayload(a: z.infer<typeof address>) {
  return a ? { first_name: a.firstName, last_name: a.lastName, phone: a.phone, country_code: a.countryCodeV2, province_code: a.provinceCode } : null;
}

/** Map one GraphQL order (validated with reconcileOrderNode) to webhook payloads. */
export function orderFactsFromApi(node: ReconcileOrderNode): OrderFactsFromApi {
  const orderId = legacyId(node.id);
  const order = orderPayload.parse({
    id: orderId,
    name: node.name,
    email: node.email ?? node.customer?.defaultEmailAddress?.emailAddress ?? null,
    phone: node.phone,
    customer_locale: node.customerLocale,
    // REST spells tags as one comma-separated string; the conditions read that spelling.
    tags: node.tags.join(", "),
    shipping_lines: (node.shippingLines?.nodes ?? []).map((line) => ({ title: line.title })),
    order_status_url: node.statusPageUrl,
    test: node.test,
    cancelled_at: node.cancelledAt,
    closed_at: node.closedAt,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    currency: node.currencyCode,
    total_price: node.totalPriceSet?.shopMoney.amount ?? null,
    financial_status: lower(node.displayFinancialStatus),
    fulfillment_status: FULFILLMENT_STATUS[node.displayFulfillmentStatus ?? ""] ?? null,
    customer: node.customer
      ? {
          first_name: node.customer.firstName,
          last_name: node.customer.lastName,
          email: node.customer.defaultEmailAddress?.emailAddress ?? null,
          phone: node.customer.defaultPhoneNumber?.phoneNumber ?? null,
        }
      : null,
    shipping_address: addressPayload(node.shippingAddress),
    billing_address: addressPayload(node.billingAddress),
    line_items: node.lineItems.nodes.map((li) => ({
      id: legacyId(li.id),
      title: li.title,
      name: li.name,
      variant_title: li.variantTitle,
      quantity: li.quantity,
      sku: li.sku,
      variant_id: li.variant ? legacyId(li.variant.id) : null,
      price: li.originalUnitPriceSet?.shopMoney.amount ?? null,
    })),
  });

  const fulfillments: FulfillmentPayload[] = [];
  const events: FulfillmentEventPayload[] = [];
  for (const f of node.fulfillments) {
    const fulfillmentId = legacyId(f.id);
    // Newest first in the query; the latest scan is what a fulfillments/update would report.
    const latestScan = lower(f.events.nodes[0]?.status);
    const display = lower(f.displayStatus);
    const shipmentStatus = display && SHIPMENT_STATUSES.has(display) ? display : latestScan && SHIPMENT_STATUSES.has(latestScan) ? latestScan : null;
    const tracking = f.trackingInfo;
    fulfillments.push(
      fulfillmentPayload.parse({
        id: fulfillmentId,
        order_id: orderId,
        name: f.name,
        status: f.status.toLowerCase(),
        shipment_status: shipmentStatus,
        tracking_company: tracking[0]?.company ?? null,
        tracking_number: tracking[0]?.number ?? null,
        tracking_numbers: tracking.flatMap((t) => (t.number ? [t.number] : [])),
        tracking_url: tracking[0]?.url ?? null,
        tracking_urls: tracking.flatMap((t) => (t.url ? [t.url] : [])),
        created_at: f.createdAt,
        updated_at: f.updatedAt,
        destination: order.shipping_address ? { country_code: order.shipping_address.country_code } : null,
        origin_address: f.originAddress ? { country_code: f.originAddress.countryCode } : null,
        line_items: f.fulfillmentLineItems.nodes.map((n) => ({ id: legacyId(n.lineItem.id) })),
      }),
    );
    for (const e of f.events.nodes) {
      events.push(
        fulfillmentEventPayload.parse({
          id: legacyId(e.id),
          fulfillment_id: fulfillmentId,
          order_id: orderId,
          status: e.status.toLowerCase(),
          message: e.message,
          happened_at: e.happenedAt,
          estimated_delivery_at: e.estimatedDeliveryAt,
          city: e.city,
          country: e.country,
        }),
      );
    }
  }

  const fulfillmentOrders = node.fulfillmentOrders.nodes.map((fo) => ({
    orderId,
    stateAt: new Date(fo.updatedAt),
    payload: fulfillmentOrderPayload.parse({
      fulfillment_order: {
        id: fo.id,
        status: fo.status.toLowerCase(),
        fulfill_at: fo.fulfillAt,
        fulfillment_holds: fo.fulfillmentHolds.map((h) => ({ reason: lower(h.reason), reason_notes: h.reasonNotes })),
      },
    }),
  }));

  return { order, fulfillments, events, fulfillmentOrders };
}
