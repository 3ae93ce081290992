type Json = Record<string, unknown>;

/** One order as the platform knows it: the latest of everything its webhooks said. */
export interface SimOrder {
  shop: string;
  /** Numeric id, as webhooks give it. */
  id: string;
  /** The latest orders/* payload (null until one is seen). */
  order: Json | null;
  /** Order.updatedAt: moves with every change to the order, its fulfillments and fulfillment orders. */
  updatedAt: string;
  fulfillments: Map<string, Json>;
  events: Map<string, Json>;
  /** Fulfillment orders by gid, with their state and when it last changed. */
  fulfillmentOrders: Map<string, { payload: Json; updatedAt: string }>;
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
const idOf = (value: unknown) => (value == null ? null : String(value));

/**
 * The store's orders, learnt from the webhooks the simulator sent (or was told about, including
 * ones it deliberately did not deliver): Admin GraphQL answers from here, as Shopify answers from
 * its database whatever happened to the webhooks.
 */
export class SimOrderStore {
  readonly orders = new Map<string, SimOrder>();

  /**
   * Take in one webhook's payload. `orderOfFulfillmentOrder` names the order of a fulfillment
   * order (fulfillment_orders/* payloads do not). Returns false for topics that carry no order data.
   */
  record(shop: string, topic: string, payload: Json, triggeredAt: string, orderOfFulfillmentOrder: (gid: string) => string | null): boolean {
    if (topic.startsWith("orders/")) {
      const entry = this.entry(shop, idOf(payload.id), triggeredAt);
      const updatedAt = String(payload.updated_at ?? triggeredAt);
      if (!entry.order || Date.parse(updatedAt) >= Date.parse(String(entry.order.updated_at))) entry.order = payload;
      entry.updatedAt = later(entry.updatedAt, updatedAt);
      return true;
    }
    if (topic.startsWith("fulfillments/")) {
      const entry = this.entry(shop, idOf(payload.order_id), triggeredAt);
      const id = String(payload.id);
      const known = entry.fulfillments.get(id);
      if (!known || Date.parse(String(payload.updated_at)) >= Date.parse(String(known.updated_at))) entry.fulfillments.set(id, payload);
      entry.updatedAt = later(entry.updatedAt, String(payload.updated_at ?? triggeredAt));
      return true;
    }
    if (topic === "fulfillment_events/create") {
      const entry = this.entry(shop, idOf(payload.order_id), triggeredAt);
      entry.events.set(String(payload.id), payload);
      entry.updatedAt = later(entry.updatedAt, triggeredAt);
      return true;
    }
    if (topic.startsWith("fulfillment_orders/")) {
      const fo = payload.fulfillment_order as Json | undefined;
      const gid = fo ? String(fo.id) : "";
      const orderGid = orderOfFulfillmentOrder(gid);
      if (!fo || !orderGid) return false;
      const entry = this.entry(shop, orderGid.slice(orderGid.lastIndexOf("/") + 1), triggeredAt);
      const known = entry.fulfillmentOrders.get(gid);
      if (!known || Date.parse(triggeredAt) >= Date.parse(known.updatedAt)) entry.fulfillmentOrders.set(gid, { payload, updatedAt: triggeredAt });
      entry.updatedAt = later(entry.updatedAt, triggeredAt);
      return true;
    }
    return false;
  }

  /** The shop's orders updated at or after `since` (null: all), oldest change first. */
  updatedSince(shop: string, since: Date | null): SimOrder[] {
    return [...this.orders.values()]
      .filter((o) => o.shop === shop && o.order && (!since || Date.parse(o.updatedAt) >= since.getTime()))
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.id.localeCompare(b.id));
  }

  private entry(shop: string, id: string | null, at: string): SimOrder {
    if (!id) throw new Error("payload names no order");
    const key = `${shop} ${id}`;
    let entry = this.orders.get(key);
    if (!entry) {
      entry = { shop, id, order: null, updatedAt: at, fulfillments: new Map(), events: new Map(), fulfillmentOrders: new Map() };
      this.orders.set(key, entry);
    }
    return entry;
  }
}
