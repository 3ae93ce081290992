import "@shopify/shopify-app-remix/adapters/node";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Session } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_USER_AGENT, installShop } from "../../simulator/install";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { mintSessionToken } from "../../simulator/session-token";

// GIVEN an embedded app built exactly like Herald's (shopify-app-remix, token-exchange auth, expiring
// offline tokens, afterAuth reading ShopInfo), whose Shopify transport is redirected to the simulator.
const API_KEY = "embedded-key";
const API_SECRET = "embedded-secret";
const SHOP = "chai-corner.myshopify.com";

class MemorySessions {
  readonly sessions = new Map<string, Session>();
  async storeSession(s: Session) {
    this.sessions.set(s.id, s);
    return true;
  }
  async loadSession(id: string) {
    return this.sessions.get(id);
  }
  async deleteSession(id: string) {
    return this.sessions.delete(id);
  }
  async deleteSessions(ids: string[]) {
    ids.forEach((id) => this.sessions.delete(id));
    return true;
  }
  async findSessionsByShop(shop: string) {
    return [...this.sessions.values()].filter((s) => s.shop === shop);
  }
}

let sim: RunningSimulator;
let app: http.Server;
let appUrl = "";
const sessions = new MemorySessions();
const shopFacts = new Map<string, unknown>();
const libraryFetch = abstractFetch;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, scopes: "read_orders,read_fulfillments,read_customers,read_locales" });
  setAbstractFetchFunc((input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return libraryFetch(url.hostname.endsWith(".myshopify.com") ? `${sim.url}/${url.hostname}${url.pathname}${url.search}` : url.href, init);
  });
  app = http.createServer();
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const shopify = shopifyApp({
    apiKey: API_KEY,
    apiSecretKey: API_SECRET,
    apiVersion: ApiVersion.July26,
    scopes: ["read_orders", "read_fulfillments", "read_customers", "read_locales"],
    appUrl,
    authPathPrefix: "/auth",
    sessionStorage: sessions,
    distribution: AppDistribution.AppStore,
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    logger: { level: 0 },
    hooks: {
      afterAuth: async ({ session, admin }) => {
        const response = await admin.graphql(`#graphql
          query ShopInfo { shop { name ianaTimezone currencyCode } shopLocales { locale primary } }`);
        shopFacts.set(session.shop, (await response.json()).data);
      },
    },
  });
  app.on("request", async (req, res) => {
    const request = new Request(new URL(req.url ?? "/", appUrl), { method: req.method, headers: req.headers as Record<string, string> });
    let response: Response;
    try {
      const { session } = await shopify.authenticate.admin(request);
      response = new Response(`hello ${session.shop}`, { status: 200 });
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  });
});

afterAll(async () => {
  setAbstractFetchFunc(libraryFetch);
  app.closeAllConnections();
  app.close();
  await sim.close();
});

describe("installing a simulated shop into an embedded app", () => {
  const install = () =>
    installShop({ shop: SHOP, appUrl, simulatorUrl: sim.url, apiKey: API_KEY, apiSecret: API_SECRET, name: "Chai Corner", timezone: "Asia/Kolkata", locale: "hi", locales: ["en"], currency: "INR" });

  it("goes through the real token exchange and lets the app read the shop's facts", async () => {
    // WHEN the shop is installed the way admin's iframe opens the app
    const report = await install();
    // THEN the app exchanged the session token for an expiring offline token...
    expect(report.status).toBe(200);
    expect(report.exchanges).toHaveLength(1);
    expect(report.exchanges[0]).toMatchObject({ outcome: "issued", expiring: true, requestedTokenType: "urn:shopify:params:oauth:token-type:offline-access-token" });
    const stored = await sessions.loadSession(`offline_${SHOP}`);
    expect(stored?.accessToken).toMatch(/^shpat_sim_/);
    expect(stored?.refreshToken).toMatch(/^shprt_sim_/);
    // ...and read the shop's name, zone and locale with it.
    expect(report.graphqlCalls.map((g) => [g.operation, g.outcome])).toEqual([["ShopInfo", "answered"]]);
    expect(shopFacts.get(SHOP)).toEqual({
      shop: { name: "Chai Corner", ianaTimezone: "Asia/Kolkata", currencyCode: "INR" },
      shopLocales: [{ locale: "hi", primary: true }, { locale: "en", primary: false }],
    });
  });

  it("needs no second token exchange while the app's session is live", async () => {
    const report = await install();
    expect(report.status).toBe(200);
    expect(report.exchanges).toHaveLength(0);
  });

  it("authenticates fetches that carry a fresh session token as a Bearer header (App Bridge's way)", async () => {
    const token = await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET });
    const response = await fetch(`${appUrl}/app/settings?_data=routes/app.settings`, {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER_USER_AGENT },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`hello ${SHOP}`);
  });

  it("explains a secret mismatch before touching the app", async () => {
    const error = await installShop({ shop: SHOP, appUrl, simulatorUrl: sim.url, apiKey: API_KEY, apiSecret: "not-the-secret" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/different SHOPIFY_API_KEY\/SHOPIFY_API_SECRET/);
  });
});
