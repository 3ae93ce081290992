import { buildStockVariables, buildVariables } from "./variables";
import type {
  CarrierEventFact,
  DelayDetails,
  DelayStep,
  FulfillmentFacts,
  MessageStep,
  OrderFacts,
  ShopFacts,
  TemplateVariables,
  Trigger,
} from "./types";
import { DELAY_STEPS } from "./types";

// Sample data for the template editor's preview and for validation at save: a believable order for
// every trigger x step, built through buildVariables like a real message, so the preview shows what a
// customer would get (and a template that renders here renders for real orders of the same shape).

export interface SampleOptions {
  /** "Today" for the sample's dates (estimates, delay days). Default: the current time. */
  now?: Date;
  /** The merchant's own store, so the preview shows their name; a sample store otherwise. */
  shop?: ShopFacts;
}

const DAY = 86_400_000;

/** A first name per language, so a preview in Malayalam does not greet "Alex". */
const FIRST_NAMES: Record<string, [string, string]> = {
  en: ["Alex", "Morgan"],
  es: ["Lucía", "García"],
  hi: ["Priya", "Sharma"],
  ml: ["Anjali", "Nair"],
  sw: ["Amani", "Mwangi"],
  ar: ["Layla", "Haddad"],
};

/** The sample store used when the merchant's own is not given. */
export function sampleShop(): ShopFacts {
  return {
    domain: "maple-moss.myshopify.com",
    name: "Maple & Moss",
    email: "hello@maplemoss.com",
    timezone: "UTC",
    primaryLocale: "en",
    currency: "USD",
  };
}

/** A sample order in `locale` (the customer's name follows the language). */
export function sampleOrder(locale: string, shop: ShopFacts, now: Date): OrderFacts {
  const [first, last] = FIRST_NAMES[locale.split("-")[0].toLowerCase()] ?? FIRST_NAMES.en;
  return {
    id: "sample-order",
    name: "#1001",
    email: "customer@example.com",
    phone: "+15555550123",
    customerFirstName: first,
    customerLastName: last,
    customerLocale: locale,
    orderStatusUrl: `https://${shop.domain}/orders/sample/authenticate?key=sample`,
    shippingCountry: "US",
    shippingProvince: "NY",
    tags: [],
    shippingMethod: "Standard",
    // No image URLs: a made-up one would show as a broken image (real orders' previews have theirs).
    lineItems: [
      { id: "sample-1", title: "Linen shirt", variantTitle: "M / Indigo", quantity: 2, sku: "LS-M", imageUrl: null, price: "49.00" },
      { id: "sample-2", title: "Canvas tote", variantTitle: null, quantity: 1, sku: "CT-1", imageUrl: null, price: "25.00" },
    ],
    totalPrice: "123.00",
    currency: shop.currency,
    test: false,
    cancelledAt: null,
    placedAt: new Date(now.getTime() - 4 * DAY),
  };
}

/** A sample shipment whose carrier status matches the step. */
export function sampleFulfillment(status: string, now: Date): FulfillmentFacts {
  const shippedAt = new Date(now.getTime() - 2 * DAY);
  const events: CarrierEventFact[] =
    status === "success" ? [] : [{ id: "sample-event", status, happenedAt: new Date(now.getTime() - 3_600_000), estimatedDeliveryAt: null, message: null }];
  return {
    id: "sample-fulfillment",
    orderId: "sample-order",
    name: "#1001.1",
    status: "success",
    shipmentStatus: null,
    trackingCompany: "UPS",
    trackingNumber: "1Z999AA10123456784",
    trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    originCountry: "US",
    destinationCountry: "US",
    lineItemIds: ["sample-1", "sample-2"],
    estimatedDeliveryAt: status === "delivered" ? null : new Date(now.getTime() + 2 * DAY + 12 * 3_600_000),
    createdAt: shippedAt,
    updatedAt: shippedAt,
    events,
  };
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** What each delay notice is about, in a sample: the reason, the new estimate, the day it refers to. */
export function sampleDelayDetails(kind: DelayStep, now: Date): DelayDetails {
  const details: Record<DelayStep, { reason: string; since: number; newEstimate: number | null }> = {
    unfulfilled: { reason: "not_fulfilled", since: -4, newEstimate: null },
    carrier_delay: { reason: "delayed", since: -1, newEstimate: 3 },
    stalled: { reason: "no_carrier_scan", since: -4, newEstimate: 2 },
    not_picked_up: { reason: "label_printed", since: -5, newEstimate: null },
    eta_passed: { reason: "estimate_passed", since: -1, newEstimate: null },
    on_hold: { reason: "inventory_out_of_stock", since: -1, newEstimate: null },
    rescheduled: { reason: "rescheduled", since: 0, newEstimate: 5 },
  };
  const d = details[kind];
  return {
    kind,
    reason: d.reason,
    newEstimate: d.newEstimate === null ? null : day(new Date(now.getTime() + d.newEstimate * DAY)),
    since: day(new Date(now.getTime() + d.since * DAY)),
    followUp: false,
    lineItemIds: null,
    fulfillmentOrderId: kind === "on_hold" || kind === "rescheduled" ? "sample-fulfillment-order" : null,
  };
}

/** Delay notices about an order that has not shipped yet have no fulfillment. */
const BEFORE_SHIPPING: ReadonlySet<DelayStep> = new Set(["unfulfilled", "on_hold", "rescheduled"]);

/** The carrier status a sample shipment has at each step. */
function carrierStatus(trigger: Trigger, step: MessageStep): string {
  if (trigger === "delay") {
    if (step === "carrier_delay") return "delayed";
    if (step === "not_picked_up") return "label_printed";
    return "in_transit";
  }
  return step === "shipped" ? "success" : step;
}

function isDelayStep(step: MessageStep): step is DelayStep {
  return (DELAY_STEPS as readonly string[]).includes(step);
}

/**
 * The variables of a sample message of `trigger` x `step`, in `locale`: what the editor previews with and
 * what a template is validated against at save.
 * `complete: true` fills in a shipment even where the step has none (validation: every documented
 * variable is defined, so strict rendering reports only real mistakes).
 */
export function sampleVariables(trigger: Trigger, step: MessageStep, locale: string, options: SampleOptions & { complete?: boolean } = {}): TemplateVariables {
  const now = options.now ?? new Date();
  const shop = options.shop ?? sampleShop();
  if (trigger === "back_in_stock") return sampleStockVariables(step, shop);
  const order = sampleOrder(locale, shop, now);
  return variablesFor(trigger, step, { shop, order, now, complete: options.complete ?? false, fulfillment: undefined });
}

/**
 * The variables of a message of `trigger` x `step` about a real order (the editor's "preview with a
 * recent order"). A delay notice's details are the sample's: the order is real, the delay is imagined.
 */
export function orderVariables(
  trigger: Trigger,
  step: MessageStep,
  facts: { shop: ShopFacts; order: OrderFacts; fulfillment: FulfillmentFacts | null },
  now: Date,
): TemplateVariables {
  // Back-in-stock messages are about a variant, not an order: the sample variant stands in.
  if (trigger === "back_in_stock") return sampleStockVariables(step, facts.shop);
  return variablesFor(trigger, step, { ...facts, now, complete: false });
}

/** A sample back-in-stock message: the confirmation as a text under SMS double opt-in would say it. */
function sampleStockVariables(step: MessageStep, shop: ShopFacts): TemplateVariables {
  return buildStockVariables({
    shop,
    item: { id: "4242", productTitle: "Linen shirt", title: "M / Indigo", price: "49.00", imageUrl: null, productHandle: "linen-shirt" },
    email: "customer@example.com",
    phone: "+15555550123",
    confirmByReply: step === "confirmation",
  });
}

function variablesFor(
  trigger: Trigger,
  step: MessageStep,
  input: { shop: ShopFacts; order: OrderFacts; now: Date; complete: boolean; fulfillment?: FulfillmentFacts | null },
): TemplateVariables {
  const delay = trigger === "delay" && isDelayStep(step) ? sampleDelayDetails(step, input.now) : null;
  const shipped = !(delay && BEFORE_SHIPPING.has(delay.kind)) || input.complete;
  const fulfillment = input.fulfillment !== undefined ? input.fulfillment : shipped ? sampleFulfillment(carrierStatus(trigger, step), input.now) : null;
  return buildVariables({ shop: input.shop, order: input.order, fulfillment, delay });
}
