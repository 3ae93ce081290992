import { describe, expect, it } from "vitest";
import { decide, nextWakeup } from "~/notifications/decide";
import { decideDelay } from "~/notifications/delay/decide";
import type { DecisionInput, HistoryRecord } from "~/notifications/types";
import { KOLKATA, NEW_YORK, facts, pkg, scan, t, type Given } from "./delay-fixtures";
import { fulfillmentOrder, told } from "./fixtures";

const FRIDAY_EVENING_NY = "2026-03-06T23:00:00Z";
const LAST_SCAN = "2026-11-19T10:15:00Z"; // Thursday 15:45 IST

const wake = (g: Given) => nextWakeup(facts(g))?.toISOString() ?? null;

describe("nextWakeup", () => {
  it.each<[string, Given, string | null]>([
    ["wakes at Wednesday 18:00 EDT for a Friday 18:00 EST order (72 business hours, DST in between)", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-07T15:00:00Z" }, "2026-03-11T22:00:00.000Z"],
    ["wakes at the label's 4-business-day deadline", { zone: KOLKATA, now: "2026-11-16T06:00:00Z", fulfillments: [pkg([scan("label_printed", "2026-11-16T03:30:00Z")])] }, "2026-11-20T03:30:00.000Z"],
    ["wakes at the earlier of the stall deadline and the estimate deadline", { zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])] }, "2026-11-24T06:30:00.000Z"],
    ["wakes at the stall deadline when there is no estimate", { zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)])] }, "2026-11-24T10:15:00.000Z"],
    ["needs no timer once everything was delivered", { zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN), scan("delivered", "2026-11-20T05:00:00Z")])] }, null],
    ["needs no timer for a cancelled order", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-07T15:00:00Z", cancelled: true }, null],
    ["needs no timer when delay notices are off", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-07T15:00:00Z", delay: { enabled: false } }, null],
    ["needs no timer for a kind that is off", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-07T15:00:00Z", delay: { unfulfilled: { enabled: false } } }, null],
    ["needs no timer once the cap is reached", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-07T15:00:00Z", history: [told("x", "a"), told("y", "b")] }, null],
    ["needs no timer for a notice already recorded", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-12T15:00:00Z", history: [told("unfulfilled", "order:5001")] }, null],
    ["needs no timer for a hold (only a webhook changes it)", { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-17T05:00:00Z")], { lineItemIds: ["li-1"] })], fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", heldAt: t("2026-11-17T05:00:00Z"), holdReason: "other" })], delay: { stalled: { enabled: false } } }, null],
    ["needs no timer for a deadline whose window closed a while ago", { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-04-01T15:00:00Z" }, null],
    ["wakes when the spacing after the previous notice ends, if a notice is waiting", { zone: KOLKATA, now: "2026-11-24T12:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])], history: [told("eta_passed", "fulfillment:7001:eta:2026-11-23", { createdAt: t("2026-11-24T06:30:00Z") })] }, "2026-11-25T06:30:00.000Z"],
  ])("%s", (_name, given, expected) => {
    expect(wake(given)).toBe(expected);
  });

  it("accounts for the notice decide() returns for the same input (call it before or after recording it)", () => {
    // GIVEN two notices due at once (estimate passed, stalled) and 24 h spacing
    const given = facts({ zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])] });
    const due = decideDelay(given);
    expect(due.map((i) => i.step)).toEqual(["eta_passed"]);
    // THEN the stalled notice waits 24 h, whether or not the first notice is recorded yet
    const recorded: DecisionInput = { ...given, history: due.map((i) => ({ trigger: i.trigger, subject: i.subject, step: i.step, channel: i.channel, status: "PENDING", createdAt: given.now })) };
    expect(nextWakeup(given)?.toISOString()).toBe("2026-11-25T10:15:00.000Z");
    expect(nextWakeup(recorded)?.toISOString()).toBe("2026-11-25T10:15:00.000Z");
  });

  it("always answers an instant after now", () => {
    const inputs = [
      facts({ zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z" }),
      facts({ zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])], delay: { minHoursBetweenNotices: 0 } }),
    ];
    for (const given of inputs) {
      const next = nextWakeup(given);
      if (next) expect(next.getTime()).toBeGreaterThan(given.now.getTime());
    }
  });
});

/** A worker that only runs at the wakeups: returns "when: subject step" for every notice it records. */
function runTimeline(given: DecisionInput, until: Date): string[] {
  const history: HistoryRecord[] = [...given.history];
  const log: string[] = [];
  let now = given.now;
  for (let runs = 0; runs < 50; runs++) {
    const state = { ...given, now, history: [...history] };
    for (const intent of decide(state)) {
      history.push({ trigger: intent.trigger, subject: intent.subject, step: intent.step, channel: intent.channel, status: "SENT", createdAt: now });
      if (intent.trigger === "delay") log.push(`${now.toISOString()} ${intent.subject} ${intent.step}`);
    }
    const next = nextWakeup({ ...state, history: [...history] });
    if (!next || next > until) break;
    now = next;
  }
  return log;
}

describe("timers end to end (a worker that only wakes when told)", () => {
  it("sends the estimate notice, then the stall notice a day later, then stops at the cap", () => {
    // GIVEN a parcel last scanned Thursday, promised for Monday 23rd, evaluated once on Friday
    const given = facts({ zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])] });
    // THEN notices come exactly at the deadlines, spaced by a day, two in all
    expect(runTimeline(given, t("2026-12-31T00:00:00Z"))).toEqual([
      "2026-11-24T06:30:00.000Z fulfillment:7001:eta:2026-11-23 eta_passed",
      "2026-11-25T06:30:00.000Z fulfillment:7001 stalled",
    ]);
  });

  it("sends the 'not shipped yet' notice at the deadline for an order placed on Friday evening in New York", () => {
    const given = facts({ zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: FRIDAY_EVENING_NY });
    expect(runTimeline(given, t("2026-04-30T00:00:00Z"))).toEqual(["2026-03-11T22:00:00.000Z order:5001 unfulfilled"]);
  });
});
