import { DEAD_FULFILLMENT_STATUSES, compareIds } from "../shipping/rules";
import type { ShopSettings } from "../settings";
import { addBusinessDays, addBusinessHours, type BusinessCalendar } from "../time/business";
import { recipientTimeZone } from "../quiet-hours";
import { MS_PER_HOUR, addDays, localDate, safeTimeZone, startOfLocalDay } from "../time/zone";
import type { DecisionInput, DelayStep, FulfillmentFacts, FulfillmentOrderFacts } from "../types";
import { firstLabelAt, isDelivered, latestCarrierState, latestEstimateDay } from "./carrier";
import { etaSubject, fulfillmentOrderSubject, orderSubject, packageSubject, rescheduledSubject } from "./subjects";

// The facts-only half of the delay rules: which late, stalled, held or past-estimate conditions this order
// is in, and since when. No history, no enablement switches: decide() adds those to choose notices,
// staleReason() re-checks a queued notice against these, and assessRisk() shows them to the merchant.

/** One condition of an order. `detectedAt` may lie in the future: a timer that has not fired yet. */
export interface DelayCondition {
  kind: DelayStep;
  /** The notice's subject (episode), see subjects.ts. */
  subject: string;
  /** The order, package or fulfillment order the condition is about ("fulfillment:123"). */
  entity: string;
  fulfillmentId: string | null;
  fulfillmentOrderId: string | null;
  /** When the condition became (or will become) true: a deadline for timers, the report for events. */
  detectedAt: Date;
  /** The fact the condition is about: order placed, last scan, label, missed estimate, hold, reschedule. */
  since: Date;
  /** `since` as a day in the recipient's zone, else the shop's (for eta_passed: the estimated day itself). */
  sinceDay: string;
  /** Machine reason: carrier status, hold reason, or a fixed code per kind. */
  reason: string;
  /** "YYYY-MM-DD" the customer can now expect (a future carrier estimate, the rescheduled date), if any. */
  newEstimate: string | null;
  /** Items concerned; null = the fulfillment's items, or the whole order's when there is no fulfillment. */
  lineItemIds: string[] | null;
}

// Latest carrier statuses in which the parcel should be moving: silence means it is stuck.
const MOVING = new Set(["carrier_picked_up", "in_transit", "out_for_delivery", "delayed"]);
// Label made, parcel not collected yet.
const AWAITING_PICKUP = new Set(["label_purchased", "label_printed", "confirmed"]);
// The parcel reached the customer's area and the ball is in their court (or a shipping update already
// explains it): a passed estimate is not news then.
const NO_ETA_NOTICE = new Set(["out_for_delivery", "attempted_delivery", "ready_for_pickup", "failure", "delivered"]);

/** The shop's business calendar from its settings and zone. */
export function businessCalendar(input: Pick<DecisionInput, "shop" | "settings">): BusinessCalendar {
  const { workingDays, holidays } = input.settings.delay;
  return { timeZone: safeTimeZone(input.shop.timezone), workingDays, holidays };
}

/** The zone the days a customer is told are counted in: theirs when the order's address says, else the shop's. */
export function customerZone(input: Pick<DecisionInput, "shop" | "order">): string {
  return recipientTimeZone({ country: input.order.shippingCountry, province: input.order.shippingProvince }, safeTimeZone(input.shop.timezone));
}

/**
 * Every delay condition of the order, time-based ones included before their deadline (detectedAt > now).
 * A cancelled order has none. Deterministic order: order, then packages by createdAt/id, then fulfillment
 * orders by id.
 */
export function delayConditions(input: DecisionInput): DelayCondition[] {
  const { order, now } = input;
  if (order.cancelledAt) return [];
  const calendar = businessCalendar(input);
  // Business days are the shop's; the days a customer is told (since, estimates, new dates) are theirs.
  const zone = customerZone(input);
  const settings = input.settings.delay;
  const live = input.fulfillments
    .filter((f) => f.orderId === order.id && !DEAD_FULFILLMENT_STATUSES.has(f.status))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareIds(a.id, b.id));
  const fulfillmentOrders = [...input.fulfillmentOrders].sort((a, b) => compareIds(a.id, b.id));
  const conditions: DelayCondition[] = [];

  const unfulfilled = unfulfilledCondition(input, live, fulfillmentOrders, calendar, settings.unfulfilled.businessHours);
  if (unfulfilled) conditions.push(unfulfilled);

  for (const f of live) {
    if (isDelivered(f)) continue; // never a delay notice after "delivered"
    const base = { entity: packageSubject(f.id), fulfillmentId: f.id, fulfillmentOrderId: null, lineItemIds: null };
    const state = latestCarrierState(f);
    const estimate = latestEstimateDay(f, zone);
    const today = localDate(now, zone);
    const futureEstimate = estimate && estimate >= today ? estimate : null;

    if (state && (state.status === "delayed" || state.status === "failure")) {
      const at = clampToNow(state.at, now);
      conditions.push({ ...base, kind: "carrier_delay", subject: packageSubject(f.id), detectedAt: at, since: at, sinceDay: localDate(at, zone), reason: state.status, newEstimate: futureEstimate });
    }
    if (state && state.fromEvent && MOVING.has(state.status)) {
      const days = isDomestic(f, order.shippingCountry) ? settings.stalled.businessDaysDomestic : settings.stalled.businessDaysInternational;
      conditions.push({ ...base, kind: "stalled", subject: packageSubject(f.id), detectedAt: addBusinessDays(state.at, days, calendar), since: state.at, sinceDay: localDate(state.at, zone), reason: "no_carrier_scan", newEstimate: futureEstimate });
    }
    if (state && AWAITING_PICKUP.has(state.status)) {
      const label = (state.fromEvent ? firstLabelAt(f) : null) ?? f.createdAt;
      conditions.push({ ...base, kind: "not_picked_up", subject: packageSubject(f.id), detectedAt: addBusinessDays(label, settings.not_picked_up.businessDays, calendar), since: label, sinceDay: localDate(label, zone), reason: state.status, newEstimate: futureEstimate });
    }
    if (estimate && !(state && NO_ETA_NOTICE.has(state.status))) {
      // Late once the estimated day is over where the customer is, plus a grace for late "delivered" scans.
      const dayStart = startOfLocalDay(estimate, zone);
      const deadline = new Date(startOfLocalDay(addDays(estimate, 1), zone).getTime() + settings.eta_passed.graceHours * MS_PER_HOUR);
      conditions.push({ ...base, kind: "eta_passed", subject: etaSubject(f.id, estimate), detectedAt: deadline, since: dayStart, sinceDay: estimate, reason: "estimate_passed", newEstimate: null });
    }
  }

  const pending = pendingItems(order.lineItems.map((i) => i.id), live);
  for (const fo of fulfillmentOrders) {
    const base = { entity: fulfillmentOrderSubject(fo.id), fulfillmentId: null, fulfillmentOrderId: fo.id, lineItemIds: pending };
    if (fo.status === "on_hold") {
      const at = clampToNow(fo.heldAt ?? fo.stateAt, now);
      conditions.push({ ...base, kind: "on_hold", subject: fulfillmentOrderSubject(fo.id), detectedAt: at, since: at, sinceDay: localDate(at, zone), reason: fo.holdReason?.trim() || "other", newEstimate: null });
    }
    if (fo.status === "scheduled" && fo.fulfillAt && fo.fulfillAt.getTime() > now.getTime()) {
      // Once the new date has come, "it will ship on <date>" is no news: the condition ends.
      const at = clampToNow(fo.stateAt, now);
      const day = localDate(fo.fulfillAt, zone);
      conditions.push({ ...base, kind: "rescheduled", subject: rescheduledSubject(fo.id, day), detectedAt: at, since: at, sinceDay: localDate(at, zone), reason: "rescheduled", newEstimate: day });
    }
  }
  return conditions;
}

/**
 * Not fulfilled N business hours after it could be: no live fulfillment at all (a partly shipped order is
 * not "unfulfilled": without requires_shipping among the facts, leftover digital items would look late
 * forever), and no fulfillment order on hold or scheduled for later (those conditions explain the wait
 * better). The clock starts when the order was placed, or when a rescheduled date came, if later.
 */
function unfulfilledCondition(
  input: DecisionInput,
  live: FulfillmentFacts[],
  fulfillmentOrders: FulfillmentOrderFacts[],
  calendar: BusinessCalendar,
  businessHours: ShopSettings["delay"]["unfulfilled"]["businessHours"],
): DelayCondition | null {
  const { order, now } = input;
  if (live.length > 0) return null;
  const waiting = fulfillmentOrders.some((fo) => fo.status === "on_hold" || (fo.status === "scheduled" && fo.fulfillAt && fo.fulfillAt.getTime() > now.getTime()));
  if (waiting) return null;
  const reachedDates = fulfillmentOrders.map((fo) => fo.fulfillAt?.getTime() ?? 0).filter((t) => t <= now.getTime());
  const start = new Date(Math.max(order.placedAt.getTime(), ...reachedDates));
  return {
    kind: "unfulfilled",
    subject: orderSubject(order.id),
    entity: orderSubject(order.id),
    fulfillmentId: null,
    fulfillmentOrderId: null,
    detectedAt: addBusinessHours(start, businessHours, calendar),
    since: order.placedAt,
    sinceDay: localDate(order.placedAt, customerZone(input)),
    reason: "not_fulfilled",
    newEstimate: null,
    lineItemIds: null,
  };
}

/**
 * Domestic when the parcel leaves from and goes to the same country. Unknown origin or destination counts
 * as international: the longer threshold errs towards a late notice rather than a false alarm.
 */
function isDomestic(fulfillment: FulfillmentFacts, orderCountry: string | null): boolean {
  const origin = fulfillment.originCountry?.trim().toUpperCase();
  const destination = (fulfillment.destinationCountry ?? orderCountry)?.trim().toUpperCase();
  return Boolean(origin && destination && origin === destination);
}

/** Items of the order no live fulfillment covers; null when that cannot be told (or nothing is left). */
function pendingItems(all: string[], live: FulfillmentFacts[]): string[] | null {
  if (live.some((f) => f.lineItemIds.length === 0)) return null;
  const shipped = new Set(live.flatMap((f) => f.lineItemIds));
  const left = all.filter((id) => !shipped.has(id));
  return left.length > 0 && left.length < all.length ? left : null;
}

/** A report is true from the moment it is known at the latest (a carrier clock running ahead must not defer it). */
function clampToNow(at: Date, now: Date): Date {
  return at.getTime() > now.getTime() ? now : at;
}
