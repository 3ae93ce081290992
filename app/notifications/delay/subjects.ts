import { DELAY_STEPS, type DelayStep } from "../types";

// Episodes and dedup keys of delay notices.
//
// The Message dedup key is shop|trigger|subject|step|recipient|channel, so the subject decides how often a
// kind of notice can go out: once per subject. Subjects start with the thing the notice is about (its
// "entity": an order, a fulfillment = one package, or a fulfillment order), and add an episode when a
// kind may legitimately be told twice:
//
//   unfulfilled     order:<orderId>                                  once per order
//   carrier_delay   fulfillment:<fulfillmentId>                      once per package
//   stalled         fulfillment:<fulfillmentId>                      once per package
//   not_picked_up   fulfillment:<fulfillmentId>                      once per package
//   eta_passed      fulfillment:<fulfillmentId>:eta:<YYYY-MM-DD>     once per estimated day; a newer estimate
//                                                                    that is missed again is a follow-up
//   on_hold         fulfillment_order:<fulfillmentOrderId>           once per fulfillment order
//   rescheduled     fulfillment_order:<id>:until:<YYYY-MM-DD>        once per new date; a second date is a follow-up
//
// Follow-ups are limited to one per entity and kind (MAX_EPISODES_PER_ENTITY), and every delay notice of
// an order counts against the shop's cap (settings.delay.maxNoticesPerOrder, default 2). The trigger
// ("delay") is part of the key, so "fulfillment:123" never collides with the shipping updates' subject.

/** Notices of one kind about one package or fulfillment order: the first one plus one follow-up. */
export const MAX_EPISODES_PER_ENTITY = 2;

export function orderSubject(orderId: string): string {
  return `order:${orderId}`;
}

export function packageSubject(fulfillmentId: string): string {
  return `fulfillment:${fulfillmentId}`;
}

export function fulfillmentOrderSubject(fulfillmentOrderId: string): string {
  return `fulfillment_order:${fulfillmentOrderId}`;
}

/** The eta_passed episode for one estimated delivery day. */
export function etaSubject(fulfillmentId: string, estimatedDay: string): string {
  return `${packageSubject(fulfillmentId)}:eta:${estimatedDay}`;
}

/** The rescheduled episode for one new fulfillment date. */
export function rescheduledSubject(fulfillmentOrderId: string, day: string): string {
  return `${fulfillmentOrderSubject(fulfillmentOrderId)}:until:${day}`;
}

/** The entity a subject is about: its first two segments ("fulfillment:123:eta:2026-11-25" -> "fulfillment:123"). */
export function entityOf(subject: string): string {
  return subject.split(":").slice(0, 2).join(":");
}

/**
 * The order in which due notices go out when several are due at once (only the first goes when the shop
 * spaces notices apart): the most specific explanation first, the generic "not shipped yet" last.
 */
export const DELAY_PRIORITY: readonly DelayStep[] = [
  "on_hold",
  "rescheduled",
  "carrier_delay",
  "eta_passed",
  "not_picked_up",
  "stalled",
  "unfulfilled",
];

/** Type guard for step names read back from storage. */
export function isDelayStep(step: string): step is DelayStep {
  return (DELAY_STEPS as readonly string[]).includes(step);
}
