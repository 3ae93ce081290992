import { conditionSkipReason } from "../conditions";
import type { Channel, DecisionInput, FulfillmentFacts, HistoryRecord, Intent, OrderFacts, ShippingStep } from "../types";
import { currentCarrierStatus } from "./current-status";
import {
  DEAD_FULFILLMENT_STATUSES,
  compareIds,
  fulfillmentSubject,
  missingRecipientReason,
  recipientFor,
  shippingBlockedReason,
  unique,
} from "./rules";
import { STEP_RANK, isShippingStep, stepForStatus, stepRank } from "./steps";

export { fulfillmentSubject } from "./rules";
// The worker imports staleReason from here; it dispatches by trigger (shipping updates and delay notices).
export { staleReason } from "../stale";

/**
 * Which shipping messages are due now. Pure and deterministic: same input, same intents, same order
 * (fulfillments by createdAt then id, channels in settings order).
 */
export function decideShipping(input: DecisionInput): Intent[] {
  const { order, settings } = input;
  if (shippingBlockedReason(input) !== null) return [];
  const intents: Intent[] = [];
  const outsideConditions = conditionSkipReason(order, settings.shipping.conditions);
  const fulfillments = input.fulfillments
    .filter((f) => f.orderId === order.id)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compareIds(a.id, b.id));
  for (const fulfillment of fulfillments) {
    const step = dueStep(fulfillment, input);
    if (step === null) continue;
    for (const channel of unique(settings.shipping.channels)) {
      intents.push(intentFor(order, fulfillment, step, channel, outsideConditions));
    }
  }
  return intents;
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

/** `conditionReason`: the order is outside the merchant's conditions, so the message is recorded as skipped. */
function intentFor(order: OrderFacts, fulfillment: FulfillmentFacts, step: ShippingStep, channel: Channel, conditionReason: string | null): Intent {
  const recipient = recipientFor(order, channel);
  return {
    trigger: "shipping",
    subject: fulfillmentSubject(fulfillment.id),
    step,
    channel,
    orderId: order.id,
    fulfillmentId: fulfillment.id,
    recipient,
    skipReason: conditionReason ?? (recipient === null ? missingRecipientReason(channel, order) : null),
    detectedAt: null,
    delay: null,
  };
}
