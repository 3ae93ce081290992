import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { adminHostParam, isShopDomain, mintSessionToken } from "../session-token";
import { adminPathFor, appPathFor, APP_HANDLE, renderAdminFrame, renderShopList } from "./admin-frame";
import { handleGraphql } from "./graphql";
import { html, json, parseParams, readBody, type SimRequest, type SimResponse } from "./http";
import { handleAccessToken } from "./oauth";
import { SimulatorState, type ShopInput, type SimVariant } from "./state";

export interface SimulatorOptions {
  apiKey: string;
  apiSecret: string;
  /** Herald's URL, for the admin frame; without it the frame explains what to set. */
  appUrl?: string;
  /** Granted scopes returned by the token endpoint (Herald's SCOPES). */
  scopes: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  state?: SimulatorState;
  /** One line per handled platform request (token exchange, GraphQL, admin API). */
  log?: (line: string) => void;
}

export interface RunningSimulator {
  url: string;
  port: number;
  state: SimulatorState;
  close(): Promise<void>;
}

const APP_BRIDGE_FILE = fileURLToPath(new URL("./app-bridge.js", import.meta.url));

/** A short fingerprint of the secret, so `install` can tell a mismatch without seeing the secret. */
export function secretFingerprint(secret: string): string {
  return createHash("sha256").update(`herald-sim:${secret}`).digest("hex").slice(0, 12);
}

/** Start the fake Shopify on loopback. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const state = options.state ?? new SimulatorState();
  const log = options.log ?? (() => {});
  let baseUrl = "";
  const server = http.createServer(async (req, res) => {
    let response: SimResponse;
    try {
      const request: SimRequest = {
        method: req.method ?? "GET",
        url: new URL(req.url ?? "/", baseUrl),
        headers: req.headers,
        body: await readBody(req),
      };
      response = await route(request, { ...options, state, baseUrl, log });
    } catch (error) {
      response = json(500, { errors: `Simulator error: ${(error as Error).message}` });
      log(`! ${req.method} ${req.url} failed: ${(error as Error).stack ?? error}`);
    }
    const body = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
    res.writeHead(response.status, { "Cache-Control": "no-store", ...response.headers });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    url: baseUrl,
    port: address.port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Context = SimulatorOptions & { state: SimulatorState; baseUrl: string; log: (line: string) => void };

const SHOP_PATH = /^\/([a-z0-9][a-z0-9-]*\.myshopify\.com)(\/.*)$/;
const GRAPHQL_PATH = /^\/admin\/api\/([0-9]{4}-[0-9]{2}|unstable)\/graphql\.json$/;
const ADMIN_APP_PATH = new RegExp(`^/admin/store/([a-z0-9][a-z0-9-]*)/apps/${APP_HANDLE}(/.*)?$`);

async function route(req: SimRequest, ctx: Context): Promise<SimResponse> {
  const { pathname } = req.url;
  const { state } = ctx;

  const shopPath = SHOP_PATH.exec(pathname);
  if (shopPath) {
    const [, shop, rest] = shopPath;
    if (req.method === "POST" && rest === "/admin/oauth/access_token") {
      const response = await handleAccessToken(req, shop, state, ctx);
      const last = state.exchanges[state.exchanges.length - 1];
      ctx.log(`token ${shop} ${last?.grantType.split(":").pop()} -> ${response.status}${last?.error ? ` (${last.error})` : ""}`);
      return response;
    }
    const graphql = GRAPHQL_PATH.exec(rest);
    if (req.method === "POST" && graphql) {
      const response = handleGraphql(req, shop, graphql[1], state);
      const last = state.graphqlCalls[state.graphqlCalls.length - 1];
      ctx.log(`graphql ${shop} ${last?.operation ?? "?"} -> ${response.status} ${last?.outcome ?? ""}`);
      return response;
    }
    return json(404, { errors: "Not Found (the simulator answers the token endpoint and Admin GraphQL only)" });
  }

  if (pathname === "/cdn/app-bridge.js" && req.method === "GET") {
    return {
      status: 200,
      headers: { "Content-Type": "text/javascript; charset=utf-8", "Access-Control-Allow-Origin": "*" },
      body: fs.readFileSync(APP_BRIDGE_FILE, "utf8"),
    };
  }

  if (pathname.startsWith("/_sim/")) return simApi(req, ctx);

  if (pathname === "/admin/api/session-token" && req.method === "GET") {
    const shop = req.url.searchParams.get("shop") ?? "";
    const cors: Record<string, string> = ctx.appUrl ? { "Access-Control-Allow-Origin": new URL(ctx.appUrl).origin, Vary: "Origin" } : {};
    if (!state.shops.has(shop)) return json(404, { error: `unknown shop ${shop}` }, cors);
    const token = await mintSessionToken({ shop, apiKey: ctx.apiKey, apiSecret: ctx.apiSecret });
    return json(200, { token }, cors);
  }

  if (pathname === "/" || pathname === "/admin" || pathname === "/admin/") {
    const shops = [...state.shops.values()];
    if (shops.length === 1) return redirect(adminPathFor(shops[0].domain, "/app"));
    return html(renderShopList(shops, "npm run simulate -- install --shop <name>.myshopify.com"));
  }

  const adminApp = ADMIN_APP_PATH.exec(pathname);
  if (adminApp && req.method === "GET") {
    const domain = `${adminApp[1]}.myshopify.com`;
    const shop = state.shops.get(domain);
    if (!shop) {
      return html(renderShopList([...state.shops.values()], `npm run simulate -- install --shop ${domain}`, `The simulator has no store ${domain}.`), 404);
    }
    if (!ctx.appUrl) {
      return html(
        `<!doctype html><meta charset="utf-8"><title>Herald store simulator</title><p>The simulator does not know Herald's URL. Restart it with <code>SHOPIFY_APP_URL</code> set or <code>--app-url</code>.</p>`,
        503,
      );
    }
    const launchParams = new URLSearchParams({
      embedded: "1",
      shop: domain,
      host: adminHostParam(domain),
      id_token: await mintSessionToken({ shop: domain, apiKey: ctx.apiKey, apiSecret: ctx.apiSecret }),
      // The staff member's admin language; ?locale= on the admin URL plays a staff member who chose another.
      locale: req.url.searchParams.get("locale") || "en",
    });
    return html(
      renderAdminFrame({
        shop,
        appUrl: ctx.appUrl,
        appPath: appPathFor(adminApp[2] ?? "", req.url.search),
        launchParams,
        shops: [...state.shops.values()],
      }),
    );
  }

  return json(404, { errors: "Not Found" });
}

/** /_sim/*: the simulator's own control API (not Shopify's), used by `install`, tests and the demo. */
function simApi(req: SimRequest, ctx: Context): SimResponse {
  const { state } = ctx;
  const { pathname } = req.url;
  if (pathname === "/_sim/health" && req.method === "GET") {
    return json(200, {
      ok: true,
      name: "herald-store-simulator",
      apiKey: ctx.apiKey,
      secretFingerprint: secretFingerprint(ctx.apiSecret),
      appUrl: ctx.appUrl ?? null,
      shops: state.shops.size,
    });
  }
  if (pathname === "/_sim/state" && req.method === "GET") return json(200, state.snapshot());
  if (pathname === "/_sim/shops" && req.method === "GET") return json(200, { shops: [...state.shops.values()] });
  if (pathname === "/_sim/shops" && req.method === "POST") {
    const params = parseJsonObject(req.body);
    if (!params) return json(400, { error: "Body must be a JSON object" });
    const problem = shopInputProblem(params);
    if (problem) return json(422, { error: problem });
    const existed = state.shops.has(String(params.domain));
    const shop = state.upsertShop(params as unknown as ShopInput);
    ctx.log(`shop ${existed ? "updated" : "created"} ${shop.domain} (${shop.name}, ${shop.timezone}, ${shop.locale}, ${shop.currency})`);
    return json(existed ? 200 : 201, { shop });
  }
  const shopAction = /^\/_sim\/shops\/([^/]+)\/(revoke|bucket|fulfillment-orders|customers|webhooks|variants)$/.exec(pathname);
  if (shopAction && req.method === "POST") {
    const [, shop, action] = shopAction;
    if (!state.shops.has(shop)) return json(404, { error: `unknown shop ${shop}` });
    if (action === "revoke") return json(200, { revoked: state.revokeTokens(shop) });
    if (action === "webhooks") {
      // A webhook the store sent (or meant to send and dropped): its order data becomes what Admin GraphQL answers.
      const body = parseJsonObject(req.body);
      if (!body || typeof body.topic !== "string" || typeof body.body !== "string" || typeof body.triggeredAt !== "string" || Number.isNaN(Date.parse(body.triggeredAt))) {
        return json(422, { error: "Body must be {topic, body: the payload as sent, triggeredAt: ISO time}" });
      }
      try {
        return json(201, { recorded: state.recordWebhook(shop, body.topic, body.body, body.triggeredAt) });
      } catch (error) {
        return json(422, { error: `Cannot record ${body.topic}: ${(error as Error).message}` });
      }
    }
    if (action === "fulfillment-orders") {
      const body = parseJsonObject(req.body);
      const gid = (kind: string, v: unknown) => typeof v === "string" && new RegExp(`^gid://shopify/${kind}/\\d+$`).test(v);
      if (!body || !gid("FulfillmentOrder", body.id) || !gid("Order", body.orderId)) {
        return json(422, { error: "Body must be {id: gid://shopify/FulfillmentOrder/N, orderId: gid://shopify/Order/N, status?}" });
      }
      state.recordFulfillmentOrder({ shop, id: String(body.id), orderId: String(body.orderId), status: typeof body.status === "string" ? body.status : "open" });
      return json(201, { ok: true });
    }
    if (action === "customers") {
      const body = parseJsonObject(req.body);
      const problem = body ? simCustomerProblem(body) : "Body must be a JSON object";
      if (problem || !body) return json(422, { error: problem });
      const text = (v: unknown) => (typeof v === "string" && v ? v : null);
      state.recordCustomer({
        shop,
        id: String(body.id),
        orderIds: (body.orderIds as string[]) ?? [],
        email: text(body.email),
        phone: text(body.phone),
        emailMarketing: text(body.emailMarketing),
        smsMarketing: text(body.smsMarketing),
        updatedAt: text(body.updatedAt) ?? state.clock().toISOString(),
      });
      return json(201, { ok: true });
    }
    if (action === "variants") {
      const body = parseJsonObject(req.body);
      const variant = body ? simVariant(shop, body) : null;
      if (!variant) return json(422, { error: "Body must be a variant: {id: gid://shopify/ProductVariant/N, inventoryItemId: gid://shopify/InventoryItem/N, title, price, inventoryQuantity, product: {id, title, handle}}" });
      state.recordVariant(variant);
      return json(201, { ok: true });
    }
    const params = parseParams(req);
    const available = Number(params?.available);
    if (!Number.isFinite(available) || available < 0) return json(422, { error: "available must be a number >= 0" });
    state.setBucket(shop, available);
    return json(200, { available });
  }
  return json(404, { error: `No simulator endpoint ${req.method} ${pathname}` });
}

/** Why a /_sim/shops/{shop}/customers body is not a customer, or null. */
function simCustomerProblem(body: Record<string, unknown>): string | null {
  const gid = (kind: string, v: unknown) => typeof v === "string" && new RegExp(`^gid://shopify/${kind}/\\d+$`).test(v);
  if (!gid("Customer", body.id)) return "id must be gid://shopify/Customer/N";
  if (body.orderIds !== undefined && !(Array.isArray(body.orderIds) && body.orderIds.every((o) => gid("Order", o)))) {
    return "orderIds must be a list of gid://shopify/Order/N";
  }
  return null;
}

/** A /_sim/shops/{shop}/variants body as a variant, or null when it is not one. */
function simVariant(shop: string, b: Record<string, unknown>): SimVariant | null {
  const gid = (kind: string, v: unknown) => typeof v === "string" && new RegExp(`^gid://shopify/${kind}/\\d+$`).test(v);
  const product = b.product as Record<string, unknown> | undefined;
  if (!gid("ProductVariant", b.id) || !gid("InventoryItem", b.inventoryItemId) || !product || !gid("Product", product.id)) return null;
  if (typeof b.title !== "string" || typeof product.title !== "string" || typeof product.handle !== "string") return null;
  return {
    shop,
    id: String(b.id),
    title: b.title,
    price: String(b.price ?? "0.00"),
    sku: typeof b.sku === "string" ? b.sku : null,
    inventoryQuantity: typeof b.inventoryQuantity === "number" ? b.inventoryQuantity : 0,
    inventoryPolicy: b.inventoryPolicy === "CONTINUE" ? "CONTINUE" : "DENY",
    inventoryItemId: String(b.inventoryItemId),
    imageUrl: typeof b.imageUrl === "string" ? b.imageUrl : null,
    product: { id: String(product.id), title: product.title, handle: product.handle, imageUrl: typeof product.imageUrl === "string" ? product.imageUrl : null },
    updatedAt: typeof b.updatedAt === "string" ? b.updatedAt : new Date().toISOString(),
  };
}

function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Why a /_sim/shops body is not a valid shop, or null. */
export function shopInputProblem(input: Record<string, unknown>): string | null {
  if (typeof input.domain !== "string" || !isShopDomain(input.domain)) {
    return "domain must be a <name>.myshopify.com domain";
  }
  if (input.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: String(input.timezone) });
    } catch {
      return `timezone "${String(input.timezone)}" is not an IANA zone (e.g. America/New_York, Asia/Kolkata)`;
    }
  }
  if (input.locale !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(String(input.locale))) {
    return `locale "${String(input.locale)}" is not a locale code (e.g. en, es, pt-BR)`;
  }
  if (input.locales !== undefined && (!Array.isArray(input.locales) || input.locales.some((l) => typeof l !== "string"))) {
    return "locales must be a list of locale codes";
  }
  if (input.currency !== undefined && !/^[A-Z]{3}$/.test(String(input.currency))) {
    return `currency "${String(input.currency)}" is not an ISO 4217 code (e.g. USD, INR)`;
  }
  for (const key of ["name", "email", "contactEmail"] as const) {
    if (input[key] !== undefined && (typeof input[key] !== "string" || input[key] === "")) return `${key} must be a non-empty string`;
  }
  return null;
}

function redirect(location: string): SimResponse {
  return { status: 302, headers: { Location: location }, body: "" };
}
