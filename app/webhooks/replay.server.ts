import { db } from "../db.server";
import { transaction } from "../db/transaction.server";
import { replayEventJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { checkPayload } from "./ingest.server";
import { isTopic, TOPICS } from "./topics.server";

export type ReplayOutcome = { outcome: "queued" } | { outcome: "still_invalid"; reason: string } | { outcome: "not_found" | "not_failed" };

/**
 * Process a FAILED webhook event again, as if it had just arrived: its payload is checked again (the
 * schema may have been widened since), its facts recorded, and it goes back to RECEIVED with a new
 * process-event job. A payload that is still refused stays FAILED with the reason; nothing is lost.
 */
export async function replayEvent(shop: string, id: string, now: Date): Promise<ReplayOutcome> {
  const event = await db.webhookEvent.findFirst({ where: { id, shop } });
  if (!event) return { outcome: "not_found" };
  if (event.status !== "FAILED") return { outcome: "not_failed" };
  const checked = isTopic(event.topic) ? checkPayload(event.topic, event.payload) : ({ ok: false, reason: `unknown topic ${event.topic}` } as const);
  if (!checked.ok) {
    const error = `Invalid payload: ${checked.reason}`;
    await db.webhookEvent.updateMany({ where: { id, shop, status: "FAILED" }, data: { error } });
    log.warn("webhook.replay_invalid", { shop, event: id, topic: event.topic });
    return { outcome: "still_invalid", reason: error };
  }
  const topic = event.topic as keyof typeof TOPICS;
  return transaction(async (tx) => {
    // Conditional: a second replay of the same event (two clicks) is a no-op.
    const { count } = await tx.webhookEvent.updateMany({ where: { id, shop, status: "FAILED" }, data: { status: "RECEIVED", error: null } });
    if (count === 0) return { outcome: "not_failed" } as const;
    const meta = { receivedAt: event.receivedAt, triggeredAt: event.triggeredAt ?? event.receivedAt };
    await TOPICS[topic].apply?.(tx, shop, checked.payload as never, meta);
    await queue().enqueue("process-event", { eventId: id }, { tx, key: replayEventJobKey(id, now) });
    log.info("webhook.replayed", { shop, event: id, topic: event.topic });
    return { outcome: "queued" } as const;
  });
}
