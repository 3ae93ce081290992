import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { orderFactsFromApi, reconcileOrdersPage } from "../../../app/reconcile/map";
import { RECONCILE_ORDERS_QUERY } from "../../../app/shopify/queries";
import { buildShippingScenario } from "../../simulator/scenario/shipping";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { BUCKET, SimulatorState } from "../../simulator/server/state";
import { fixturesDir } from "../../simulator/webhooks/fixtures";

// The simulator's Admin GraphQL answers Herald's ReconcileOrders from the webhooks it was told it
// sent: every field Herald selects exists, the updated_at search, order and cursors work, and an
// empty rate-limit bucket answers THROTTLED like Shopify.
const SHOP = "store-orders.myshopify.com";
const NOW = new Date("2026-11-20T15:00:00Z");
let sim: RunningSimulator;
let token = "";

beforeAll(async () => {
  // A clock that stands still: the bucket holds exactly what a test puts in it, however slow the machine.
  sim = await startSimulator({ apiKey: "k", apiSecret: "s", scopes: "read_orders", state: new SimulatorState(() => NOW) });
});
afterAll(async () => sim.close());
beforeEach(async () => {
  sim.state.orders.orders.clear();
  sim.state.upsertShop({ domain: SHOP });
  sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
  token = sim.state.issueToken(SHOP, "offline", "read_orders").token;
  const scenario = buildShippingScenario({ shop: SHOP, seed: 4, now: NOW, timezone: "UTC", currency: "USD", fixturesDir: fixturesDir() });
  for (const step of scenario.steps) {
    for (const r of step.platformRecords ?? []) sim.state.recordPlatformRecord(SHOP, r);
    const response = await fetch(`${sim.url}/_sim/shops/${SHOP}/webhooks`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topic: step.topic, body: step.body, triggeredAt: step.triggeredAt }),
    });
    expect(response.status).toBe(201);
  }
});

async function page(variables: Record<string, unknown>) {
  const response = await fetch(`${sim.url}/${SHOP}/admin/api/2026-07/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query: RECONCILE_ORDERS_QUERY, variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }>; extensions: { cost: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } } } };
}

/** Every page of a search, oldest change first (the bucket refilled between pages). */
async function all(query: string) {
  const nodes = [];
  let after: string | null = null;
  for (;;) {
    sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
    const body = await page({ first: 5, after, query });
    expect(body.errors).toBeUndefined();
    const { orders } = reconcileOrdersPage.parse(body.data);
    nodes.push(...orders.nodes);
    if (!orders.pageInfo.hasNextPage) return nodes;
    after = orders.pageInfo.endCursor!;
  }
}

describe("ReconcileOrders in the store simulator", () => {
  it("answers every field Herald selects, for every order it sent webhooks about, page by page", async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const body = await page({ first: 3, after, query: "updated_at:>='2026-11-01T00:00:00Z'" });
      expect(body.errors).toBeUndefined();
      const { orders } = reconcileOrdersPage.parse(body.data);
      names.push(...orders.nodes.map((n) => orderFactsFromApi(n).order.name));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor!;
    }
    expect(names.sort()).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005", "#1006", "#1007"]);
  });

  it("keeps only orders updated at or after the search's time, oldest change first", async () => {
    const nodes = await all(`updated_at:>='${new Date(NOW.getTime() - 3 * 3_600_000).toISOString()}'`);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(7);
    const times = nodes.map((n) => Date.parse(n.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 3_600_000);
  });

  it("gives a parcel its latest scan and the hold of an on-hold order", async () => {
    const nodes = (await all("")).map(orderFactsFromApi);
    const emily = nodes.find((n) => n.order.name === "#1001")!;
    expect(emily.fulfillments[0].shipment_status).toBe("delivered");
    expect(emily.events.map((e) => e.status)).toContain("out_for_delivery");
    const held = nodes.find((n) => n.order.name === "#1006")!;
    expect(held.fulfillmentOrders[0].payload.fulfillment_order).toMatchObject({ status: "on_hold", fulfillment_holds: [{ reason: "inventory_out_of_stock" }] });
  });

  it("refuses a page whose requested cost exceeds Shopify's 1000-point limit per query", async () => {
    const body = await page({ first: 50, query: "" });
    expect(body.errors?.[0].extensions?.code).toBe("MAX_COST_EXCEEDED");
  });

  it("answers THROTTLED, with the bucket's state, when the bucket cannot pay for the page", async () => {
    sim.state.setBucket(SHOP, 100);
    const body = await page({ first: 5, query: "" });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe("THROTTLED");
    expect(body.extensions.cost.requestedQueryCost).toBeGreaterThan(100);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(100);
  });
});
