import { describe, expect, it } from "vitest";
import { staleReason as staleReasonFromDecide } from "~/notifications/decide";
import { staleReason } from "~/notifications/shipping/decide";
import type { DelayStep } from "~/notifications/types";
import { KOLKATA, NEW_YORK, facts, pkg, scan, t, type Given } from "./delay-fixtures";
import { fulfillment, fulfillmentOrder } from "./fixtures";

// A delay notice is decided, then queued (quiet hours, provider retries): right before sending, the worker
// asks whether it is still true. The lead imports staleReason from shipping/decide: it dispatches by trigger.

const FRIDAY_EVENING_NY = "2026-03-06T23:00:00Z";
const LAST_SCAN = "2026-11-19T10:15:00Z";

const queued = (step: DelayStep, subject: string) => ({ trigger: "delay" as const, step, subject });

const cases: [string, ReturnType<typeof queued>, Given, string | null][] = [
  ["still sends 'unfulfilled' while nothing shipped", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z" }, null],
  ["drops 'unfulfilled' once a fulfillment exists (fulfilled before the notice went out)", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z", fulfillments: [fulfillment({ createdAt: t("2026-03-11T21:00:00Z") })] }, "condition_cleared"],
  ["drops 'unfulfilled' when the order was cancelled meanwhile", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z", cancelled: true }, "order_cancelled"],
  ["drops a queued notice when the merchant switched delay notices off", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z", delay: { enabled: false } }, "delay_disabled"],
  ["drops a queued notice of a kind the merchant switched off", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z", delay: { unfulfilled: { enabled: false } } }, "step_disabled"],
  ["drops a queued notice of a test order", queued("unfulfilled", "order:5001"), { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T23:00:00Z", test: true }, "test_order"],
  ["still sends 'carrier_delay' while the package is delayed", queued("carrier_delay", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z")])] }, null],
  ["drops 'carrier_delay' once delivered", queued("carrier_delay", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-18T09:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z"), scan("delivered", "2026-11-18T08:00:00Z")])] }, "delivered"],
  ["drops 'carrier_delay' when a 'delivered' scan from before arrives late", queued("carrier_delay", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-18T09:00:00Z", fulfillments: [pkg([scan("delivered", "2026-11-18T04:00:00Z"), scan("delayed", "2026-11-18T05:00:00Z")])] }, "delivered"],
  ["drops 'carrier_delay' once the package moves again", queued("carrier_delay", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-18T09:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z"), scan("in_transit", "2026-11-18T08:00:00Z")])] }, "condition_cleared"],
  ["drops a carrier 'failure' notice once the merchant turns the shipping 'failure' update on", queued("carrier_delay", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])] }, "covered_by_shipping_update"],
  ["drops 'stalled' when a newer scan arrives", queued("stalled", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-24T11:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN), scan("in_transit", "2026-11-24T10:30:00Z")])] }, "condition_cleared"],
  ["drops 'stalled' when its fulfillment is cancelled", queued("stalled", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-24T11:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)], { status: "cancelled" })] }, "fulfillment_cancelled"],
  ["drops 'stalled' when its fulfillment is not among the facts", queued("stalled", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-24T11:00:00Z", fulfillments: [] }, "fulfillment_missing"],
  ["drops 'not_picked_up' once the carrier picked the parcel up", queued("not_picked_up", "fulfillment:7001"), { zone: KOLKATA, now: "2026-11-20T05:00:00Z", fulfillments: [pkg([scan("label_printed", "2026-11-16T03:30:00Z"), scan("carrier_picked_up", "2026-11-20T04:00:00Z")])] }, "condition_cleared"],
  ["still sends 'eta_passed' for the estimate that passed", queued("eta_passed", "fulfillment:7001:eta:2026-11-25"), { zone: NEW_YORK, now: "2026-11-26T18:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", "2026-11-25T00:00:00Z")])] }, null],
  ["drops 'eta_passed' when the carrier gave a newer estimate meanwhile", queued("eta_passed", "fulfillment:7001:eta:2026-11-25"), { zone: NEW_YORK, now: "2026-11-26T18:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", "2026-11-25T00:00:00Z"), scan("in_transit", "2026-11-26T17:30:00Z", "2026-11-28T00:00:00Z")])] }, "condition_cleared"],
  ["drops 'on_hold' once the hold is released", queued("on_hold", "fulfillment_order:9001"), { zone: KOLKATA, now: "2026-11-17T07:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open" })] }, "condition_cleared"],
  ["drops 'on_hold' when its fulfillment order is not among the facts", queued("on_hold", "fulfillment_order:9001"), { zone: KOLKATA, now: "2026-11-17T07:00:00Z" }, "fulfillment_order_missing"],
  ["drops 'on_hold' when its reason joined the skip list", queued("on_hold", "fulfillment_order:9001"), { zone: KOLKATA, now: "2026-11-17T07:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "other", heldAt: t("2026-11-17T05:00:00Z") })], delay: { on_hold: { skipReasons: ["other"] } } }, "hold_reason_skipped"],
  ["still sends 'rescheduled' before the new date", queued("rescheduled", "fulfillment_order:9001:until:2026-12-01"), { zone: KOLKATA, now: "2026-11-17T07:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-12-01T04:30:00Z") })] }, null],
  ["drops 'rescheduled' when the date changed again", queued("rescheduled", "fulfillment_order:9001:until:2026-12-01"), { zone: KOLKATA, now: "2026-11-17T07:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-12-05T04:30:00Z") })] }, "condition_cleared"],
];

describe("staleReason for delay notices", () => {
  it.each(cases)("%s", (_name, message, given, expected) => {
    expect(staleReason(message, facts(given))).toBe(expected);
  });

  it("is the same function from shipping/decide (the worker's import) and from decide", () => {
    expect(staleReasonFromDecide).toBe(staleReason);
  });

  it("still answers for shipping messages", () => {
    const given = facts({ zone: KOLKATA, now: "2026-11-18T09:00:00Z", fulfillments: [pkg([scan("delivered", "2026-11-18T08:00:00Z")])] });
    expect(staleReason({ trigger: "shipping", step: "out_for_delivery", subject: "fulfillment:7001" }, given)).toBe("superseded_by_delivered");
  });

  it("names stored values it does not know", () => {
    const given = facts({ zone: KOLKATA, now: "2026-11-18T09:00:00Z" });
    expect(staleReason({ trigger: "back_in_stock", step: "x", subject: "s" }, given)).toBe("unknown_trigger");
    expect(staleReason({ trigger: "delay", step: "teleported", subject: "order:5001" }, given)).toBe("unknown_step");
    expect(staleReason({ trigger: "shipping", step: "teleported", subject: "fulfillment:7001" }, given)).toBe("unknown_step");
  });
});
