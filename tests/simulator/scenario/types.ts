import type { CustomerKey } from "./cast";

/** How a step reaches Herald, in Shopify's terms. */
export type Delivery =
  /** the first delivery of a webhook */
  | "first"
  /** the same webhook (same X-Shopify-Webhook-Id, same bytes) delivered again: at-least-once */
  | "duplicate"
  /** Shopify re-delivering a webhook later because it did not see a 2xx in time (same id) */
  | "retry"
  /** a webhook that arrives after newer news about the same thing (out of order) */
  | "late";

/** One webhook delivery of a scenario, ready to sign and send. */
export interface ScenarioStep {
  topic: string;
  /** Exact bytes to send; duplicates and retries reuse the same string. */
  body: string;
  webhookId: string;
  eventId: string;
  /** X-Shopify-Triggered-At: when it happened in the story (UTC ISO). */
  triggeredAt: string;
  /**
   * When the delivery reaches Herald in the story's time (UTC ISO), if not at triggeredAt: Shopify
   * delivers some webhooks minutes or hours late. Steps are listed in arrival order either way; a
   * player on a virtual clock (tests) delivers each at this time.
   */
  arrivesAt?: string;
  delivery: Delivery;
  /** Sent at the same moment as the previous step (racing duplicates). */
  concurrent: boolean;
  /** Pause before this step at --speed 1, in ms. */
  pauseMs: number;
  /** Printable, without personal data. */
  description: string;
  order: string;
  fulfillment: string | null;
  customer: CustomerKey | null;
  /**
   * Store data the platform must know before this webhook goes out, because Herald will ask for it
   * over GraphQL (e.g. which order a fulfillment order belongs to). The player registers it with
   * the simulator.
   */
  platformRecords?: PlatformRecord[];
}

export type PlatformRecord = FulfillmentOrderRecord | CustomerRecord | VariantRecord;

export interface FulfillmentOrderRecord {
  kind: "fulfillmentOrder";
  id: string;
  orderId: string;
  status: string;
}

/** The customer who placed an order, with the marketing consent Admin GraphQL reports. */
export interface CustomerRecord {
  kind: "customer";
  /** gid://shopify/Customer/N */
  id: string;
  /** gid://shopify/Order/N */
  orderIds: string[];
  email: string | null;
  phone: string | null;
  emailMarketing: string | null;
  smsMarketing: string | null;
}

/** A product variant as Admin GraphQL describes it (StockVariant, InventoryItemVariant). */
export interface VariantRecord {
  kind: "variant";
  /** gid://shopify/ProductVariant/N */
  id: string;
  title: string;
  price: string;
  sku: string | null;
  inventoryQuantity: number;
  inventoryPolicy: "DENY" | "CONTINUE";
  /** gid://shopify/InventoryItem/N */
  inventoryItemId: string;
  imageUrl: string | null;
  product: { id: string; title: string; handle: string; imageUrl: string | null };
  updatedAt: string;
}

/**
 * A request a shopper's browser makes to the storefront at https://{shop}/apps/herald/<path>, which
 * Shopify's app proxy forwards to Herald signed (shop, logged_in_customer_id, path_prefix, timestamp,
 * signature). Signed when it is sent: Herald refuses a signature older than 90 s.
 */
export interface StorefrontStep {
  kind: "storefront";
  /** The path under the proxy's prefix and subpath ("back-in-stock"). */
  path: string;
  /** The form the theme block posts (application/x-www-form-urlencoded), in this order. */
  form: Array<[string, string]>;
  /** The shopper's address, forwarded by Shopify in X-Forwarded-For (Herald limits sign-ups per address). */
  ip: string;
  /**
   * "first", or "double_submit": the very same request again (same signature, same body), as a
   * double click sends it; `sameAs` names the first one's requestId.
   */
  delivery: "first" | "double_submit";
  requestId: string;
  sameAs?: string;
  /** What Herald should answer: the HTTP status and, for a 200, the sign-up's status. */
  expect: { status: number; signup?: "subscribed" | "already_subscribed" | "confirm_sms" };
  /** When it happens in the story (UTC ISO), for people; Herald dates the sign-up when it arrives. */
  at: string;
  concurrent: false;
  pauseMs: number;
  description: string;
  /** Who sends it (a key of the story's shoppers). */
  shopper: string;
  platformRecords?: PlatformRecord[];
}

/** Webhook deliveries and storefront requests, in the order they reach Herald. */
export type TimelineStep = ({ kind?: "webhook" } & ScenarioStep) | StorefrontStep;

/** The customer-facing shipping steps Herald knows (app/notifications/types.ts SHIPPING_STEPS). */
export type ShippingStep = "shipped" | "in_transit" | "out_for_delivery" | "attempted_delivery" | "ready_for_pickup" | "delivered" | "failure";

/** What Herald should make of one fulfillment, whatever the duplicates, retries and late arrivals. */
export interface FulfillmentExpectation {
  order: string;
  fulfillment: string;
  /** Shopify ids as Herald stores them (decimal strings). */
  orderId: string;
  fulfillmentId: string;
  customer: CustomerKey;
  carrier: string;
  trackingNumber: string;
  /** Steps that are news when they arrive, in arrival order: one message each, per channel. */
  steps: ShippingStep[];
  /** Steps that arrive but must not be sent (stale or already told). */
  never: Array<{ step: ShippingStep; why: string }>;
}

export interface ScenarioOrder {
  name: string;
  customer: CustomerKey;
  /** What happens to it in the story. */
  story: string;
}

export interface Scenario {
  name: string;
  title: string;
  seed: number;
  /** The story's "now": the last events happen shortly before it. */
  now: string;
  shop: string;
  orders: ScenarioOrder[];
  steps: ScenarioStep[];
  fulfillments: FulfillmentExpectation[];
  /** Orders that must produce no shipping message at all. */
  silentOrders: Array<{ order: string; why: string }>;
  /** Orders a delay notice is due for (once Herald has delay triggers). */
  delayNotices: Array<{ order: string; customer: CustomerKey; unfulfilledHours: number }>;
  /** Stories about delays: every delay notice Herald should create, and when (see expectedDelayNotices). */
  delays?: DelayStory;
  /**
   * Everything that reaches Herald, in order, when the story has more than webhooks (storefront
   * requests through the app proxy); `steps` then holds its webhook deliveries only.
   */
  timeline?: TimelineStep[];
  /** A back-in-stock story: who signs up for what, and the restock (see expectedBackInStock). */
  backInStock?: BackInStockStory;
}

/** Someone who signs up on the storefront for a sold-out variant. */
export interface Shopper {
  key: string;
  firstName: string;
  lastName: string;
  /** The storefront's locale when they signed up (what the theme block sends). */
  locale: string;
  email: string | null;
  /** E.164, or null. */
  phone: string | null;
}

export interface BackInStockStory {
  variant: {
    /** Shopify ids as Herald stores them (decimal strings). */
    id: string;
    productId: string;
    inventoryItemId: string;
    productTitle: string;
    title: string;
    price: string;
    handle: string;
  };
  /** Shoppers in the order Herald records their first sign-up (oldest first). */
  signups: Shopper[];
  /** Units that come back (inventory_levels/update `available`). */
  units: number;
}

/** The proactive delay notices Herald knows (app/notifications/types.ts DELAY_STEPS). */
export type DelayKind = "unfulfilled" | "carrier_delay" | "stalled" | "not_picked_up" | "eta_passed" | "on_hold" | "rescheduled";

/** One delay notice the story must produce, in the story's time. */
export interface DelayExpectation {
  order: string;
  /** Shopify ids as Herald stores them (decimal strings). */
  orderId: string;
  customer: CustomerKey;
  kind: DelayKind;
  /** The package it is about ("#2004.1"), or null for the order or a fulfillment order. */
  fulfillment: string | null;
  fulfillmentId: string | null;
  /** Numeric id of the fulfillment order a hold or reschedule is about. */
  fulfillmentOrderId: string | null;
  /**
   * Herald's subject for it (app/notifications/delay/subjects.ts): order:<id>, fulfillment:<id>,
   * fulfillment:<id>:eta:<estimated day>, fulfillment_order:<id>, fulfillment_order:<id>:until:<new day>.
   */
  subject: string;
  /**
   * When Herald can first tell (UTC ISO): the deadline of a timed condition, or the moment the news
   * reached Herald for a reported one (a late webhook makes it later than the event).
   */
  dueAt: string;
  /** When the delay became true (UTC ISO): the deadline, or when the carrier or merchant reported it. */
  detectedAt: string;
  /** dueAt on the shop's wall clock, for people ("Wed 2026-11-04 18:00 -05:00"). */
  dueLocal: string;
  /** A second notice of the same kind about the same package (a newer estimate missed again). */
  followUp: boolean;
  /**
   * "sent": the customer gets it after the settle window. "skipped": Herald records it, then drops it
   * when it comes to send it, because the condition cleared within the settle window.
   */
  outcome: "sent" | "skipped";
  /** Why a skipped notice is dropped (Herald's reason), null when sent. */
  skipReason: string | null;
  why: string;
}

export interface DelayStory {
  notices: DelayExpectation[];
  /** Orders that must get no delay notice, or no more than the ones listed (e.g. a capped third), and why. */
  silent: Array<{ order: string; why: string }>;
}

export interface ScenarioInput {
  shop: string;
  seed: number;
  now: Date;
  timezone: string;
  currency: string;
  fixturesDir: string;
}
