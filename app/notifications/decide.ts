import { decideDelay } from "./delay/decide";
import { decideShipping } from "./shipping/decide";
import type { DecisionInput, Intent } from "./types";

export { nextWakeup } from "./delay/decide";
export { assessRisk } from "./delay/risk";
export { staleReason } from "./stale";

/**
 * Every message due for this order now, across all triggers: shipping updates first, then delay notices.
 * Pure: the worker persists the intents. Pair it with nextWakeup(input) to schedule the next timed check.
 */
export function decide(input: DecisionInput): Intent[] {
  return [...decideShipping(input), ...decideDelay(input)];
}
