import { env } from "../env.server";

/**
 * Offline, the simulator (SHOPIFY_API_BASE_URL) plays Shopify admin: it frames Herald's pages
 * and provides session tokens through a stand-in App Bridge script. Shopify's own CSP allows
 * only https://{shop} and admin.shopify.com as frame ancestors, so the simulator's origin is
 * added here. Nothing changes when SHOPIFY_API_BASE_URL is unset (production).
 */
export function allowLocalAdminFrame(headers: Headers): void {
  const origin = localAdminOrigin();
  if (!origin) return;
  const csp = headers.get("Content-Security-Policy");
  if (csp && csp.includes("frame-ancestors")) {
    headers.set("Content-Security-Policy", csp.replace("frame-ancestors", `frame-ancestors ${origin}`));
  }
}

/** The simulator's origin when running offline, else null. */
export function localAdminOrigin(): string | null {
  const base = env().SHOPIFY_API_BASE_URL;
  return base ? new URL(base).origin : null;
}

/** Where the stand-in App Bridge script is served offline, else null (Shopify's CDN is used). */
export function localAppBridgeUrl(): string | null {
  const base = env().SHOPIFY_API_BASE_URL;
  return base ? `${base.replace(/\/+$/, "")}/cdn/app-bridge.js` : null;
}
