import type { ShopSettings } from "./settings";

// Contracts of the pure notification core. Nothing in app/notifications performs I/O:
// the worker loads facts from the database, passes them in, and persists what comes out.

/** Delivery channels Herald knows. */
export type Channel = "email" | "sms" | "whatsapp";

/** What kind of message: one trigger family per product feature. */
export type Trigger = "shipping" | "delay" | "back_in_stock";

/** The trigger families, for validation of stored values. */
export const TRIGGERS = ["shipping", "delay", "back_in_stock"] as const satisfies readonly Trigger[];

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

/**
 * Proactive delay notices: what went wrong, one kind per trigger condition (issue 5).
 * - unfulfilled: not fulfilled N business hours after the order was placed
 * - carrier_delay: the carrier reported "delayed" (or "failure" when no shipping update covers it)
 * - stalled: no carrier scan for N business days while in transit
 * - not_picked_up: a label was created but the carrier has not collected the parcel after N business days
 * - eta_passed: the carrier's estimated delivery day passed without a delivery
 * - on_hold: the merchant (or Shopify) put the fulfillment order on hold
 * - rescheduled: the fulfillment order was rescheduled to a later date
 */
export const DELAY_STEPS = ["unfulfilled", "carrier_delay", "stalled", "not_picked_up", "eta_passed", "on_hold", "rescheduled"] as const;
export type DelayStep = (typeof DELAY_STEPS)[number];

/**
 * Back-in-stock messages to a customer who asked to hear when a sold-out variant is back:
 * - confirmation: right after the sign-up (for SMS under a double opt-in policy, it asks for a YES reply)
 * - alert: the variant is available again
 */
export const BACK_IN_STOCK_STEPS = ["confirmation", "alert"] as const;
export type BackInStockStep = (typeof BACK_IN_STOCK_STEPS)[number];

/** Any message step, whatever its trigger. */
export type MessageStep = ShippingStep | DelayStep | BackInStockStep;

/** The step type of one trigger: `StepOf<"delay">` is DelayStep. */
export type StepOf<T extends Trigger> = T extends "shipping"
  ? ShippingStep
  : T extends "delay"
    ? DelayStep
    : T extends "back_in_stock"
      ? BackInStockStep
      : never;

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
  /** Shopify's province code of the address shippingCountry comes from ("HI", "BC"); null when it has none. */
  shippingProvince: string | null;
  /** The order's tags as the merchant wrote them. */
  tags: string[];
  /** Titles of the shipping lines, joined with ", "; null when the order has none. */
  shippingMethod: string | null;
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
  /** ISO country codes of the shipment (Shopify's origin_address / destination); null when unknown. */
  originCountry: string | null;
  destinationCountry: string | null;
  lineItemIds: string[];
  estimatedDeliveryAt: Date | null;
  createdAt: Date;
  /** Shopify's updated_at of the latest fulfillment payload we kept. */
  updatedAt: Date;
  /** Carrier events recorded for this fulfillment, any order. */
  events: CarrierEventFact[];
}

/**
 * A fulfillment order as the fulfillment_orders/* webhooks left it (placed_on_hold, hold_released,
 * rescheduled): Herald only holds the fulfillment orders those webhooks told it about.
 */
export interface FulfillmentOrderFacts {
  id: string;
  /** open | scheduled | on_hold | in_progress | closed | cancelled | incomplete */
  status: string;
  /** Shopify's hold reason: awaiting_payment, high_risk_of_fraud, incorrect_address, inventory_out_of_stock, other, ... */
  holdReason: string | null;
  /** The merchant's note on the hold: internal, never shown to the customer. */
  holdNotes: string | null;
  /** Rescheduled: when fulfillment is now expected to start. */
  fulfillAt: Date | null;
  /** When the current hold started (null when not on hold). */
  heldAt: Date | null;
  /** X-Shopify-Triggered-At of the newest payload applied. */
  stateAt: Date;
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
  /** This order's fulfillment orders known from fulfillment_orders/* webhooks (holds, reschedules). */
  fulfillmentOrders: FulfillmentOrderFacts[];
  history: HistoryRecord[];
  /** Who can be reached on which channel; without it every channel counts as open (previews, risk). */
  reach?: ReachFacts;
}

/** What the worker knows, beyond the order, about reaching this customer by text. */
export interface ReachFacts {
  /** The locales of the approved WhatsApp templates the shop mapped, by "trigger:step". */
  whatsappLocales: ReadonlyMap<string, readonly string[]>;
  /**
   * Shopify's SMS marketingState given for the order's phone number; null when unknown (no customer
   * with that number). Consent given with another number does not count for this one.
   */
  smsMarketing: string | null;
  /**
   * The suppressions (STOP, unsubscribe, bounce, complaint) that hold for the order's email or phone:
   * a suppressed channel is not available, so "first_available" moves on to the next one.
   */
  suppressions: readonly SuppressionFact[];
}

/** A suppression of one of the order's addresses, as stored. */
export interface SuppressionFact {
  /** "email", or "sms" for SMS and WhatsApp alike (one opt-out covers the number). */
  channel: "email" | "sms";
  /** A lower-cased email or an E.164 number, as Intent.recipient spells them. */
  address: string;
  /** "all", or the one trigger it covers ("shipping", "delay"...). */
  scope: string;
  /** Why: "unsubscribe", "hard_bounce", "complaint", "sms_stop"... */
  reason: string;
}

/** What a delay notice is about, carried on its Intent so the worker can build the template variables. */
export interface DelayDetails {
  kind: DelayStep;
  /** Machine reason: carrier status ("delayed", "failure"), hold reason ("incorrect_address"...), or a code per kind. */
  reason: string;
  /** "YYYY-MM-DD" (shop's zone) the customer can now expect: a newer carrier estimate, or the rescheduled date. */
  newEstimate: string | null;
  /** "YYYY-MM-DD" (shop's zone) of the fact the notice is about: order date, last scan, missed estimate, hold... */
  since: string;
  /** A second notice of the same kind about the same package or fulfillment order (e.g. a new estimate missed again). */
  followUp: boolean;
  /** The items concerned; null means every item of the fulfillment (or of the order when there is none). */
  lineItemIds: string[] | null;
  /** The fulfillment order a hold or reschedule is about. */
  fulfillmentOrderId: string | null;
}

/** A message that is due. The worker turns each into one Message row (unique dedupKey). */
export interface Intent {
  trigger: Trigger;
  /** What the message is about, e.g. "fulfillment:123456" (delay notices: see delay/subjects.ts). */
  subject: string;
  step: MessageStep;
  channel: Channel;
  orderId: string;
  fulfillmentId: string | null;
  /** Lower-cased email or E.164 phone; null when the customer has none for this channel. */
  recipient: string | null;
  /** Set when the message must be recorded as SKIPPED instead of sent (e.g. "no_email"). */
  skipReason: string | null;
  /** When the condition behind the message became true (delay notices); null for shipping updates. */
  detectedAt: Date | null;
  /** Delay notices: what to tell (pass to buildVariables); null for shipping updates. */
  delay: DelayDetails | null;
}

/** A condition that puts an order at risk, for the merchant (assessRisk). */
export interface RiskItem {
  kind: DelayStep;
  orderId: string;
  /** Same subject a customer notice about it has (delay/subjects.ts). */
  subject: string;
  fulfillmentId: string | null;
  fulfillmentOrderId: string | null;
  /** When the condition became true (the deadline for timers, the report for carrier events and holds). */
  detectedAt: Date;
  /** The fact it is about: order placed, last carrier scan, label created, estimated day, hold, reschedule. */
  since: Date;
  /** Machine reason: "not_fulfilled", "no_carrier_scan", "estimate_passed", "rescheduled", a carrier status
   * ("delayed", "failure", "label_printed"...) or a hold reason ("incorrect_address", "high_risk_of_fraud"...). */
  reason: string;
  /** "YYYY-MM-DD" the customer can now expect (future carrier estimate, rescheduled date), if known. */
  newEstimate: string | null;
  /** When the customer was told about it (first delay notice row that reached or may reach them), if ever. */
  notifiedAt: Date | null;
}

/** The variables a template can use. Documented in README (Templates). */
export interface TemplateVariables {
  /** One-click unsubscribe page for this recipient and kind of message; null for texts, previews and test sends. */
  unsubscribe_url: string | null;
  /** `contact_url` is https://{domain}/pages/contact: the contact page Shopify themes create by default. */
  shop: { name: string; email: string | null; domain: string; contact_url: string };
  customer: { first_name: string; last_name: string | null; email: string | null; phone: string | null };
  /** Null for back-in-stock messages (no order yet). */
  order: { name: string; status_url: string | null; total_price: string | null; currency: string | null } | null;
  line_items: Array<{ title: string; variant_title: string | null; quantity: number; image_url: string | null; sku: string | null }>;
  fulfillment: {
    name: string | null;
    carrier: string | null;
    tracking_number: string | null;
    tracking_url: string | null;
    estimated_delivery_at: string | null;
    status: string;
  } | null;
  /** Delay notices only (null for shipping updates). Dates are "YYYY-MM-DD" for `| local_date`. */
  delay: {
    kind: DelayStep;
    reason: string | null;
    new_estimate: string | null;
    since: string | null;
    follow_up: boolean;
  } | null;
  /** Back-in-stock messages only: the variant the customer is waiting for. */
  product: {
    title: string;
    variant_title: string | null;
    image_url: string | null;
    /** As Shopify formats it ("19.99"), in the shop's currency. */
    price: string | null;
    currency: string;
    /** The product page with this variant selected. */
    url: string;
    /** The storefront cart permalink with one of this variant in it. */
    cart_url: string;
  } | null;
  /** Back-in-stock confirmations only: what the sign-up still needs. */
  signup: {
    /** SMS under a double opt-in policy: alerts go by text only after the customer replies YES. */
    confirm_by_reply: boolean;
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
