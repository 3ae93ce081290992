import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import * as appRoute from "../../app/routes/app";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { BROWSER_USER_AGENT } from "../simulator/install";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { BUCKET, SimulatorState } from "../simulator/server/state";
import { adminHostParam, mintSessionToken } from "../simulator/session-token";
import { readAppToml } from "../simulator/webhooks/subscriptions";
import { callLoader } from "../support/admin";
import { resetDatabase } from "../support/db";
import { pendingJobs } from "../support/jobs";

// Installing through Herald's real embedded auth: the admin's iframe opens /app with a session token,
// Herald exchanges it with the store simulator (which plays Shopify, access scopes included) and
// records the shop in afterAuth; later page loads record an install that afterAuth could not.
const SHOP = "chai-corner.myshopify.com";
/** What Herald asked for before it read the shop's languages with read_locales. */
const SCOPES_WITHOUT_LOCALES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers,read_products,read_inventory,write_app_proxy";
const HERALD_SCOPES = readAppToml().scopes!;

let sim: RunningSimulator | null = null;
// The simulator's clock: frozen, its rate-limit bucket holds exactly what a test leaves in it.
let frozenAt: Date | null = null;

async function simulatorGranting(scopes: string): Promise<RunningSimulator> {
  await sim?.close();
  sim = await startSimulator({
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    scopes,
    state: new SimulatorState(() => frozenAt ?? new Date()),
  });
  redirectShopifyTransport(sim.url);
  sim.state.upsertShop({ domain: SHOP, name: "Chai Corner", timezone: "Asia/Kolkata", locale: "hi", locales: ["hi", "en"], currency: "INR" });
  return sim;
}

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await resetDatabase();
  frozenAt = null;
});

/** The admin opening Herald's /app in its iframe, as Shopify does (a fresh session token each time). */
async function openAdmin(): Promise<number> {
  const url = new URL("/app", process.env.SHOPIFY_APP_URL);
  url.search = new URLSearchParams({
    embedded: "1",
    shop: SHOP,
    host: adminHostParam(SHOP),
    id_token: await mintSessionToken({ shop: SHOP, apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET! }),
  }).toString();
  const request = new Request(url, { headers: { "User-Agent": BROWSER_USER_AGENT, Accept: "text/html" } });
  return (await callLoader(appRoute.loader, request)).status;
}

const shopRow = () => db.shop.findUnique({ where: { domain: SHOP } });
const calls = () => sim!.state.graphqlCalls.filter((c) => c.shop === SHOP).map((c) => `${c.operation} ${c.outcome}`);

describe("installing Herald", () => {
  it("records the shop when the merchant granted the scopes Herald asked for before read_locales (its language then defaults to English)", async () => {
    // GIVEN a store that grants the older scopes: shopLocales answers ACCESS_DENIED
    const store = await simulatorGranting(SCOPES_WITHOUT_LOCALES);
    // WHEN the merchant installs and admin opens the app
    expect(await openAdmin()).toBe(200);
    // THEN the shop is recorded, reconciliation is scheduled, and the language falls back
    expect(await shopRow()).toMatchObject({ name: "Chai Corner", timezone: "Asia/Kolkata", currency: "INR", primaryLocale: "en", uninstalledAt: null });
    expect(await pendingJobs("reconcile-shop")).toHaveLength(1);
    expect(store.state.exchanges.filter((e) => e.shop === SHOP && e.outcome === "issued")).toHaveLength(1);
  });

  it("records the shop with its primary language under Herald's scopes", async () => {
    await simulatorGranting(HERALD_SCOPES);
    expect(HERALD_SCOPES.split(",")).toContain("read_locales");
    expect(await openAdmin()).toBe(200);
    expect(await shopRow()).toMatchObject({ name: "Chai Corner", primaryLocale: "hi", uninstalledAt: null });
    expect(calls()).toEqual(["ShopInfo answered", "ShopLocales answered"]);
  });

  it("records an install whose first page failed on the next page load, then asks the Admin API nothing more", async () => {
    // GIVEN a store whose Admin API is throttled at the moment of the install: afterAuth fails after
    // the offline session was stored, so shopify-app-remix will not run it again
    const store = await simulatorGranting(HERALD_SCOPES);
    frozenAt = new Date();
    store.state.setBucket(SHOP, 0);
    expect(await openAdmin()).toBe(500);
    expect(await shopRow()).toBeNull();
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(1);
    // WHEN the bucket has refilled and the merchant opens the app again
    frozenAt = null;
    store.state.setBucket(SHOP, BUCKET.maximumAvailable);
    expect(await openAdmin()).toBe(200);
    // THEN the shop is recorded with no second token exchange, and reconciliation is scheduled
    expect(await shopRow()).toMatchObject({ name: "Chai Corner", primaryLocale: "hi", uninstalledAt: null });
    expect(store.state.exchanges.filter((e) => e.shop === SHOP && e.outcome === "issued")).toHaveLength(1);
    expect(await pendingJobs("reconcile-shop")).toHaveLength(1);
    // AND a page load with the row in place reads only the row
    const before = calls().length;
    expect(await openAdmin()).toBe(200);
    expect(calls()).toHaveLength(before);
  });

  it("records a shop marked uninstalled again when its merchant has the app open with a valid session", async () => {
    await simulatorGranting(HERALD_SCOPES);
    expect(await openAdmin()).toBe(200);
    await db.shop.update({ where: { domain: SHOP }, data: { uninstalledAt: new Date() } });
    expect(await openAdmin()).toBe(200);
    expect((await shopRow())?.uninstalledAt).toBeNull();
  });
});
