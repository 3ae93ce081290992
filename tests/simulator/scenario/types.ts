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

export interface PlatformRecord {
  kind: "fulfillmentOrder";
  id: string;
  orderId: string;
  status: string;
}

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
}

export interface ScenarioInput {
  shop: string;
  seed: number;
  now: Date;
  timezone: string;
  currency: string;
  fixturesDir: string;
}
