import crypto from "node:crypto";
import { env } from "../env.server";
import { deliverJobKey } from "../jobs/keys";
import { WriteSet } from "../jobs/writes.server";
import { unsubscribeUrl } from "../unsubscribe/token.server";
import { dialect } from "../db/dialect.server";
import { boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { sql, type Sql } from "../db/sql.server";
import { orderStateColumns, orderStateOf, type OrderStateCells } from "../models/facts.server";
import { insertMessage } from "../models/messages.server";
import { jobShopColumn, jobShopOf, toShopFacts } from "../models/shops.server";
import { activeTemplates, ownTemplatesColumn } from "../models/templates.server";
import { renderWhatsApp } from "../models/whatsapp-templates.server";
import { nextWakeup } from "../notifications/decide";
import { dedupKey } from "../notifications/dedup";
import { resolveLocale } from "../notifications/locale";
import { buildVariables, renderMessage } from "../notifications/render";
import { decideWithReach } from "./reach.server";
import { AVAILABLE_LOCALES } from "../notifications/templates";
import type { ChannelTemplate } from "../notifications/templates/types";
import type { DecisionInput, Intent } from "../notifications/types";

/**
 * Decide which messages an order is due now and record each as a Message row before any
 * provider is called. The unique dedupKey is the guard: re-evaluating the same facts (a
 * duplicate webhook, a retried job, two workers at once) creates nothing new.
 * Everything an evaluation writes — the new messages, their delivery jobs, the next timed check,
 * and what the caller adds to `writes` — is one transaction. Returns the number of new rows.
 * `read` is what evaluationColumns answered for this shop and order, when the caller read it with
 * its own row (a webhook event); else it is read here.
 */
export async function evaluateOrder(shopDomain: string, orderId: string, now: Date, writes = new WriteSet(), read?: Evaluation): Promise<number> {
  let created = 0;
  for (let round = 1; ; round++) {
    const { rows, delayGate } = await decideMessages(writes, shopDomain, orderId, now, round === 1 ? read : undefined);
    const changed = await writes.commit();
    created += rows.filter((i) => changed[i] > 0).length;
    if (delayGate === undefined || changed[delayGate] > 0) return created;
    // Another evaluation of this order recorded a delay notice after this one read the order: its
    // own notices were not written. Decide again on the order as it is now (cap and spacing).
    if (round === MAX_DELAY_ROUNDS) throw new Error(`Order ${orderId}: its delay notices changed during ${round} evaluations in a row`);
    writes = new WriteSet();
  }
}

/** How often an evaluation decides again when concurrent evaluations keep adding delay notices. */
const MAX_DELAY_ROUNDS = 5;

/**
 * Add the messages an order is due now to `writes`: the indexes of their rows' statements, and of
 * the statement that lets its delay notices be written (delayGate), if it decided any.
 */
async function decideMessages(
  writes: WriteSet,
  shopDomain: string,
  orderId: string,
  now: Date,
  read?: Evaluation,
): Promise<{ rows: number[]; delayGate?: number }> {
  const { shop, facts, ownTemplates } = read ?? (await loadEvaluation(shopDomain, orderId));
  if (!shop || shop.uninstalledAt) return { rows: [] };
  if (!facts) return { rows: [] }; // Not seen the order yet: its orders/create will evaluate it again.

  const shopFacts = toShopFacts(shop);
  const settings = shop.settings;
  const known: DecisionInput = { now, shop: shopFacts, settings, order: facts.order, fulfillments: facts.fulfillments, fulfillmentOrders: facts.fulfillmentOrders, history: facts.history };
  // Texts need a WhatsApp template and, by the shop's policy, SMS consent (app/notifications/reach.ts).
  const { input, intents } = await decideWithReach(shopDomain, known);

  const created: number[] = [];
  const seenDelayNotices = facts.history.filter((m) => m.trigger === "delay").length;
  const delayGate = intents.some((i) => i.trigger === "delay") ? addDelayGate(writes, shopDomain, orderId, seenDelayNotices) : undefined;
  const gateOf = (intent: Intent) => (intent.trigger === "delay" ? delayGate : undefined);
  // The shop's own templates of each kind, read once per evaluation.
  const templates = new Map<string, Promise<Map<string, ChannelTemplate>>>();
  const templatesFor = (intent: Intent) => {
    if (!ownTemplates) return NO_TEMPLATES;
    const key = `${intent.trigger}:${intent.step}:${intent.channel}`;
    if (!templates.has(key)) templates.set(key, activeTemplates(shopDomain, intent.trigger, intent.step, intent.channel));
    return templates.get(key)!;
  };
  for (const intent of intents) {
    const fulfillment = facts.fulfillments.find((f) => f.id === intent.fulfillmentId) ?? null;
    if (intent.channel === "whatsapp" && !intent.skipReason) {
      // An approved template: Herald fills its placeholders, not the text around them.
      const values = buildVariables({ shop: shopFacts, order: facts.order, fulfillment, delay: intent.delay, unsubscribeUrl: null });
      const whatsapp = await renderWhatsApp(shopDomain, intent, { customer: facts.order.customerLocale, primary: shopFacts.primaryLocale }, values);
      created.push(addMessage(writes, shopDomain, intent, whatsapp.ok ? whatsapp.message.locale : shopFacts.primaryLocale, whatsapp, now, gateOf(intent)));
      continue;
    }
    // Merchant templates (issue 6): a locale the shop wrote this template in (e.g. Arabic) counts as
    // available, and the shop's active template for it replaces Herald's default.
    const custom = intent.skipReason ? null : await templatesFor(intent);
    const locales = custom ? [...AVAILABLE_LOCALES, ...[...custom.keys()].filter((l) => !AVAILABLE_LOCALES.includes(l)).sort()] : AVAILABLE_LOCALES;
    const locale = resolveLocale(facts.order.customerLocale, shopFacts.primaryLocale, locales);
    const template = custom?.get(locale) ?? null;
    // (end of merchant templates)
    const rendered = intent.skipReason
      ? null
      : renderMessage({
          trigger: intent.trigger,
          step: intent.step,
          channel: intent.channel,
          locale,
          customerLocale: facts.order.customerLocale,
          variables: buildVariables({
            shop: shopFacts,
            order: facts.order,
            fulfillment,
            delay: intent.delay,
            // Issued at the decision time: every retry renders and sends the very same bytes.
            unsubscribeUrl:
              intent.channel === "email" && intent.recipient
                ? unsubscribeUrl({ shop: shopDomain, address: intent.recipient, scope: intent.trigger, locale, issuedAt: now })
                : null,
          }),
          template: template ?? undefined,
        });
    created.push(addMessage(writes, shopDomain, intent, locale, rendered, now, gateOf(intent)));
  }
  // nextWakeup answers the same before or after the new rows are recorded: no second history read.
  scheduleWakeup(writes, shopDomain, orderId, nextWakeup(input));
  return { rows: created, delayGate };
}

/**
 * Delay notices are capped per order and spaced (app/notifications/delay), decided on the order's
 * history as this evaluation read it. Two evaluations of one order at once (two of its events, a
 * timed check) could each read no notice and each record one for a different subject, which no
 * dedup key stops. So the evaluation's delay rows are written only if the order still has the
 * delay notices it read, checked in the transaction that writes them: on PostgreSQL after taking
 * the order's row lock (the check is a later statement, so it sees what the other committed); on
 * SQLite writers take turns anyway. Returns the index of the check, which changes a row (the
 * order's, to itself) only when the history is unchanged.
 */
function addDelayGate(writes: WriteSet, shop: string, orderId: string, seen: number): number {
  // A SELECT also makes PostgreSQL run the set as a transaction of statements, not as one statement
  // whose parts share a snapshot (app/db/pg-one-statement.ts).
  if (dialect === "postgresql") writes.add(sql`SELECT 1 FROM "Order" WHERE "shop" = ${shop} AND "id" = ${orderId} FOR UPDATE`);
  return writes.add(sql`
    UPDATE "Order" SET "updatedAt" = "updatedAt"
    WHERE "shop" = ${shop} AND "id" = ${orderId}
      AND (SELECT count(*) FROM "Message" m WHERE m."shop" = ${shop} AND m."orderId" = ${orderId} AND m."trigger" = 'delay') = ${seen}`);
}

/**
 * What an evaluation reads: the shop, the order's state and whether the shop ever saved a template
 * of its own, as select-list columns of one query. `shop` and `orderId` are values or the outer
 * query's columns; the subqueries use the table aliases sh, o, f, fo, e, m and t.
 */
export function evaluationColumns(shop: Sql, orderId: Sql): Sql {
  return sql`${jobShopColumn(shop)}, ${orderStateColumns(shop, orderId)}, ${ownTemplatesColumn(shop)}`;
}

export type EvaluationCells = OrderStateCells & { jobShop: unknown; ownTemplates: unknown };
export type Evaluation = ReturnType<typeof evaluationOf>;

/** What a row's evaluationColumns hold. */
export function evaluationOf(row: EvaluationCells) {
  return { shop: jobShopOf(row.jobShop), facts: orderStateOf(row), ownTemplates: boolOf(row.ownTemplates) };
}

/** The evaluation's read on its own: a SELECT without FROM answers exactly one row. */
async function loadEvaluation(shop: string, orderId: string): Promise<Evaluation> {
  const row = await (await sqlRunner()).get<EvaluationCells>(sql`SELECT ${evaluationColumns(sql`${shop}`, sql`${orderId}`)}`);
  return evaluationOf(row!);
}

type Rendered = ReturnType<typeof renderMessage> | null;

/** What a shop that never edited a template has of its own. */
const NO_TEMPLATES: Promise<Map<string, ChannelTemplate>> = Promise.resolve(new Map());

/**
 * Delay notices wait a short settle window before going out: webhooks arrive late and out of
 * order, and an order that looks unfulfilled may have its fulfillment webhook a moment behind.
 * At delivery the notice is checked again (staleReason) and skipped if the condition cleared.
 * Shipping updates go at once: they report what just happened.
 */
export function delaySettleMs(): number {
  return env().HERALD_DELAY_SETTLE_SECONDS * 1000;
}

function sendAt(intent: Intent, now: Date): Date {
  return intent.trigger === "delay" ? new Date(now.getTime() + delaySettleMs()) : now;
}

/**
 * Add a decided message to the evaluation's writes: its row (unless one with its dedupKey exists:
 * that is the guard working) and, when it is to be sent, its delivery job, only with a new row.
 * With `ifChanged`, the row is written only if that statement changed a row (addDelayGate).
 * Returns the index of the row's statement.
 */
function addMessage(writes: WriteSet, shop: string, intent: Intent, locale: string, rendered: Rendered, now: Date, ifChanged?: number): number {
  const status = intent.skipReason ? "SKIPPED" : rendered && !rendered.ok ? "FAILED" : "PENDING";
  const content = rendered?.ok ? rendered.message : null;
  const id = crypto.randomUUID();
  const row = writes.add(
    insertMessage({
      id,
      shop,
      dedupKey: dedupKey(shop, intent),
      trigger: intent.trigger,
      subject: intent.subject,
      step: intent.step,
      channel: intent.channel,
      recipient: intent.recipient ?? "",
      locale: content?.locale ?? locale,
      orderId: intent.orderId,
      fulfillmentId: intent.fulfillmentId,
      status,
      reason: intent.skipReason,
      error: rendered && !rendered.ok ? `Template error: ${rendered.error}` : null,
      renderedSubject: content?.subject ?? null,
      renderedHtml: content?.html ?? null,
      renderedText: content?.text ?? null,
      segments: content?.segments ?? null,
      detectedAt: intent.detectedAt,
      // The job's clock, not the database's: spacing and caps compare these with decision times.
      createdAt: now,
    }),
    { ifChanged },
  );
  if (status === "PENDING") {
    writes.enqueue("deliver-message", { messageId: id }, { key: deliverJobKey(id), maxAttempts: 50, runAt: sendAt(intent, now), ifChanged: row });
  }
  return row;
}

/**
 * Timed conditions (unfulfilled for N business hours, stalled, estimate passed...) are checked by
 * a durable job at the moment they could become true, never by a timer in memory. The key makes
 * repeated evaluations schedule that moment once; if the condition has gone by then, the
 * evaluation simply finds nothing due. The job is recorded (a Job row written with the evaluation's
 * rows on either queue): on BullMQ, a wake-up whose add to Redis is lost after commit, or that Redis
 * loses, is enqueued again from that row by the sweeper.
 */
function scheduleWakeup(writes: WriteSet, shop: string, orderId: string, at: Date | null): void {
  if (!at) return;
  writes.enqueue("evaluate-order", { shop, orderId }, { runAt: at, key: `wake:${shop}:${orderId}:${at.toISOString()}`, recorded: true });
}
