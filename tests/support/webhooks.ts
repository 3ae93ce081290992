import crypto from "node:crypto";
import { receiveWebhook } from "../../app/webhooks/receive.server";

/** Build the request Shopify would send, signed with the app secret (or another one). */
export function signedWebhook(
  topic: string,
  body: unknown,
  opts: { shop?: string; webhookId?: string; secret?: string; omitHeaders?: string[]; triggeredAt?: string } = {},
): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const secret = opts.secret ?? process.env.SHOPIFY_API_SECRET!;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "X-Shopify-Topic": topic,
    "X-Shopify-Hmac-Sha256": crypto.createHmac("sha256", secret).update(raw, "utf8").digest("base64"),
    "X-Shopify-Shop-Domain": opts.shop ?? "herald-test.myshopify.com",
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": opts.webhookId ?? crypto.randomUUID(),
    "X-Shopify-Event-Id": crypto.randomUUID(),
    "X-Shopify-Triggered-At": opts.triggeredAt ?? new Date().toISOString(),
  };
  for (const h of opts.omitHeaders ?? []) delete headers[h];
  return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${topic}`, { method: "POST", headers, body: raw });
}

/** Deliver a request to Herald's webhook endpoint (app/webhooks/receive.server.ts), as the web server would. */
export async function postWebhook(topic: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname !== `/webhooks/${topic}`) throw new Error(`${request.url} is not the endpoint of ${topic}`);
  const result = await receiveWebhook({
    method: request.method,
    path: url.pathname + url.search,
    header: (name) => request.headers.get(name) ?? undefined,
    rawBody: Buffer.from(await request.arrayBuffer()),
  });
  const headers: Record<string, string> = result.outcome ? { "X-Herald-Outcome": result.outcome } : {};
  return new Response(null, { status: result.status, headers });
}

/** Sign and deliver a webhook in one step. */
export function deliver(topic: string, body: unknown, opts?: Parameters<typeof signedWebhook>[2]): Promise<Response> {
  return postWebhook(topic, signedWebhook(topic, body, opts));
}
