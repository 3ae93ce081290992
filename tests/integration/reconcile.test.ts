import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { queue } from "../../app/jobs/queue.server";
import { ensureReconcileSchedules, nextReconcileAt } from "../../app/reconcile/reconcile.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { CUSTOMERS } from "../simulator/scenario/cast";
import { expectedShippingMessages } from "../simulator/scenario/expected";
import { buildShippingScenario } from "../simulator/scenario/shipping";
import type { Scenario, ScenarioStep } from "../simulator/scenario/types";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { BUCKET, SimulatorState } from "../simulator/server/state";
import { fixturesDir } from "../simulator/webhooks/fixtures";
import { webhookHeaders } from "../simulator/webhooks/sign";
import { findSubscription, readAppToml } from "../simulator/webhooks/subscriptions";
import { installShop, resetDatabase } from "../support/db";
// (Renamed: these are not React hooks, whatever their names say to the linter.)
import { pendingJobs, runAllJobs, scaleOut, useRealTime as realTime, useVirtualTime as virtualTime, virtualNow } from "../support/jobs";
import { withFakeResend } from "../support/providers";
import { postWebhook } from "../support/webhooks";

// Shopify says webhook delivery is not guaranteed. The shipping scenario is played through Herald's
// real routes with one webhook lost on the way (the store simulator records it as sent, as Shopify's
// database would, but never delivers it). The reconciliation job then reads the simulator's Admin
// GraphQL, finds the change, and the customer gets the message the webhook would have produced,
// exactly once. The simulator's clock follows the test's virtual clock, so its rate-limit bucket
// refills as the queue waits out THROTTLED.

const SHOP = "herald-demo.myshopify.com";
const NOW = new Date("2026-11-20T15:00:00Z");
const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";
const mail = withFakeResend();
const toml = readAppToml();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    scopes: SCOPES,
    state: new SimulatorState(() => virtualNow() ?? new Date()),
  });
  redirectShopifyTransport(sim.url);
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  await resetDatabase();
  sim.state.graphqlCalls.length = 0;
  sim.state.orders.orders.clear();
  virtualTime(new Date(NOW.getTime() - 100 * 3_600_000));
  sim.state.setBucket(SHOP, BUCKET.maximumAvailable);
});

afterEach(() => realTime());

function story(): Scenario {
  return buildShippingScenario({ shop: SHOP, seed: 11, now: NOW, timezone: "America/New_York", currency: "USD", fixturesDir: fixturesDir() });
}

/** Herald installed (last checked before the story began) and the simulator's store with an offline token for it. */
async function install(): Promise<void> {
  await installShop(SHOP, { name: "Herald Demo" });
  await db.shop.update({ where: { domain: SHOP }, data: { reconciledAt: new Date(NOW.getTime() - 120 * 3_600_000) } });
  sim.state.upsertShop({ domain: SHOP, name: "Herald Demo", timezone: "America/New_York" });
  const token = sim.state.issueToken(SHOP, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
}

/** The webhook ids of Anjali's "delivered" scan (sent twice in the story): the news we lose. */
function anjaliDelivered(scenario: Scenario): { webhookId: string; fulfillmentId: string } {
  const parcel = scenario.fulfillments.find((f) => f.customer === "anjali")!;
  const step = scenario.steps.find((s) => {
    if (s.topic !== "fulfillment_events/create") return false;
    const p = JSON.parse(s.body) as { status: string; fulfillment_id: number };
    return p.status === "delivered" && String(p.fulfillment_id) === parcel.fulfillmentId;
  })!;
  return { webhookId: step.webhookId, fulfillmentId: parcel.fulfillmentId };
}

/**
 * Play the story on the virtual clock: the store records every webhook it sends; deliveries whose
 * id is in `dropped` never reach Herald. Herald's worker runs after each delivery.
 */
async function play(scenario: Scenario, dropped: Set<string>): Promise<void> {
  const steps = scenario.steps.filter((s) => findSubscription(toml, s.topic));
  for (const step of steps) {
    await runAllJobs({ until: new Date(step.triggeredAt) });
    for (const r of step.platformRecords ?? []) sim.state.recordPlatformRecord(SHOP, r);
    sim.state.recordWebhook(SHOP, step.topic, step.body, step.triggeredAt);
    if (dropped.has(step.webhookId)) continue;
    expect(await deliver(step)).toBe(200);
    await runAllJobs();
  }
  await runAllJobs({ until: NOW });
}

async function deliver(step: ScenarioStep): Promise<number> {
  const headers = webhookHeaders({ ...step, shop: SHOP, rawBody: step.body, secret: process.env.SHOPIFY_API_SECRET! });
  const request = new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${step.topic}`, { method: "POST", headers, body: step.body });
  return (await postWebhook(step.topic, request)).status;
}

/** Herald's shipping rows as comparable strings. */
async function shippingRows(): Promise<string[]> {
  const rows = await db.message.findMany({ where: { shop: SHOP, trigger: "shipping" } });
  return rows.map((m) => `${m.fulfillmentId} ${m.step} ${m.channel} ${m.status}`).sort();
}

const expectedRows = (scenario: Scenario) =>
  expectedShippingMessages(scenario)
    .map((m) => `${m.fulfillmentId} ${m.step} ${m.channel} ${m.outcome === "sent" ? "SENT" : "SKIPPED"}`)
    .sort();

const emailsTo = (address: string) => mail.resend.emails.filter((e) => e.to.map((t) => t.toLowerCase()).includes(address));

async function reconcileNow(): Promise<void> {
  await queue().enqueue("reconcile-shop", { shop: SHOP });
  await runAllJobs();
}

describe("reconciliation with the Admin API", { timeout: 90_000 }, () => {
  it("sends the message of a webhook that never arrived, once, and nothing on the next run", async () => {
    // GIVEN the shipping story, with Anjali's "delivered" webhook lost (both of its deliveries)
    await install();
    const scenario = story();
    const lost = anjaliDelivered(scenario);
    await play(scenario, new Set([lost.webhookId]));
    const anjali = CUSTOMERS.anjali.email!.toLowerCase();
    const before = emailsTo(anjali).length;
    expect(await shippingRows()).not.toContain(`${lost.fulfillmentId} delivered email SENT`);

    // WHEN reconciliation runs
    await reconcileNow();

    // THEN Herald holds exactly the story's expected messages, and Anjali received one more email
    expect(await shippingRows()).toEqual(expectedRows(scenario));
    expect(emailsTo(anjali)).toHaveLength(before + 1);
    const cursor = (await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).reconciledAt!;
    expect(cursor.getTime()).toBe(Math.max(...[...sim.state.orders.orders.values()].map((o) => Date.parse(o.updatedAt))));
    // ...and the next check is already scheduled at the next quarter hour
    expect((await pendingJobs("reconcile-shop")).map((j) => j.runAt)).toEqual([nextReconcileAt(virtualNow()!)]);

    // WHEN it runs again THEN nothing new is created or sent
    const sent = mail.resend.emails.length;
    const rows = await db.message.count();
    await reconcileNow();
    expect(mail.resend.emails).toHaveLength(sent);
    expect(await db.message.count()).toBe(rows);
    expect(sim.state.graphqlCalls.filter((c) => c.operation === "ReconcileOrders" && c.outcome === "answered").length).toBeGreaterThanOrEqual(2);
  });

  it("finds nothing to do when every webhook arrived", async () => {
    await install();
    const scenario = story();
    await play(scenario, new Set());
    const sent = mail.resend.emails.length;
    await reconcileNow();
    expect(await shippingRows()).toEqual(expectedRows(scenario));
    expect(mail.resend.emails).toHaveLength(sent);
  });

  it("backs off when the Admin API answers THROTTLED and completes once the bucket has refilled", async () => {
    // GIVEN a lost webhook and a shop whose GraphQL bucket is empty
    await install();
    const scenario = story();
    const lost = anjaliDelivered(scenario);
    await play(scenario, new Set([lost.webhookId]));
    sim.state.setBucket(SHOP, 0);
    const started = virtualNow()!;
    const anjali = CUSTOMERS.anjali.email!.toLowerCase();
    const before = emailsTo(anjali).length;

    // WHEN reconciliation runs
    await reconcileNow();

    // THEN it was throttled first, waited (on the queue, not in memory), then read every page
    const calls = sim.state.graphqlCalls.filter((c) => c.operation === "ReconcileOrders");
    expect(calls[0].outcome).toBe("throttled");
    expect(calls.at(-1)!.outcome).toBe("answered");
    expect(Date.parse(calls.at(-1)!.at) - started.getTime()).toBeGreaterThanOrEqual(5_000);
    if (!scaleOut) {
      const job = await db.job.findFirstOrThrow({ where: { name: "reconcile-shop", status: { not: "QUEUED" } } });
      expect(job.status).toBe("DONE");
    }
    expect(await shippingRows()).toEqual(expectedRows(scenario));
    expect(emailsTo(anjali)).toHaveLength(before + 1);
  });

  it("skips a shop it holds no offline session for, without failing the job", async () => {
    await install();
    await db.session.deleteMany({ where: { shop: SHOP } });
    await reconcileNow();
    expect(sim.state.graphqlCalls).toHaveLength(0);
    if (!scaleOut) expect(await db.job.count({ where: { name: "reconcile-shop", status: "DONE" } })).toBe(1);
  });

  it("schedules one check per installed shop at worker start, whatever the number of starts", async () => {
    await install();
    await installShop("other-shop.myshopify.com");
    await ensureReconcileSchedules(virtualNow()!);
    await ensureReconcileSchedules(virtualNow()!);
    const jobs = await pendingJobs("reconcile-shop");
    expect(jobs.map((j) => (j.payload as { shop: string }).shop).sort()).toEqual(["herald-demo.myshopify.com", "other-shop.myshopify.com"]);
  });
});
