import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { TOPICS } from "../../../app/webhooks/topics.server";
import { parseShopifyJson } from "../../../app/webhooks/json";
import { describeExpectedBackInStock, expectedBackInStock, templateLanguage } from "../../simulator/scenario/expected";
import { playScenario } from "../../simulator/scenario/player";
import { SCENARIOS } from "../../simulator/scenario/registry";
import { SimulatorState } from "../../simulator/server/state";
import { buildRestockScenario, SHOPPERS } from "../../simulator/scenario/restock";
import type { StorefrontStep } from "../../simulator/scenario/types";
import { forwardedRequest, storefrontAddress } from "../../simulator/storefront";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { findSubscription, readAppToml } from "../../simulator/webhooks/subscriptions";

const NOW = new Date("2026-11-20T12:00:00Z");
const SHOP = "herald-demo.myshopify.com";
const build = (seed = 7, now = NOW) => buildRestockScenario({ shop: SHOP, seed, now, timezone: "America/New_York", currency: "USD", fixturesDir: fixturesDir() });
const toml = readAppToml();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook JSON, asserted field by field
type Json = Record<string, any>;
const storefront = (seed?: number) => build(seed).timeline!.filter((s): s is StorefrontStep => s.kind === "storefront");

describe("the restock scenario", () => {
  it("is registered, and tells the same story byte for byte given the same seed and now", () => {
    expect(SCENARIOS.restock.build).toBe(buildRestockScenario);
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
    expect(build(8).backInStock!.variant.id).not.toBe(build().backInStock!.variant.id);
  });

  it("has every sign-up reach Herald before the restock, and the restock's webhooks as its webhook steps", () => {
    const { timeline, steps } = build();
    const kinds = timeline!.map((s) => s.kind ?? "webhook");
    expect(kinds).toEqual([...Array(9).fill("storefront"), "webhook", "webhook", "webhook"]);
    expect(steps.map((s) => `${s.topic} ${s.delivery}`)).toEqual(["inventory_levels/update first", "inventory_levels/update duplicate", "variants/in_stock first"]);
    // The duplicate is the same delivery (same id, same bytes); variants/in_stock is the same merchant action.
    expect(steps[1]).toMatchObject({ webhookId: steps[0].webhookId, body: steps[0].body });
    expect(steps[2].eventId).toBe(steps[0].eventId);
    expect(steps.every((s) => findSubscription(toml, s.topic))).toBe(true);
  });

  it("sends stock webhooks Herald's schemas accept, about the variant the store describes", () => {
    const scenario = build();
    const { variant, units } = scenario.backInStock!;
    for (const step of scenario.steps) TOPICS[step.topic as keyof typeof TOPICS].schema.parse(parseShopifyJson(step.body));
    const level = JSON.parse(scenario.steps[0].body) as Json;
    expect(level).toMatchObject({ inventory_item_id: Number(variant.inventoryItemId), available: units });
    expect(level.updated_at).toMatch(/-05:00$/);
    const inStock = JSON.parse(scenario.steps[2].body) as Json;
    expect(inStock).toMatchObject({ id: Number(variant.id), product_id: Number(variant.productId), inventory_quantity: units, title: "Sea green" });
    // The store can describe the variant before Herald's first look-up (the first sign-up's confirmation).
    const record = storefront()[0].platformRecords![0];
    expect(record).toMatchObject({ kind: "variant", id: `gid://shopify/ProductVariant/${variant.id}`, inventoryItemId: `gid://shopify/InventoryItem/${variant.inventoryItemId}`, inventoryQuantity: 0 });
  });

  it("posts the theme block's form through the app proxy, signed the way Shopify signs it", () => {
    const [first] = storefront();
    expect(storefrontAddress(SHOP, toml, first.path)).toBe(`https://${SHOP}/apps/herald/back-in-stock`);
    const request = forwardedRequest(first, { appUrl: "http://127.0.0.1:3000", toml, shop: SHOP, secret: "s3cret", at: NOW });
    expect(request.url.split("?")[0]).toBe("http://127.0.0.1:3000/proxy/back-in-stock");
    const query = new URL(request.url).searchParams;
    const signature = query.get("signature");
    query.delete("signature");
    const message = [...query.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join("");
    expect(signature).toBe(crypto.createHmac("sha256", "s3cret").update(message).digest("hex"));
    expect(query.get("timestamp")).toBe(String(NOW.getTime() / 1000));
    expect(Object.fromEntries(new URLSearchParams(request.init.body))).toMatchObject({ email: "anjali.nair@example.com", phone: "", locale: "ml-IN", consent: "1" });
  });

  it("plays a double submit as the very same request, a repeat as a new one, each shopper from an address of their own", () => {
    const steps = storefront();
    const double = steps.find((s) => s.delivery === "double_submit")!;
    const original = steps.find((s) => s.requestId === double.sameAs)!;
    expect(double).toMatchObject({ form: original.form, ip: original.ip, expect: { status: 401 } });
    expect(steps.filter((s) => s.expect.signup === "already_subscribed").map((s) => s.shopper)).toEqual(["emily"]);
    expect(steps.find((s) => s.shopper === "priya")!.expect.signup).toBe("confirm_sms");
    expect(new Set(steps.map((s) => s.ip)).size).toBe(SHOPPERS.length);
  });

  it("predicts 4 alerts for 2 units, to the oldest reachable sign-ups, in their languages; the rest wait, and why", () => {
    const expected = expectedBackInStock(build());
    expect(expected.quota).toBe(4);
    const alerts = expected.messages.filter((m) => m.step === "alert");
    expect(alerts.map((m) => `${m.shopper} ${m.channel} ${m.language}`)).toEqual(["anjali email ml", "neema email sw", "sofia email es", "emily email en"]);
    expect(expected.notAlerted.map((n) => n.shopper)).toEqual(["priya", "lukas", "layla"]);
    expect(expected.notAlerted[0].why).toMatch(/YES/);
    // Everyone's sign-up is confirmed once, Priya's by text.
    const confirmations = expected.messages.filter((m) => m.step === "confirmation");
    expect(confirmations.map((m) => `${m.shopper} ${m.channel}`)).toEqual(SHOPPERS.map((s) => `${s.key} ${s.email ? "email" : "sms"}`));
    // Without double opt-in Priya counts: she is the second oldest, and Emily waits instead.
    const noOptIn = expectedBackInStock(build(), { perUnit: 2, smsDoubleOptIn: false });
    expect(noOptIn.messages.filter((m) => m.step === "alert").map((m) => m.shopper)).toEqual(["anjali", "priya", "neema", "sofia"]);
    expect(templateLanguage("pt-BR")).toBe("pt-BR");
    expect(templateLanguage("ko-KR")).toBe("en");
  });

  it("keeps the simulated store's variant in step with the stock webhooks it sends", () => {
    const scenario = build();
    const state = new SimulatorState();
    const record = storefront()[0].platformRecords![0];
    state.recordPlatformRecord(SHOP, record);
    const gid = `gid://shopify/ProductVariant/${scenario.backInStock!.variant.id}`;
    expect(state.findVariant(SHOP, gid)!.inventoryQuantity).toBe(0);
    for (const step of scenario.steps) expect(state.recordWebhook(SHOP, step.topic, step.body, step.triggeredAt)).toBe(true);
    expect(state.findVariant(SHOP, gid)).toMatchObject({ inventoryQuantity: 2, updatedAt: scenario.steps[0].triggeredAt });
  });

  it("prints the story and the prediction without a shopper's email or phone", async () => {
    const lines: string[] = [];
    await playScenario("restock", { appUrl: "http://127.0.0.1:9", secret: "x", seed: 5, now: NOW, speed: 0, dryRun: true, toml, log: (l) => lines.push(l) });
    const printed = lines.join("\n");
    expect(printed).toContain("storefront requests");
    expect(describeExpectedBackInStock(build())[0]).toBe("2 units x 2 per unit: 4 alerts at most, oldest sign-up first");
    for (const s of SHOPPERS) {
      if (s.email) expect(printed).not.toContain(s.email);
      if (s.phone) expect(printed).not.toContain(s.phone.slice(-6));
    }
  });
});
