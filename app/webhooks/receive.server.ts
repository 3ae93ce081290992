import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "../log.server";
import { verifyWebhook, type HeaderLookup } from "../shopify/webhook-validator.server";
import { ingestWebhook, type IngestOutcome } from "./ingest.server";
import { TOPICS, type Topic } from "./topics.server";

/** One delivery as it arrived: `/webhooks/<topic>`, its headers, the body's bytes. */
export interface WebhookDelivery {
  method: string;
  path: string;
  header: HeaderLookup;
  rawBody: Buffer;
}

export interface WebhookAnswer {
  status: number;
  outcome?: IngestOutcome;
}

/** Shopify's largest payloads (orders with hundreds of lines) are far below this. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;
const PREFIX = "/webhooks/";

/**
 * The whole webhook endpoint: route by path (`/webhooks/<topic>`, the URIs shopify.app.toml
 * declares), verify, record once, answer. 404 for a topic Herald does not subscribe to, 405 for
 * anything but POST, 401/400 from the signature check. Errors are not caught here: a failure to
 * record answers 500 and Shopify retries (the event was not stored, so nothing is doubled).
 */
export async function receiveWebhook(delivery: WebhookDelivery): Promise<WebhookAnswer> {
  const topic = topicOf(delivery.path);
  if (!topic) return { status: 404 };
  if (delivery.method !== "POST") return { status: 405 };
  const check = verifyWebhook(delivery.header, delivery.rawBody);
  if (!check.ok) {
    log.warn("webhook.refused", { topic, status: check.status, reason: check.reason });
    return { status: check.status };
  }
  const { fields } = check;
  const outcome = await ingestWebhook({
    shop: fields.domain,
    topic,
    webhookId: fields.webhookId,
    eventId: fields.eventId,
    triggeredAt: fields.triggeredAt,
    apiVersion: fields.apiVersion,
    rawBody: delivery.rawBody.toString("utf8"),
  });
  return { status: 200, outcome };
}

/**
 * The node:http face of receiveWebhook. Webhooks are the hot path (a large shop sends tens a
 * second and Shopify gives up on a slow endpoint), so they do not go through Remix's request
 * pipeline: the body is read as bytes straight off the socket.
 */
export function handleWebhookHttp(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_WEBHOOK_BYTES) chunks.push(chunk);
  });
  req.on("error", () => res.destroy());
  req.on("end", () => {
    if (size > MAX_WEBHOOK_BYTES) return answer(res, { status: 413 });
    const delivery: WebhookDelivery = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
      },
      rawBody: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
    };
    receiveWebhook(delivery).then(
      (result) => answer(res, result),
      (error: unknown) => {
        log.error("webhook.failed", { path: delivery.path.split("?")[0], error: error instanceof Error ? error.message : String(error) });
        answer(res, { status: 500 });
      },
    );
  });
}

function answer(res: ServerResponse, result: WebhookAnswer): void {
  const headers: Record<string, string> = { "Content-Length": "0" };
  if (result.outcome) headers["X-Herald-Outcome"] = result.outcome;
  if (result.status === 405) headers.Allow = "POST";
  res.writeHead(result.status, headers).end();
}

function topicOf(url: string): Topic | null {
  if (!url.startsWith(PREFIX)) return null;
  const end = url.indexOf("?");
  const topic = url.slice(PREFIX.length, end === -1 ? undefined : end);
  return Object.hasOwn(TOPICS, topic) ? (topic as Topic) : null;
}
