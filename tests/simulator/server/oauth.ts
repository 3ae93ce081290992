import { timingSafeEqual } from "node:crypto";
import { jwtVerify } from "jose";
import { json, parseParams, type SimRequest, type SimResponse } from "./http";
import type { IssuedToken, SimulatorState } from "./state";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

/** Expiring offline tokens live one hour; their refresh tokens 90 days (Shopify, Dec 2025). */
export const EXPIRING_OFFLINE_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;
/** Online tokens end with the admin user's session (a day). */
export const ONLINE_SECONDS = 86_399;

export interface OAuthConfig {
  apiKey: string;
  apiSecret: string;
  /** What a shop grants the app (comma-separated), returned as `scope`. */
  scopes: string;
}

/**
 * POST /{shop}/admin/oauth/access_token — the one token endpoint, three grants:
 *  - token exchange of a session token (id_token) for an offline or online access token
 *    (`expiring: "1"` asks for an expiring offline token with a refresh token);
 *  - token exchange of a non-expiring offline token for an expiring one (migration);
 *  - refresh_token, which replaces both the access token and the refresh token.
 * Errors use the OAuth shapes the Shopify library reacts to: 400 invalid_subject_token makes
 * shopify-app-remix ask App Bridge for a new session token.
 */
export async function handleAccessToken(req: SimRequest, shop: string, state: SimulatorState, config: OAuthConfig): Promise<SimResponse> {
  const params = parseParams(req);
  const grantType = params?.grant_type ?? "";
  const record = (status: number, error: string | null, requestedTokenType: string | null = null) =>
    state.exchanges.push({
      at: state.clock().toISOString(),
      shop,
      grantType,
      requestedTokenType: requestedTokenType ?? params?.requested_token_type ?? null,
      expiring: params?.expiring === "1",
      outcome: error ? "refused" : "issued",
      status,
      error,
    });
  const refuse = (status: number, error: string, description: string) => {
    record(status, `${error}: ${description}`);
    return json(status, { error, error_description: description });
  };

  if (!params) return refuse(400, "invalid_request", "Body must be JSON or form-encoded.");
  if (!safeEqual(params.client_id, config.apiKey) || !safeEqual(params.client_secret, config.apiSecret)) {
    return refuse(401, "invalid_client", "Client authentication failed: client_id/client_secret do not match the simulator's SHOPIFY_API_KEY/SHOPIFY_API_SECRET.");
  }
  if (!state.shops.has(shop)) {
    return refuse(404, "shop_not_found", `The simulator has no shop ${shop}. Run: npm run simulate -- install --shop ${shop}`);
  }

  if (grantType === "refresh_token") {
    const previous = params.refresh_token ? state.findByRefreshToken(shop, params.refresh_token) : null;
    if (!previous) return refuse(400, "invalid_grant", "Token has been expired or revoked.");
    // Shopify replaces the refresh token on every use. Since Aug 2026 the previous pair keeps
    // working until the app first uses the replacement (so a lost refresh response is recoverable).
    const next = state.issueToken(shop, "offline", previous.scope, {
      lifetimeSeconds: EXPIRING_OFFLINE_SECONDS,
      refreshLifetimeSeconds: REFRESH_TOKEN_SECONDS,
      replaces: previous.token,
    });
    record(200, null, OFFLINE_TOKEN_TYPE);
    return json(200, offlineBody(next));
  }

  if (grantType !== TOKEN_EXCHANGE_GRANT) {
    return refuse(400, "unsupported_grant_type", `grant_type "${grantType}" is not supported.`);
  }

  if (params.subject_token_type === OFFLINE_TOKEN_TYPE) {
    // Migration of a non-expiring offline token to an expiring one.
    const old = state.validAccessToken(shop, params.subject_token);
    if (!old || old.kind !== "offline" || old.expiresAt) {
      return refuse(400, "invalid_subject_token", "subject_token is not a non-expiring offline token of this shop.");
    }
    old.revoked = true;
    const next = state.issueToken(shop, "offline", old.scope, {
      lifetimeSeconds: EXPIRING_OFFLINE_SECONDS,
      refreshLifetimeSeconds: REFRESH_TOKEN_SECONDS,
    });
    record(200, null);
    return json(200, offlineBody(next));
  }

  if (params.subject_token_type !== ID_TOKEN_TYPE) {
    return refuse(400, "invalid_request", `subject_token_type must be ${ID_TOKEN_TYPE}.`);
  }
  const problem = await sessionTokenProblem(params.subject_token ?? "", shop, config, state.clock());
  if (problem) return refuse(400, "invalid_subject_token", problem);

  if (params.requested_token_type === OFFLINE_TOKEN_TYPE) {
    const expiring = params.expiring === "1";
    const token = state.issueToken(shop, "offline", config.scopes, expiring
      ? { lifetimeSeconds: EXPIRING_OFFLINE_SECONDS, refreshLifetimeSeconds: REFRESH_TOKEN_SECONDS }
      : {});
    record(200, null);
    return json(200, offlineBody(token));
  }
  if (params.requested_token_type === ONLINE_TOKEN_TYPE) {
    const token = state.issueToken(shop, "online", config.scopes, { lifetimeSeconds: ONLINE_SECONDS });
    const owner = state.shops.get(shop)!;
    record(200, null);
    return json(200, {
      access_token: token.token,
      scope: token.scope,
      expires_in: ONLINE_SECONDS,
      associated_user_scope: token.scope,
      associated_user: {
        id: 1,
        first_name: "Sam",
        last_name: "Merchant",
        email: owner.email,
        account_owner: true,
        locale: owner.locale,
        collaborator: false,
        email_verified: true,
      },
    });
  }
  return refuse(400, "invalid_request", `requested_token_type must be ${OFFLINE_TOKEN_TYPE} or ${ONLINE_TOKEN_TYPE}.`);
}

function offlineBody(token: IssuedToken): Record<string, unknown> {
  const seconds = (iso: string | null) => (iso ? Math.round((Date.parse(iso) - Date.parse(token.issuedAt)) / 1000) : undefined);
  // A non-expiring offline token response is only {access_token, scope}: the library treats the
  // presence of expires_in/refresh_token as "expiring".
  return {
    access_token: token.token,
    scope: token.scope,
    ...(token.expiresAt && { expires_in: seconds(token.expiresAt) }),
    ...(token.refreshToken && { refresh_token: token.refreshToken, refresh_token_expires_in: seconds(token.refreshExpiresAt) }),
  };
}

/** Why a session token is not acceptable for this shop, or null when it is. */
export async function sessionTokenProblem(token: string, shop: string, config: OAuthConfig, now: Date): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(config.apiSecret), {
      algorithms: ["HS256"],
      // The same 10 s tolerance @shopify/shopify-api uses when it decodes session tokens.
      clockTolerance: 10,
      currentDate: now,
    });
    if (payload.aud !== config.apiKey) return `aud "${String(payload.aud)}" is not the app's API key`;
    if (payload.dest !== `https://${shop}`) return `dest "${String(payload.dest)}" is not https://${shop}`;
    return null;
  } catch (error) {
    return `session token rejected (${(error as Error).message})`;
  }
}

function safeEqual(a: string | undefined, b: string): boolean {
  const x = Buffer.from(a ?? "");
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
