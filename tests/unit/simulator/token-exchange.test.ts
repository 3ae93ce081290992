import "@shopify/shopify-api/adapters/node";
import { ApiVersion, HttpResponseError, RequestedTokenType, shopifyApi, type Session } from "@shopify/shopify-api";
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { mintSessionToken } from "../../simulator/session-token";

const API_KEY = "sim-key";
const API_SECRET = "sim-secret";
const SHOP = "token-test.myshopify.com";

let sim: RunningSimulator;
const libraryFetch = abstractFetch;

// What Herald's transport does when SHOPIFY_API_BASE_URL is set: https://{shop}{path} -> {base}/{shop}{path}.
beforeAll(async () => {
  sim = await startSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, scopes: "read_orders,read_customers,read_locales" });
  setAbstractFetchFunc((input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    return libraryFetch(url.hostname.endsWith(".myshopify.com") ? `${sim.url}/${url.hostname}${url.pathname}${url.search}` : url.href, init);
  });
});
afterAll(async () => {
  setAbstractFetchFunc(libraryFetch);
  await sim.close();
});
beforeEach(() => {
  sim.state.upsertShop({ domain: SHOP, name: "Token Test", timezone: "Asia/Kolkata", locale: "ml", locales: ["ml", "en"], currency: "INR" });
});

function api(secret = API_SECRET) {
  return shopifyApi({ apiKey: API_KEY, apiSecretKey: secret, apiVersion: ApiVersion.July26, hostName: "herald.test", isEmbeddedApp: true, logger: { level: 0 } });
}

const exchange = async (sessionToken: string, expiring = true, secret = API_SECRET) =>
  (await api(secret).auth.tokenExchange({ shop: SHOP, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken, expiring })).session;

describe("token exchange", () => {
  it("issues an expiring offline token with a refresh token for a valid session token", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    expect(session.accessToken).toMatch(/^shpat_sim_[0-9a-f]{32}$/);
    expect(session.scope).toBe("read_orders,read_customers,read_locales");
    expect(session.isOnline).toBe(false);
    expect(session.refreshToken).toMatch(/^shprt_sim_/);
    const minutes = (session.expires!.getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(sim.state.exchanges.at(-1)).toMatchObject({ shop: SHOP, outcome: "issued", expiring: true });
  });

  it("issues a non-expiring offline token when expiring is not asked for", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }), false);
    expect(session.expires).toBeUndefined();
    expect(session.refreshToken).toBeUndefined();
  });

  it("issues an online token with the associated staff user", async () => {
    const token = await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET });
    const { session } = await api().auth.tokenExchange({ shop: SHOP, sessionToken: token, requestedTokenType: RequestedTokenType.OnlineAccessToken });
    expect(session.isOnline).toBe(true);
    expect(session.onlineAccessInfo?.associated_user.id).toBe(1);
  });

  it("refuses a session token signed with another secret as invalid_subject_token", async () => {
    // The library verifies the JWT before calling out, so send the forged token by hand.
    const forged = await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: "not-the-secret" });
    const response = await fetch(`${sim.url}/${SHOP}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: API_KEY,
        client_secret: API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: forged,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_subject_token" });
    expect(sim.state.exchanges.at(-1)).toMatchObject({ outcome: "refused" });
  });

  it("refuses a session token minted for another shop", async () => {
    const other = await mintSessionToken({ shop: "someone-else.myshopify.com", apiKey: API_KEY, apiSecret: API_SECRET });
    await expect(exchange(other)).rejects.toBeInstanceOf(HttpResponseError);
  });

  it("refuses an app whose client secret does not match", async () => {
    // Both sides use the wrong secret, so the JWT verifies locally but the client credentials do not.
    const token = await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: "wrong" });
    const error = await exchange(token, true, "wrong").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpResponseError);
    expect((error as HttpResponseError).response.code).toBe(401);
  });

  it("answers 404 with the install command for a shop it does not know", async () => {
    const unknown = "never-installed.myshopify.com";
    const token = await mintSessionToken({ shop: unknown, apiKey: API_KEY, apiSecret: API_SECRET });
    const error = await api()
      .auth.tokenExchange({ shop: unknown, sessionToken: token, requestedTokenType: RequestedTokenType.OfflineAccessToken })
      .catch((e: unknown) => e);
    expect((error as HttpResponseError).response.code).toBe(404);
    expect(JSON.stringify((error as HttpResponseError).response.body)).toContain("install --shop never-installed.myshopify.com");
  });

  it("replaces both tokens on refresh, and retires the old pair once the new token is used", async () => {
    const first = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const { session: second } = await api().auth.refreshToken({ shop: SHOP, refreshToken: first.refreshToken! });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // The old pair still works until the replacement is used (Shopify, Aug 2026)...
    expect((await shopInfo(first)).status).toBe(200);
    expect((await shopInfo(second)).status).toBe(200);
    // ...then it is retired.
    expect((await shopInfo(first)).status).toBe(401);
    await expect(api().auth.refreshToken({ shop: SHOP, refreshToken: first.refreshToken! })).rejects.toBeInstanceOf(HttpResponseError);
  });
});

function shopInfo(session: Pick<Session, "accessToken">, query = "query ShopInfo { shop { name ianaTimezone } }") {
  return fetch(`${sim.url}/${SHOP}/admin/api/2026-07/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": session.accessToken ?? "" },
    body: JSON.stringify({ query }),
  });
}

describe("Admin GraphQL", () => {
  it("answers ShopInfo from the simulator's state through the library's GraphQL client", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const client = new (api().clients.Graphql)({ session });
    const response = await client.request(`#graphql
      query ShopInfo {
        shop { name email contactEmail currencyCode ianaTimezone primaryDomain { url host } }
        shopLocales { locale primary published }
      }`);
    expect(response.data).toEqual({
      shop: {
        name: "Token Test",
        email: "owner@token-test.example.com",
        contactEmail: "hello@token-test.example.com",
        currencyCode: "INR",
        ianaTimezone: "Asia/Kolkata",
        primaryDomain: { url: `https://${SHOP}`, host: SHOP },
      },
      shopLocales: [
        { locale: "ml", primary: true, published: true },
        { locale: "en", primary: false, published: true },
      ],
    });
    const cost = (response.extensions as { cost: { throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } }).cost;
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    expect(cost.throttleStatus.currentlyAvailable).toBeLessThan(2000);
  });

  it("returns only the fields asked for, under their aliases", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const response = await shopInfo(session, "query ShopInfo { shop { zone: ianaTimezone } }");
    expect((await response.json()).data).toEqual({ shop: { zone: "Asia/Kolkata" } });
  });

  it("denies shopLocales, as Shopify does, to a token without read_locales", async () => {
    const token = sim.state.issueToken(SHOP, "offline", "read_orders,read_customers");
    const body = await (await shopInfo({ accessToken: token.token }, "query ShopInfo { shop { name } shopLocales { locale primary } }")).json();
    expect(body.data).toEqual({ shop: { name: "Token Test" }, shopLocales: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ["shopLocales"], extensions: expect.objectContaining({ code: "ACCESS_DENIED" }) }),
    ]);
    // write_locales includes read access.
    const writer = sim.state.issueToken(SHOP, "offline", "write_locales");
    const ok = await (await shopInfo({ accessToken: writer.token }, "query ShopLocales { shopLocales { locale primary } }")).json();
    expect(ok).not.toHaveProperty("errors");
    expect(ok.data.shopLocales).toEqual([{ locale: "ml", primary: true }, { locale: "en", primary: false }]);
  });

  it("reports a field the simulator does not have as a GraphQL error", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const body = await (await shopInfo(session, "query ShopInfo { shop { name billingAddress { city } } }")).json();
    expect(body.data).toEqual({ shop: { name: "Token Test" } });
    expect(body.errors[0].extensions.code).toBe("SIMULATOR_UNKNOWN_FIELD");
  });

  it("answers 401 without a token the simulator issued for that shop", async () => {
    expect((await shopInfo({ accessToken: "shpat_made_up" })).status).toBe(401);
    const body = await (await shopInfo({ accessToken: "" })).json();
    expect(body.errors).toMatch(/^\[API\] Invalid API key or access token/);
    // A real token of another shop does not open this one.
    sim.state.upsertShop({ domain: "other.myshopify.com" });
    const foreign = sim.state.issueToken("other.myshopify.com", "offline", "read_orders");
    expect((await shopInfo({ accessToken: foreign.token })).status).toBe(401);
  });

  it("answers an operation it does not implement with SIMULATOR_UNSUPPORTED and HTTP 200", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const response = await shopInfo(session, "query OrdersBySomething { orders(first: 1) { nodes { id } } }");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors[0]).toEqual({
      message: "The simulator does not implement operation OrdersBySomething",
      extensions: { code: "SIMULATOR_UNSUPPORTED" },
    });
  });

  it("answers FulfillmentOrderOrder from the fulfillment orders a scenario registered, null for others", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    const registered = await fetch(`${sim.url}/_sim/shops/${SHOP}/fulfillment-orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: "gid://shopify/FulfillmentOrder/77", orderId: "gid://shopify/Order/5001", status: "on_hold" }),
    });
    expect(registered.status).toBe(201);
    const client = new (api().clients.Graphql)({ session });
    const query = "query FulfillmentOrderOrder($id: ID!) { fulfillmentOrder(id: $id) { id order { id } } }";
    const found = await client.request(query, { variables: { id: "gid://shopify/FulfillmentOrder/77" } });
    expect(found.data).toEqual({ fulfillmentOrder: { id: "gid://shopify/FulfillmentOrder/77", order: { id: "gid://shopify/Order/5001" } } });
    const missing = await client.request(query, { variables: { id: "gid://shopify/FulfillmentOrder/78" } });
    expect(missing.data).toEqual({ fulfillmentOrder: null });
  });

  it("answers THROTTLED with HTTP 200 when the shop's bucket is empty", async () => {
    const session = await exchange(await mintSessionToken({ shop: SHOP, apiKey: API_KEY, apiSecret: API_SECRET }));
    sim.state.setBucket(SHOP, 0);
    const response = await shopInfo(session);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("THROTTLED");
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    sim.state.setBucket(SHOP, 2000);
  });
});
