import { describe, expect, it } from "vitest";
import { buildDelaysScenario, storyStartDate } from "../../simulator/scenario/delays";
import { describeExpectedDelays, expectedDelayNotices } from "../../simulator/scenario/expected";
import { playScenario } from "../../simulator/scenario/player";
import { SCENARIOS } from "../../simulator/scenario/registry";
import { zonedTime } from "../../simulator/scenario/time";
import type { ScenarioStep } from "../../simulator/scenario/types";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { findSubscription, readAppToml } from "../../simulator/webhooks/subscriptions";

const NOW = new Date("2026-11-13T12:00:00Z");
const build = (timezone = "America/New_York", seed = 5, now = NOW) =>
  buildDelaysScenario({ shop: "maple-moss.myshopify.com", seed, now, timezone, currency: "USD", fixturesDir: fixturesDir() });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook JSON, asserted field by field
type Json = Record<string, any>;
const payload = (s: ScenarioStep): Json => JSON.parse(s.body);
const arrival = (s: ScenarioStep) => Date.parse(s.arrivesAt ?? s.triggeredAt);

describe("the delays scenario", () => {
  it("is registered, and tells the same story byte for byte given the same seed and now", () => {
    expect(Object.keys(SCENARIOS)).toEqual(["shipping", "delays", "restock"]);
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
    expect(build(undefined, 6).steps[0].webhookId).not.toBe(build().steps[0].webhookId);
  });

  it("starts on the Friday before New York's fall-back with now = 2026-11-13, and ends before now", () => {
    expect(storyStartDate(NOW, "America/New_York")).toBe("2026-10-30");
    expect(storyStartDate(NOW, "Asia/Kolkata")).toBe("2026-10-30");
    // Any `now`: a Friday at least two weeks back.
    expect(storyStartDate(new Date("2026-11-23T19:00:00Z"), "America/New_York")).toBe("2026-11-06");
    const scenario = build();
    expect(Math.max(...scenario.steps.map(arrival))).toBeLessThan(NOW.getTime());
  });

  it("lists its deliveries in arrival order, late ones after what overtook them", () => {
    const { steps } = build();
    const times = steps.map(arrival);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const late = steps.filter((s) => s.arrivesAt && s.delivery === "first");
    expect(late.map((s) => (Date.parse(s.arrivesAt!) - Date.parse(s.triggeredAt)) / 60_000).sort((a, b) => a - b)).toEqual([1, 10, 10, 240, 241, 660]);
    // Every subscribed topic; fulfillment_orders/* carry what the simulator must answer about them.
    const toml = readAppToml();
    expect(steps.every((s) => findSubscription(toml, s.topic))).toBe(true);
    for (const s of steps.filter((x) => x.topic.startsWith("fulfillment_orders/"))) {
      expect(s.platformRecords?.[0]).toMatchObject({ kind: "fulfillmentOrder", id: payload(s).fulfillment_order.id });
    }
  });

  it("carries the carrier's delayed status (API 2025-07+) and a parcel origin for domestic and international thresholds", () => {
    const { steps } = build();
    const delayed = steps.find((s) => s.topic === "fulfillment_events/create" && payload(s).status === "delayed")!;
    expect(payload(delayed).estimated_delivery_at).toMatch(/-05:00$/);
    const created = steps.filter((s) => s.topic === "fulfillments/create").map(payload);
    expect(new Set(created.map((f) => f.origin_address.country_code))).toEqual(new Set(["US"]));
    expect(new Set(build("Asia/Kolkata").steps.filter((s) => s.topic === "fulfillments/create").map((s) => payload(s).origin_address.country_code))).toEqual(new Set(["IN"]));
  });

  it("writes New York's times with the offset of the day: EDT before the fall-back, EST after", () => {
    const { steps } = build();
    const first = payload(steps.find((s) => s.topic === "orders/create")!);
    expect(first.created_at).toBe("2026-10-30T18:00:00-04:00");
    expect(payload(steps.at(-1)!).happened_at).toMatch(/-05:00$/);
    expect(zonedTime("2026-11-01", "12:00", "America/New_York").toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(zonedTime("2026-10-31", "12:00", "America/New_York").toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(zonedTime("2026-11-04", "18:00", "Asia/Kolkata").toISOString()).toBe("2026-11-04T12:30:00.000Z");
  });
});

describe("the delays scenario's expected notices", () => {
  it("has every kind of delay notice, a follow-up, two dropped ones, and silent control orders", () => {
    const scenario = build();
    const notices = expectedDelayNotices(scenario);
    expect(new Set(notices.map((n) => n.kind))).toEqual(new Set(["unfulfilled", "carrier_delay", "stalled", "not_picked_up", "eta_passed", "on_hold", "rescheduled"]));
    expect(notices.filter((n) => n.followUp).map((n) => n.order)).toEqual(["#2008"]);
    expect(notices.filter((n) => n.outcome === "skipped").map((n) => [n.order, n.kind, n.skipReason])).toEqual([
      ["#2010", "on_hold", "condition_cleared"],
      ["#2003", "unfulfilled", "condition_cleared"],
    ]);
    expect(scenario.delays!.silent.map((s) => s.order)).toEqual(["#2002", "#2003", "#2008", "#2010", "#2011", "#2012", "#2014"]);
    // No order gets more than 2 notices, and an order's notices are at least 24 h apart.
    for (const order of new Set(notices.map((n) => n.order))) {
      const sent = notices.filter((n) => n.order === order && n.outcome === "sent").map((n) => Date.parse(n.dueAt));
      expect(sent.length).toBeLessThanOrEqual(2);
      if (sent.length === 2) expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(24 * 3_600_000);
    }
  });

  it("puts New York's notices at the wall-clock times the rules give, sent 10 minutes later", () => {
    const notices = expectedDelayNotices(build());
    expect(notices.map((n) => [n.order, n.kind, n.dueLocal, n.sendAt])).toEqual([
      ["#2009", "on_hold", "Mon 2026-11-02 16:00 -05:00", "2026-11-02T21:10:00.000Z"],
      ["#2010", "on_hold", "Tue 2026-11-03 09:00 -05:00", "2026-11-03T14:10:00.000Z"],
      ["#2013", "rescheduled", "Tue 2026-11-03 10:00 -05:00", "2026-11-03T15:10:00.000Z"],
      ["#2004", "carrier_delay", "Tue 2026-11-03 18:00 -05:00", "2026-11-03T23:10:00.000Z"],
      // Friday 18:00 EDT + 72 business hours = Wednesday 18:00 EST: 121 real hours later (the weekend had 49).
      ["#2001", "unfulfilled", "Wed 2026-11-04 18:00 -05:00", "2026-11-04T23:10:00.000Z"],
      ["#2003", "unfulfilled", "Wed 2026-11-04 20:00 -05:00", "2026-11-05T01:10:00.000Z"],
      // Anjali lives in India: Thursday noon there is 01:30 in New York.
      ["#2008", "eta_passed", "Thu 2026-11-05 01:30 -05:00", "2026-11-05T06:40:00.000Z"],
      ["#2005", "stalled", "Fri 2026-11-06 11:00 -05:00", "2026-11-06T16:10:00.000Z"],
      ["#2007", "not_picked_up", "Fri 2026-11-06 14:05 -05:00", "2026-11-06T19:15:00.000Z"],
      ["#2008", "eta_passed", "Sat 2026-11-07 01:30 -05:00", "2026-11-07T06:40:00.000Z"],
      ["#2006", "stalled", "Tue 2026-11-10 09:00 -05:00", "2026-11-10T14:10:00.000Z"],
    ]);
    expect(expectedDelayNotices(build(), { settleSeconds: 0 })[0].sendAt).toBe("2026-11-02T21:00:00.000Z");
  });

  it("keeps the same wall-clock times in Kolkata, with domestic parcels to India", () => {
    const scenario = build("Asia/Kolkata");
    const notices = expectedDelayNotices(scenario);
    expect(notices.find((n) => n.order === "#2001")!.dueAt).toBe("2026-11-04T12:30:00.000Z");
    expect(notices.every((n) => n.dueLocal.endsWith("+05:30"))).toBe(true);
    expect(notices.find((n) => n.order === "#2005")).toMatchObject({ customer: "anjali", recipient: "anjali.nair@example.com" });
    expect(scenario.orders.find((o) => o.name === "#2005")!.customer).toBe("anjali");
  });

  it("prints the expected notices and a dry run without any customer's email address", async () => {
    const lines: string[] = [];
    await playScenario("delays", { appUrl: "http://127.0.0.1:9", secret: "x", seed: 5, now: NOW, speed: 0, dryRun: true, log: (l) => lines.push(l) });
    const printed = lines.join("\n");
    expect(printed).toContain("Expected delay notices");
    expect(describeExpectedDelays(build())).toContain("#2012: nothing (more) to tell: cancelled before its unfulfilled deadline");
    expect(printed).not.toMatch(/[a-z]+\.[a-z]+@example\.com/);
  });
});
