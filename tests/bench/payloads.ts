/**
 * Realistic Shopify webhook bodies for the benchmarks and the soak, built by the store simulator's
 * payload builders (tests/simulator/scenario/payloads.ts) from Shopify's published samples
 * (tests/fixtures/shopify-webhooks), for any number of customers, orders and shops.
 *
 * Load generators need tens of thousands of distinct bodies a second: `Templated` renders a body
 * once with sentinel ids and fills in fresh ids per request with a join (no JSON work per request).
 */
import { tracking, type Carrier } from "../simulator/scenario/carriers";
import { CUSTOMERS, type Address, type Customer, type ProductKey } from "../simulator/scenario/cast";
import {
  carrierEventPayload,
  fulfillmentPayload,
  newCarrierEvent,
  newFulfillment,
  newOrder,
  orderPayload,
  storeContext,
  type ScanPlace,
  type StoreContext,
  type StoryFulfillment,
  type StoryOrder,
} from "../simulator/scenario/payloads";
import { seededRandom, type Random } from "../simulator/scenario/random";
import { shopIdFor } from "../simulator/server/state";
import { fixturesDir, loadFixture } from "../simulator/webhooks/fixtures";
import { webhookHeaders } from "../simulator/webhooks/sign";

/** A customer of a generated store. `email`/`phone` null: checked out without one. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  address: Address;
}

/** One webhook delivery, signed, ready to POST to `${appUrl}${path}`. */
export interface Delivery {
  topic: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Sign `body` as Shopify would for `topic` and `shop` (X-Shopify-Webhook-Id is the idempotency key). */
export function signedDelivery(topic: string, shop: string, body: string, secret: string, webhookId: string, triggeredAt?: string): Delivery {
  return {
    topic,
    path: `/webhooks/${topic}`,
    headers: webhookHeaders({ topic, shop, rawBody: body, secret, webhookId, triggeredAt }),
    body,
  };
}

const ADDRESSES: Record<string, { address: Address; places: ScanPlace[] }> = {
  en: {
    address: { ...CUSTOMERS.emily.address },
    places: [
      { city: "Hodgkins", province: "Illinois", country: "US", zip: "60525" },
      { city: "Portland", province: "Oregon", country: "US", zip: "97202" },
    ],
  },
  "es-MX": {
    address: { ...CUSTOMERS.sofia.address },
    places: [{ city: "Guadalajara", province: "Jalisco", country: "MX", zip: "44160" }],
  },
  "hi-IN": {
    address: { ...CUSTOMERS.priya.address },
    places: [{ city: "Lucknow", province: "Uttar Pradesh", country: "IN", zip: "226010" }],
  },
  "ml-IN": {
    address: { ...CUSTOMERS.anjali.address },
    places: [{ city: "Kochi", province: "Kerala", country: "IN", zip: "682016" }],
  },
  "sw-KE": {
    address: { ...CUSTOMERS.neema.address },
    places: [{ city: "Nairobi", province: null, country: "KE", zip: "00100" }],
  },
};
export const LOCALES = Object.keys(ADDRESSES);

const FIRST = ["Ava", "Noah", "Lucía", "Mateo", "Aarav", "Diya", "Anjali", "Arjun", "Amani", "Baraka", "Mia", "Leo", "Zara", "Omar"];
const LAST = ["Okafor", "Lindqvist", "Castellanos", "Raghunathan", "Menon", "Wanjiku", "Kowalczyk", "Haddad", "Nakamura", "Fitzgerald"];
const CARRIERS: Carrier[] = ["UPS", "DHL Express", "FedEx", "Delhivery", "India Post"];
const PRODUCT_KEYS: ProductKey[] = ["mug", "coffee", "towels", "kettle", "kikoy", "board"];

/** A generated customer with a unique, recognisable email and phone (the soak scans logs for them). */
export function person(random: Random, n: number, tag: string, opts: { email?: boolean; phone?: boolean } = {}): Person {
  const locale = random.pick(LOCALES);
  return {
    firstName: random.pick(FIRST),
    lastName: random.pick(LAST),
    email: opts.email === false ? null : `${tag}.c${n}@customers.example`,
    // +1 503 555 01xx-style numbers are reserved for fiction; the 7-digit suffix keeps them unique.
    phone: opts.phone === false ? null : `+1503${String(5_000_000 + n).padStart(7, "0")}`,
    locale,
    address: { ...ADDRESSES[locale].address },
  };
}

/** One shop's payload builder (the simulator's StoreContext plus helpers). */
export class Store {
  readonly ctx: StoreContext;
  readonly random: Random;

  constructor(
    readonly shop: string,
    seed: number,
    readonly timezone = "America/New_York",
    dir = fixturesDir(),
  ) {
    this.random = seededRandom(seed);
    this.ctx = storeContext({
      shop,
      shopId: shopIdFor(shop),
      timezone,
      currency: "USD",
      random: this.random,
      base: {
        order: loadFixture("orders/create", dir),
        fulfillment: loadFixture("fulfillments/create", dir),
        fulfillmentEvent: loadFixture("fulfillment_events/create", dir),
      },
    });
  }

  /** A new order for `who` (ids from this store's seed, or `id` when given). */
  order(number: number, who: Person, createdAt: Date, id?: number): StoryOrder {
    const items: Array<[ProductKey, number]> = [[this.random.pick(PRODUCT_KEYS), this.random.int(1, 3)]];
    if (this.random.next() < 0.5) items.push([this.random.pick(PRODUCT_KEYS.filter((p) => p !== items[0][0])), 1]);
    const order = newOrder(this.ctx, number, asCustomer(who), items, createdAt);
    return id === undefined ? order : { ...order, id };
  }

  fulfillment(order: StoryOrder, sequence: number, lineIds: number[], createdAt: Date, id?: number): StoryFulfillment {
    const f = newFulfillment(this.ctx, order, sequence, lineIds, tracking(this.random.pick(CARRIERS), this.random), createdAt);
    return id === undefined ? f : { ...f, id };
  }

  orderBody(order: StoryOrder, state: { updatedAt: Date; fulfillments?: StoryFulfillment[]; cancelledAt?: Date }): string {
    return JSON.stringify(orderPayload(this.ctxFor(order), order, state));
  }

  fulfillmentBody(f: StoryFulfillment, state: { updatedAt: Date; shipmentStatus: string | null }): string {
    return JSON.stringify(fulfillmentPayload(this.ctxFor(f.order), f, state));
  }

  carrierEventBody(f: StoryFulfillment, status: string, happenedAt: Date, id?: number): string {
    const locale = f.order.customer.locale;
    const place = this.random.pick(ADDRESSES[locale]?.places ?? ADDRESSES.en.places);
    const event = newCarrierEvent(this.ctx, f, status, happenedAt, carrierMessage(status), place);
    return JSON.stringify(carrierEventPayload(this.ctx, id === undefined ? event : { ...event, id }));
  }

  /** Each order's customer gets its own Shopify customer id (the simulator's cast has five). */
  private ctxFor(order: StoryOrder): StoreContext {
    return { ...this.ctx, customerIds: { ...this.ctx.customerIds, emily: order.id + 11 } };
  }
}

function asCustomer(p: Person): Customer {
  // The simulator keys customers by its cast; "emily" is only the key its payload builder looks up.
  return { ...CUSTOMERS.emily, ...p, key: "emily", timezone: "UTC", emailMarketing: null, smsMarketing: null };
}

function carrierMessage(status: string): string {
  const messages: Record<string, string> = {
    label_printed: "Shipping label created",
    confirmed: "Shipment information received",
    in_transit: "Departed from facility",
    out_for_delivery: "Out for delivery today",
    attempted_delivery: "Delivery attempted: no one available",
    ready_for_pickup: "Ready for pickup at access point",
    delivered: "Delivered",
    failure: "Delivery failed: address not found",
  };
  return messages[status] ?? status;
}

/**
 * A body rendered once with sentinel values, filled in per request. `fill` takes one value per
 * declared sentinel, in the declared order (sentinels absent from the body are ignored).
 */
export class Templated {
  private readonly parts: string[];
  private readonly slots: number[];

  constructor(body: string, sentinels: string[]) {
    // Split on every sentinel, remembering which one stood between two parts.
    const pattern = new RegExp(sentinels.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    this.parts = [];
    this.slots = [];
    let last = 0;
    for (const match of body.matchAll(pattern)) {
      this.parts.push(body.slice(last, match.index));
      this.slots.push(sentinels.indexOf(match[0]));
      last = match.index! + match[0].length;
    }
    this.parts.push(body.slice(last));
  }

  fill(values: Array<string | number>): string {
    let out = this.parts[0];
    for (let i = 0; i < this.slots.length; i++) out += String(values[this.slots[i]]) + this.parts[i + 1];
    return out;
  }
}

// Sentinel ids: 13 digits like real ids, and never produced by seededRandom().shopifyId() (5-7e12).
export const SENTINEL = { order: 9_111_111_111_111, fulfillment: 9_222_222_222_222, event: 9_333_333_333_333, email: "bench.sentinel@customers.example" };

/** What one generated "parcel" of the load generators is made of, as templates. */
export interface ParcelTemplates {
  ordersCreate: Templated;
  ordersUpdated: Templated;
  fulfillmentsCreate: Templated;
  fulfillmentsUpdate: Templated;
  event: Record<"in_transit" | "out_for_delivery" | "delivered", Templated>;
}

/**
 * Templates for one order shipped in one parcel: orders/create, fulfillments/create, orders/updated
 * (fulfilled), carrier events and fulfillments/update. Each fill gets new order, fulfillment and
 * event ids (and a new customer email), so every request is a new, realistic delivery.
 */
export function parcelTemplates(store: Store, now = new Date()): ParcelTemplates {
  const who: Person = { ...person(store.random, 0, "bench"), email: SENTINEL.email, locale: "en", address: { ...ADDRESSES.en.address } };
  const t = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  const order = store.order(1001, who, t(-5), SENTINEL.order);
  const f = store.fulfillment(order, 1, order.lines.map((l) => l.id), t(-4), SENTINEL.fulfillment);
  // fill([orderId, fulfillmentId, eventId, email])
  const ids = ["" + SENTINEL.order, "" + SENTINEL.fulfillment, "" + SENTINEL.event, SENTINEL.email];
  const make = (body: string) => new Templated(body, ids);
  return {
    ordersCreate: make(store.orderBody(order, { updatedAt: t(-5) })),
    ordersUpdated: make(store.orderBody(order, { updatedAt: t(-4), fulfillments: [f] })),
    fulfillmentsCreate: make(store.fulfillmentBody(f, { updatedAt: t(-4), shipmentStatus: null })),
    fulfillmentsUpdate: make(store.fulfillmentBody(f, { updatedAt: t(-1), shipmentStatus: "delivered" })),
    event: {
      in_transit: make(store.carrierEventBody(f, "in_transit", t(-3), SENTINEL.event)),
      out_for_delivery: make(store.carrierEventBody(f, "out_for_delivery", t(-2), SENTINEL.event)),
      delivered: make(store.carrierEventBody(f, "delivered", t(-1), SENTINEL.event)),
    },
  };
}
