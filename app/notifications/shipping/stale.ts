import type { DecisionInput, ShippingStep } from "../types";
import { currentCarrierStatus } from "./current-status";
import { DEAD_FULFILLMENT_STATUSES, fulfillmentSubject, shippingBlockedReason } from "./rules";
import { STEP_RANK, isShippingStep, stepForStatus } from "./steps";

/**
 * Why an already-created shipping message must not go out any more, or null when it still should.
 * Called right before sending: quiet hours and provider retries can hold a message back for hours.
 */
export function shippingStaleReason(message: { step: ShippingStep | string; subject: string }, input: DecisionInput): string | null {
  const blocked = shippingBlockedReason(input);
  if (blocked) return blocked;
  if (!isShippingStep(message.step)) return "unknown_step";
  const step = message.step;
  if (!input.settings.shipping.steps[step]) return "step_disabled";
  const fulfillment = input.fulfillments.find((f) => fulfillmentSubject(f.id) === message.subject);
  // Missing facts means we cannot prove the message is still right; a SKIPPED row with this reason is
  // visible in the log, a wrong message is not recoverable.
  if (!fulfillment) return "fulfillment_missing";
  if (DEAD_FULFILLMENT_STATUSES.has(fulfillment.status)) return "fulfillment_cancelled";
  const current = stepForStatus(currentCarrierStatus(fulfillment));
  if (current === null || step === "delivered") return null;
  // "shipped" carries the tracking details, which stay useful while the package is merely in transit.
  const threshold = step === "shipped" ? STEP_RANK.out_for_delivery - 1 : STEP_RANK[step];
  return STEP_RANK[current] > threshold ? `superseded_by_${current}` : null;
}
