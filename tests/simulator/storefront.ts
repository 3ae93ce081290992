import { appProxyQuery } from "../support/app-proxy";
import type { StorefrontStep } from "./scenario/types";
import { AppTomlError, deliveryUrl, type AppToml } from "./webhooks/subscriptions";

// A shopper's browser posting to the storefront at https://{shop}/apps/herald/<path>: Shopify's app
// proxy forwards the request to Herald's proxy URL (shopify.app.toml [app_proxy]) with its signed query.

/** Where Shopify's app proxy forwards https://{shop}/{prefix}/{subpath}/<path>, on the Herald at appUrl. */
export function proxyUrl(appUrl: string, toml: AppToml, path: string): string {
  if (!toml.appProxy) throw new AppTomlError(`${toml.file} declares no [app_proxy]: Shopify would forward no storefront request to the app.`);
  return `${deliveryUrl(appUrl, toml.appProxy.url, toml.applicationUrl).replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** The storefront address a shopper's browser posts to. */
export function storefrontAddress(shop: string, toml: AppToml, path: string): string {
  return `https://${shop}/${toml.appProxy?.prefix ?? "apps"}/${toml.appProxy?.subpath ?? "herald"}/${path.replace(/^\/+/, "")}`;
}

export interface ForwardedRequest {
  url: string;
  /** The signed query (kept, so a double submit can send the very same request). */
  query: URLSearchParams;
  init: { method: "POST"; headers: Record<string, string>; body: string };
}

/**
 * The request as the app proxy forwards it: signed now with the app secret (or `query` again, byte
 * for byte), the form as the body, the shopper's address in X-Forwarded-For.
 */
export function forwardedRequest(
  step: StorefrontStep,
  opts: { appUrl: string; toml: AppToml; shop: string; secret: string; at?: Date; query?: URLSearchParams },
): ForwardedRequest {
  const query = opts.query ?? appProxyQuery(new URLSearchParams(), { shop: opts.shop, at: opts.at ?? new Date(), secret: opts.secret });
  return {
    url: `${proxyUrl(opts.appUrl, opts.toml, step.path)}?${query}`,
    query,
    init: {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": step.ip },
      body: new URLSearchParams(step.form).toString(),
    },
  };
}

const lastSecond = new Map<string, number>();

/**
 * Wait, if need be, until the clock is in a later second than the last request with the same shop
 * and form. The proxy signature covers the query, whose timestamp is in seconds: two submits of one
 * form within a second are byte for byte the same request, which Herald refuses as a replay. A
 * shopper's genuine repeat comes later; only a double submit (sameAs) reuses a request on purpose.
 */
export async function afterSameRequest(shop: string, step: StorefrontStep): Promise<void> {
  const key = `${shop} ${step.path} ${new URLSearchParams(step.form).toString()}`;
  const last = lastSecond.get(key);
  while (last !== undefined && Math.floor(Date.now() / 1000) <= last) await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
  lastSecond.set(key, Math.floor(Date.now() / 1000));
}
