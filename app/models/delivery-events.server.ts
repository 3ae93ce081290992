import { DELIVERY_RANK, type DeliveryStatus, type ProviderEvent } from "../channels/delivery-status";
import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { timeOrderedUuid } from "../db/ids";
import { execute, sql } from "../db/sql.server";
import { normalizeAddress, suppressionChannel } from "./suppressions.server";

export type EventOutcome = "recorded" | "duplicate" | "unknown_message";

/**
 * Apply a provider's status event to its message, once: the event row is unique per provider
 * event, and the status only moves forward (the update is conditioned on the current status
 * ranking lower, so two events racing cannot move it back). Hard bounces, complaints and
 * carrier opt-outs suppress the address for the shop in the same transaction as the event row:
 * a failure leaves neither, so the provider's retry records both (an event row committed alone
 * would make the retry a duplicate and the address would never be suppressed).
 */
export async function recordProviderEvent(event: ProviderEvent): Promise<EventOutcome> {
  const message = await db.message.findFirst({
    where: { provider: event.provider, providerMessageId: event.providerMessageId },
    select: { id: true, shop: true, channel: true, recipient: true },
  });
  if (!message) return "unknown_message";
  const lower = (Object.keys(DELIVERY_RANK) as DeliveryStatus[]).filter((s) => DELIVERY_RANK[s] < DELIVERY_RANK[event.status]);
  const suppression = event.suppress && message.recipient ? event.suppress : null;
  try {
    await db.$transaction(async (tx) => {
      await tx.messageEvent.create({
        data: { messageId: message.id, provider: event.provider, eventKey: event.eventKey, type: event.status, occurredAt: event.occurredAt },
      });
      await tx.message.updateMany({
        where: { id: message.id, OR: [{ deliveryStatus: null }, { deliveryStatus: { in: lower } }] },
        data: { deliveryStatus: event.status, deliveryStatusAt: event.occurredAt },
      });
      if (suppression) {
        const channel = suppressionChannel(message.channel);
        // ON CONFLICT: an address already suppressed (another message's bounce) stays as it is,
        // and two events racing for one address cannot fail each other.
        await execute(
          tx,
          sql`INSERT INTO "Suppression" ("id", "shop", "channel", "address", "reason", "scope", "createdAt")
              VALUES (${timeOrderedUuid()}, ${message.shop}, ${channel}, ${normalizeAddress(channel, message.recipient)}, ${suppression.reason}, 'all', ${new Date()})
              ON CONFLICT ("shop", "channel", "address", "scope") DO NOTHING`,
        );
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "MessageEvent")) return "duplicate";
    throw error;
  }
  return "recorded";
}
