import crypto from "node:crypto";
import { db } from "../db.server";
import { log } from "../log.server";
import { parseSettings } from "../notifications/settings";
import { verifyAppProxy } from "../unsubscribe/app-proxy.server";
import { claimProxySignature, withinRateLimit, type WindowLimit } from "./proxy-guard.server";
import { parseSignup } from "./signup-form";
import { subscribe } from "./signup.server";
import { textsAccepted } from "./sms-signup.server";

// POST /apps/herald/back-in-stock on the storefront reaches /proxy/back-in-stock through Shopify's
// app proxy, signed. Answers JSON for the product page's block:
//   200 { ok: true, status: subscribed | already_subscribed | confirm_sms | unreachable,
//         unreachable?: [email_unsubscribed | email_undeliverable | phone_stopped] }
//   400 { ok: false, errors: { field: code } }      (phone: unsupported_country, a number the shop does not text)      401 bad, stale or replayed signature
//   429 { ok: false, error: "rate_limited" }         404 shop not installed, 403 alerts switched off

/** Sign-ups per visitor (IP) and per shop, counted in the database so every process shares them. */
export const SIGNUP_LIMITS: { perIp: WindowLimit; perShop: WindowLimit } = {
  perIp: { limit: 10, windowMs: 10 * 60_000 },
  perShop: { limit: 300, windowMs: 60_000 },
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/** The whole /proxy/back-in-stock route. */
export async function handleBackInStockSignup(request: Request, now = new Date()): Promise<Response> {
  if (request.method.toUpperCase() !== "POST") return json(405, { ok: false, error: "method_not_allowed" }, { Allow: "POST" });
  const url = new URL(request.url);
  const proxy = await verifyAppProxy(url);
  if (!proxy) {
    log.warn("backinstock.refused", { reason: "bad app proxy signature" });
    return json(401, { ok: false, error: "unauthorized" });
  }
  const body = await request.text();
  // Shopify signs the query, not the body: two visitors posting in the same second share a
  // signature. A replay is the same signature with the same body.
  const fingerprint = `${url.searchParams.get("signature") ?? ""}:${crypto.createHash("sha256").update(body).digest("hex").slice(0, 32)}`;
  if (!(await claimProxySignature(proxy.shop, fingerprint, now))) {
    log.warn("backinstock.refused", { shop: proxy.shop, reason: "replayed signature" });
    return json(401, { ok: false, error: "unauthorized" });
  }
  const ip = clientIp(request);
  const allowed =
    (await withinRateLimit(`bis:ip:${proxy.shop}:${ip}`, SIGNUP_LIMITS.perIp, now)) && (await withinRateLimit(`bis:shop:${proxy.shop}`, SIGNUP_LIMITS.perShop, now));
  if (!allowed) {
    log.warn("backinstock.rate_limited", { shop: proxy.shop });
    return json(429, { ok: false, error: "rate_limited" }, { "Retry-After": "60" });
  }

  const parsed = parseSignup(new URLSearchParams(body));
  if (!parsed.ok) return json(400, { ok: false, errors: parsed.errors });

  const shop = await db.shop.findUnique({ where: { domain: proxy.shop } });
  if (!shop || shop.uninstalledAt) return json(404, { ok: false, error: "unknown_shop" });
  const settings = parseSettings(shop.settings).backInStock;
  if (!settings.enabled) return json(403, { ok: false, error: "disabled" });

  // Texts cost the shop: only numbers of the countries it sells to (anyone can type any number here).
  if (parsed.input.phone && !(await textsAccepted(shop, settings.smsCountries, parsed.input.phone))) {
    return json(400, { ok: false, errors: { phone: "unsupported_country" } });
  }

  const answer = await subscribe(proxy.shop, parsed.input, { smsDoubleOptIn: settings.smsDoubleOptIn, shopLocale: shop.primaryLocale }, now);
  return json(200, { ok: true, status: answer.status, ...(answer.unreachable.length > 0 ? { unreachable: answer.unreachable } : {}) });
}

/** The visitor's address: Shopify's proxy forwards it first in X-Forwarded-For. */
function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}
