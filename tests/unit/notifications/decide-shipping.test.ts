import { describe, expect, it } from "vitest";
import { decide } from "~/notifications/decide";
import { decideShipping } from "~/notifications/shipping/decide";
import type { CarrierEventFact, FulfillmentFacts, HistoryRecord, Intent } from "~/notifications/types";
import { at, event, fulfillment, input, order, sent, settings } from "./fixtures";

/** "fulfillment:7001 shipped email" — compact enough to read a table of expectations. */
function summary(intents: Intent[]): string[] {
  return intents.map((i) => `${i.subject} ${i.step} ${i.channel}`);
}

interface Row {
  name: string;
  given: { status?: string; shipmentStatus?: string | null; events?: CarrierEventFact[]; history?: HistoryRecord[] };
  steps?: Parameters<typeof settings>[1];
  then: string | null;
}

// Default settings: every step on except in_transit (the lead's defaults), email only.
const rows: Row[] = [
  { name: "announces 'shipped' when a fulfillment succeeds with no carrier scan yet", given: {}, then: "shipped" },
  { name: "announces 'shipped' while the carrier only printed a label", given: { events: [event("label_printed", at(1))] }, then: "shipped" },
  { name: "announces 'shipped' when the carrier picked the package up", given: { events: [event("carrier_picked_up", at(1))] }, then: "shipped" },
  { name: "stays silent for an open fulfillment without carrier news", given: { status: "open" }, then: null },
  { name: "stays silent for a pending fulfillment whose label was bought", given: { status: "pending", shipmentStatus: "label_purchased" }, then: null },
  { name: "stays silent when 'shipped' was already sent (duplicate webhook)", given: { history: [sent("shipped")] }, then: null },
  { name: "stays silent when 'shipped' was already recorded as skipped", given: { history: [sent("shipped", { status: "SKIPPED" })] }, then: null },
  { name: "stays silent when 'shipped' is still pending in the outbox", given: { history: [sent("shipped", { status: "PENDING" })] }, then: null },
  { name: "falls back to 'shipped' when in_transit is off and nothing was sent yet", given: { events: [event("in_transit", at(2))] }, then: "shipped" },
  { name: "stays silent on in_transit (off) once 'shipped' went out", given: { events: [event("in_transit", at(2))], history: [sent("shipped")] }, then: null },
  { name: "stays silent on in_transit (off) when 'shipped' is off too", given: { events: [event("in_transit", at(2))] }, steps: { shipped: false }, then: null },
  { name: "announces in_transit after 'shipped' when the merchant enabled it", given: { events: [event("in_transit", at(2))], history: [sent("shipped")] }, steps: { in_transit: true }, then: "in_transit" },
  { name: "announces in_transit directly (no extra 'shipped') when enabled and nothing was sent", given: { events: [event("in_transit", at(2))] }, steps: { in_transit: true }, then: "in_transit" },
  { name: "announces out_for_delivery after 'shipped'", given: { events: [event("in_transit", at(2)), event("out_for_delivery", at(3))], history: [sent("shipped")] }, then: "out_for_delivery" },
  { name: "announces only the current step when it jumps straight to delivered", given: { events: [event("delivered", at(9))] }, then: "delivered" },
  { name: "announces delivered when it arrives before an older in_transit scan", given: { events: [event("delivered", at(9)), event("in_transit", at(2))] }, then: "delivered" },
  { name: "stays silent when a late in_transit scan arrives after delivered was sent", given: { events: [event("delivered", at(9)), event("in_transit", at(2))], history: [sent("delivered")] }, steps: { in_transit: true }, then: null },
  { name: "stays silent on an older step even without its scan being the latest", given: { events: [event("out_for_delivery", at(5))], history: [sent("delivered")] }, then: null },
  { name: "uses the higher rank when two scans share a timestamp", given: { events: [event("out_for_delivery", at(4), "ev-a"), event("in_transit", at(4), "ev-z")], history: [sent("shipped")] }, then: "out_for_delivery" },
  { name: "ignores a 'delayed' scan (a later feature's business)", given: { events: [event("out_for_delivery", at(4)), event("delayed", at(6))], history: [sent("shipped")] }, then: "out_for_delivery" },
  { name: "ignores an unknown carrier status", given: { events: [event("teleported", at(6))] }, then: "shipped" },
  { name: "uses the fulfillment's shipment_status when no scan was recorded", given: { shipmentStatus: "out_for_delivery" }, then: "out_for_delivery" },
  { name: "prefers recorded scans over the fulfillment's shipment_status", given: { shipmentStatus: "delivered", events: [event("out_for_delivery", at(4))] }, then: "out_for_delivery" },
  { name: "announces ready_for_pickup after attempted_delivery (the parcel went to a pickup point)", given: { events: [event("ready_for_pickup", at(7))], history: [sent("attempted_delivery")] }, then: "ready_for_pickup" },
  { name: "stays silent on a late attempted_delivery after ready_for_pickup was sent", given: { events: [event("ready_for_pickup", at(7)), event("attempted_delivery", at(8))], history: [sent("ready_for_pickup")] }, then: null },
  { name: "announces delivered after a delivery failure", given: { events: [event("failure", at(6)), event("delivered", at(9))], history: [sent("failure")] }, then: "delivered" },
  { name: "stays silent on a failure scan after delivered was sent", given: { events: [event("delivered", at(6)), event("failure", at(9))], history: [sent("delivered")] }, then: null },
  { name: "lets a later step through when the previous message FAILED", given: { events: [event("out_for_delivery", at(5))], history: [sent("delivered", { status: "FAILED" })] }, then: "out_for_delivery" },
  { name: "does not re-create a step whose message FAILED (delivery retries it)", given: { events: [event("delivered", at(9))], history: [sent("delivered", { status: "FAILED" })] }, then: null },
  { name: "counts a 'shipped' that FAILED as existing for the in_transit fallback", given: { events: [event("in_transit", at(2))], history: [sent("shipped", { status: "FAILED" })] }, then: null },
  { name: "ignores history about another fulfillment", given: { history: [sent("delivered", { subject: "fulfillment:9999" })] }, then: "shipped" },
  { name: "stays silent when delivered is switched off", given: { events: [event("delivered", at(9))] }, steps: { delivered: false }, then: null },
  { name: "does not fall back to 'shipped' for a disabled step beyond in_transit", given: { events: [event("out_for_delivery", at(5))] }, steps: { out_for_delivery: false }, then: null },
  { name: "stays silent for a cancelled fulfillment even if delivered", given: { status: "cancelled", events: [event("delivered", at(9))] }, then: null },
  { name: "stays silent for a fulfillment in error", given: { status: "error" }, then: null },
  { name: "stays silent for a failed fulfillment", given: { status: "failure" }, then: null },
];

describe("decideShipping, one fulfillment (statuses x history x settings)", () => {
  it.each(rows)("$name", ({ given, steps, then }) => {
    // GIVEN one fulfillment with these facts and this history
    const f = fulfillment({
      status: given.status ?? "success",
      shipmentStatus: given.shipmentStatus ?? null,
      events: given.events ?? [],
    });
    // WHEN deciding
    const intents = decideShipping(input({ fulfillments: [f], history: given.history ?? [], settings: settings({}, steps) }));
    // THEN at most the expected step, by email
    expect(summary(intents)).toEqual(then ? [`fulfillment:7001 ${then} email`] : []);
  });
});

describe("decideShipping, order and shop level", () => {
  it("sends nothing when shipping updates are switched off", () => {
    expect(decideShipping(input({ settings: settings({ enabled: false }) }))).toEqual([]);
  });

  it("sends nothing for a cancelled order", () => {
    expect(decideShipping(input({ order: order({ cancelledAt: at(5) }) }))).toEqual([]);
  });

  it("sends for a cancelled order when the merchant opted in", () => {
    const intents = decideShipping(input({ order: order({ cancelledAt: at(5) }), settings: settings({ sendForCancelledOrders: true }) }));
    expect(summary(intents)).toEqual(["fulfillment:7001 shipped email"]);
  });

  it("sends nothing for a test order", () => {
    expect(decideShipping(input({ order: order({ test: true }) }))).toEqual([]);
  });

  it("sends for a test order when the merchant opted in", () => {
    const intents = decideShipping(input({ order: order({ test: true }), settings: settings({ sendForTestOrders: true }) }));
    expect(summary(intents)).toEqual(["fulfillment:7001 shipped email"]);
  });

  it("ignores a fulfillment that belongs to another order", () => {
    expect(decideShipping(input({ fulfillments: [fulfillment({ orderId: "other" })] }))).toEqual([]);
  });
});

describe("decideShipping, split orders", () => {
  const first = fulfillment({ id: "7001", createdAt: at(0), lineItemIds: ["li-1"], events: [event("delivered", at(9))] });
  const second = fulfillment({ id: "7002", createdAt: at(30), lineItemIds: ["li-2"] });

  it("gives each fulfillment its own intent, in creation order whatever the input order", () => {
    // GIVEN two packages of one order, the second created later, listed first
    const intents = decideShipping(input({ fulfillments: [second, first] }));
    // THEN one message per package
    expect(summary(intents)).toEqual(["fulfillment:7001 delivered email", "fulfillment:7002 shipped email"]);
    expect(intents.map((i) => i.fulfillmentId)).toEqual(["7001", "7002"]);
  });

  it("does not let one package's history hold the other back", () => {
    const intents = decideShipping(input({ fulfillments: [first, second], history: [sent("delivered")] }));
    expect(summary(intents)).toEqual(["fulfillment:7002 shipped email"]);
  });
});

describe("decideShipping, channels and recipients", () => {
  it("creates one intent per configured channel", () => {
    const intents = decideShipping(input({ settings: settings({ channels: ["email", "sms", "whatsapp"] }) }));
    expect(intents).toEqual([
      { trigger: "shipping", subject: "fulfillment:7001", step: "shipped", channel: "email", orderId: "5001", fulfillmentId: "7001", recipient: "anjali.nair@example.com", skipReason: null, detectedAt: null, delay: null },
      { trigger: "shipping", subject: "fulfillment:7001", step: "shipped", channel: "sms", orderId: "5001", fulfillmentId: "7001", recipient: "+919876543210", skipReason: null, detectedAt: null, delay: null },
      { trigger: "shipping", subject: "fulfillment:7001", step: "shipped", channel: "whatsapp", orderId: "5001", fulfillmentId: "7001", recipient: "+919876543210", skipReason: null, detectedAt: null, delay: null },
    ]);
  });

  it("creates a single intent when a channel is listed twice", () => {
    const intents = decideShipping(input({ settings: settings({ channels: ["sms", "sms"] }) }));
    expect(summary(intents)).toEqual(["fulfillment:7001 shipped sms"]);
  });

  it.each([
    ["missing", null],
    ["blank", "   "],
  ])("marks the email intent skipped (no_email) when the email is %s", (_label, email) => {
    const [intent] = decideShipping(input({ order: order({ email }) }));
    expect(intent).toMatchObject({ channel: "email", recipient: null, skipReason: "no_email" });
  });

  it("marks SMS and WhatsApp intents skipped (no_phone) when the order has no phone", () => {
    const intents = decideShipping(input({ order: order({ phone: null }), settings: settings({ channels: ["email", "sms", "whatsapp"] }) }));
    expect(intents.map((i) => [i.channel, i.recipient, i.skipReason])).toEqual([
      ["email", "anjali.nair@example.com", null],
      ["sms", null, "no_phone"],
      ["whatsapp", null, "no_phone"],
    ]);
  });

  it("treats a step sent by email as sent for SMS too (a channel added later gets no late copy)", () => {
    const intents = decideShipping(input({ history: [sent("shipped", { channel: "email" })], settings: settings({ channels: ["email", "sms"] }) }));
    expect(intents).toEqual([]);
  });
});

describe("decideShipping is deterministic", () => {
  it("returns the same intents whatever order the carrier events are stored in", () => {
    const events = [event("in_transit", at(2)), event("delivered", at(9)), event("out_for_delivery", at(5)), event("label_printed", at(1))];
    const build = (evs: CarrierEventFact[]): FulfillmentFacts[] => [fulfillment({ events: evs })];
    const forward = decideShipping(input({ fulfillments: build(events) }));
    const backward = decideShipping(input({ fulfillments: build([...events].reverse()) }));
    expect(forward).toEqual(backward);
    expect(summary(forward)).toEqual(["fulfillment:7001 delivered email"]);
  });
});

describe("decide", () => {
  it("returns the shipping intents when no delay condition holds", () => {
    const given = input({ settings: settings({ channels: ["email", "sms"] }) });
    expect(decide(given)).toEqual(decideShipping(given));
    expect(decide(given)).toHaveLength(2);
  });
});
