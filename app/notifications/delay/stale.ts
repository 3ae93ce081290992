import { DEAD_FULFILLMENT_STATUSES } from "../shipping/rules";
import type { DecisionInput } from "../types";
import { isDelivered } from "./carrier";
import { delayConditions } from "./conditions";
import { delayBlockedReason, noticeBlockedReason } from "./decide";
import { entityOf, isDelayStep } from "./subjects";

/**
 * Why a queued delay notice must not go out any more, or null when it still should. Checked right before
 * sending, against the facts as they are then:
 * - "delay_disabled", "order_cancelled", "test_order": order and shop level;
 * - "delivered": the package was delivered meanwhile (a late scan counts: happenedAt, not arrival);
 * - "fulfillment_cancelled", "fulfillment_missing", "fulfillment_order_missing": the subject is gone;
 * - "step_disabled", "hold_reason_skipped", "covered_by_shipping_update": settings changed;
 * - "condition_cleared": the condition is over (fulfilled before an "unfulfilled" notice went out, hold
 *   released, the carrier scanned again, a newer estimate has not passed yet, the new date came...).
 * Cap, spacing and lateness are decided when the notice is created, not re-checked here.
 */
export function delayStaleReason(message: { step: string; subject: string }, input: DecisionInput): string | null {
  if (!isDelayStep(message.step)) return "unknown_step";
  const blocked = delayBlockedReason(input);
  if (blocked) return blocked;

  const [type, id] = entityOf(message.subject).split(":");
  if (type === "fulfillment") {
    const fulfillment = input.fulfillments.find((f) => f.id === id);
    if (!fulfillment) return "fulfillment_missing";
    if (DEAD_FULFILLMENT_STATUSES.has(fulfillment.status)) return "fulfillment_cancelled";
    if (isDelivered(fulfillment)) return "delivered";
  } else if (type === "fulfillment_order") {
    if (!input.fulfillmentOrders.some((fo) => fo.id === id)) return "fulfillment_order_missing";
  }

  const condition = delayConditions(input).find(
    (c) => c.kind === message.step && c.subject === message.subject && c.detectedAt.getTime() <= input.now.getTime(),
  );
  if (!condition) return "condition_cleared";
  return noticeBlockedReason(condition, input);
}
