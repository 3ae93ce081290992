import type { DecisionInput, RiskItem } from "../types";
import { delayConditions } from "./conditions";
import { DELAY_PRIORITY } from "./subjects";

/**
 * Every late, stalled, held or past-estimate condition of this order now, for the merchant ("At-risk
 * orders" screen, daily digest). Thresholds come from the shop's settings; the customer-notice switches
 * do not apply (a fraud hold or a carrier failure announced by a shipping update is still a risk).
 * Oldest first. A cancelled order has none.
 */
export function assessRisk(input: DecisionInput): RiskItem[] {
  const now = input.now.getTime();
  return delayConditions(input)
    .filter((c) => c.detectedAt.getTime() <= now)
    .sort((a, b) => a.detectedAt.getTime() - b.detectedAt.getTime() || DELAY_PRIORITY.indexOf(a.kind) - DELAY_PRIORITY.indexOf(b.kind))
    .map((c) => {
      const notified = input.history
        .filter((h) => h.trigger === "delay" && h.subject === c.subject && h.step === c.kind && h.status !== "FAILED" && h.status !== "SKIPPED")
        .map((h) => h.createdAt.getTime());
      return {
        kind: c.kind,
        orderId: input.order.id,
        subject: c.subject,
        fulfillmentId: c.fulfillmentId,
        fulfillmentOrderId: c.fulfillmentOrderId,
        detectedAt: c.detectedAt,
        since: c.since,
        reason: c.reason,
        newEstimate: c.newEstimate,
        notifiedAt: notified.length ? new Date(Math.min(...notified)) : null,
      };
    });
}
