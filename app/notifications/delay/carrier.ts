import { estimatedDeliveryAt } from "../shipping/current-status";
import { statusRank } from "../shipping/steps";
import { localDate } from "../time/zone";
import type { FulfillmentFacts } from "../types";

// What the carrier said, as the delay rules need it. Unlike the shipping updates' currentCarrierStatus,
// "delayed" counts here: it is exactly what a delay notice is about.

/** The carrier's latest word on a package: the status, when it happened, and whether a scan said it. */
export interface CarrierState {
  status: string;
  at: Date;
  /** False when only the fulfillment's shipment_status is known (its time is then the fulfillment's updated_at). */
  fromEvent: boolean;
}

// "delayed" sorts just above in_transit when two scans share a timestamp: the news wins the tie.
const DELAYED_RANK = 21;

function rankOf(status: string): number | null {
  return status === "delayed" ? DELAYED_RANK : statusRank(status);
}

/**
 * The latest carrier status by happenedAt (not by arrival: webhooks come late and out of order); ties go
 * to the higher rank, then the larger event id. Without usable scans, the fulfillment's shipment_status.
 */
export function latestCarrierState(fulfillment: FulfillmentFacts): CarrierState | null {
  let best: { status: string; at: number; rank: number; id: string } | null = null;
  for (const event of fulfillment.events) {
    const rank = rankOf(event.status);
    if (rank === null) continue;
    const at = event.happenedAt.getTime();
    if (best === null || at > best.at || (at === best.at && (rank > best.rank || (rank === best.rank && event.id > best.id)))) {
      best = { status: event.status, at, rank, id: event.id };
    }
  }
  if (best) return { status: best.status, at: new Date(best.at), fromEvent: true };
  const status = fulfillment.shipmentStatus;
  if (status && rankOf(status) !== null) return { status, at: fulfillment.updatedAt, fromEvent: false };
  return null;
}

/** Delivered, ever: a later "failure" or "in_transit" scan does not undo a delivery for delay notices. */
export function isDelivered(fulfillment: FulfillmentFacts): boolean {
  return fulfillment.shipmentStatus === "delivered" || fulfillment.events.some((e) => e.status === "delivered");
}

/** When the carrier first reported a pre-transit status (label bought or printed, confirmed), if ever. */
export function firstLabelAt(fulfillment: FulfillmentFacts): Date | null {
  const times = fulfillment.events
    .filter((e) => e.status === "label_purchased" || e.status === "label_printed" || e.status === "confirmed")
    .map((e) => e.happenedAt.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * A carrier estimate as the webhook wrote it ("2026-06-13T20:00:00-04:00", "2026-06-13") reduced to the
 * calendar day the carrier promised, in the offset it sent: stored as that day at 00:00 UTC. Carriers
 * promise days; the instant in UTC ("2026-06-14T00:00Z") or in another zone would name another one.
 * Null when the value has no date.
 */
export function carrierDay(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const day = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value)?.[1];
  const at = day ? new Date(`${day}T00:00:00Z`) : null;
  return at && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day!) ? at : null;
}

/**
 * The calendar day a carrier estimate promises. Estimates are stored as the carrier's own day at
 * 00:00:00 UTC (carrierDay), which is that day whatever the zone. A time of day stands for a value
 * stored before that rule: it is read in `timeZone` (the recipient's when known, else the shop's).
 */
export function estimateDay(estimate: Date, timeZone: string): string {
  if (estimate.getTime() % 86_400_000 === 0) return estimate.toISOString().slice(0, 10);
  return localDate(estimate, timeZone);
}

/** The latest estimate's day (see estimateDay), or null when the carrier gave none. */
export function latestEstimateDay(fulfillment: FulfillmentFacts, timeZone: string): string | null {
  const estimate = estimatedDeliveryAt(fulfillment);
  return estimate && !Number.isNaN(estimate.getTime()) ? estimateDay(estimate, timeZone) : null;
}
