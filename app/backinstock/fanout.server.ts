import crypto from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Message, Prisma, Restock, Shop, Variant } from "@prisma/client";
import { emailChannel } from "../channels/index.server";
import { deferBatchSlot, nextBatchSlot, waitForBatchSlot } from "../channels/pacing.server";
import { MAX_BATCH_EMAILS, type BatchResult, type EmailChannel } from "../channels/types";
import { db, type Tx } from "../db.server";
import { execute, join, select, sql } from "../db/sql.server";
import { transaction } from "../db/transaction.server";
import { deliverJobKey, fanoutJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { RetryLater } from "../jobs/types";
import { log } from "../log.server";
import { suppressionKey, suppressionReasons } from "../models/suppressions.server";
import { alertsSentStatement } from "./attribution.server";
import { findVariant } from "../models/variants.server";
import { deliveryBackoff, outgoingEmail } from "../pipeline/deliver.server";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import { createStockMessage, restockPrefix, stockChannels, stockMessageData, templateCache, TRIGGER, type MessageData } from "./messages.server";

// The fan-out of one restock (job backinstock-fanout). A run sends batch after batch for up to
// RUN_BUDGET_MS, then hands over to the next run (run + 1, its own job):
//   1. a batch an earlier attempt claimed but did not finish (its emails BATCHED: a crash, a 5xx, a
//      long 429) is sent first, unchanged and under the same key, even if the variant sold out since:
//      its customers are marked told, and the provider may already have sent it;
//   2. otherwise the variant's availability is re-checked: sold out again -> the restock stops
//      (nobody else is told about stock that is gone);
//   3. otherwise the next oldest waiting sign-ups (up to 100, within the quota) are claimed and their
//      messages recorded in one transaction: emails BATCHED for the batch call, texts PENDING for the
//      per-message delivery path;
//   4. the batch goes to the provider in one call whose Idempotency-Key is derived from its rows, so a
//      re-run after a crash between the call and the write gets the first call's answer back;
//   5. calls are paced a little under the provider's rate (app/channels/pacing.server.ts); a 429 is
//      waited for as the provider asks and the same batch sent again. While a call is in flight, the
//      next batch's sign-ups are read and its messages rendered; they are claimed only after the
//      call's outcome is recorded and the stock re-checked, so a restock never has more than one
//      BATCHED batch and a variant that sold out during the call claims nobody else.

/** How long one run keeps sending before it hands over: well inside the embedded queue's 60 s lease. */
const RUN_BUDGET_MS = 10_000;

/**
 * How long a batch call has to itself before the next batch is prepared beside it. The provider
 * counts a call when its body has arrived; rendering on this process while the body is still being
 * written would make that moment drift from the pace (and a sliding window answer 429).
 */
const REQUEST_HEAD_START_MS = 100;

/** The longest a provider's "retry after" is waited for inside a run; longer, the job is retried later. */
const MAX_IN_RUN_WAIT_MS = 5_000;

/** Attempts of one run's job: a provider outage of a few minutes must not leave a restock stuck. */
const RUN_MAX_ATTEMPTS = 50;

/** Waiting sign-ups that can be told now: an email, or a phone not waiting for its YES. */
export function reachable(shop: string, variantId: string): Prisma.StockSubscriptionWhereInput {
  return {
    shop,
    variantId,
    status: "WAITING",
    OR: [{ email: { not: null } }, { phone: { not: null }, OR: [{ smsConfirmed: null }, { smsConfirmed: true }] }],
  };
}

/** The job of run `run` of a restock's fan-out (the first is run 0). */
export function enqueueFanoutRun(restockId: string, run: number, opts: { tx?: Tx; runAt: Date; notBefore?: number }): Promise<void> {
  return queue().enqueue(
    "backinstock-fanout",
    { restockId, run, ...(opts.notBefore ? { notBefore: opts.notBefore } : {}) },
    { tx: opts.tx, key: fanoutJobKey(restockId, run), runAt: opts.runAt, maxAttempts: RUN_MAX_ATTEMPTS },
  );
}

/** Wall-clock milliseconds that no virtual Date in a test can move. */
const realNow = () => performance.timeOrigin + performance.now();

/** Yield to I/O waiting on the event loop. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

interface RunContext {
  shop: Shop;
  settings: ShopSettings;
  channel: EmailChannel;
  templates: ReturnType<typeof templateCache>;
  /** The job's "now": every row of the run is dated by it (and every job it enqueues is due by then). */
  now: Date;
}

/**
 * One sign-up's rendered alert rows, ready to be claimed. `suppressed`: every address it gave is
 * suppressed (unsubscribed, STOP, bounced...), so its rows are all SKIPPED and nobody is told.
 */
type Planned = { subId: string; rows: MessageData[]; suppressed: boolean };

/**
 * Run `run` of a restock's fan-out. Safe to run again at any point: a job of an earlier run (retried
 * or swept after its hand-over) only makes sure the current run's job exists. `notBefore` (epoch ms)
 * is the provider slot the previous run handed over; `budgetMs` how long this run may keep sending.
 */
export async function runFanout(restockId: string, run: number, now: Date, opts: { notBefore?: number; budgetMs?: number } = {}): Promise<void> {
  const restock = await db.restock.findUnique({ where: { id: restockId } });
  if (!restock || restock.status !== "OPEN") return;
  if (restock.run !== run) {
    if (restock.run > run) await enqueueFanoutRun(restock.id, restock.run, { runAt: now });
    return;
  }
  const shop = await db.shop.findUnique({ where: { domain: restock.shop } });
  if (!shop || shop.uninstalledAt) {
    await finishRestock(restock, "STOPPED", "shop_uninstalled", now);
    return;
  }

  const startedAt = realNow();
  const budgetMs = opts.budgetMs ?? RUN_BUDGET_MS;
  const ctx: RunContext = {
    shop,
    settings: parseSettings(shop.settings),
    channel: emailChannel(),
    templates: templateCache(shop.domain),
    now,
  };
  let notBefore = opts.notBefore ?? 0;
  let turns = 0;
  // Sign-ups read and rendered while the previous call was in flight.
  let ahead: { variant: Variant; planned: Planned[] } | null = null;

  for (;;) {
    const current = await db.restock.findUniqueOrThrow({ where: { id: restockId } });
    if (current.status !== "OPEN" || current.run !== run) return;
    if (turns++ > 0 && realNow() - startedAt >= budgetMs) return handOver(current, ctx);

    // A batch already claimed goes out first, whatever the stock now: its customers are marked told,
    // and the provider may already have sent it (the same key gets that answer back, nothing twice).
    let batch = await batchedRows(current);
    // Re-checked before every batch: stock that is gone again is not announced to anyone else.
    const variant = await availableVariant(current);
    if (batch.length === 0) {
      if (!variant) {
        await finishRestock(current, "STOPPED", "sold_out_again", ctx.now);
        return;
      }
      const planned = ahead ?? { variant, planned: await prepareBatch(current, variant, ctx) };
      ahead = null;
      // Nobody left to tell within the quota: done, unless stock that flapped back raised it meanwhile.
      if (planned.planned.length === 0) {
        if (await finishRestock(current, "DONE", null, ctx.now)) return;
        continue;
      }
      await claimBatch(current, planned.planned);
      batch = await batchedRows(current);
      // Texts only, or every email suppressed: nothing to call the provider with; on to the next.
      if (batch.length === 0) continue;
    }

    const answered = await waitForBatchSlot(ctx.channel.provider, notBefore);
    notBefore = 0;
    const keepGoing = realNow() - startedAt < budgetMs;
    const call = callProvider(batch, ctx).then((result) => {
      answered();
      return result;
    });
    // The next batch is read and rendered while this call is in flight (and claimed only once its
    // outcome is recorded), once the request has had a head start to reach the provider.
    // (Failing, it is only not ready: the next turn prepares the batch itself.)
    const next = keepGoing && variant
      ? Promise.race([call, sleep(REQUEST_HEAD_START_MS)])
          .then(() => prepareAfter(current, variant, ctx))
          .catch((error: unknown) => {
            log.warn("backinstock.prepare_failed", { shop: current.shop, restock: current.id, error: error instanceof Error ? error.name : typeof error });
            return null;
          })
      : null;
    const result = await call;
    const outcome = await recordOutcome(batch, result, ctx);
    ahead = await next;
    // Rate limited: the same batch again (same key) once the provider says so; other calls wait too.
    if (outcome.retryAfterMs !== undefined) deferBatchSlot(ctx.channel.provider, realNow() + outcome.retryAfterMs);
  }
}

/** The variant while it can be bought; null when it sold out again (or Herald no longer knows it). */
async function availableVariant(restock: Restock): Promise<Variant | null> {
  const variant = await findVariant(restock.shop, restock.variantId);
  return variant?.available ? variant : null;
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
 * The oldest waiting sign-ups, up to the quota's room of ones that can be told (and a batch), with
 * their alerts rendered. A sign-up whose every address is suppressed is planned too, with its rows
 * SKIPPED, but takes no room: it tells nobody. Nothing is written: suppressions are read here once,
 * so what is claimed is exactly what a re-run sends.
 */
async function prepareBatch(restock: Restock, variant: Variant, ctx: RunContext): Promise<Planned[]> {
  const room = Math.min(MAX_BATCH_EMAILS, restock.quota - restock.notified);
  if (room <= 0) return [];
  // A batch's worth, not just the room: suppressed sign-ups among the oldest are passed over.
  const subs = await db.stockSubscription.findMany({ where: reachable(restock.shop, restock.variantId), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_BATCH_EMAILS });
  if (subs.length === 0) return [];
  const targets = subs.map((sub) => ({ sub, channels: stockChannels(sub, "alert") }));
  const suppressed = await suppressionReasons(ctx.shop.domain, TRIGGER, targets.flatMap((t) => t.channels));
  const planned: Planned[] = [];
  let told = 0;
  for (const { sub, channels } of targets) {
    if (told === room) break;
    const rows: MessageData[] = [];
    for (const { channel, recipient } of channels) {
      const skipReason = suppressed.get(suppressionKey(channel, recipient)) ?? null;
      rows.push(await stockMessageData({ shop: ctx.shop, variant, sub, step: "alert", channel, recipient, now: ctx.now, status: channel === "email" ? "BATCHED" : "PENDING", restockId: restock.id, skipReason, templates: ctx.templates }));
    }
    const unreachable = channels.every(({ channel, recipient }) => suppressed.has(suppressionKey(channel, recipient)));
    if (!unreachable) told++;
    planned.push({ subId: sub.id, rows, suppressed: unreachable });
    // Rendering is CPU work on the process that also answers webhooks and carries the batch call in
    // flight: let their I/O through between sign-ups instead of holding the event loop for the batch.
    await breathe();
  }
  return planned;
}

/** The batch after the one in flight (whose sign-ups are already claimed, so not WAITING any more). */
async function prepareAfter(restock: Restock, variant: Variant, ctx: RunContext): Promise<{ variant: Variant; planned: Planned[] } | null> {
  const fresh = await db.restock.findUniqueOrThrow({ where: { id: restock.id } });
  const planned = await prepareBatch(fresh, variant, ctx);
  // Nothing prepared (quota used, nobody left): the next loop turn finds that out for itself.
  return planned.length > 0 ? { variant, planned } : null;
}

/**
 * Claim the planned sign-ups still waiting and record their alerts, in one transaction: the ones
 * told become NOTIFIED and count against the quota (their notifiedAt waits for an alert actually
 * sent: attribution.server.ts); the ones whose every address is suppressed end UNSUBSCRIBED (so no
 * order is ever attributed to an alert they never got) and count for nothing. Returns how many
 * were told (an unsubscribe or another run may have taken some meanwhile).
 */
async function claimBatch(restock: Restock, planned: Planned[]): Promise<number> {
  return transaction(async (tx) => {
    const claim = async (subs: Planned[], status: "NOTIFIED" | "UNSUBSCRIBED") => {
      if (subs.length === 0) return [];
      const taken = await select<{ id: string }>(tx, sql`
        UPDATE "StockSubscription"
        SET "status" = ${status}, "waitingKey" = NULL, "restockId" = ${restock.id}, "updatedAt" = ${new Date()}
        WHERE "id" IN (${join(subs.map((p) => p.subId))}) AND "status" = 'WAITING'
        RETURNING "id"`);
      return taken.map((t) => t.id);
    };
    const told = await claim(planned.filter((p) => !p.suppressed), "NOTIFIED");
    const passedOver = await claim(planned.filter((p) => p.suppressed), "UNSUBSCRIBED");
    const ids = new Set([...told, ...passedOver]);
    const rows = planned.filter((p) => ids.has(p.subId)).flatMap((p) => p.rows);
    // Emails (BATCHED, or SKIPPED/FAILED) in one statement; texts one by one with their delivery job.
    const emails = rows.filter((r) => r.status !== "PENDING");
    if (emails.length > 0) await tx.message.createMany({ data: emails });
    for (const row of rows.filter((r) => r.status === "PENDING")) await createStockMessage(tx, row);
    await tx.restock.update({ where: { id: restock.id }, data: { notified: { increment: told.length } } });
    log.info("backinstock.batch_claimed", { shop: restock.shop, restock: restock.id, claimed: told.length, suppressed: passedOver.length });
    return told.length;
  });
}

/** The provider's idempotency key of a batch: derived from its rows, so a re-run reuses it. */
export function batchIdempotencyKey(messageIds: string[]): string {
  const digest = crypto.createHash("sha256").update([...messageIds].sort().join(",")).digest("hex");
  return `herald-batch-${digest.slice(0, 48)}`;
}

async function callProvider(rows: Message[], ctx: RunContext): Promise<BatchResult> {
  try {
    return await ctx.channel.sendBatch(
      rows.map((r) => outgoingEmail(r, ctx.shop, ctx.settings)),
      { idempotencyKey: batchIdempotencyKey(rows.map((r) => r.id)), shop: ctx.shop.domain },
    );
  } catch (error) {
    return { ok: false, provider: ctx.channel.provider, retryable: true, error: `Unexpected: ${String(error)}` };
  }
}

/**
 * Record a batch call's outcome: sent (every row at once), rate limited (`retryAfterMs`: the run
 * waits and sends the batch again), failed for now (throws RetryLater: the job retries with backoff),
 * or refused (each email goes on its own).
 */
async function recordOutcome(rows: Message[], result: BatchResult, ctx: RunContext): Promise<{ retryAfterMs?: number }> {
  const shop = ctx.shop.domain;
  const ids = rows.map((r) => r.id);
  const at = ctx.now;
  if (result.ok) {
    const { provider, providerMessageIds } = result;
    const providerId = join(rows.map((r, i) => sql`WHEN ${r.id} THEN ${providerMessageIds[i]}`), " ");
    await db.$transaction(async (tx) => {
      await execute(tx, sql`
        UPDATE "Message"
        SET "status" = 'SENT', "attempts" = "attempts" + 1, "provider" = ${provider}, "providerMessageId" = CASE "id" ${providerId} END,
            "sentAt" = ${at}, "error" = NULL, "updatedAt" = ${new Date()}
        WHERE "id" IN (${join(ids)}) AND "status" = 'BATCHED'`);
      await tx.messageAttempt.createMany({
        data: rows.map((r, i) => ({ messageId: r.id, number: r.attempts + 1, outcome: "SENT", provider, providerMessageId: providerMessageIds[i], startedAt: at, finishedAt: at })),
      });
      const told = alertsSentStatement(shop, rows, at);
      if (told) await execute(tx, told);
    });
    log.info("backinstock.batch_sent", { shop, emails: rows.length, provider });
    return {};
  }
  const attempt = Math.max(...rows.map((r) => r.attempts)) + 1;
  await db.message.updateMany({ where: { id: { in: ids } }, data: { attempts: attempt, error: result.error } });
  if (result.retryable && result.retryAfterMs !== undefined && result.retryAfterMs <= MAX_IN_RUN_WAIT_MS) {
    log.warn("backinstock.batch_rate_limited", { shop, attempt, retryAfterMs: result.retryAfterMs });
    return { retryAfterMs: result.retryAfterMs };
  }
  if (result.retryable) {
    log.warn("backinstock.batch_retry", { shop, attempt, error: result.error });
    throw new RetryLater(result.error, result.retryAfterMs ?? deliveryBackoff(attempt));
  }
  // The provider refused the batch as it is: each email goes its own way, so one bad address fails alone.
  await transaction(async (tx) => {
    await tx.message.updateMany({ where: { id: { in: ids }, status: "BATCHED" }, data: { status: "PENDING" } });
    for (const id of ids) await queue().enqueue("deliver-message", { messageId: id }, { tx, key: deliverJobKey(id), maxAttempts: 50, runAt: at });
  });
  log.warn("backinstock.batch_refused", { shop, emails: rows.length, error: result.error });
  return {};
}

/**
 * End this run and start the next one, in one transaction: the run number moves on and the next
 * run's job is enqueued (after commit on BullMQ; the sweeper re-enqueues it if that is lost).
 */
async function handOver(restock: Restock, ctx: RunContext): Promise<void> {
  const next = restock.run + 1;
  await transaction(async (tx) => {
    const moved = await tx.restock.updateMany({ where: { id: restock.id, run: restock.run, status: "OPEN" }, data: { run: next } });
    if (moved.count === 1) await enqueueFanoutRun(restock.id, next, { tx, runAt: ctx.now, notBefore: Math.round(nextBatchSlot(ctx.channel.provider)) });
  });
  log.info("backinstock.fanout_handover", { shop: restock.shop, restock: restock.id, run: next, notified: restock.notified });
}

/**
 * End the restock, unless it ended already. DONE only under the quota it was judged by: stock that
 * flapped back into it meanwhile raised the quota (restock.server.ts), and then it goes on.
 * Returns whether this call ended it.
 */
async function finishRestock(restock: Restock, status: "DONE" | "STOPPED", reason: string | null, now: Date): Promise<boolean> {
  const { count } = await db.restock.updateMany({
    where: { id: restock.id, status: "OPEN", ...(status === "DONE" ? { quota: restock.quota } : {}) },
    data: { status, reason, finishedAt: now },
  });
  if (count === 1) log.info("backinstock.restock_finished", { shop: restock.shop, restock: restock.id, status, reason, notified: restock.notified });
  return count === 1;
}
