import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../app/db.server";
import { installShop, resetDatabase } from "../../support/db";
import { withProviderFakes } from "../../support/providers";
import { runAllJobs } from "../../support/jobs";
import { postWebhook } from "../../support/webhooks";
import { expectedShippingMessages, HERALD_DEFAULTS, type OutcomeSettings } from "../../simulator/scenario/expected";
import { buildShippingScenario } from "../../simulator/scenario/shipping";
import type { Scenario, ScenarioStep } from "../../simulator/scenario/types";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { webhookHeaders } from "../../simulator/webhooks/sign";
import { findSubscription, readAppToml } from "../../simulator/webhooks/subscriptions";

// The scenario's expected outcome, checked against Herald's real routes, pipeline and channels:
// every delivery of the story goes through the route module for its topic, in the story's order
// (racing duplicates at the same time), and the job queue runs after each one, as Herald's worker
// does between the scenario's pauses. (Processed only at the end, Herald would rightly send just
// the latest news of each parcel: the earlier steps would be stale by then.)
const SHOP = "herald-demo.myshopify.com";
const provider = withProviderFakes();

beforeEach(async () => {
  await resetDatabase();
});

function story(): Scenario {
  return buildShippingScenario({ shop: SHOP, seed: 11, now: new Date(), timezone: "America/New_York", currency: "USD", fixturesDir: fixturesDir() });
}

async function play(scenario: Scenario): Promise<number[]> {
  const statuses: number[] = [];
  const send = async (step: ScenarioStep) => {
    const headers = webhookHeaders({ ...step, shop: SHOP, rawBody: step.body, secret: process.env.SHOPIFY_API_SECRET! });
    const request = new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${step.topic}`, { method: "POST", headers, body: step.body });
    statuses.push((await postWebhook(step.topic, request)).status);
  };
  // Shopify only sends what shopify.app.toml subscribes to.
  const toml = readAppToml();
  const steps = scenario.steps.filter((s) => findSubscription(toml, s.topic));
  for (let i = 0; i < steps.length; i++) {
    if (steps[i + 1]?.concurrent) {
      await Promise.all([send(steps[i]), send(steps[i + 1])]);
      i++;
    } else {
      await send(steps[i]);
    }
    await runAllJobs();
  }
  return statuses;
}

/** Herald's shipping messages as comparable strings. */
async function messageRows(): Promise<string[]> {
  const rows = await db.message.findMany({ where: { shop: SHOP, trigger: "shipping" } });
  return rows.map((m) => `${m.fulfillmentId} ${m.step} ${m.channel} ${m.status}`).sort();
}

function expectedRows(scenario: Scenario, settings: OutcomeSettings): string[] {
  return expectedShippingMessages(scenario, settings)
    .map((m) => `${m.fulfillmentId} ${m.step} ${m.channel} ${m.outcome === "sent" ? "SENT" : "SKIPPED"}`)
    .sort();
}

describe("Herald playing the shipping scenario", () => {
  it("acknowledges every delivery and sends exactly the expected emails with its default settings", async () => {
    // GIVEN the demo shop with default settings (email only, no in_transit message)
    await installShop(SHOP);
    const scenario = story();
    // WHEN the whole story arrives, duplicates, retries and late deliveries included
    const statuses = await play(scenario);
    // THEN every delivery got a 200 and Herald has exactly the expected rows
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await messageRows()).toEqual(expectedRows(scenario, HERALD_DEFAULTS));
    // ...and each customer received exactly their emails, nothing for #1006 or #1007
    const expected = expectedShippingMessages(scenario).filter((m) => m.outcome === "sent");
    const received = provider.fakes.resend.emails.flatMap((e) => e.to.map((to) => to.toLowerCase())).sort();
    expect(received).toEqual(expected.map((m) => m.recipient!).sort());
    expect(provider.fakes.twilio.messages).toHaveLength(0);
  });

  it("sends the expected texts too when the shop turns SMS and in_transit on", async () => {
    // No store simulator here to ask for consent: the shop does not require it.
    const settings: OutcomeSettings = { ...HERALD_DEFAULTS, steps: { ...HERALD_DEFAULTS.steps, in_transit: true }, channels: ["email", "sms"], smsRequiresConsent: false };
    await installShop(SHOP, { settings: { shipping: { channels: ["email", "sms"], steps: { in_transit: true } }, consent: { smsRequiresConsent: false } } });
    const scenario = story();
    await play(scenario);
    expect(await messageRows()).toEqual(expectedRows(scenario, settings));
    const texts = expectedShippingMessages(scenario, settings).filter((m) => m.channel === "sms" && m.outcome === "sent");
    expect(provider.fakes.twilio.messages.map((t) => t.to).sort()).toEqual(texts.map((m) => m.recipient!).sort());
  });
});
