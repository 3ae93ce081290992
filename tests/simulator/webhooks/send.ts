import { webhookHeaders, type WebhookHeaderInput } from "./sign";

/** Shopify gives up on a delivery after 5 s and retries later; so does the simulator. */
export const SHOPIFY_DELIVERY_TIMEOUT_MS = 5000;

export interface WebhookDelivery extends WebhookHeaderInput {
  url: string;
  timeoutMs?: number;
}

export interface DeliveryResult {
  url: string;
  headers: Record<string, string>;
  /** HTTP status, or null when no answer came (refused, timeout). */
  status: number | null;
  ok: boolean;
  durationMs: number;
  responseBody: string;
  /** Why there was no usable answer, in words a person can act on. */
  error: string | null;
}

/** POST one signed webhook; never throws for network trouble (the result says what happened). */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<DeliveryResult> {
  const headers = webhookHeaders(delivery);
  const started = performance.now();
  const timeoutMs = delivery.timeoutMs ?? SHOPIFY_DELIVERY_TIMEOUT_MS;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers,
      body: typeof delivery.rawBody === "string" ? delivery.rawBody : new Uint8Array(delivery.rawBody),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseBody = await response.text();
    return {
      url: delivery.url,
      headers,
      status: response.status,
      // Shopify counts any 2xx as delivered; everything else (3xx included) is retried.
      ok: response.status >= 200 && response.status < 300,
      durationMs: Math.round(performance.now() - started),
      responseBody,
      error: null,
    };
  } catch (error) {
    return {
      url: delivery.url,
      headers,
      status: null,
      ok: false,
      durationMs: Math.round(performance.now() - started),
      responseBody: "",
      error: describeFetchError(error, delivery.url, timeoutMs),
    };
  }
}

/** Turn undici's terse errors into a sentence with a next step. */
export function describeFetchError(error: unknown, url: string, timeoutMs?: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const origin = safeOrigin(url);
  if (err.name === "TimeoutError" || err.name === "AbortError") {
    return `no answer from ${origin} within ${timeoutMs ?? "?"} ms (Shopify would count this as a failed delivery and retry)`;
  }
  const code = err.cause?.code;
  if (code === "ECONNREFUSED") return `nothing is listening at ${origin} (is it running? is the URL/port right?)`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `cannot resolve the host of ${origin}`;
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return `${origin} closed the connection without answering`;
  return `${err.message ?? String(error)}${err.cause?.message ? ` (${err.cause.message})` : ""}`;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
