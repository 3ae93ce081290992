import { db } from "../db.server";
import { dateOf, numberOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { raw, sql, type Sql } from "../db/sql.server";
import { orderStateColumns, orderStateOf, type OrderState, type OrderStateCells } from "./facts.server";
import { jobShopColumn, jobShopOf, type JobShop } from "./shops.server";
import { messageSuppressionColumn } from "./suppressions.server";

/** What every outbox row holds: whom, what and when. */
interface MessageCore {
  id: string;
  shop: string;
  trigger: string;
  subject: string;
  step: string;
  channel: string;
  recipient: string;
  locale: string | null;
  orderId: string | null;
  renderedSubject: string | null;
  renderedHtml: string | null;
  renderedText: string | null;
  createdAt: Date;
}

/** A Message row as delivery reads it. */
export interface OutboxMessage extends MessageCore {
  status: string;
  attempts: number;
}

/**
 * One message as delivery reads it, with its shop, its order's state and the suppression that holds
 * for its recipient, in one query (app/models/facts.server.ts, shops.server.ts, suppressions.server.ts).
 */
export async function loadDelivery(id: string): Promise<DeliveryRead | null> {
  const row = await (await sqlRunner()).get<OutboxRow>(sql`
    SELECT msg."id", msg."shop", msg."trigger", msg."subject", msg."step", msg."channel", msg."recipient", msg."locale", msg."orderId",
           msg."status", msg."attempts", msg."renderedSubject", msg."renderedHtml", msg."renderedText", msg."createdAt",
           ${jobShopColumn(raw('msg."shop"'))}, ${messageSuppressionColumn("msg")},
           ${orderStateColumns(raw('msg."shop"'), raw('msg."orderId"'))}
    FROM "Message" msg WHERE msg."id" = ${id}`);
  if (!row) return null;
  const { jobShop, suppressedBy, order, fulfillments, fulfillmentOrders, events, history, attempts, createdAt, ...message } = row;
  return {
    message: { ...message, attempts: numberOf(attempts), createdAt: dateOf(createdAt) },
    shop: jobShopOf(jobShop),
    facts: orderStateOf({ order, fulfillments, fulfillmentOrders, events, history }),
    suppressedBy,
  };
}

type OutboxRow = Omit<OutboxMessage, "attempts" | "createdAt"> & OrderStateCells & { attempts: unknown; createdAt: unknown; jobShop: unknown; suppressedBy: string | null };

/** What loadDelivery reads: everything a delivery decides on before it calls the provider. */
export interface DeliveryRead {
  message: OutboxMessage;
  shop: JobShop | null;
  /** The order's state, when the message is about an order Herald knows. */
  facts: OrderState | null;
  /** For messageSuppression: the reason of a suppression matching the recipient as stored, or null. */
  suppressedBy: string | null;
}

/** A message decided by the worker, as its row is first written. */
export interface NewMessage extends MessageCore {
  dedupKey: string;
  fulfillmentId: string | null;
  status: "PENDING" | "SKIPPED" | "FAILED";
  reason: string | null;
  error: string | null;
  segments: number | null;
  detectedAt: Date | null;
}

/**
 * The statement that records a decided message, unless one with its dedupKey exists: it changes
 * no row then (a duplicate webhook, a retried job, another worker deciding the same at once).
 */
export function insertMessage(m: NewMessage): Sql {
  return sql`
    INSERT INTO "Message" ("id", "shop", "dedupKey", "trigger", "subject", "step", "channel", "recipient", "locale", "orderId", "fulfillmentId",
                           "status", "reason", "error", "attempts", "renderedSubject", "renderedHtml", "renderedText", "segments", "detectedAt",
                           "createdAt", "updatedAt")
    VALUES (${m.id}, ${m.shop}, ${m.dedupKey}, ${m.trigger}, ${m.subject}, ${m.step}, ${m.channel}, ${m.recipient}, ${m.locale}, ${m.orderId},
            ${m.fulfillmentId}, ${m.status}, ${m.reason}, ${m.error}, 0, ${m.renderedSubject}, ${m.renderedHtml}, ${m.renderedText}, ${m.segments},
            ${m.detectedAt}, ${m.createdAt}, ${new Date()})
    ON CONFLICT ("dedupKey") DO NOTHING`;
}

/** The newest messages of a shop, for the admin. */
export async function recentMessages(shop: string, limit = 25) {
  return db.message.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      trigger: true,
      step: true,
      channel: true,
      status: true,
      reason: true,
      error: true,
      locale: true,
      attempts: true,
      orderId: true,
      renderedSubject: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

/** Counts by status over a period, for the home screen. */
export async function messageCounts(shop: string, since: Date): Promise<Record<string, number>> {
  // Test sends from the template editor are not customer messages.
  const rows = await db.message.groupBy({ by: ["status"], where: { shop, createdAt: { gte: since }, trigger: { not: "test" } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
