import { z } from "zod";
import { shopifyVerifier } from "../shopify/verifier.server";
import { PROXY_PATH } from "./token.server";

// Why not authenticate.public.appProxy (shopify-app-remix)? It runs this same library check
// (api.utils.validateHmac with signator "appProxy": sorted key=value pairs, hex HMAC-SHA256 with the
// app secret, timestamp within 90 s), but then loads the shop's offline session and, with expiring
// offline tokens, may refresh it over the network — a call to Shopify, and a way to fail, on a path
// that needs no Admin API. It also answers a bad signature with 400, where Herald answers 401 as
// for every other bad signature. So: the library's check, nothing else.


/** What Shopify's app proxy tells us about a storefront request, once its signature is checked. */
export interface AppProxyRequest {
  shop: string;
  /** Where the proxy lives on the storefront, e.g. "/apps/herald" (merchants can rename it). */
  pathPrefix: string;
  loggedInCustomerId: string | null;
}

// Merchants pick the prefix (apps, a, community, tools) and may rename the subpath.
const pathPrefix = z
  .string()
  .regex(/^\/(?:apps|a|community|tools)\/[A-Za-z0-9_-]{1,64}$/)
  .catch(PROXY_PATH);

/**
 * Verify the signature Shopify adds to every app proxy request (shop, logged_in_customer_id,
 * path_prefix, timestamp, signature — and every other query parameter, so a link's token is
 * covered too). Null when unsigned, forged, repeated or older than 90 s.
 */
export async function verifyAppProxy(url: URL): Promise<AppProxyRequest | null> {
  const params = new URLSearchParams(url.search);
  let valid: boolean;
  try {
    valid = await shopifyVerifier().utils.validateHmac(params, { signator: "appProxy" });
  } catch {
    // InvalidHmacError: no signature, no or stale timestamp, a single-value parameter repeated.
    return null;
  }
  if (!valid) return null;
  const shop = shopifyVerifier().utils.sanitizeShop(params.get("shop") ?? "");
  if (!shop) return null;
  return {
    shop: shop.toLowerCase(),
    pathPrefix: pathPrefix.parse(params.get("path_prefix") ?? ""),
    loggedInCustomerId: params.get("logged_in_customer_id") || null,
  };
}
