import { defaultSettings, type ShopSettings } from "~/notifications/settings";
import type {
  CarrierEventFact,
  DecisionInput,
  FulfillmentFacts,
  FulfillmentOrderFacts,
  HistoryRecord,
  OrderFacts,
  ShippingStep,
  ShopFacts,
} from "~/notifications/types";

// Small builders: each test states only the facts it is about.

export const NOW = new Date("2025-06-10T12:00:00Z");

/** A time `minutes` after a fixed morning, for ordering carrier scans. */
export function at(minutes: number): Date {
  return new Date(Date.UTC(2025, 5, 10, 8, minutes));
}

export function shop(overrides: Partial<ShopFacts> = {}): ShopFacts {
  return {
    domain: "maple-moss.myshopify.com",
    name: "Maple & Moss",
    email: "hello@maplemoss.com",
    timezone: "Asia/Kolkata",
    primaryLocale: "en",
    currency: "INR",
    ...overrides,
  };
}

export function order(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: "5001",
    name: "#1001",
    email: "Anjali.Nair@Example.com ",
    phone: "+919876543210",
    customerFirstName: "Anjali",
    customerLastName: "Nair",
    customerLocale: "ml-IN",
    orderStatusUrl: "https://maple-moss.myshopify.com/6001/orders/abc123/authenticate?key=k1",
    shippingCountry: "IN",
    shippingProvince: "KL",
    tags: [],
    shippingMethod: "Standard",
    lineItems: [
      { id: "li-1", title: "Linen shirt", variantTitle: "M / Indigo", quantity: 2, sku: "LS-M", imageUrl: "https://cdn.shopify.com/s/shirt.jpg", price: "1499.00" },
      { id: "li-2", title: "Canvas tote", variantTitle: null, quantity: 1, sku: null, imageUrl: null, price: "599.00" },
    ],
    totalPrice: "3597.00",
    currency: "INR",
    test: false,
    cancelledAt: null,
    placedAt: new Date("2025-06-08T09:00:00Z"),
    ...overrides,
  };
}

export function event(status: string, happenedAt: Date, id = `ev-${status}-${happenedAt.getTime()}`): CarrierEventFact {
  return { id, status, happenedAt, estimatedDeliveryAt: null, message: null };
}

export function fulfillment(overrides: Partial<FulfillmentFacts> = {}): FulfillmentFacts {
  return {
    id: "7001",
    orderId: "5001",
    name: "#1001.1",
    status: "success",
    shipmentStatus: null,
    trackingCompany: "UPS",
    trackingNumber: "1Z999AA10123456784",
    trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    originCountry: "IN",
    destinationCountry: "IN",
    lineItemIds: ["li-1", "li-2"],
    estimatedDeliveryAt: null,
    createdAt: at(0),
    updatedAt: at(0),
    events: [],
    ...overrides,
  };
}

export function sent(step: ShippingStep | string, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return { trigger: "shipping", subject: "fulfillment:7001", step, channel: "email", status: "SENT", createdAt: at(1), ...overrides };
}

export function fulfillmentOrder(overrides: Partial<FulfillmentOrderFacts> = {}): FulfillmentOrderFacts {
  return { id: "9001", status: "open", holdReason: null, holdNotes: null, fulfillAt: null, heldAt: null, stateAt: at(0), ...overrides };
}

/** A delay notice already recorded for the order. */
export function told(step: string, subject: string, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return { trigger: "delay", subject, step, channel: "email", status: "SENT", createdAt: at(1), ...overrides };
}

type DelaySettings = ShopSettings["delay"];
/** A patch of delay settings: top-level keys, and per-kind sections merged key by key. */
export type DelayPatch = { [K in keyof DelaySettings]?: DelaySettings[K] extends unknown[] ? DelaySettings[K] : DelaySettings[K] extends object ? Partial<DelaySettings[K]> : DelaySettings[K] };

/** Default settings with some delay keys replaced (and optionally shipping ones). */
export function withDelay(patch: DelayPatch, base: ShopSettings = settings()): ShopSettings {
  const delay: Record<string, unknown> = { ...base.delay };
  for (const [key, value] of Object.entries(patch)) {
    const current = delay[key];
    delay[key] = current && typeof current === "object" && !Array.isArray(current) ? { ...current, ...(value as object) } : value;
  }
  return { ...base, delay: delay as DelaySettings };
}

/** Default settings with a few shipping keys replaced. */
export function settings(shipping: Partial<ShopSettings["shipping"]> = {}, steps: Partial<ShopSettings["shipping"]["steps"]> = {}): ShopSettings {
  const base = defaultSettings();
  return { ...base, shipping: { ...base.shipping, ...shipping, steps: { ...base.shipping.steps, ...steps } } };
}

export function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    now: NOW,
    shop: shop(),
    settings: settings(),
    order: order(),
    fulfillments: [fulfillment()],
    fulfillmentOrders: [],
    history: [],
    ...overrides,
  };
}
