import type { ShopSettings } from "./settings";

// Contracts of the pure notification core. Nothing in app/notifications performs I/O:
// the worker loads facts from the database, passes them in, and persists what comes out.

/** Delivery channels Herald knows. */
export type Channel = "email" | "sms" | "whatsapp";

/** What kind of message: one trigger family per product feature. */
export type Trigger = "shipping";

/** The customer-facing shipping updates, one message per step per fulfillment at most. */
export const SHIPPING_STEPS = [
  "shipped",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "ready_for_pickup",
  "delivered",
  "failure",
] as const;
export type ShippingStep = (typeof SHIPPING_STEPS)[number];

/** Lifecycle of a Message row. */
export type MessageStatus = "PENDING" | "SENDING" | "SENT" | "FAILED" | "SKIPPED";

export interface LineItemFact {
  id: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  sku: string | null;
  imageUrl: string | null;
  /** Unit price as Shopify formats it ("89.99"), in the order's currency. */
  price: string | null;
}

export interface ShopFacts {
  domain: string;
  name: string;
  email: string | null;
  /** IANA timezone, e.g. "Asia/Kolkata". */
  timezone: string;
  /** e.g. "en", "es", "pt-BR". */
  primaryLocale: string;
  currency: string;
}

export interface OrderFacts {
  id: string;
  /** "#1001" */
  name: string;
  email: string | null;
  phone: string | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  /** As Shopify sends it: "en", "ml-IN", "pt-BR"... */
  customerLocale: string | null;
  orderStatusUrl: string | null;
  shippingCountry: string | null;
  lineItems: LineItemFact[];
  totalPrice: string | null;
  currency: string | null;
  test: boolean;
  cancelledAt: Date | null;
  placedAt: Date;
}

/** A carrier scan reported by fulfillment_events/create. */
export interface CarrierEventFact {
  id: string;
  /** Shopify's event status: in_transit, out_for_delivery, delivered, failure, delayed, ... */
  status: string;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
  message: string | null;
}

export interface FulfillmentFacts {
  id: string;
  orderId: string;
  /** "#1001.1" */
  name: string | null;
  /** Shopify's fulfillment status: pending | open | success | cancelled | error | failure */
  status: string;
  /** Latest shipment_status on the fulfillment payload (same vocabulary as carrier events). */
  shipmentStatus: string | null;
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lineItemIds: string[];
  estimatedDeliveryAt: Date | null;
  createdAt: Date;
  /** Shopify's updated_at of the latest fulfillment payload we kept. */
  updatedAt: Date;
  /** Carrier events recorded for this fulfillment, any order. */
  events: CarrierEventFact[];
}

/** A message Herald already created for this order (any status but FAILED-before-send counts). */
export interface HistoryRecord {
  trigger: Trigger;
  subject: string;
  step: string;
  channel: Channel;
  status: MessageStatus;
  createdAt: Date;
}

/** Everything decide() may look at. */
export interface DecisionInput {
  now: Date;
  shop: ShopFacts;
  settings: ShopSettings;
  order: OrderFacts;
  fulfillments: FulfillmentFacts[];
  history: HistoryRecord[];
}

/** A message that is due. The worker turns each into one Message row (unique dedupKey). */
export interface Intent {
  trigger: Trigger;
  /** What the message is about, e.g. "fulfillment:123456". */
  subject: string;
  step: ShippingStep;
  channel: Channel;
  orderId: string;
  fulfillmentId: string | null;
  /** Lower-cased email or E.164 phone; null when the customer has none for this channel. */
  recipient: string | null;
  /** Set when the message must be recorded as SKIPPED instead of sent (e.g. "no_email"). */
  skipReason: string | null;
}

/** The variables a template can use. Documented in README (Templates). */
export interface TemplateVariables {
  shop: { name: string; email: string | null; domain: string };
  customer: { first_name: string; last_name: string | null; email: string | null; phone: string | null };
  order: { name: string; status_url: string | null; total_price: string | null; currency: string | null };
  line_items: Array<{ title: string; variant_title: string | null; quantity: number; image_url: string | null; sku: string | null }>;
  fulfillment: {
    name: string | null;
    carrier: string | null;
    tracking_number: string | null;
    tracking_url: string | null;
    estimated_delivery_at: string | null;
    status: string;
  } | null;
}

/** A rendered message, ready for a channel. */
export interface RenderedMessage {
  locale: string;
  /** Email only. */
  subject: string | null;
  /** Email only. */
  html: string | null;
  /** Email plain-text part, or the SMS/WhatsApp body. */
  text: string;
  /** SMS only: number of segments the body takes. */
  segments: number | null;
}

export type RenderResult = { ok: true; message: RenderedMessage } | { ok: false; error: string };
