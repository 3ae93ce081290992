/** Herald's view of what happened to a message after a provider accepted it. */
export type DeliveryStatus =
  | "sent"
  | "delivery_delayed"
  | "delivered"
  | "opened"
  | "clicked"
  | "undelivered"
  | "failed"
  | "bounced"
  | "complained";

/**
 * Status events arrive twice and out of order; a message only moves forward. A late "sent"
 * after "delivered" changes nothing, a complaint after "opened" does.
 */
export const DELIVERY_RANK: Record<DeliveryStatus, number> = {
  sent: 10,
  delivery_delayed: 15,
  delivered: 20,
  opened: 30,
  clicked: 40,
  undelivered: 50,
  failed: 50,
  bounced: 50,
  complained: 60,
};

export function isForward(current: string | null, next: DeliveryStatus): boolean {
  if (!current) return true;
  return DELIVERY_RANK[next] > (DELIVERY_RANK[current as DeliveryStatus] ?? 0);
}

/** A provider event, mapped by its adapter to Herald's vocabulary. */
export interface ProviderEvent {
  provider: "resend" | "twilio";
  providerMessageId: string;
  /** Unique per event at the provider: a repeat delivery of the same event is a no-op. */
  eventKey: string;
  status: DeliveryStatus;
  occurredAt: Date;
  /** Set when the event means: never message this address again (hard bounce, complaint, opt-out). */
  suppress: null | { reason: "hard_bounce" | "complaint" | "carrier_opt_out" };
}
