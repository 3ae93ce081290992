import type { FulfillmentFacts } from "../types";
import { statusRank } from "./steps";

/**
 * The fulfillment's current carrier status: the event with the latest happenedAt wins, whatever order the
 * webhooks arrived in (Shopify retries for hours, so a late delivery of an old scan must not win).
 * Ties on happenedAt go to the higher rank, then to the larger event id so the answer never depends on
 * the order of the array. Events Herald ignores ("delayed", unknown) are skipped. Without usable events,
 * the fulfillment's own shipment_status is used. Null when nothing is known.
 */
export function currentCarrierStatus(fulfillment: FulfillmentFacts): string | null {
  let best: { status: string; at: number; rank: number; id: string } | null = null;
  for (const event of fulfillment.events) {
    const rank = statusRank(event.status);
    if (rank === null) continue;
    const candidate = { status: event.status, at: event.happenedAt.getTime(), rank, id: event.id };
    if (best === null || isLater(candidate, best)) best = candidate;
  }
  if (best) return best.status;
  return statusRank(fulfillment.shipmentStatus) === null ? null : fulfillment.shipmentStatus;
}

function isLater(a: { at: number; rank: number; id: string }, b: { at: number; rank: number; id: string }): boolean {
  if (a.at !== b.at) return a.at > b.at;
  if (a.rank !== b.rank) return a.rank > b.rank;
  return a.id > b.id;
}

/** The latest carrier estimate of the delivery date, falling back to the fulfillment's own. */
export function estimatedDeliveryAt(fulfillment: FulfillmentFacts): Date | null {
  let best: { at: number; estimate: Date } | null = null;
  for (const event of fulfillment.events) {
    if (!event.estimatedDeliveryAt) continue;
    const at = event.happenedAt.getTime();
    if (best === null || at > best.at) best = { at, estimate: event.estimatedDeliveryAt };
  }
  return best?.estimate ?? fulfillment.estimatedDeliveryAt;
}
