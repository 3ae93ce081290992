import { describe, expect, it } from "vitest";
import { staleReason } from "~/notifications/shipping/decide";
import type { CarrierEventFact, ShippingStep } from "~/notifications/types";
import { at, event, fulfillment, input, order, settings } from "./fixtures";

const SUBJECT = "fulfillment:7001";

function message(step: ShippingStep) {
  return { trigger: "shipping" as const, step, subject: SUBJECT };
}

/** Facts where the fulfillment has these scans and every step is enabled. */
function withEvents(...events: CarrierEventFact[]) {
  return input({ fulfillments: [fulfillment({ events })], settings: settings({}, { in_transit: true }) });
}

function describeScans(events: CarrierEventFact[]): string {
  return events.length ? events.map((e) => `${e.status}@${e.happenedAt.toISOString().slice(11, 16)}`).join(", ") : "none";
}

// [queued step, carrier scans (any order), expected reason]
const byRank: [ShippingStep, CarrierEventFact[], string | null][] = [
  ["shipped", [], null],
  ["shipped", [event("in_transit", at(2))], null],
  ["shipped", [event("out_for_delivery", at(3))], "superseded_by_out_for_delivery"],
  ["shipped", [event("delivered", at(9))], "superseded_by_delivered"],
  ["in_transit", [event("in_transit", at(2))], null],
  ["in_transit", [event("out_for_delivery", at(3))], "superseded_by_out_for_delivery"],
  ["out_for_delivery", [event("out_for_delivery", at(3))], null],
  ["out_for_delivery", [event("delivered", at(9))], "superseded_by_delivered"],
  ["out_for_delivery", [event("delivered", at(9)), event("in_transit", at(2))], "superseded_by_delivered"],
  ["out_for_delivery", [event("out_for_delivery", at(5)), event("in_transit", at(2))], null],
  ["attempted_delivery", [event("ready_for_pickup", at(6))], "superseded_by_ready_for_pickup"],
  ["attempted_delivery", [event("failure", at(7))], "superseded_by_failure"],
  ["failure", [event("delivered", at(9))], "superseded_by_delivered"],
  ["delivered", [event("delivered", at(9))], null],
  ["delivered", [event("delivered", at(6)), event("failure", at(9))], null],
];

describe("staleReason by rank", () => {
  it.each(byRank.map(([step, events, reason]) => [step, describeScans(events), reason, events] as const))(
    "GIVEN a queued %s message WHEN the scans are [%s] THEN the reason is %s",
    (step, _scans, reason, events) => {
      expect(staleReason(message(step), withEvents(...events))).toBe(reason);
    },
  );
});

describe("staleReason for order, fulfillment and settings changes", () => {
  it("skips a message once the order is cancelled", () => {
    expect(staleReason(message("shipped"), input({ order: order({ cancelledAt: at(5) }) }))).toBe("order_cancelled");
  });

  it("still sends for a cancelled order when the merchant opted in", () => {
    const given = input({ order: order({ cancelledAt: at(5) }), settings: settings({ sendForCancelledOrders: true }) });
    expect(staleReason(message("shipped"), given)).toBeNull();
  });

  it("skips a message once its fulfillment is cancelled", () => {
    expect(staleReason(message("shipped"), input({ fulfillments: [fulfillment({ status: "cancelled" })] }))).toBe("fulfillment_cancelled");
  });

  it("skips a message whose fulfillment is not among the facts", () => {
    expect(staleReason(message("shipped"), input({ fulfillments: [fulfillment({ id: "other" })] }))).toBe("fulfillment_missing");
  });

  it("skips queued messages once the merchant switches shipping updates off", () => {
    expect(staleReason(message("delivered"), input({ settings: settings({ enabled: false }) }))).toBe("shipping_disabled");
  });

  it("skips a queued message whose step the merchant switched off", () => {
    expect(staleReason(message("delivered"), input({ settings: settings({}, { delivered: false }) }))).toBe("step_disabled");
  });

  it("skips a test order's message when test orders are not opted in", () => {
    expect(staleReason(message("shipped"), input({ order: order({ test: true }) }))).toBe("test_order");
  });
});
