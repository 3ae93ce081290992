import type { Channel, DecisionInput, FulfillmentFacts, HistoryRecord, Intent, OrderFacts, ShippingStep } from "../types";
import { currentCarrierStatus } from "./current-status";
import { STEP_RANK, isShippingStep, stepForStatus, stepRank } from "./steps";

// Shopify's *fulfillment* status (not the carrier's): these fulfillments will never reach the customer.
const DEAD_FULFILLMENT_STATUSES = new Set(["cancelled", "error", "failure"]);

/** Subject of the shipping messages about one fulfillment: each package of a split order is its own subject. */
export function fulfillmentSubject(fulfillmentId: string): string {
  return `fulfillment:${fulfillmentId}`;
}

/**
 * Which shipping messages are due now. Pure and deterministic: same input, same intents, same order
 * (fulfillments by createdAt then id, channels in settings order).
 */
export function decideShipping(input: DecisionInput): Intent[] {
  const { order, settings } = input;
  if (orderBlockedReason(input) !== null) return [];
  const intents: Intent[] = [];
  const fulfillments = input.fulfillments
    .filter((f) => f.orderId === order.id)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareIds(a.id, b.id));
  for (const fulfillment of fulfillments) {
    const step = dueStep(fulfillment, input);
    if (step === null) continue;
    for (const channel of unique(settings.shipping.channels)) {
      intents.push(intentFor(order, fulfillment, step, channel));
    }
  }
  return intents;
}

/**
 * Why an already-created shipping message must not go out any more, or null when it still should.
 * Called right before sending: quiet hours and provider retries can hold a message back for hours.
 */
export function staleReason(
  message: { trigger: "shipping"; step: ShippingStep; subject: string },
  input: DecisionInput,
): string | null {
  const blocked = orderBlockedReason(input);
  if (blocked) return blocked;
  if (!input.settings.shipping.steps[message.step]) return "step_disabled";
  const fulfillment = input.fulfillments.find((f) => fulfillmentSubject(f.id) === message.subject);
  // Missing facts means we cannot prove the message is still right; a SKIPPED row with this reason is
  // visible in the log, a wrong message is not recoverable.
  if (!fulfillment) return "fulfillment_missing";
  if (DEAD_FULFILLMENT_STATUSES.has(fulfillment.status)) return "fulfillment_cancelled";
  const current = stepForStatus(currentCarrierStatus(fulfillment));
  if (current === null || message.step === "delivered") return null;
  // "shipped" carries the tracking details, which stay useful while the package is merely in transit.
  const threshold = message.step === "shipped" ? STEP_RANK.out_for_delivery - 1 : STEP_RANK[message.step];
  return STEP_RANK[current] > threshold ? `superseded_by_${current}` : null;
}

/** Order- and shop-level reasons that stop every shipping message; null when none applies. */
function orderBlockedReason({ order, settings }: DecisionInput): string | null {
  if (!settings.shipping.enabled) return "shipping_disabled";
  if (order.cancelledAt && !settings.shipping.sendForCancelledOrders) return "order_cancelled";
  if (order.test && !settings.shipping.sendForTestOrders) return "test_order";
  return null;
}

/** The one step to announce for this fulfillment now, or null. */
function dueStep(fulfillment: FulfillmentFacts, input: DecisionInput): ShippingStep | null {
  if (DEAD_FULFILLMENT_STATUSES.has(fulfillment.status)) return null;
  const enabled = input.settings.shipping.steps;
  const past = pastMessages(input.history, fulfillmentSubject(fulfillment.id));

  let step = stepForStatus(currentCarrierStatus(fulfillment));
  if (step === null && fulfillment.status === "success") step = "shipped";
  if (step === null) return null;
  if (!enabled[step]) {
    // A merchant who turns "in transit" off still wants the customer to learn the tracking details once.
    // ("Nothing counted yet" is also implied by the rank rule below; it states the intent.)
    const fallback = STEP_RANK[step] < STEP_RANK.out_for_delivery && past.counted.length === 0 && enabled.shipped;
    if (!fallback) return null;
    step = "shipped";
  }
  if (past.steps.has(step)) return null;
  if (STEP_RANK[step] <= past.highestRank) return null;
  return step;
}

/**
 * What history says about one subject, across channels (a step announced by email is not announced again
 * when the merchant adds SMS later: that copy would be late and possibly stale).
 * - `steps`: every step with a row, FAILED included: the dedup key is unique in the database, so a FAILED
 *   row is retried by delivery, never re-created by decide.
 * - `counted`/`highestRank`: rows that reached or may reach the customer (not FAILED); a FAILED message
 *   never told the customer anything, so it does not hold later steps back.
 */
function pastMessages(history: HistoryRecord[], subject: string) {
  const mine = history.filter((h) => h.trigger === "shipping" && h.subject === subject);
  const counted = mine.filter((h) => h.status !== "FAILED" && isShippingStep(h.step));
  const highestRank = Math.max(0, ...counted.map((h) => stepRank(h.step) ?? 0));
  return { steps: new Set(mine.map((h) => h.step)), counted, highestRank };
}

function intentFor(order: OrderFacts, fulfillment: FulfillmentFacts, step: ShippingStep, channel: Channel): Intent {
  const recipient = recipientFor(order, channel);
  return {
    trigger: "shipping",
    subject: fulfillmentSubject(fulfillment.id),
    step,
    channel,
    orderId: order.id,
    fulfillmentId: fulfillment.id,
    recipient,
    skipReason: recipient === null ? (channel === "email" ? "no_email" : "no_phone") : null,
  };
}

/** Email is lower-cased and trimmed; phones pass through untouched (E.164 normalization comes later). */
function recipientFor(order: OrderFacts, channel: Channel): string | null {
  if (channel === "email") {
    const email = order.email?.trim().toLowerCase();
    return email ? email : null;
  }
  const phone = order.phone?.trim();
  return phone ? phone : null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
