import { DELIVERY_RANK, type DeliveryStatus, type ProviderEvent } from "../channels/delivery-status";
import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { suppress, suppressionChannel } from "./suppressions.server";

export type EventOutcome = "recorded" | "duplicate" | "unknown_message";

/**
 * Apply a provider's status event to its message, once: the event row is unique per provider
 * event, and the status only moves forward (the update is conditioned on the current status
 * ranking lower, so two events racing cannot move it back). Hard bounces, complaints and
 * carrier opt-outs suppress the address for the shop.
 */
export async function recordProviderEvent(event: ProviderEvent): Promise<EventOutcome> {
  const message = await db.message.findFirst({
    where: { provider: event.provider, providerMessageId: event.providerMessageId },
    select: { id: true, shop: true, channel: true, recipient: true },
  });
  if (!message) return "unknown_message";
  const lower = (Object.keys(DELIVERY_RANK) as DeliveryStatus[]).filter((s) => DELIVERY_RANK[s] < DELIVERY_RANK[event.status]);
  try {
    await db.$transaction(async (tx) => {
      await tx.messageEvent.create({
        data: { messageId: message.id, provider: event.provider, eventKey: event.eventKey, type: event.status, occurredAt: event.occurredAt },
      });
      await tx.message.updateMany({
        where: { id: message.id, OR: [{ deliveryStatus: null }, { deliveryStatus: { in: lower } }] },
        data: { deliveryStatus: event.status, deliveryStatusAt: event.occurredAt },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "MessageEvent")) return "duplicate";
    throw error;
  }
  if (event.suppress && message.recipient) {
    await suppress(message.shop, suppressionChannel(message.channel), message.recipient, event.suppress.reason);
  }
  return "recorded";
}
