import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/transaction.server";
import { eventJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { parseShopifyJson } from "./json";
import { TOPICS, type Topic } from "./topics.server";

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
 * X-Shopify-Webhook-Id), the facts it carries and the job that processes it. A payload that
 * does not validate is kept as a FAILED event with the reason, for an operator to see and replay.
 * No provider and no Admin API call happens here.
 */
export async function ingestWebhook(w: IncomingWebhook): Promise<IngestOutcome> {
  const spec = TOPICS[w.topic];
  const receivedAt = w.receivedAt ?? new Date();

  const shop = await db.shop.findUnique({ where: { domain: w.shop }, select: { uninstalledAt: true } });
  // A shop that never installed (or has gone): acknowledge, keep nothing. Compliance topics
  // still reach a shop we hold data for, even after uninstall.
  if (!shop || (shop.uninstalledAt && !("compliance" in spec && spec.compliance) && w.topic !== "app/uninstalled")) {
    log.info("webhook.ignored", { shop: w.shop, topic: w.topic, reason: shop ? "uninstalled" : "unknown_shop" });
    return "ignored";
  }

  const checked = checkPayload(w.topic, w.rawBody);
  const payload = checked.ok ? checked.payload : undefined;
  const invalidReason = checked.ok ? null : checked.reason;

  const base = {
    shop: w.shop,
    topic: w.topic,
    webhookId: w.webhookId,
    eventId: w.eventId ?? null,
    triggeredAt: w.triggeredAt ? safeDate(w.triggeredAt) : null,
    apiVersion: w.apiVersion ?? null,
    payload: w.rawBody,
    receivedAt,
  };

  try {
    await transaction(async (tx) => {
      if (invalidReason !== null) {
        await tx.webhookEvent.create({ data: { ...base, status: "FAILED", error: `Invalid payload: ${invalidReason}` } });
        return;
      }
      const event = await tx.webhookEvent.create({ data: { ...base, status: "RECEIVED" } });
      await spec.apply?.(tx, w.shop, payload as never, { receivedAt, triggeredAt: base.triggeredAt ?? receivedAt });
      await queue().enqueue("process-event", { eventId: event.id }, { tx, key: eventJobKey(event.id) });
    });
  } catch (error) {
    if (isUniqueViolation(error, "WebhookEvent")) {
      return "duplicate";
    }
    throw error;
  }
  if (invalidReason !== null) {
    log.warn("webhook.invalid", { shop: w.shop, topic: w.topic, webhookId: w.webhookId });
    return "invalid";
  }
  return "recorded";
}

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
