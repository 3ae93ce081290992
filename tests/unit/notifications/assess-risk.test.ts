import { describe, expect, it } from "vitest";
import { assessRisk } from "~/notifications/decide";
import { KOLKATA, NEW_YORK, facts, pkg, scan, t } from "./delay-fixtures";
import { fulfillmentOrder, told } from "./fixtures";

// The merchant's view: every condition that puts the order at risk, whether or not the customer is told.

describe("assessRisk", () => {
  it("lists every condition that holds now, oldest first, with its reason and whether the customer was told", () => {
    // GIVEN a split order: one package stalled since Thursday with a passed estimate, one held for fraud review
    const given = facts({
      zone: KOLKATA,
      now: "2026-11-25T12:00:00Z",
      fulfillments: [pkg([scan("in_transit", "2026-11-19T10:15:00Z", "2026-11-23T00:00:00Z")], { lineItemIds: ["li-1"] })],
      fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "high_risk_of_fraud", holdNotes: "AVS mismatch", heldAt: t("2026-11-24T09:00:00Z") })],
      history: [told("eta_passed", "fulfillment:7001:eta:2026-11-23", { createdAt: t("2026-11-24T06:30:00Z") })],
    });
    // WHEN assessing
    const risks = assessRisk(given);
    // THEN all three conditions show, the fraud hold included (never told to the customer)
    expect(risks).toEqual([
      { kind: "eta_passed", orderId: "5001", subject: "fulfillment:7001:eta:2026-11-23", fulfillmentId: "7001", fulfillmentOrderId: null, detectedAt: t("2026-11-24T06:30:00Z"), since: t("2026-11-22T18:30:00Z"), reason: "estimate_passed", newEstimate: null, notifiedAt: t("2026-11-24T06:30:00Z") },
      { kind: "on_hold", orderId: "5001", subject: "fulfillment_order:9001", fulfillmentId: null, fulfillmentOrderId: "9001", detectedAt: t("2026-11-24T09:00:00Z"), since: t("2026-11-24T09:00:00Z"), reason: "high_risk_of_fraud", newEstimate: null, notifiedAt: null },
      { kind: "stalled", orderId: "5001", subject: "fulfillment:7001", fulfillmentId: "7001", fulfillmentOrderId: null, detectedAt: t("2026-11-24T10:15:00Z"), since: t("2026-11-19T10:15:00Z"), reason: "no_carrier_scan", newEstimate: null, notifiedAt: null },
    ]);
  });

  it("shows a carrier failure that the shipping update announced", () => {
    const given = facts({ zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])] });
    expect(assessRisk(given).map((r) => [r.kind, r.reason])).toEqual([["carrier_delay", "failure"]]);
  });

  it("uses the shop's thresholds even when customer notices are off", () => {
    const before = facts({ zone: NEW_YORK, placedAt: "2026-03-06T23:00:00Z", now: "2026-03-11T21:59:00Z", delay: { enabled: false } });
    const after = facts({ zone: NEW_YORK, placedAt: "2026-03-06T23:00:00Z", now: "2026-03-11T22:00:00Z", delay: { enabled: false } });
    expect(assessRisk(before)).toEqual([]);
    expect(assessRisk(after).map((r) => [r.kind, r.detectedAt.toISOString()])).toEqual([["unfulfilled", "2026-03-11T22:00:00.000Z"]]);
  });

  it("lists a new carrier estimate when there is one", () => {
    const given = facts({ zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z", "2026-11-21T00:00:00Z")])] });
    expect(assessRisk(given)[0]).toMatchObject({ kind: "carrier_delay", reason: "delayed", newEstimate: "2026-11-21" });
  });

  it("has nothing for a cancelled order, or once everything was delivered", () => {
    expect(assessRisk(facts({ zone: NEW_YORK, placedAt: "2026-03-06T23:00:00Z", now: "2026-03-12T22:00:00Z", cancelled: true }))).toEqual([]);
    const delivered = facts({ zone: KOLKATA, now: "2026-11-30T06:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-19T10:15:00Z", "2026-11-23T00:00:00Z"), scan("delivered", "2026-11-27T05:00:00Z")])] });
    expect(assessRisk(delivered)).toEqual([]);
  });
});
