import { timeOrderedUuid } from "../db/ids";
import { execute, raw, sql, type Sql } from "../db/sql.server";
import { boolOf } from "../db/rows";
import { sqlRunner, type SqlRunner } from "../db/runner.server";
import { runAfterCommitHooks, transaction } from "../db/transaction.server";
import { eventJobKey } from "../jobs/keys";
import { DbQueue } from "../jobs/db-queue.server";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { parseShopifyJson } from "./json";
import { fulfillmentEventFacts, fulfillmentFacts, orderFacts } from "../models/facts.server";
import { TOPICS, type Topic, type TopicSpec } from "./topics.server";

export interface IncomingWebhook {
  shop: string;
  topic: Topic;
  webhookId: string;
  eventId?: string | null;
  triggeredAt?: string | null;
  apiVersion?: string | null;
  rawBody: string;
  receivedAt?: Date;
}

export type IngestOutcome = "recorded" | "duplicate" | "invalid" | "ignored";

/**
 * Record a verified webhook exactly once. One transaction: the event row (unique per shop and
 * X-Shopify-Webhook-Id), the facts it carries and the job that processes it. This is the path
 * every webhook takes, so it is raw SQL: Prisma's per-query work cost more than the database's. A payload that
 * does not validate is kept as a FAILED event with the reason, for an operator to see and replay.
 * No provider and no Admin API call happens here.
 */
export async function ingestWebhook(w: IncomingWebhook): Promise<IngestOutcome> {
  const spec: TopicSpec = TOPICS[w.topic];
  const receivedAt = w.receivedAt ?? new Date();
  const q = queue();
  // The topics whose facts are one statement (or none) are recorded as raw SQL on the hot-path
  // runner (direct SQLite with group commit, or node-postgres); the others apply their facts through
  // Prisma. Both run the same event and job statements.
  const facts = FACT_STATEMENTS[w.topic];
  const runner = facts || !spec.apply ? await sqlRunner() : null;

  const checked = checkPayload(w.topic, w.rawBody);
  const payload = checked.ok ? checked.payload : undefined;
  const invalidReason = checked.ok ? null : checked.reason;

  const triggeredAt = w.triggeredAt ? safeDate(w.triggeredAt) : null;
  const id = timeOrderedUuid();
  // Recorded only for a shop that has Herald installed (compliance topics and app/uninstalled
  // still reach a shop we hold data for after uninstall). One transaction of INSERT ... ON
  // CONFLICT statements: the event (a redelivery of a recorded webhook changes nothing) with the
  // order it names, the facts it carries (newer-only), the job.
  const afterUninstall = Boolean(spec.compliance) || w.topic === "app/uninstalled";
  const installed = afterUninstall ? raw("") : raw(`AND "uninstalledAt" IS NULL`);
  const orderId = checked.ok && spec.orderId ? spec.orderId(payload) : null;
  const event = sql`
    INSERT INTO "WebhookEvent" ("id", "shop", "topic", "webhookId", "eventId", "triggeredAt", "apiVersion", "payload", "status", "error", "receivedAt", "orderId")
    SELECT ${id}, ${w.shop}, ${w.topic}, ${w.webhookId}, ${w.eventId ?? null}, ${triggeredAt}, ${w.apiVersion ?? null}, ${w.rawBody},
           ${invalidReason === null ? "RECEIVED" : "FAILED"}, ${invalidReason === null ? null : `Invalid payload: ${invalidReason}`}, ${receivedAt}, ${orderId}
    WHERE EXISTS (SELECT 1 FROM "Shop" WHERE "domain" = ${w.shop} ${installed})
    ON CONFLICT ("shop", "webhookId") DO NOTHING`;
  const job: EventJob = { name: "process-event", payload: { eventId: id }, opts: { key: eventJobKey(id) } };

  const recorded = runner
    ? await recordOnRunner(runner, event, invalidReason === null && facts ? [facts(w.shop, payload as never)] : [], invalidReason === null ? job : null)
    : await transaction(async (tx) => {
        if ((await execute(tx, event)) === 0) return false; // a redelivery, or no such shop
        if (invalidReason === null) {
          await spec.apply?.(tx, w.shop, payload as never, { receivedAt, triggeredAt: triggeredAt ?? receivedAt });
          await q.enqueue(job.name, job.payload, { ...job.opts, tx });
        }
        return true;
      });
  if (!recorded) {
    // A shop that never installed (or has gone): acknowledged, nothing kept. Else a redelivery.
    const shopQuery = sql`SELECT "uninstalledAt" IS NOT NULL AS "uninstalled" FROM "Shop" WHERE "domain" = ${w.shop}`;
    const shop = await (runner ?? (await sqlRunner())).get<{ uninstalled: unknown }>(shopQuery);
    if (!shop || (boolOf(shop.uninstalled) && !afterUninstall)) {
      log.info("webhook.ignored", { shop: w.shop, topic: w.topic, reason: shop ? "uninstalled" : "unknown_shop" });
      return "ignored";
    }
    return "duplicate";
  }
  if (invalidReason !== null) {
    log.warn("webhook.invalid", { shop: w.shop, topic: w.topic, webhookId: w.webhookId });
    return "invalid";
  }
  return "recorded";
}

type EventJob = { name: "process-event"; payload: { eventId: string }; opts: { key: string } };

/**
 * The event, then (only if it was new: a redelivery changes nothing) its statements and its job, in
 * one transaction. The database queue's job is a row of that transaction; BullMQ's is added once it
 * has committed (the sweeper re-enqueues one lost in between).
 */
async function recordOnRunner(runner: SqlRunner, event: Sql, statements: Sql[], job: EventJob | null): Promise<boolean> {
  const q = queue();
  const inDatabase = job && q instanceof DbQueue ? [q.insertJob(job.name, job.payload, job.opts)] : [];
  const changed = await runner.write([event, ...[...statements, ...inDatabase].map((statement) => ({ sql: statement, ifChanged: 0 }))]);
  if (changed[0] === 0) return false;
  if (job && inDatabase.length === 0) await runAfterCommitHooks([() => q.enqueue(job.name, job.payload, job.opts)]);
  return true;
}

/** The facts of these topics are one statement each: what their TOPICS entry applies, as SQL. */
const FACT_STATEMENTS: Partial<Record<Topic, (shop: string, payload: never) => Sql>> = {
  "orders/create": orderFacts,
  "orders/updated": orderFacts,
  "orders/cancelled": orderFacts,
  "fulfillments/create": fulfillmentFacts,
  "fulfillments/update": fulfillmentFacts,
  "fulfillment_events/create": fulfillmentEventFacts,
};

/** A raw webhook body against its topic's schema: the payload, or why it is refused (kept as the event's error). */
export function checkPayload(topic: Topic, rawBody: string): { ok: true; payload: unknown } | { ok: false; reason: string } {
  try {
    const parsed = TOPICS[topic].schema.safeParse(parseShopifyJson(rawBody));
    if (parsed.success) return { ok: true, payload: parsed.data };
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ") };
  } catch (error) {
    return { ok: false, reason: `body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function safeDate(value: string): Date | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
