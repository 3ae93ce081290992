import type { z } from "zod";
import type { Tx } from "../db.server";
import { recordCustomer } from "../models/customers.server";
import { recordFulfillmentEvent, upsertFulfillment, upsertFulfillmentOrder, upsertOrder } from "../models/facts.server";
import { inventoryLevelNews, productNews, variantStockNews, type StockNews } from "../backinstock/stock-news";
import * as s from "./schemas";

/** What each topic is: its payload schema, the facts it records at ingest, the order it concerns. */
export interface TopicSpec<S extends z.ZodTypeAny = z.ZodTypeAny> {
  schema: S;
  /** Compliance topics are handled even for a shop that has uninstalled (shop/redact comes 48 h later). */
  compliance?: boolean;
  /** Record the facts the payload carries, inside the ingest transaction. */
  apply?: (tx: Tx, shop: string, payload: z.infer<S>, meta: { receivedAt: Date; triggeredAt: Date }) => Promise<void>;
  /** The order whose notifications this event may change, if any. */
  orderId?: (payload: z.infer<S>) => string;
  /** The fulfillment order this event is about, when its order is not in the payload. */
  fulfillmentOrderId?: (payload: z.infer<S>) => string;
  /** What the event says about variants' stock (back-in-stock), applied by the worker. */
  stock?: (payload: z.infer<S>) => StockNews[];
}

function topic<S extends z.ZodTypeAny>(spec: TopicSpec<S>): TopicSpec<S> {
  return spec;
}

const order = topic({
  schema: s.orderPayload,
  apply: (tx, shop, p) => upsertOrder(tx, shop, p),
  orderId: (p) => p.id,
});

const fulfillmentOrder = topic({
  schema: s.fulfillmentOrderPayload,
  apply: (tx, shop, p, { triggeredAt }) => upsertFulfillmentOrder(tx, shop, p, triggeredAt),
  fulfillmentOrderId: (p) => p.fulfillment_order.id,
});

// Consent comes with the customer, not the order: recorded for the next text Herald decides.
const customer = topic({
  schema: s.customerPayload,
  apply: (tx, shop, p) => recordCustomer(tx, shop, p),
});

const fulfillment = topic({
  schema: s.fulfillmentPayload,
  apply: (tx, shop, p) => upsertFulfillment(tx, shop, p),
  orderId: (p) => p.order_id,
});

/** Every topic Herald subscribes to (shopify.app.toml declares the same list; a test checks). */
export const TOPICS = {
  "orders/create": order,
  "orders/updated": order,
  "orders/cancelled": order,
  "fulfillments/create": fulfillment,
  "fulfillments/update": fulfillment,
  "fulfillment_events/create": topic({
    schema: s.fulfillmentEventPayload,
    apply: (tx, shop, p) => recordFulfillmentEvent(tx, shop, p),
    orderId: (p) => p.order_id,
  }),
  "fulfillment_orders/placed_on_hold": fulfillmentOrder,
  "fulfillment_orders/hold_released": fulfillmentOrder,
  "fulfillment_orders/rescheduled": fulfillmentOrder,
  "customers/create": customer,
  "customers/update": customer,
  "inventory_levels/update": topic({ schema: s.inventoryLevelPayload, stock: inventoryLevelNews }),
  "variants/in_stock": topic({ schema: s.variantPayload, stock: (p) => variantStockNews(p, true) }),
  "variants/out_of_stock": topic({ schema: s.variantPayload, stock: (p) => variantStockNews(p, false) }),
  "products/update": topic({ schema: s.productPayload, stock: productNews }),
  "app/uninstalled": topic({
    schema: s.appUninstalledPayload,
    // Stop all sending at once: delivery skips messages of an uninstalled shop. Shopify retries a
    // failed delivery for hours with the original Triggered-At: an uninstall triggered before the
    // current installation began (the merchant reinstalled meanwhile) is about the old one, and
    // must neither switch the shop off nor drop its new offline session.
    apply: async (tx, shop, _p, { receivedAt, triggeredAt }) => {
      const current = await tx.shop.findUnique({ where: { domain: shop }, select: { installedAt: true } });
      if (!current || triggeredAt < current.installedAt) return;
      await tx.shop.updateMany({ where: { domain: shop, uninstalledAt: null }, data: { uninstalledAt: receivedAt } });
      await tx.session.deleteMany({ where: { shop } });
    },
  }),
  "app/scopes_update": topic({
    schema: s.scopesUpdatePayload,
    apply: async (tx, shop, p) => {
      await tx.session.updateMany({ where: { shop }, data: { scope: p.current.join(",") } });
    },
  }),
  "customers/data_request": topic({ schema: s.customersDataRequestPayload, compliance: true }),
  "customers/redact": topic({ schema: s.customersRedactPayload, compliance: true }),
  "shop/redact": topic({ schema: s.shopRedactPayload, compliance: true }),
} satisfies Record<string, TopicSpec>;

export type Topic = keyof typeof TOPICS;

export function isTopic(value: string): value is Topic {
  return Object.prototype.hasOwnProperty.call(TOPICS, value);
}
