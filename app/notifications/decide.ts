import type { DecisionInput, Intent } from "./types";
import { decideShipping } from "./shipping/decide";

/** Every message due for this order now, across all triggers. Pure: the worker persists the intents. */
export function decide(input: DecisionInput): Intent[] {
  // Delay notices and back-in-stock add their deciders here.
  return [...decideShipping(input)];
}
