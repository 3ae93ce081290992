import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

type Fetch = typeof abstractFetch;
let libraryFetch: Fetch | null = null;

/**
 * Offline (demo, tests), Shopify calls go to SHOPIFY_API_BASE_URL instead of https://{shop}:
 * `https://{shop}{path}` becomes `{base}/{shop}{path}`. The Shopify library stays in charge of
 * auth, signing and parsing; only its transport is redirected. Unset in production.
 */
export function redirectShopifyTransport(baseUrl: string | undefined): void {
  if (!baseUrl) return;
  const base = baseUrl.replace(/\/+$/, "");
  libraryFetch ??= abstractFetch;
  const original = libraryFetch;
  setAbstractFetchFunc((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return original(rewriteShopifyUrl(url, base), init);
  });
}

/** `https://shop.myshopify.com/admin/x` -> `{base}/shop.myshopify.com/admin/x`; other URLs unchanged. */
export function rewriteShopifyUrl(url: string, base: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || !parsed.hostname.endsWith(".myshopify.com")) return url;
  return `${base}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}
