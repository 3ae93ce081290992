import { WithArgs } from "./graphql-selection";
import type { SimOrder, SimOrderStore } from "./orders-store";

type Json = Record<string, unknown>;

// Admin GraphQL's `orders` connection, answered from the simulator's order store: REST-shaped
// webhook payloads turned into GraphQL objects (camelCase, gids, enums in capitals), with the
// `updated_at:>=` search, UPDATED_AT order and cursor pagination Herald's reconciliation uses.

const gid = (kind: string, id: unknown) => `gid://shopify/${kind}/${String(id)}`;
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : null);
const str = (v: unknown) => (v == null ? null : String(v));
const money = (amount: unknown) => (amount == null ? null : { __typename: "MoneyBag", shopMoney: { __typename: "MoneyV2", amount: String(amount) } });

/** The `query` argument's updated_at bound (`updated_at:>='2026-11-23T10:00:00Z'`), or null for none. */
export function parseUpdatedSince(query: unknown): Date | null {
  if (typeof query !== "string" || query.trim() === "") return null;
  const match = /updated_at:>=?\s*'?"?([0-9T:.\-+Z]+)'?"?/.exec(query);
  if (!match) throw new Error(`The simulator only understands updated_at:>= searches, not ${JSON.stringify(query)}`);
  const at = new Date(match[1]);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid date in search ${JSON.stringify(query)}`);
  return at;
}

const cursorOf = (o: SimOrder) => Buffer.from(JSON.stringify([o.updatedAt, o.id])).toString("base64url");

/**
 * A nested connection (an order's line items, a fulfillment's line items) that honours `first` and
 * `after` and says whether more follow, as Shopify's do: a query asking for 20 of 25 gets 20 and
 * `hasNextPage: true`.
 */
function connection(typename: string, all: Json[]): WithArgs {
  return new WithArgs((args) => {
    const start = typeof args.after === "string" && args.after ? Number(Buffer.from(args.after, "base64url").toString()) + 1 : 0;
    const first = args.first == null ? all.length : Math.max(0, Math.min(250, Number(args.first)));
    const page = all.slice(start, start + first);
    const cursor = (i: number) => Buffer.from(String(i)).toString("base64url");
    return {
      __typename: typename,
      pageInfo: { __typename: "PageInfo", hasNextPage: start + page.length < all.length, endCursor: page.length ? cursor(start + page.length - 1) : null },
      nodes: page,
    };
  });
}

/** Order(id:) from the store (a gid), for the queries that page an order's nested lists. */
export function orderByGid(store: SimOrderStore, shop: string, id: unknown): Json | null {
  const o = typeof id === "string" ? store.orders.get(`${shop} ${id.slice(id.lastIndexOf("/") + 1)}`) : undefined;
  return o?.order && o.shop === shop ? orderNode(o) : null;
}

/** Fulfillment(id:) from the store (a gid). */
export function fulfillmentByGid(store: SimOrderStore, shop: string, id: unknown): Json | null {
  if (typeof id !== "string") return null;
  const legacy = id.slice(id.lastIndexOf("/") + 1);
  for (const o of store.orders.values()) {
    const f = o.shop === shop ? o.fulfillments.get(legacy) : undefined;
    if (f) return fulfillmentNode(f, [...o.events.values()].filter((e) => String(e.fulfillment_id) === legacy));
  }
  return null;
}

/** One page of orders after `after` (a cursor from an earlier page). */
export function ordersConnection(store: SimOrderStore, shop: string, variables: Json): Json {
  const first = Math.max(1, Math.min(250, Number(variables.first ?? 50)));
  let list = store.updatedSince(shop, parseUpdatedSince(variables.query));
  if (typeof variables.after === "string" && variables.after) {
    const [updatedAt, id] = JSON.parse(Buffer.from(variables.after, "base64url").toString()) as [string, string];
    const t = Date.parse(updatedAt);
    list = list.filter((o) => Date.parse(o.updatedAt) > t || (Date.parse(o.updatedAt) === t && o.id.localeCompare(id) > 0));
  }
  const page = list.slice(0, first);
  return {
    __typename: "OrderConnection",
    pageInfo: { __typename: "PageInfo", hasNextPage: list.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
    nodes: page.map(orderNode),
  };
}

function address(a: unknown): Json | null {
  if (!a || typeof a !== "object") return null;
  const x = a as Json;
  return { __typename: "MailingAddress", firstName: str(x.first_name), lastName: str(x.last_name), phone: str(x.phone), countryCodeV2: str(x.country_code), provinceCode: str(x.province_code) };
}

/** REST's fulfillment_status -> displayFulfillmentStatus. */
const FULFILLMENT_STATUS: Record<string, string> = { fulfilled: "FULFILLED", partial: "PARTIALLY_FULFILLED", restocked: "RESTOCKED" };

function orderNode(o: SimOrder): Json {
  const p = o.order!;
  const customer = p.customer as Json | null | undefined;
  const events = [...o.events.values()];
  return {
    __typename: "Order",
    id: gid("Order", o.id),
    name: p.name,
    email: str(p.email ?? p.contact_email),
    phone: str(p.phone),
    customerLocale: str(p.customer_locale),
    tags: String(p.tags ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    shippingLines: {
      __typename: "ShippingLineConnection",
      nodes: ((p.shipping_lines as Json[] | undefined) ?? []).map((line) => ({ __typename: "ShippingLine", title: str(line.title) })),
    },
    statusPageUrl: str(p.order_status_url),
    test: Boolean(p.test),
    cancelledAt: str(p.cancelled_at),
    closedAt: str(p.closed_at),
    createdAt: str(p.created_at),
    updatedAt: o.updatedAt,
    currencyCode: str(p.currency),
    displayFinancialStatus: upper(p.financial_status),
    displayFulfillmentStatus: FULFILLMENT_STATUS[String(p.fulfillment_status)] ?? "UNFULFILLED",
    totalPriceSet: money(p.total_price),
    customer: customer
      ? {
          __typename: "Customer",
          firstName: str(customer.first_name),
          lastName: str(customer.last_name),
          defaultEmailAddress: customer.email ? { __typename: "CustomerEmailAddress", emailAddress: String(customer.email) } : null,
          defaultPhoneNumber: customer.phone ? { __typename: "CustomerPhoneNumber", phoneNumber: String(customer.phone) } : null,
        }
      : null,
    shippingAddress: address(p.shipping_address),
    billingAddress: address(p.billing_address),
    lineItems: connection(
      "LineItemConnection",
      ((p.line_items as Json[] | undefined) ?? []).map((li) => ({
        __typename: "LineItem",
        id: gid("LineItem", li.id),
        title: String(li.title ?? ""),
        name: str(li.name),
        variantTitle: str(li.variant_title),
        quantity: Number(li.quantity ?? 1),
        sku: str(li.sku),
        variant: li.variant_id ? { __typename: "ProductVariant", id: gid("ProductVariant", li.variant_id) } : null,
        originalUnitPriceSet: money(li.price),
      })),
    ),
    fulfillments: [...o.fulfillments.values()].map((f) => fulfillmentNode(f, events.filter((e) => String(e.fulfillment_id) === String(f.id)))),
    fulfillmentOrders: {
      __typename: "FulfillmentOrderConnection",
      nodes: [...o.fulfillmentOrders.entries()].map(([id, { payload, updatedAt }]) => {
        const fo = payload.fulfillment_order as Json;
        const holds = (fo.fulfillment_holds as Json[] | undefined) ?? [];
        return {
          __typename: "FulfillmentOrder",
          id,
          status: upper(fo.status),
          fulfillAt: str(fo.fulfill_at),
          updatedAt,
          fulfillmentHolds: holds.map((h) => ({ __typename: "FulfillmentHold", reason: upper(h.reason), reasonNotes: str(h.reason_notes) })),
        };
      }),
    },
  };
}

function fulfillmentNode(f: Json, events: Json[]): Json {
  const numbers = (f.tracking_numbers as string[] | undefined) ?? (f.tracking_number ? [String(f.tracking_number)] : []);
  const urls = (f.tracking_urls as string[] | undefined) ?? (f.tracking_url ? [String(f.tracking_url)] : []);
  const origin = f.origin_address as Json | null | undefined;
  const newestFirst = [...events].sort((a, b) => Date.parse(String(b.happened_at)) - Date.parse(String(a.happened_at)));
  return {
    __typename: "Fulfillment",
    id: gid("Fulfillment", f.id),
    name: str(f.name),
    status: upper(f.status),
    displayStatus: f.shipment_status ? upper(f.shipment_status) : f.status === "success" ? "FULFILLED" : null,
    createdAt: str(f.created_at),
    updatedAt: str(f.updated_at),
    trackingInfo: (numbers.length ? numbers : [null]).map((number, i) => ({
      __typename: "FulfillmentTrackingInfo",
      company: str(f.tracking_company),
      number: number ?? str(f.tracking_number),
      url: urls[i] ?? str(f.tracking_url),
    })),
    originAddress: origin ? { __typename: "FulfillmentOriginAddress", countryCode: str(origin.country_code) } : null,
    fulfillmentLineItems: connection(
      "FulfillmentLineItemConnection",
      ((f.line_items as Json[] | undefined) ?? []).map((li) => ({ __typename: "FulfillmentLineItem", lineItem: { __typename: "LineItem", id: gid("LineItem", li.id) } })),
    ),
    events: {
      __typename: "FulfillmentEventConnection",
      nodes: newestFirst.slice(0, 10).map((e) => ({
        __typename: "FulfillmentEvent",
        id: gid("FulfillmentEvent", e.id),
        status: upper(e.status),
        message: str(e.message),
        happenedAt: str(e.happened_at),
        estimatedDeliveryAt: str(e.estimated_delivery_at),
        city: str(e.city),
        country: str(e.country),
      })),
    },
  };
}
