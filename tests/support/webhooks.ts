import crypto from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";

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

type Action = (args: ActionFunctionArgs) => Promise<Response>;

/** Call the route module that shopify.app.toml names for this topic, as Remix would. */
export async function postWebhook(topic: string, request: Request): Promise<Response> {
  const modules: Record<string, () => Promise<{ action: Action }>> = import.meta.glob("../../app/routes/webhooks.*.tsx") as never;
  const file = `../../app/routes/webhooks.${topic.replaceAll("/", ".")}.tsx`;
  const load = modules[file];
  if (!load) throw new Error(`No route module for ${topic} (${file})`);
  const { action } = await load();
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Sign and deliver a webhook in one step. */
export function deliver(topic: string, body: unknown, opts?: Parameters<typeof signedWebhook>[2]): Promise<Response> {
  return postWebhook(topic, signedWebhook(topic, body, opts));
}
