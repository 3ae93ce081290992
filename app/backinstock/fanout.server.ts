import crypto from "node:crypto";
import type { Prisma, Restock } from "@prisma/client";
import { emailChannel } from "../channels/index.server";
import { MAX_BATCH_EMAILS } from "../channels/types";
import { db } from "../db.server";
import { transaction } from "../db/transaction.server";
import { env } from "../env.server";
import { deliverJobKey, fanoutJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { RetryLater } from "../jobs/types";
import { log } from "../log.server";
import { suppressionReason } from "../models/suppressions.server";
import { findVariant } from "../models/variants.server";
import { deliveryBackoff, outgoingEmail } from "../pipeline/deliver.server";
import { parseSettings } from "../notifications/settings";
import { createStockMessage, restockPrefix, stockChannels, stockMessageData, templateCache, TRIGGER, type MessageData } from "./messages.server";

// The fan-out of one restock (job backinstock-fanout), one batch per run:
//   1. the variant sold out again -> the restock stops (nobody else is told about stock that is gone);
//   2. a batch a crashed run claimed but did not finish is sent first, unchanged;
//   3. otherwise the next oldest waiting sign-ups (up to 100, within the quota) are claimed and their
//      messages recorded in one transaction: emails BATCHED for the batch call, texts PENDING for the
//      per-message delivery path;
//   4. the batch goes to the provider in one call whose Idempotency-Key is derived from its rows, so a
//      re-run after a crash between the call and the write gets the first call's answer back;
//   5. the next run is scheduled one provider request-interval later: the queue spreads the batches.

/** Waiting sign-ups that can be told now: an email, or a phone not waiting for its YES. */
export function reachable(shop: string, variantId: string): Prisma.StockSubscriptionWhereInput {
  return {
    shop,
    variantId,
    status: "WAITING",
    OR: [{ email: { not: null } }, { phone: { not: null }, OR: [{ smsConfirmed: null }, { smsConfirmed: true }] }],
  };
}

/** Time between two batch calls: the email provider's request rate (Resend: 2 per second by default). */
export function batchIntervalMs(): number {
  return Math.ceil(1000 / env().HERALD_EMAIL_BATCH_RPS);
}

/** Run one step of a restock's fan-out. Safe to run again at any point. */
export async function runFanout(restockId: string, now: Date): Promise<void> {
  const restock = await db.restock.findUnique({ where: { id: restockId } });
  if (!restock || restock.status !== "OPEN") return;
  const shop = await db.shop.findUnique({ where: { domain: restock.shop } });
  if (!shop || shop.uninstalledAt) return finishRestock(restock, "STOPPED", "shop_uninstalled", now);
  const variant = await findVariant(restock.shop, restock.variantId);
  // Re-checked before every batch: stock that is gone again is not announced to anyone else.
  if (!variant?.available) return finishRestock(restock, "STOPPED", "sold_out_again", now);

  let batch = await batchedRows(restock);
  if (batch.length === 0) {
    const claimed = await claimNextBatch(restock, shop, variant, now);
    if (claimed === 0) return finishRestock(restock, "DONE", null, now);
    batch = await batchedRows(restock);
  }
  if (batch.length > 0) await sendBatch(batch, shop, now);

  const fresh = await db.restock.findUniqueOrThrow({ where: { id: restockId } });
  const more = fresh.notified < fresh.quota && (await db.stockSubscription.count({ where: reachable(fresh.shop, fresh.variantId), take: 1 })) > 0;
  if (!more) return finishRestock(fresh, "DONE", null, now);
  await queue().enqueue("backinstock-fanout", { restockId }, { key: fanoutJobKey(restockId, fresh.notified), runAt: new Date(now.getTime() + batchIntervalMs()) });
}

/** Emails of this restock claimed for a batch and not sent yet, in a stable order. */
function batchedRows(restock: Restock) {
  return db.message.findMany({
    where: { shop: restock.shop, trigger: TRIGGER, step: "alert", channel: "email", status: "BATCHED", subject: { startsWith: restockPrefix(restock.id) } },
    orderBy: { id: "asc" },
    take: MAX_BATCH_EMAILS,
  });
}

/**
 * Claim the oldest waiting sign-ups within the quota and record their alerts, all in one transaction.
 * Returns how many were claimed (0: nobody left to tell, or the quota is used up).
 */
async function claimNextBatch(restock: Restock, shop: NonNullable<Awaited<ReturnType<typeof db.shop.findUnique>>>, variant: NonNullable<Awaited<ReturnType<typeof findVariant>>>, now: Date): Promise<number> {
  const room = Math.min(MAX_BATCH_EMAILS, restock.quota - restock.notified);
  if (room <= 0) return 0;
  const subs = await db.stockSubscription.findMany({ where: reachable(restock.shop, restock.variantId), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: room });
  if (subs.length === 0) return 0;

  // Rendered before the transaction (template reads); suppressions are settled here, once, so a
  // re-run sends exactly the rows this run recorded.
  const templates = templateCache(shop.domain);
  const planned: Array<{ subId: string; rows: MessageData[] }> = [];
  for (const sub of subs) {
    const rows: MessageData[] = [];
    for (const { channel, recipient } of stockChannels(sub, "alert")) {
      const skipReason = await suppressionReason(shop.domain, channel, recipient, TRIGGER);
      rows.push(await stockMessageData({ shop, variant, sub, step: "alert", channel, recipient, now, status: channel === "email" ? "BATCHED" : "PENDING", restockId: restock.id, skipReason, templates }));
    }
    planned.push({ subId: sub.id, rows });
  }

  return transaction(async (tx) => {
    let claimed = 0;
    for (const { subId, rows } of planned) {
      // Only a sign-up still waiting is claimed (a concurrent run or an unsubscribe may have taken it).
      const taken = await tx.stockSubscription.updateMany({
        where: { id: subId, status: "WAITING" },
        data: { status: "NOTIFIED", waitingKey: null, restockId: restock.id, notifiedAt: now },
      });
      if (taken.count === 0) continue;
      claimed++;
      for (const row of rows) await createStockMessage(tx, row);
    }
    await tx.restock.update({ where: { id: restock.id }, data: { notified: { increment: claimed } } });
    log.info("backinstock.batch_claimed", { shop: restock.shop, restock: restock.id, claimed });
    return claimed;
  });
}

/** The provider's idempotency key of a batch: derived from its rows, so a re-run reuses it. */
export function batchIdempotencyKey(messageIds: string[]): string {
  const digest = crypto.createHash("sha256").update([...messageIds].sort().join(",")).digest("hex");
  return `herald-batch-${digest.slice(0, 48)}`;
}

async function sendBatch(rows: Awaited<ReturnType<typeof batchedRows>>, shop: NonNullable<Awaited<ReturnType<typeof db.shop.findUnique>>>, now: Date): Promise<void> {
  const settings = parseSettings(shop.settings);
  const channel = emailChannel();
  const ids = rows.map((r) => r.id);
  let result;
  try {
    result = await channel.sendBatch(
      rows.map((r) => outgoingEmail(r, shop, settings)),
      { idempotencyKey: batchIdempotencyKey(ids), shop: shop.domain },
    );
  } catch (error) {
    result = { ok: false as const, provider: channel.provider, retryable: true, error: `Unexpected: ${String(error)}` };
  }
  if (result.ok) {
    const sent = result;
    await db.$transaction(
      rows.flatMap((r, i) => [
        db.message.update({
          where: { id: r.id },
          data: { status: "SENT", attempts: r.attempts + 1, provider: sent.provider, providerMessageId: sent.providerMessageIds[i], sentAt: now, error: null },
        }),
        db.messageAttempt.create({
          data: { messageId: r.id, number: r.attempts + 1, outcome: "SENT", provider: sent.provider, providerMessageId: sent.providerMessageIds[i], startedAt: now, finishedAt: now },
        }),
      ]),
    );
    log.info("backinstock.batch_sent", { shop: shop.domain, emails: rows.length, provider: sent.provider });
    return;
  }
  const attempt = Math.max(...rows.map((r) => r.attempts)) + 1;
  await db.message.updateMany({ where: { id: { in: ids } }, data: { attempts: attempt, error: result.error } });
  if (result.retryable) {
    log.warn("backinstock.batch_retry", { shop: shop.domain, attempt, error: result.error });
    throw new RetryLater(result.error, result.retryAfterMs ?? deliveryBackoff(attempt));
  }
  // The provider refused the batch as it is: each email goes its own way, so one bad address fails alone.
  await transaction(async (tx) => {
    await tx.message.updateMany({ where: { id: { in: ids }, status: "BATCHED" }, data: { status: "PENDING" } });
    for (const id of ids) await queue().enqueue("deliver-message", { messageId: id }, { tx, key: deliverJobKey(id), maxAttempts: 50, runAt: now });
  });
  log.warn("backinstock.batch_refused", { shop: shop.domain, emails: rows.length, error: result.error });
}

async function finishRestock(restock: Restock, status: "DONE" | "STOPPED", reason: string | null, now: Date): Promise<void> {
  await db.restock.updateMany({ where: { id: restock.id, status: "OPEN" }, data: { status, reason, finishedAt: now } });
  log.info("backinstock.restock_finished", { shop: restock.shop, restock: restock.id, status, reason, notified: restock.notified });
}
