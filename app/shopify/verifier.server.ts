import { shopifyApi } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/web-api";
import { env } from "../env.server";
import { API_VERSION_STRING } from "./api-version";

let api: ReturnType<typeof shopifyApi> | undefined;

/**
 * A Shopify API instance used only for its signature checks (webhook HMAC, app-proxy signature):
 * the same checks shopify-app-remix's authenticate.* run, without the session loading (and possible
 * token refresh over the network) they add. One instance for the process.
 */
export function shopifyVerifier(): ReturnType<typeof shopifyApi> {
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
