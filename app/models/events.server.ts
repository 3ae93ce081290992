import { db } from "../db.server";

/** Webhook events that could not be recorded as facts (kept for an operator to see and replay). */
export async function failedEvents(shop: string, limit = 20) {
  return db.webhookEvent.findMany({
    where: { shop, status: "FAILED" },
    orderBy: { receivedAt: "desc" },
    take: limit,
    select: { id: true, topic: true, webhookId: true, error: true, receivedAt: true },
  });
}
