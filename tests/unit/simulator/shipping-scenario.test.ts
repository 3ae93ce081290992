import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { s10CheckDigit, upsCheckDigit } from "../../simulator/scenario/carriers";
import { CUSTOMERS } from "../../simulator/scenario/cast";
import { expectedShippingMessages, HERALD_DEFAULTS } from "../../simulator/scenario/expected";
import { playScenario } from "../../simulator/scenario/player";
import { buildShippingScenario } from "../../simulator/scenario/shipping";
import type { ScenarioStep } from "../../simulator/scenario/types";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { parseAppToml } from "../../simulator/webhooks/subscriptions";

const NOW = new Date("2026-11-20T12:00:00Z");
const build = (seed = 7, now = NOW, timezone = "Asia/Kolkata") =>
  buildShippingScenario({ shop: "herald-demo.myshopify.com", seed, now, timezone, currency: "USD", fixturesDir: fixturesDir() });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook JSON, asserted field by field
type Json = Record<string, any>;
const payload = (s: ScenarioStep): Json => JSON.parse(s.body);
const firsts = (steps: ScenarioStep[], topic: string) => steps.filter((s) => s.topic === topic && s.delivery !== "duplicate" && s.delivery !== "retry");

describe("the shipping scenario", () => {
  it("tells the same story byte for byte given the same seed and now", () => {
    expect(JSON.stringify(build(7))).toBe(JSON.stringify(build(7)));
  });

  it("uses other ids, tracking numbers and webhook ids with another seed", () => {
    const a = build(7);
    const b = build(8);
    expect(a.steps.map((s) => s.webhookId)).not.toEqual(b.steps.map((s) => s.webhookId));
    expect(payload(a.steps[0]).id).not.toBe(payload(b.steps[0]).id);
    expect(a.fulfillments[0].trackingNumber).not.toBe(b.fulfillments[0].trackingNumber);
  });

  it("has customers who read en, es, hi, ml and sw, one without email and one without phone", () => {
    const orders = firsts(build().steps, "orders/create").map(payload);
    expect(new Set(orders.map((o) => o.customer_locale))).toEqual(new Set(["en", "es-MX", "hi-IN", "ml-IN", "sw-KE"]));
    const priya = orders.find((o) => o.customer_locale === "hi-IN")!;
    expect(priya.email).toBeNull();
    expect(priya.customer.email).toBeNull();
    expect(priya.phone).toMatch(/^\+91/);
    const neema = orders.filter((o) => o.customer_locale === "sw-KE");
    expect(neema.every((o) => o.phone === null && o.email)).toBe(true);
    expect(orders.find((o) => o.customer_locale === "ml-IN")!.customer.first_name).toBe("Anjali");
  });

  it("gives every customer with a phone a valid E.164 number of their country", () => {
    for (const c of Object.values(CUSTOMERS)) {
      if (!c.phone) continue;
      const parsed = parsePhoneNumberFromString(c.phone);
      expect(parsed?.isValid(), c.phone).toBe(true);
      expect(parsed?.country).toBe(c.address.country_code);
      expect(parsed?.number).toBe(c.phone);
    }
  });

  it("places live orders, not the sample's cancelled test order", () => {
    const scenario = build();
    for (const order of firsts(scenario.steps, "orders/create").map(payload)) {
      expect(order).toMatchObject({ cancelled_at: null, cancel_reason: null, test: false, financial_status: "paid", confirmed: true });
      expect(Number.isSafeInteger(order.id)).toBe(true);
      const lines = order.line_items.reduce((sum: number, l: Json) => sum + Number(l.price) * l.quantity, 0);
      expect(order.subtotal_price).toBe(lines.toFixed(2));
    }
    const cancelled = payload(scenario.steps.find((s) => s.topic === "orders/cancelled")!);
    expect(cancelled.name).toBe("#1007");
    expect(cancelled.cancelled_at).toMatch(/^2026-11-19T/);
    expect(cancelled.cancel_reason).toBe("customer");
  });

  it("ships #1002 in two fulfillments with their own tracking numbers that cover every line", () => {
    const scenario = build();
    const order = payload(firsts(scenario.steps, "orders/create").find((s) => s.order === "#1002")!);
    const parts = firsts(scenario.steps, "fulfillments/create").filter((s) => s.order === "#1002").map(payload);
    expect(parts.map((p) => p.name)).toEqual(["#1002.1", "#1002.2"]);
    expect(parts[0].tracking_number).not.toBe(parts[1].tracking_number);
    expect(parts.map((p) => p.tracking_company)).toEqual(["DHL Express", "FedEx"]);
    const shippedLines = parts.flatMap((p) => p.line_items.map((l: Json) => l.id)).sort();
    expect(shippedLines).toEqual(order.line_items.map((l: Json) => l.id).sort());
    expect(parts.every((p) => p.order_id === order.id && p.status === "success")).toBe(true);
  });

  it("delivers duplicates and retries with the same webhook id and the same bytes", () => {
    const { steps } = build();
    const again = steps.filter((s) => s.delivery === "duplicate" || s.delivery === "retry");
    expect(again.map((s) => s.delivery).sort()).toEqual(["duplicate", "duplicate", "retry"]);
    for (const copy of again) {
      const original = steps.find((s) => s.webhookId === copy.webhookId && s.delivery === "first")!;
      expect(steps.indexOf(original)).toBeLessThan(steps.indexOf(copy));
      expect(copy.body).toBe(original.body);
      expect(copy.triggeredAt).toBe(original.triggeredAt);
    }
    // The racing duplicate goes out together with its original.
    const racing = again.find((s) => s.concurrent)!;
    expect(steps[steps.indexOf(racing) - 1].webhookId).toBe(racing.webhookId);
    // Every other delivery has its own id.
    const firstIds = steps.filter((s) => s.delivery === "first" || s.delivery === "late").map((s) => s.webhookId);
    expect(new Set(firstIds).size).toBe(firstIds.length);
  });

  it("delivers Priya's out_for_delivery and an earlier in_transit after delivered", () => {
    const { steps } = build();
    const priya = steps.filter((s) => s.fulfillment === "#1003.1" && s.topic === "fulfillment_events/create");
    const statuses = priya.map((s) => payload(s).status);
    expect(statuses).toEqual(["in_transit", "delivered", "out_for_delivery", "in_transit"]);
    const delivered = payload(priya[1]);
    for (const late of priya.slice(2)) {
      expect(late.delivery).toBe("late");
      expect(Date.parse(payload(late).happened_at)).toBeLessThan(Date.parse(delivered.happened_at));
      expect(Date.parse(late.triggeredAt)).toBeLessThan(Date.parse(priya[1].triggeredAt));
    }
  });

  it("leaves #1006 unfulfilled for more than 72 hours", () => {
    const { steps, delayNotices } = build();
    const order = payload(steps.find((s) => s.order === "#1006")!);
    const story = steps.filter((s) => s.order === "#1006");
    expect(story.map((s) => s.topic)).toEqual(["orders/create", "fulfillment_orders/placed_on_hold"]);
    // The hold names no order: the simulator must be told, so it can answer Herald's GraphQL lookup.
    const hold = payload(story[1]);
    expect(story[1].platformRecords).toEqual([{ kind: "fulfillmentOrder", id: hold.fulfillment_order.id, orderId: `gid://shopify/Order/${order.id}`, status: "on_hold" }]);
    expect(hold.fulfillment_order.fulfillment_holds[0].reason).toBe("inventory_out_of_stock");
    expect(order.fulfillment_status).toBeNull();
    expect((NOW.getTime() - Date.parse(order.created_at)) / 3_600_000).toBeGreaterThan(72);
    expect(delayNotices).toEqual([{ order: "#1006", customer: "neema", unfulfilledHours: 96 }]);
  });

  it("writes payload times in the shop's offset and sends Triggered-At in UTC, in story order except late ones", () => {
    const { steps } = build(7, NOW, "Asia/Kolkata");
    expect(payload(steps[0]).created_at).toMatch(/\+05:30$/);
    expect(steps.every((s) => s.triggeredAt.endsWith("Z"))).toBe(true);
    const inOrder = steps.filter((s) => s.delivery === "first").map((s) => Date.parse(s.triggeredAt));
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    expect(Math.max(...inOrder)).toBeLessThan(NOW.getTime());
  });

  it("uses tracking numbers in the carriers' own formats", () => {
    expect(upsCheckDigit("999AA1012345678")).toBe(4); // UPS's published sample 1Z999AA10123456784
    expect(s10CheckDigit("47312482")).toBe(9); // UPU S10's own example: RR473124829GB
    for (const f of build(123).fulfillments) {
      const n = f.trackingNumber;
      if (f.carrier === "UPS") expect(Number(n.at(-1))).toBe(upsCheckDigit(n.slice(2, -1)));
      if (f.carrier === "India Post") expect(n).toMatch(/^EE\d{9}IN$/);
      if (f.carrier === "India Post") expect(Number(n[10])).toBe(s10CheckDigit(n.slice(2, 10)));
      if (f.carrier === "DHL Express") expect(Number(n.at(-1))).toBe(Number(n.slice(0, 9)) % 7);
    }
  });
});

describe("the shipping scenario's expected outcome", () => {
  it("is 12 emails and 2 no_email skips with Herald's default settings", () => {
    const messages = expectedShippingMessages(build(), HERALD_DEFAULTS);
    expect(messages.filter((m) => m.outcome === "sent")).toHaveLength(12);
    const skipped = messages.filter((m) => m.outcome === "skipped");
    expect(skipped.map((m) => [m.customer, m.fulfillment, m.step, m.skipReason])).toEqual([
      ["priya", "#1003.1", "shipped", "no_email"],
      ["priya", "#1003.1", "delivered", "no_email"],
    ]);
    expect(messages.some((m) => m.order === "#1006" || m.order === "#1007")).toBe(false);
    expect(messages.some((m) => m.fulfillment === "#1003.1" && m.step === "out_for_delivery")).toBe(false);
  });

  it("has exactly one message per fulfillment, step and channel with every step and both channels on", () => {
    const all = { ...HERALD_DEFAULTS, steps: { ...HERALD_DEFAULTS.steps, in_transit: true }, channels: ["email", "sms"] as const };
    const messages = expectedShippingMessages(build(), { ...all, channels: [...all.channels] });
    const keys = messages.map((m) => `${m.fulfillment}|${m.step}|${m.channel}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(messages).toHaveLength(2 * (4 + 4 + 3 + 3 + 4 + 2));
    expect(messages.filter((m) => m.skipReason === "no_phone").every((m) => m.customer === "neema")).toBe(true);
    expect(messages.find((m) => m.customer === "anjali" && m.channel === "sms")?.recipient).toBe("+919447012345");
  });
});

describe("playing the shipping scenario", () => {
  it("never prints a customer's email address or phone number", async () => {
    const lines: string[] = [];
    const toml = parseAppToml({
      webhooks: {
        api_version: "2026-07",
        subscriptions: ["orders/create", "orders/updated", "orders/cancelled", "fulfillments/create", "fulfillments/update", "fulfillment_events/create"].map(
          (t) => ({ topics: [t], uri: `/webhooks/${t}` }),
        ),
      },
    });
    await playScenario("shipping", { appUrl: "http://127.0.0.1:9", secret: "x", seed: 1, speed: 0, dryRun: true, toml, log: (l) => lines.push(l) });
    const printed = lines.join("\n");
    expect(printed).toContain("#1003.1");
    for (const c of Object.values(CUSTOMERS)) {
      if (c.email) expect(printed).not.toContain(c.email);
      if (c.phone) expect(printed).not.toContain(c.phone);
      if (c.phone) expect(printed).not.toContain(c.phone.slice(-6));
    }
  });
});
