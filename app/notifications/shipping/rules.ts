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

/** Email is lower-cased and trimmed; phones pass through untouched (E.164 normalization comes later). */
export function recipientFor(order: OrderFacts, channel: Channel): string | null {
  if (channel === "email") {
    const email = order.email?.trim().toLowerCase();
    return email ? email : null;
  }
  const phone = order.phone?.trim();
  return phone ? phone : null;
}

/** The SKIPPED reason of an intent without a recipient. */
export function missingRecipientReason(channel: Channel): string {
  return channel === "email" ? "no_email" : "no_phone";
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
