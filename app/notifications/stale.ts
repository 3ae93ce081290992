import { delayStaleReason } from "./delay/stale";
import { shippingStaleReason } from "./shipping/stale";
import type { DecisionInput, MessageStep, Trigger } from "./types";

/** A queued message as stored: trigger, step and subject (steps are plain strings in the database). */
export interface QueuedMessage {
  trigger: Trigger | string;
  step: MessageStep | string;
  subject: string;
}

/**
 * Why an already-created message must not go out any more, or null when it still should; dispatches by
 * trigger. Called right before sending: quiet hours and provider retries can hold a message back for hours.
 */
export function staleReason(message: QueuedMessage, input: DecisionInput): string | null {
  switch (message.trigger) {
    case "shipping":
      return shippingStaleReason(message, input);
    case "delay":
      return delayStaleReason(message, input);
    default:
      return "unknown_trigger";
  }
}
