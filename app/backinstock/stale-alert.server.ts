import { boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { join, sql } from "../db/sql.server";
import { log } from "../log.server";
import { alertOfSubject, stockDedupKey, TRIGGER } from "./messages.server";
import { waitingKey } from "./signup.server";

// An alert that waited (quiet hours, provider retries, a refused batch sent one by one) may be due
// after the item sold out again. Announcing stock that is gone helps nobody: the alert is skipped
// and its customer goes back in line, to hear of the next restock.

/** Why the message is not to be sent: "sold_out_again" when it is the alert of a variant no longer available. */
export const SOLD_OUT_AGAIN = "sold_out_again";

type AlertMessage = { id: string; shop: string; trigger: string; step: string; subject: string };

/**
 * SOLD_OUT_AGAIN when `message` is a back-in-stock alert whose variant can no longer be bought (or
 * Herald no longer knows it); null for any other message, or while the variant is available.
 */
export async function staleAlertReason(message: AlertMessage): Promise<string | null> {
  const alert = message.trigger === TRIGGER && message.step === "alert" ? alertOfSubject(message.subject) : null;
  if (!alert) return null;
  const row = await (await sqlRunner()).get<{ available: unknown }>(sql`
    SELECT v."available" FROM "Restock" r LEFT JOIN "Variant" v ON v."shop" = r."shop" AND v."id" = r."variantId"
    WHERE r."id" = ${alert.restockId} AND r."shop" = ${message.shop}`);
  if (!row) return null;
  return boolOf(row.available) ? null : SOLD_OUT_AGAIN;
}

/**
 * Skip a stale alert, and put its subscription back to WAITING (not notified) unless the customer
 * heard of the restock another way (another channel's alert sent or still going) or signed up
 * again meanwhile (then that sign-up waits). One transaction.
 */
export async function skipStaleAlert(message: AlertMessage, reason: string): Promise<void> {
  const alert = alertOfSubject(message.subject);
  const runner = await sqlRunner();
  const sub = alert
    ? await runner.get<{ variantId: string; email: string | null; phone: string | null }>(sql`
        SELECT "variantId", "email", "phone" FROM "StockSubscription" WHERE "id" = ${alert.subscriptionId} AND "shop" = ${message.shop}`)
    : undefined;
  const skip = sql`UPDATE "Message" SET "status" = 'SKIPPED', "reason" = ${reason}, "updatedAt" = ${new Date()} WHERE "id" = ${message.id}`;
  const contact = sub?.email ?? sub?.phone;
  if (!alert || !sub || !contact) {
    await runner.run(skip);
    return;
  }
  // The subscription's alerts of this restock, one per channel: unique-key lookups.
  const siblings = [
    ...(sub.email ? [stockDedupKey(message.shop, message.subject, "alert", "email", sub.email)] : []),
    ...(sub.phone ? [stockDedupKey(message.shop, message.subject, "alert", "sms", sub.phone)] : []),
  ];
  const key = waitingKey(message.shop, sub.variantId, contact);
  const [, requeued] = await runner.write([
    skip,
    sql`
      UPDATE "StockSubscription"
      SET "status" = 'WAITING', "waitingKey" = ${key}, "restockId" = NULL, "notifiedAt" = NULL, "updatedAt" = ${new Date()}
      WHERE "id" = ${alert.subscriptionId} AND "shop" = ${message.shop} AND "status" = 'NOTIFIED' AND "restockId" = ${alert.restockId}
        AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."dedupKey" IN (${join(siblings)}) AND m."id" <> ${message.id} AND m."status" NOT IN ('SKIPPED', 'FAILED'))
        AND NOT EXISTS (SELECT 1 FROM "StockSubscription" w WHERE w."waitingKey" = ${key})`,
  ]);
  log.info("backinstock.alert_stale", { shop: message.shop, message: message.id, reason, requeued: requeued === 1 });
}
