import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Channel, DecisionInput, OrderFacts } from "../types";

// Rules shared by the shipping decider, its staleness check, and the delay notices.

/** Shopify's *fulfillment* status (not the carrier's): these fulfillments will never reach the customer. */
export const DEAD_FULFILLMENT_STATUSES: ReadonlySet<string> = new Set(["cancelled", "error", "failure"]);

/** Subject of the shipping messages about one fulfillment: each package of a split order is its own subject. */
export function fulfillmentSubject(fulfillmentId: string): string {
  return `fulfillment:${fulfillmentId}`;
}

/** Order- and shop-level reasons that stop every shipping message; null when none applies. */
export function shippingBlockedReason({ order, settings }: Pick<DecisionInput, "order" | "settings">): string | null {
  if (!settings.shipping.enabled) return "shipping_disabled";
  if (order.cancelledAt && !settings.shipping.sendForCancelledOrders) return "order_cancelled";
  if (order.test && !settings.shipping.sendForTestOrders) return "test_order";
  return null;
}

/**
 * A phone number as E.164 ("+919847012345"), read in the context of the customer's country when
 * it has no international prefix; null when it is not a valid number for that country.
 */
export function toE164(raw: string | null | undefined, country: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  const parsed = parsePhoneNumberFromString(raw.trim(), (country?.toUpperCase() as CountryCode | undefined) ?? undefined);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** Email lower-cased and trimmed; phones in E.164 (texts go nowhere else). */
export function recipientFor(order: OrderFacts, channel: Channel): string | null {
  if (channel === "email") {
    const email = order.email?.trim().toLowerCase();
    return email ? email : null;
  }
  return toE164(order.phone, order.shippingCountry);
}

/** The SKIPPED reason of an intent without a recipient: none given, or a phone that is not a number. */
export function missingRecipientReason(channel: Channel, order?: OrderFacts): string {
  if (channel === "email") return "no_email";
  return order?.phone?.trim() ? "invalid_phone" : "no_phone";
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
