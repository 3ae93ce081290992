import { db } from "../db.server";
import type { Channel, HistoryRecord, MessageStatus, Trigger } from "../notifications/types";

/** What this order's customer has already been told (or is about to be). */
export async function historyForOrder(shop: string, orderId: string): Promise<HistoryRecord[]> {
  const rows = await db.message.findMany({
    where: { shop, orderId },
    select: { trigger: true, subject: true, step: true, channel: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    trigger: r.trigger as Trigger,
    subject: r.subject,
    step: r.step,
    channel: r.channel as Channel,
    status: r.status as MessageStatus,
    createdAt: r.createdAt,
  }));
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
