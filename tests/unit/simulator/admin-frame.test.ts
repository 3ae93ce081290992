import "@shopify/shopify-api/adapters/node";
import vm from "node:vm";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../simulator/server";

const API_KEY = "frame-key";
const API_SECRET = "frame-secret";
const SHOP = "frame-test.myshopify.com";
const APP_URL = "http://127.0.0.1:39998";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, appUrl: APP_URL, scopes: "read_orders" });
  sim.state.upsertShop({ domain: SHOP, name: "Frame & Co <test>" });
});
afterAll(() => sim.close());

const shopify = shopifyApi({ apiKey: API_KEY, apiSecretKey: API_SECRET, apiVersion: ApiVersion.July26, hostName: "127.0.0.1:39998", isEmbeddedApp: true, logger: { level: 0 } });

describe("the local admin frame", () => {
  it("frames Herald's /app with the launch parameters admin adds, and a session token Herald accepts", async () => {
    const response = await fetch(`${sim.url}/admin/store/frame-test/apps/herald`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const src = new URL(html.match(/<iframe id="app-frame" title="Herald" src="([^"]+)"/)![1].replace(/&amp;/g, "&"));
    expect(src.origin + src.pathname).toBe(`${APP_URL}/app`);
    expect(src.searchParams.get("embedded")).toBe("1");
    expect(src.searchParams.get("shop")).toBe(SHOP);
    expect(shopify.utils.sanitizeHost(src.searchParams.get("host")!)).toBeTruthy();
    const payload = await shopify.session.decodeSessionToken(src.searchParams.get("id_token")!);
    expect(payload.dest).toBe(`https://${SHOP}`);
    // The store name is escaped, and the offline badge is there.
    expect(html).toContain("Frame &amp; Co &lt;test&gt;");
    expect(html).toContain("Simulated store — offline");
  });

  it("maps admin sub-paths onto the app's own paths, like Shopify admin", async () => {
    const html = await (await fetch(`${sim.url}/admin/store/frame-test/apps/herald/app/settings?tab=sms`)).text();
    const src = new URL(html.match(/src="([^"]+)"/)![1].replace(/&amp;/g, "&"));
    expect(src.pathname).toBe("/app/settings");
    expect(src.searchParams.get("tab")).toBe("sms");
  });

  it("mints a fresh session token for its frame on request", async () => {
    const a = await (await fetch(`${sim.url}/admin/api/session-token?shop=${SHOP}`)).json();
    const b = await (await fetch(`${sim.url}/admin/api/session-token?shop=${SHOP}`)).json();
    expect(a.token).not.toBe(b.token);
    const payload = await shopify.session.decodeSessionToken(a.token);
    expect(payload).toMatchObject({ iss: `https://${SHOP}/admin`, aud: API_KEY, sub: "1" });
    expect(payload.exp - payload.iat).toBe(60);
    expect((await fetch(`${sim.url}/admin/api/session-token?shop=nobody.myshopify.com`)).status).toBe(404);
  });

  it("sends /admin to the only shop, and an unknown shop to a page that says how to install it", async () => {
    const redirect = await fetch(`${sim.url}/admin`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/admin/store/frame-test/apps/herald");
    const unknown = await fetch(`${sim.url}/admin/store/ghost/apps/herald`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("install --shop ghost.myshopify.com");
  });

  it("serves an App Bridge stand-in that parses as a browser script", async () => {
    const response = await fetch(`${sim.url}/cdn/app-bridge.js`);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    const source = await response.text();
    expect(() => new vm.Script(source)).not.toThrow();
    expect(source).toContain("window.shopify =");
  });
});

describe("the simulator's control API", () => {
  it("validates shops it is asked to create", async () => {
    const post = (body: object) => fetch(`${sim.url}/_sim/shops`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await post({ domain: "not a shop" })).status).toBe(422);
    expect(await (await post({ domain: "x.myshopify.com", timezone: "Mars/Olympus" })).json()).toMatchObject({ error: expect.stringContaining("IANA") });
    expect((await post({ domain: "x.myshopify.com", currency: "rupees" })).status).toBe(422);
    const created = await post({ domain: "x.myshopify.com", timezone: "Africa/Nairobi", locale: "sw", currency: "KES" });
    expect(created.status).toBe(201);
    expect((await post({ domain: "x.myshopify.com", name: "X" })).status).toBe(200);
    const { shops } = await (await fetch(`${sim.url}/_sim/shops`)).json();
    expect(shops.find((s: { domain: string }) => s.domain === "x.myshopify.com")).toMatchObject({ name: "X", timezone: "Africa/Nairobi", currency: "KES" });
  });

  it("reports its API key and a secret fingerprint, never the secret", async () => {
    const health = await (await fetch(`${sim.url}/_sim/health`)).json();
    expect(health).toMatchObject({ ok: true, apiKey: API_KEY });
    expect(JSON.stringify(health)).not.toContain(API_SECRET);
    const state = await (await fetch(`${sim.url}/_sim/state`)).text();
    expect(state).not.toContain(API_SECRET);
  });
});
