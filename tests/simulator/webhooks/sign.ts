import { createHmac, randomUUID } from "node:crypto";

/** The API version Herald pins (shopify.app.toml [webhooks] api_version wins when present). */
export const DEFAULT_API_VERSION = "2026-07";

/** Base64 HMAC-SHA256 of the exact bytes sent, keyed with the app's client secret (as Shopify does). */
export function webhookHmac(rawBody: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

export interface WebhookHeaderInput {
  topic: string;
  shop: string;
  rawBody: string | Buffer;
  secret: string;
  apiVersion?: string;
  /** Same id on every retry/duplicate of one delivery: it is the receiver's idempotency key. */
  webhookId?: string;
  /** Shared by every webhook one merchant/carrier action caused. */
  eventId?: string;
  /** When the event happened in the story (ISO); defaults to now. */
  triggeredAt?: string;
}

/** Every header a Shopify HTTPS webhook delivery carries. */
export function webhookHeaders(input: WebhookHeaderInput): Record<string, string> {
  return {
    "Content-Type": "application/json",
    // Shopify's delivery agent; handy in Herald's logs to tell simulated traffic apart.
    "User-Agent": "Shopify-Captain-Hook (Herald store simulator)",
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Hmac-Sha256": webhookHmac(input.rawBody, input.secret),
    "X-Shopify-Shop-Domain": input.shop,
    "X-Shopify-API-Version": input.apiVersion ?? DEFAULT_API_VERSION,
    "X-Shopify-Webhook-Id": input.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": input.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": input.triggeredAt ?? new Date().toISOString(),
  };
}
