import type { ShippingStep } from "../types";

// Shopify reports one vocabulary for carrier events (fulfillment_events/create) and for a fulfillment's
// shipment_status. Herald maps it onto its own customer-facing steps and orders everything by a rank.
//
// Ranks (gaps of 10 leave room for steps added later without renumbering stored data):
//   pre-transit statuses   1..4   label_purchased < label_printed < confirmed < carrier_picked_up
//   shipped               10      synthetic: the fulfillment succeeded, no carrier scan yet
//   in_transit            20
//   out_for_delivery      30
//   attempted_delivery    40
//   ready_for_pickup      45      above a missed delivery: the carrier's usual next step is to take
//                                 the parcel to a pickup point, and that is what the customer must know
//   failure               50      a failed delivery can still end up delivered
//   delivered             60      final
// "delayed" is deliberately absent: it is not a step, a later "delay notice" feature handles it.

/** Rank of each customer-facing shipping step: a message is never sent for a step ranked <= one already sent. */
export const STEP_RANK: Readonly<Record<ShippingStep, number>> = {
  shipped: 10,
  in_transit: 20,
  out_for_delivery: 30,
  attempted_delivery: 40,
  ready_for_pickup: 45,
  failure: 50,
  delivered: 60,
};

/** Carrier statuses before the package moves: no customer message of their own. */
export const PRE_TRANSIT_STATUSES = ["label_purchased", "label_printed", "confirmed", "carrier_picked_up"] as const;

const PRE_TRANSIT_RANK: Readonly<Record<(typeof PRE_TRANSIT_STATUSES)[number], number>> = {
  label_purchased: 1,
  label_printed: 2,
  confirmed: 3,
  carrier_picked_up: 4,
};

const STATUS_TO_STEP: Readonly<Record<string, ShippingStep>> = {
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  ready_for_pickup: "ready_for_pickup",
  delivered: "delivered",
  failure: "failure",
};

/** The step a Shopify carrier status announces; null for pre-transit, "delayed" and unknown statuses. */
export function stepForStatus(status: string | null | undefined): ShippingStep | null {
  if (!status) return null;
  return Object.hasOwn(STATUS_TO_STEP, status) ? STATUS_TO_STEP[status] : null;
}

/** Rank of a Shopify carrier status; null when Herald ignores the status ("delayed", unknown). */
export function statusRank(status: string | null | undefined): number | null {
  if (!status) return null;
  if (Object.hasOwn(PRE_TRANSIT_RANK, status)) return PRE_TRANSIT_RANK[status as keyof typeof PRE_TRANSIT_RANK];
  const step = stepForStatus(status);
  return step ? STEP_RANK[step] : null;
}

/** Rank of a step name as stored in history (a plain string there); null when it is not a shipping step. */
export function stepRank(step: string): number | null {
  return Object.hasOwn(STEP_RANK, step) ? STEP_RANK[step as ShippingStep] : null;
}

/** Type guard for step names read back from storage. */
export function isShippingStep(step: string): step is ShippingStep {
  return Object.hasOwn(STEP_RANK, step);
}
