import { latestEstimateDay } from "./delay/carrier";
import { currentCarrierStatus } from "./shipping/current-status";
import { recipientTimeZone } from "./quiet-hours";
import { safeTimeZone } from "./time/zone";
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
          // The carrier's day; a value stored with a time of day is read where the customer is.
          estimated_delivery_at: latestEstimateDay(
            fulfillment,
            recipientTimeZone({ country: order.shippingCountry, province: order.shippingProvince }, safeTimeZone(shop.timezone)),
          ),
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
    product: null,
    signup: null,
  };
}

/** A variant as back-in-stock messages describe it (Variant facts). */
export interface StockItemFacts {
  id: string;
  productTitle: string;
  title: string;
  price: string | null;
  imageUrl: string | null;
  productHandle: string | null;
}

/**
 * The variables of a back-in-stock message: the shop, the subscriber (no name is known), the variant
 * with a link to it and a one-click cart link. `confirmByReply` is set for an SMS confirmation that
 * waits for a YES.
 */
export function buildStockVariables({
  shop,
  item,
  email,
  phone,
  confirmByReply = false,
  unsubscribeUrl = null,
}: {
  shop: ShopFacts;
  item: StockItemFacts;
  email: string | null;
  phone: string | null;
  confirmByReply?: boolean;
  unsubscribeUrl?: string | null;
}): TemplateVariables {
  const base = storefrontBase(shop.domain);
  // Shopify's "Default Title" is the name of a product without options: nothing to show.
  const variantTitle = item.title.trim() && item.title !== "Default Title" ? item.title.trim() : null;
  return {
    unsubscribe_url: safeUrl(unsubscribeUrl),
    shop: { name: shop.name, email: blankToNull(shop.email), domain: shop.domain, contact_url: contactUrl(shop.domain) },
    customer: { first_name: "", last_name: null, email: blankToNull(email), phone: blankToNull(phone) },
    order: null,
    line_items: [],
    fulfillment: null,
    delay: null,
    product: {
      title: item.productTitle,
      variant_title: variantTitle,
      image_url: safeUrl(item.imageUrl),
      price: item.price,
      currency: shop.currency,
      url: item.productHandle ? `${base}/products/${encodeURIComponent(item.productHandle)}?variant=${encodeURIComponent(item.id)}` : `${base}/cart/${encodeURIComponent(item.id)}:1`,
      cart_url: `${base}/cart/${encodeURIComponent(item.id)}:1`,
    },
    signup: { confirm_by_reply: confirmByReply },
  };
}

/** https://{domain} without a trailing slash (the myshopify domain redirects to the primary one). */
function storefrontBase(domain: string): string {
  return `https://${domain.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")}`;
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

