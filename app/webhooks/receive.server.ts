import { verifyWebhook } from "../shopify/webhook-validator.server";
import { ingestWebhook } from "./ingest.server";
import type { Topic } from "./topics.server";

/**
 * The whole webhook route: verify, record once, answer. Errors are not caught here: a failure
 * to record answers 500 and Shopify retries (the event was not stored, so nothing is doubled).
 */
export async function receiveWebhook(request: Request, topic: Topic): Promise<Response> {
  const rawBody = await request.text();
  const fields = await verifyWebhook(request, rawBody);
  const outcome = await ingestWebhook({
    shop: fields.domain,
    topic,
    webhookId: fields.webhookId,
    eventId: "eventId" in fields ? (fields.eventId ?? null) : null,
    triggeredAt: fields.triggeredAt ?? null,
    apiVersion: fields.apiVersion,
    rawBody,
  });
  return new Response(null, { status: 200, headers: { "X-Herald-Outcome": outcome } });
}
