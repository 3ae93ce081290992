import { conditionSkipReason } from "../conditions";
import { missingRecipientReason, recipientFor, shippingBlockedReason, unique } from "../shipping/rules";
import { MS_PER_DAY, MS_PER_HOUR } from "../time/zone";
import type { DecisionInput, HistoryRecord, Intent } from "../types";
import { delayConditions, type DelayCondition } from "./conditions";
import { DELAY_PRIORITY, MAX_EPISODES_PER_ENTITY, entityOf, packageSubject } from "./subjects";

// Which delay notices are due, and when the next one could be.
//
// Rules, in the order they apply (conditions.ts says when each kind is true):
// 1. Nothing for a cancelled order, a test order (unless opted in) or when delay notices are off.
// 2. A kind the merchant switched off, a hold reason on the skip list (fraud review by default), and a
//    carrier "failure" that the shipping "failure" update announces are not notices. The shipping update
//    wins the failure: it says the same and is the one the customer expects; carrier_delay announces a
//    failure only when that update is off (or blocked).
// 3. One notice per subject (episode), whatever its status; eta_passed and rescheduled allow one follow-up
//    per package / fulfillment order (a new estimate missed again, a second new date).
// 4. No "unfulfilled" notice once the customer was told about a hold or a new date: it would repeat it.
// 5. A notice whose condition became true more than maxLateDays ago is not sent (old orders when the
//    merchant switches notices on, a worker that was down): it is not proactive any more.
// 6. An order outside the merchant's conditions (tags, minimum value, shipping method, country) has its
//    notices recorded as SKIPPED with the condition as the reason, once each, so the log says why.
// 7. At most maxNoticesPerOrder notices per order, at least minHoursBetweenNotices apart (counting rows
//    that reached or may reach the customer: not FAILED, not SKIPPED). When several are due, the most
//    specific goes first (DELAY_PRIORITY) and the next one waits for the spacing — nextWakeup says when.

/** A condition chosen for a notice, with its follow-up flag. */
interface Choice {
  condition: DelayCondition;
  followUp: boolean;
}

interface Plan {
  due: Choice[];
  /** The earliest instant at which another notice could become due, given the same facts. */
  next: Date | null;
}

/** Delay notices due now. Pure and deterministic; see the rules above. */
export function decideDelay(input: DecisionInput): Intent[] {
  const { order, settings } = input;
  const outsideConditions = conditionSkipReason(order, settings.delay.conditions);
  return planDelay(input).due.flatMap(({ condition, followUp }) =>
    unique(settings.delay.channels).map((channel): Intent => {
      const recipient = recipientFor(order, channel);
      return {
        trigger: "delay",
        subject: condition.subject,
        step: condition.kind,
        channel,
        orderId: order.id,
        fulfillmentId: condition.fulfillmentId,
        recipient,
        skipReason: outsideConditions ?? (recipient === null ? missingRecipientReason(channel, order) : null),
        detectedAt: condition.detectedAt,
        delay: {
          kind: condition.kind,
          reason: condition.reason,
          newEstimate: condition.newEstimate,
          since: condition.sinceDay,
          followUp,
          lineItemIds: condition.lineItemIds,
          fulfillmentOrderId: condition.fulfillmentOrderId,
        },
      };
    }),
  );
}

/**
 * The earliest future instant at which running decide() on the same facts could produce a new delay
 * notice (a deadline such as placedAt + 72 business hours, or the end of the spacing between two
 * notices), or null when no timer is needed. It assumes the notices decide() returns for this same input
 * are recorded, so call it with the input decide() got (or after recording them; the answer is the same).
 * New facts (a webhook) can make anything due earlier: evaluate again on every change, and schedule a
 * re-evaluation at the returned instant. Waking up early or twice is harmless.
 */
export function nextWakeup(input: DecisionInput): Date | null {
  return planDelay(input).next;
}

/** Order- and shop-level reasons that stop every delay notice; null when none applies. */
export function delayBlockedReason({ order, settings }: Pick<DecisionInput, "order" | "settings">): string | null {
  if (!settings.delay.enabled) return "delay_disabled";
  if (order.cancelledAt) return "order_cancelled";
  if (order.test && !settings.delay.sendForTestOrders) return "test_order";
  return null;
}

/** Why this condition is not something to tell the customer (settings, shipping overlap); null when it is. */
export function noticeBlockedReason(condition: DelayCondition, input: DecisionInput): string | null {
  const settings = input.settings.delay;
  if (!settings[condition.kind].enabled) return "step_disabled";
  if (condition.kind === "on_hold" && settings.on_hold.skipReasons.includes(condition.reason)) return "hold_reason_skipped";
  if (condition.kind === "carrier_delay" && condition.reason === "failure" && shippingAnnouncesFailure(condition, input)) {
    return "covered_by_shipping_update";
  }
  return null;
}

/** The shipping "failure" update is (or was) the customer's news about this failure. */
function shippingAnnouncesFailure(condition: DelayCondition, input: DecisionInput): boolean {
  const subject = packageSubject(condition.fulfillmentId ?? "");
  const told = input.history.some((h) => h.trigger === "shipping" && h.subject === subject && h.step === "failure");
  return told || (shippingBlockedReason(input) === null && input.settings.shipping.steps.failure);
}

/** A row that reached or may reach the customer. FAILED and SKIPPED ones told them nothing. */
function counts(h: HistoryRecord): boolean {
  return h.status !== "FAILED" && h.status !== "SKIPPED";
}

function planDelay(input: DecisionInput): Plan {
  if (delayBlockedReason(input) !== null) return { due: [], next: null };
  const { now, settings } = input;
  const rules = settings.delay;
  const past = input.history.filter((h) => h.trigger === "delay");
  const existing = new Set(past.map((h) => `${h.subject}|${h.step}`));
  const told = past.filter(counts);
  // Notices, not rows: the same notice by email and SMS is one notice.
  const toldNotices = new Set(told.map((h) => `${h.subject}|${h.step}`));
  const episodes = (entity: string, kind: string) => new Set(told.filter((h) => h.step === kind && entityOf(h.subject) === entity).map((h) => h.subject)).size;
  const toldAboutFulfillmentOrder = told.some((h) => h.step === "on_hold" || h.step === "rescheduled");

  const candidates = delayConditions(input)
    .filter((c) => noticeBlockedReason(c, input) === null)
    .filter((c) => !existing.has(`${c.subject}|${c.kind}`))
    .filter((c) => episodes(c.entity, c.kind) < MAX_EPISODES_PER_ENTITY)
    .filter((c) => !(c.kind === "unfulfilled" && toldAboutFulfillmentOrder))
    .sort((a, b) => DELAY_PRIORITY.indexOf(a.kind) - DELAY_PRIORITY.indexOf(b.kind) || a.detectedAt.getTime() - b.detectedAt.getTime() || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));

  const maxLate = rules.maxLateDays * MS_PER_DAY;
  const spacing = rules.minHoursBetweenNotices * MS_PER_HOUR;
  let sent = toldNotices.size;
  let lastAt = told.reduce<number | null>((latest, h) => Math.max(latest ?? -Infinity, h.createdAt.getTime()), null);
  const due: Choice[] = [];
  const waiting: DelayCondition[] = [];
  for (const condition of candidates) {
    const at = condition.detectedAt.getTime();
    const lateEnough = at <= now.getTime();
    const fresh = now.getTime() - at <= maxLate;
    const spaced = lastAt === null || now.getTime() - lastAt >= spacing;
    if (lateEnough && fresh && spaced && sent < rules.maxNoticesPerOrder) {
      due.push({ condition, followUp: episodes(condition.entity, condition.kind) > 0 });
      sent++;
      lastAt = now.getTime();
    } else {
      waiting.push(condition);
    }
  }

  let next: number | null = null;
  if (sent < rules.maxNoticesPerOrder) {
    for (const condition of waiting) {
      const at = Math.max(condition.detectedAt.getTime(), lastAt === null ? -Infinity : lastAt + spacing);
      if (at - condition.detectedAt.getTime() > maxLate) continue;
      if (at <= now.getTime()) continue; // only a window that closed lands here
      next = next === null ? at : Math.min(next, at);
    }
  }
  return { due, next: next === null ? null : new Date(next) };
}
