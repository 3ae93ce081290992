import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../app/db.server";
import { redirectShopifyTransport } from "../../../app/shopify/transport.server";
import { postSignup } from "../../support/back-in-stock";
import { installShop, resetDatabase } from "../../support/db";
import { runAllJobs } from "../../support/jobs";
import { withProviderFakes } from "../../support/providers";
import { postWebhook } from "../../support/webhooks";
import { expectedBackInStock } from "../../simulator/scenario/expected";
import { buildRestockScenario } from "../../simulator/scenario/restock";
import type { Scenario, ScenarioStep, StorefrontStep } from "../../simulator/scenario/types";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { afterSameRequest, forwardedRequest } from "../../simulator/storefront";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { webhookHeaders } from "../../simulator/webhooks/sign";
import { findSubscription, readAppToml } from "../../simulator/webhooks/subscriptions";

// The restock story's predicted outcome, checked against Herald's real routes, pipeline and channels:
// every sign-up goes through the app proxy route as Shopify forwards it (signed at that moment), every
// webhook through its route, in the story's order, the job queue running after each one as Herald's
// worker does between the scenario's pauses; Admin GraphQL look-ups are answered by the simulator.
const SHOP = "herald-demo.myshopify.com";
const SCOPES = process.env.SCOPES!;
const provider = withProviderFakes();
const toml = readAppToml();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: SCOPES });
  redirectShopifyTransport(sim.url);
});
afterAll(() => sim.close());

beforeEach(async () => {
  await resetDatabase();
  // Quiet hours off: the text confirmation goes at once whatever the hour (the prediction does not model them).
  // The story's shop sells abroad: Priya signs up with her Indian number.
  await installShop(SHOP, { name: "Herald Demo Goods", settings: { quietHours: { enabled: false }, backInStock: { smsCountries: ["US", "IN"] } } });
  sim.state.upsertShop({ domain: SHOP, name: "Herald Demo Goods" });
  const token = sim.state.issueToken(SHOP, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
});

function story(seed = 11): Scenario {
  return buildRestockScenario({ shop: SHOP, seed, now: new Date(), timezone: "America/New_York", currency: "USD", fixturesDir: fixturesDir() });
}

/** Play the timeline; returns each step's answer ("200 subscribed", "401", "200"). */
async function play(scenario: Scenario): Promise<string[]> {
  const answers: string[] = [];
  const signed = new Map<string, URLSearchParams>();
  for (const step of scenario.timeline!) {
    for (const r of step.platformRecords ?? []) sim.state.recordPlatformRecord(SHOP, r);
    if (step.kind === "storefront") {
      answers.push(await signUp(step, signed));
    } else {
      if (!findSubscription(toml, step.topic)) continue;
      sim.state.recordWebhook(SHOP, step.topic, step.body, step.triggeredAt);
      answers.push(String(await deliver(step)));
    }
    await runAllJobs();
  }
  return answers;
}

async function signUp(step: StorefrontStep, signed: Map<string, URLSearchParams>): Promise<string> {
  if (!step.sameAs) await afterSameRequest(SHOP, step);
  const forwarded = forwardedRequest(step, {
    appUrl: process.env.SHOPIFY_APP_URL!,
    toml,
    shop: SHOP,
    secret: process.env.SHOPIFY_API_SECRET!,
    query: step.sameAs ? signed.get(step.sameAs) : undefined,
  });
  signed.set(step.requestId, forwarded.query);
  const { status, body } = await postSignup(new Request(forwarded.url, forwarded.init));
  return status === 200 ? `${status} ${String(body.status)}` : String(status);
}

async function deliver(step: ScenarioStep): Promise<number> {
  const headers = webhookHeaders({ ...step, shop: SHOP, rawBody: step.body, secret: process.env.SHOPIFY_API_SECRET! });
  const request = new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${step.topic}`, { method: "POST", headers, body: step.body });
  return (await postWebhook(step.topic, request)).status;
}

/** The language an email is written in: its <html lang>. */
const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1] ?? null;

describe("Herald playing the restock scenario", () => {
  it("answers every sign-up as the storefront expects, then alerts exactly the predicted shoppers, each once, in their language", async () => {
    // GIVEN the demo shop with Herald's back-in-stock defaults (2 alerts per unit, SMS double opt-in)
    const scenario = story();
    const expected = expectedBackInStock(scenario);

    // WHEN the story is played: seven sign-ups (a double submit, a repeat), then the restock told three times
    const answers = await play(scenario);

    // THEN each request got the answer the story expects (the replayed double submit refused)
    const wanted = scenario.timeline!.map((s) => (s.kind === "storefront" ? (s.expect.signup ? `${s.expect.status} ${s.expect.signup}` : String(s.expect.status)) : "200"));
    expect(answers).toEqual(wanted);
    expect(answers.filter((a) => a === "401")).toHaveLength(1);

    // ...one subscription per shopper, one restock with a quota of 4, the two newest still waiting
    expect(await db.stockSubscription.count()).toBe(7);
    expect(await db.restock.findMany()).toEqual([expect.objectContaining({ units: 2, quota: expected.quota, notified: 4, status: "DONE" })]);
    const waiting = await db.stockSubscription.findMany({ where: { status: "WAITING" }, select: { email: true, phone: true } });
    expect(waiting.map((w) => w.email ?? w.phone).sort()).toEqual(
      expected.notAlerted.map((n) => scenario.backInStock!.signups.find((s) => s.key === n.shopper)!).map((s) => s.email ?? s.phone).sort(),
    );

    // ...and the providers received exactly the predicted confirmations and alerts, in the predicted languages
    const received = [
      ...provider.fakes.resend.emails.map((e) => `${e.batchIndex === null ? "confirmation" : "alert"} email ${e.to.join(",").toLowerCase()} ${langOf(e.html ?? "")}`),
      ...provider.fakes.twilio.messages.map((t) => `confirmation ${t.channel} ${t.to}`),
    ];
    const predicted = expected.messages.map((m) => (m.channel === "email" ? `${m.step} email ${m.recipient} ${m.language}` : `${m.step} sms ${m.recipient}`));
    expect(received.sort()).toEqual(predicted.sort());
    // The alerts went in one batch call; the mug's page and cart are one click away.
    expect(provider.fakes.resend.requests.filter((r) => r.path === "/emails/batch" && r.outcome === "accepted")).toHaveLength(1);
    const alert = provider.fakes.resend.emails.find((e) => e.batchIndex !== null)!;
    const { variant } = scenario.backInStock!;
    expect(alert.html).toContain(`https://${SHOP}/products/${variant.handle}?variant=${variant.id}`);
    expect(alert.html).toContain(`https://${SHOP}/cart/${variant.id}:1`);
  }, 60_000);

  it("tells the same shoppers whatever the seed: who is told depends on the order of sign-ups, not on ids", async () => {
    const scenario = story(12);
    await play(scenario);
    const alerted = provider.fakes.resend.emails.filter((e) => e.batchIndex !== null).flatMap((e) => e.to.map((t) => t.toLowerCase()));
    expect(alerted.sort()).toEqual(expectedBackInStock(scenario).messages.filter((m) => m.step === "alert").map((m) => m.recipient).sort());
  }, 60_000);
});
