import { shopifyApi, WebhookValidationErrorReason, type WebhookFields } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/web-api";
import { env } from "../env.server";
import { API_VERSION_STRING } from "./api-version";

let api: ReturnType<typeof shopifyApi> | undefined;

function instance() {
  const config = env();
  api ??= shopifyApi({
    apiKey: config.SHOPIFY_API_KEY,
    apiSecretKey: config.SHOPIFY_API_SECRET,
    hostName: new URL(config.SHOPIFY_APP_URL).host,
    apiVersion: API_VERSION_STRING as never,
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  return api;
}

/**
 * Verify a webhook with the Shopify library's own check (HMAC of the raw body, required
 * X-Shopify-* headers). Unlike authenticate.webhook it neither loads nor refreshes the shop's
 * offline session (a possible network call) nor JSON.parses the body (a malformed body must be
 * recorded as a failed event, not answered 500): the webhook path stays fast and offline.
 * Throws the Response Shopify expects on failure: 405, 401 (bad HMAC) or 400 (missing headers).
 */
export async function verifyWebhook(request: Request, rawBody: string): Promise<WebhookFields> {
  if (request.method !== "POST") throw new Response(undefined, { status: 405, statusText: "Method not allowed" });
  const check = await instance().webhooks.validate({ rawBody, rawRequest: request });
  if (check.valid) return check;
  if (check.reason === WebhookValidationErrorReason.InvalidHmac || check.reason === WebhookValidationErrorReason.MissingHmac) {
    throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
  }
  throw new Response(undefined, { status: 400, statusText: "Bad Request" });
}
