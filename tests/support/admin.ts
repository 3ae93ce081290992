import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../app/db.server";
import { BROWSER_USER_AGENT } from "../simulator/install";
import { mintSessionToken } from "../simulator/session-token";

// Admin routes, called the way App Bridge calls them from the embedded page: a session token (HS256
// JWT signed with the app secret) as `Authorization: Bearer`. With a live offline session stored for
// the shop, shopify-app-remix accepts the request without a token exchange (no network).

/** Store the offline session Herald would hold after installing `shop`. */
export async function storeOfflineSession(shop: string): Promise<void> {
  const id = `offline_${shop}`;
  await db.session.upsert({
    where: { id },
    create: { id, shop, state: "", isOnline: false, accessToken: `shpat_test_${shop}`, scope: process.env.SCOPES ?? "", expires: null },
    update: {},
  });
}

/** A request from the embedded admin page of `shop` (JSON body when `json` is given). */
export async function adminRequest(
  path: string,
  opts: { shop: string; method?: string; json?: unknown; form?: Record<string, string>; userId?: string; token?: string | null },
): Promise<Request> {
  const token =
    opts.token === undefined
      ? await mintSessionToken({ shop: opts.shop, apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, userId: opts.userId })
      : opts.token;
  const headers: Record<string, string> = { "User-Agent": BROWSER_USER_AGENT, Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.json !== undefined) headers["Content-Type"] = "application/json";
  if (opts.form !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.form !== undefined ? new URLSearchParams(opts.form).toString() : undefined;
  return new Request(new URL(path, process.env.SHOPIFY_APP_URL), { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

/** What a loader or action answered: its data, or the Response it returned or threw (redirects, 4xx). */
export type RouteAnswer<T> = { status: number; data: T };

async function settle<T>(run: () => unknown): Promise<RouteAnswer<T>> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: value.status, data: data as T };
  }
  // Remix serialises plain objects as JSON: so do we (dates become strings).
  return { status: 200, data: JSON.parse(JSON.stringify(value ?? null)) as T };
}

/** Run a route's loader as Remix would. */
export function callLoader<T>(loader: Loader, request: Request, params: Record<string, string> = {}): Promise<RouteAnswer<T>> {
  return settle<T>(() => loader({ request, params, context: {} }));
}

/** Run a route's action as Remix would. */
export function callAction<T>(action: Action, request: Request, params: Record<string, string> = {}): Promise<RouteAnswer<T>> {
  return settle<T>(() => action({ request, params, context: {} }));
}
