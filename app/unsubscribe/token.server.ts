import crypto from "node:crypto";
import { z } from "zod";
import { env } from "../env.server";

// An unsubscribe link must keep working for as long as the email sits in an inbox, and must work
// without a database lookup (the row it would look up may be long gone). So the link carries its
// own facts, signed: `<payload>.<mac>`, both base64url. The payload is a JSON array
// [version, shop, channel, address, scope, locale, issued-at seconds]; the MAC is HMAC-SHA256 with
// the app secret over a context label plus the payload, so it can never be confused with the other
// HMACs made with the same secret (webhooks, app proxy, session tokens).
// Tokens do not expire on purpose; they are bound to one shop and one address, and all they allow
// is switching that address's emails from that shop off and on again.

const VERSION = 1;
const CONTEXT = "herald.unsubscribe.v1.";
const MAC_LENGTH = 43; // 32 bytes of SHA-256, base64url without padding
const MAX_TOKEN_LENGTH = 2048;

/** What an unsubscribe link stands for. */
export interface UnsubscribeClaims {
  /** myshopify domain of the shop that sent the email. */
  shop: string;
  channel: "email";
  /** The recipient, as the email was addressed. */
  address: string;
  /** The trigger the email belonged to ("shipping", "delay"...): what "unsubscribe" switches off. */
  scope: string;
  /** The locale the email was written in: the page answers in it. */
  locale: string;
  issuedAt: Date;
}

export type TokenCheck =
  | { ok: true; claims: UnsubscribeClaims }
  | { ok: false; reason: "missing" | "malformed" | "bad_signature" | "wrong_shop" };

const payloadSchema = z.tuple([
  z.literal(VERSION),
  z.string().regex(/^[a-z0-9][a-z0-9.-]{0,254}$/),
  z.literal("email"),
  z.string().min(3).max(320),
  z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/),
  z.number().int().nonnegative(),
]);

function mac(payload: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(CONTEXT + payload, "utf8").digest("base64url");
}

/** Sign the claims into a URL-safe token. Deterministic: the same claims give the same token. */
export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: string): string {
  const body = [VERSION, claims.shop, claims.channel, claims.address, claims.scope, claims.locale, Math.floor(claims.issuedAt.getTime() / 1000)];
  const payload = Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * Check a token's signature (constant time) and that it was issued for `shop` — the shop Shopify
 * says the request came through. Nothing in the payload is read before the signature is good.
 */
export function verifyUnsubscribeToken(token: string | null | undefined, opts: { secret: string; shop: string }): TokenCheck {
  if (!token) return { ok: false, reason: "missing" };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match || match[2].length !== MAC_LENGTH) return { ok: false, reason: "malformed" };
  const [, payload, given] = match;
  const expected = Buffer.from(mac(payload, opts.secret), "utf8");
  if (!crypto.timingSafeEqual(expected, Buffer.from(given, "utf8"))) return { ok: false, reason: "bad_signature" };

  let parsed;
  try {
    parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const [, shop, channel, address, scope, locale, iat] = parsed.data;
  if (shop !== opts.shop.toLowerCase()) return { ok: false, reason: "wrong_shop" };
  return { ok: true, claims: { shop, channel, address, scope, locale, issuedAt: new Date(iat * 1000) } };
}

/**
 * Where the app proxy is reached on the storefront: `[app_proxy] prefix/subpath` in shopify.app.toml
 * (checked by a test). Merchants can rename it in their admin; links already sent then stop routing.
 */
export const PROXY_PATH = "/apps/herald";

/** The customer-facing unsubscribe URL for one email: on the shop's own domain, through the app proxy. */
export function unsubscribeUrl(claims: Omit<UnsubscribeClaims, "channel">, secret = env().SHOPIFY_API_SECRET): string {
  const token = signUnsubscribeToken({ ...claims, shop: claims.shop.toLowerCase(), channel: "email" }, secret);
  return `https://${claims.shop.toLowerCase()}${PROXY_PATH}/unsubscribe?t=${token}`;
}

/**
 * RFC 8058 one-click unsubscribe headers. Mail clients that show an "Unsubscribe" button POST
 * `List-Unsubscribe=One-Click` to the https URL; the app proxy forwards it to /proxy/unsubscribe.
 */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
