import { latestEstimateDay } from "./delay/carrier";
import { currentCarrierStatus } from "./shipping/current-status";
import { localDate, safeTimeZone } from "./time/zone";
import type { DelayDetails, FulfillmentFacts, OrderFacts, ShopFacts, TemplateVariables } from "./types";

/**
 * The variables templates see, built from stored facts. Unknown text is "" for first_name (templates
 * say `| default: "there"`) and null elsewhere. Links that are not http(s) are dropped: a template puts
 * them in href attributes.
 */
export function buildVariables({
  shop,
  order,
  fulfillment,
  delay = null,
  unsubscribeUrl = null,
}: {
  shop: ShopFacts;
  order: OrderFacts;
  fulfillment: FulfillmentFacts | null;
  /** A delay notice's details (`intent.delay`); omitted or null for shipping updates. */
  delay?: DelayDetails | null;
  /** The recipient's one-click unsubscribe link (emails only). */
  unsubscribeUrl?: string | null;
}): TemplateVariables {
  // A split order's message lists only the items in this package (or the delay notice's items).
  // Quantities are the ordered ones: Shopify's fulfillment line quantities are not among the stored facts.
  const ids = delay?.lineItemIds ?? (fulfillment && fulfillment.lineItemIds.length > 0 ? fulfillment.lineItemIds : null);
  const concerned = ids ? new Set(ids) : null;
  const lineItems = order.lineItems.filter((item) => !concerned || concerned.has(item.id));
  return {
    unsubscribe_url: safeUrl(unsubscribeUrl),
    shop: { name: shop.name, email: blankToNull(shop.email), domain: shop.domain, contact_url: contactUrl(shop.domain) },
    customer: {
      first_name: order.customerFirstName?.trim() ?? "",
      last_name: blankToNull(order.customerLastName),
      email: blankToNull(order.email),
      phone: blankToNull(order.phone),
    },
    order: {
      name: order.name,
      status_url: safeUrl(order.orderStatusUrl),
      total_price: order.totalPrice,
      currency: order.currency,
    },
    line_items: lineItems.map((item) => ({
      title: item.title,
      variant_title: blankToNull(item.variantTitle),
      quantity: item.quantity,
      image_url: safeUrl(item.imageUrl),
      sku: item.sku,
    })),
    fulfillment: fulfillment
      ? {
          name: fulfillment.name,
          carrier: blankToNull(fulfillment.trackingCompany),
          tracking_number: blankToNull(fulfillment.trackingNumber),
          tracking_url: safeUrl(fulfillment.trackingUrl),
          estimated_delivery_at: latestEstimateDay(fulfillment, safeTimeZone(shop.timezone)),
          // The carrier's status when known (in_transit, delivered...), else Shopify's fulfillment status.
          status: currentCarrierStatus(fulfillment) ?? fulfillment.status,
        }
      : null,
    delay: delay
      ? {
          kind: delay.kind,
          reason: delay.reason,
          new_estimate: delay.newEstimate,
          since: delay.since,
          follow_up: delay.followUp,
        }
      : null,
  };
}

/**
 * The shop's contact page. Shopify creates /pages/contact in every new store and the myshopify domain
 * redirects to the primary domain, so this works without knowing the storefront's own domain.
 */
export function contactUrl(domain: string): string {
  return `https://${domain.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")}/pages/contact`;
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The URL when it is an absolute http(s) URL, else null (no javascript:, data:, relative paths). */
export function safeUrl(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "https:" || url.protocol === "http:" ? trimmed : null;
  } catch {
    return null;
  }
}

/**
 * "YYYY-MM-DD" of an instant in the shop's time zone: carriers promise a day, not an instant, and a
 * 23:00 UTC estimate is already "tomorrow" in Kolkata. An unknown zone falls back to UTC.
 */
export function calendarDate(at: Date | null, timeZone: string): string | null {
  if (!at || Number.isNaN(at.getTime())) return null;
  return localDate(at, timeZone);
}
