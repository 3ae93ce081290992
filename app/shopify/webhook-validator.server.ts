import { WebhookValidationErrorReason, type WebhookFields } from "@shopify/shopify-api";
import { shopifyVerifier } from "./verifier.server";

/**
 * Verify a webhook with the Shopify library's own check (HMAC of the raw body, required
 * X-Shopify-* headers). Unlike authenticate.webhook it neither loads nor refreshes the shop's
 * offline session (a possible network call) nor JSON.parses the body (a malformed body must be
 * recorded as a failed event, not answered 500): the webhook path stays fast and offline.
 * Throws the Response Shopify expects on failure: 405, 401 (bad HMAC) or 400 (missing headers).
 */
export async function verifyWebhook(request: Request, rawBody: string): Promise<WebhookFields> {
  if (request.method !== "POST") throw new Response(undefined, { status: 405, statusText: "Method not allowed" });
  const check = await shopifyVerifier().webhooks.validate({ rawBody, rawRequest: request });
  if (check.valid) return check;
  if (check.reason === WebhookValidationErrorReason.InvalidHmac || check.reason === WebhookValidationErrorReason.MissingHmac) {
    throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
  }
  throw new Response(undefined, { status: 400, statusText: "Bad Request" });
}
