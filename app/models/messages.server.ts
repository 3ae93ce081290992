import { db } from "../db.server";
import { dateOf, numberOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { sql, type Sql } from "../db/sql.server";

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

/** One message, for delivery. */
export async function findOutboxMessage(id: string): Promise<OutboxMessage | null> {
  const row = await (await sqlRunner()).get<Omit<OutboxMessage, "attempts" | "createdAt"> & { attempts: unknown; createdAt: unknown }>(sql`
    SELECT "id", "shop", "trigger", "subject", "step", "channel", "recipient", "locale", "orderId", "status", "attempts",
           "renderedSubject", "renderedHtml", "renderedText", "createdAt"
    FROM "Message" WHERE "id" = ${id}`);
  return row ? { ...row, attempts: numberOf(row.attempts), createdAt: dateOf(row.createdAt) } : null;
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
