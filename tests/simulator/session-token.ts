import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

export interface SessionTokenInput {
  shop: string;
  apiKey: string;
  apiSecret: string;
  /** Staff member id; Shopify puts the admin user's id in `sub`. */
  userId?: string;
  /** Seconds; Shopify's tokens live one minute. */
  lifetime?: number;
  now?: Date;
}

/**
 * A session token (id_token) like the one App Bridge hands an embedded app: HS256 JWT signed with
 * the app's client secret. Herald verifies it and exchanges it for an access token with "Shopify"
 * (the simulator), exactly as in production.
 */
export async function mintSessionToken(input: SessionTokenInput): Promise<string> {
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: input.userId ?? "1",
    jti: randomUUID(),
    sid: randomBytes(16).toString("hex"),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    // A little nbf slack: the library allows 10 s of clock skew, Shopify backdates a few seconds.
    .setNotBefore(now - 5)
    .setExpirationTime(now + (input.lifetime ?? 60))
    .sign(new TextEncoder().encode(input.apiSecret));
}

/** The shop's admin handle: "herald-demo" for "herald-demo.myshopify.com". */
export function shopHandle(shop: string): string {
  return shop.replace(/\.myshopify\.com$/, "");
}

/**
 * The `host` query parameter admin adds to the app URL: base64 of "admin.shopify.com/store/<handle>".
 * Standard base64 without padding, not base64url: @shopify/shopify-api's sanitizeHost only accepts
 * [0-9a-zA-Z+/] and would reject '-' or '_'.
 */
export function adminHostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shopHandle(shop)}`).toString("base64").replace(/=+$/, "");
}

/** myshopify domains only: Herald's transport redirect and the library's sanitizeShop both expect them. */
export function isShopDomain(shop: string): boolean {
  return /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/.test(shop);
}

/** "herald-demo" -> "herald-demo.myshopify.com"; a full domain is kept. */
export function normalizeShop(shop: string): string {
  const trimmed = shop.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return trimmed.includes(".") ? trimmed : `${trimmed}.myshopify.com`;
}
