import { describe, expect, it } from "vitest";
import { decide } from "~/notifications/decide";
import { decideDelay } from "~/notifications/delay/decide";
import type { Intent } from "~/notifications/types";
import { KOLKATA, NAIROBI, NEW_YORK, facts, pkg, scan, t, type Given } from "./delay-fixtures";
import { fulfillment, fulfillmentOrder, told } from "./fixtures";

// Delay notices, decided with a controllable clock. Every scenario states the shop's zone, the facts and
// `now`; the expectation is the list of "subject step" notices due (email only unless said otherwise).

const summary = (intents: Intent[]) => intents.map((i) => `${i.subject} ${i.step}`);

interface Row {
  name: string;
  given: Given;
  then: string[];
}

// --- 1. Not fulfilled N business hours after the order was placed -------------------------------------
// Friday 2026-03-06 18:00 EST = 23:00Z; 72 business hours later is Wednesday 18:00 EDT = 2026-03-11T22:00Z.
const FRIDAY_EVENING_NY = "2026-03-06T23:00:00Z";
const unfulfilled: Row[] = [
  { name: "stays silent one minute before 72 business hours after a Friday-evening order (New York, DST in between)", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T21:59:00Z" }, then: [] },
  { name: "tells the customer at Wednesday 18:00 local time, 72 business hours after Friday 18:00", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z" }, then: ["order:5001 unfulfilled"] },
  { name: "counts to Wednesday 18:00 EST across the November DST change", given: { zone: NEW_YORK, placedAt: "2026-10-30T22:00:00Z", now: "2026-11-04T22:59:00Z" }, then: [] },
  { name: "tells at Wednesday 18:00 EST after a Friday 18:00 EDT order", given: { zone: NEW_YORK, placedAt: "2026-10-30T22:00:00Z", now: "2026-11-04T23:00:00Z" }, then: ["order:5001 unfulfilled"] },
  { name: "counts in the half-hour zone of Kolkata (Friday 18:30 IST -> Wednesday 18:30 IST)", given: { zone: KOLKATA, placedAt: "2026-11-20T13:00:00Z", now: "2026-11-25T12:59:00Z" }, then: [] },
  { name: "tells in Kolkata at Wednesday 18:30 IST", given: { zone: KOLKATA, placedAt: "2026-11-20T13:00:00Z", now: "2026-11-25T13:00:00Z" }, then: ["order:5001 unfulfilled"] },
  { name: "skips a shop holiday in Nairobi (no DST there)", given: { zone: NAIROBI, placedAt: "2026-03-06T17:00:00Z", now: "2026-03-11T17:00:00Z", delay: { holidays: ["2026-03-09"] } }, then: [] },
  { name: "tells in Nairobi a day later because of the holiday", given: { zone: NAIROBI, placedAt: "2026-03-06T17:00:00Z", now: "2026-03-12T17:00:00Z", delay: { holidays: ["2026-03-09"] } }, then: ["order:5001 unfulfilled"] },
  { name: "starts counting on Monday for an order placed on Saturday", given: { zone: NAIROBI, placedAt: "2026-03-07T07:00:00Z", now: "2026-03-11T20:59:00Z" }, then: [] },
  { name: "honours a shop that also works on Saturdays", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-10T22:00:00Z", delay: { workingDays: [1, 2, 3, 4, 5, 6] } }, then: ["order:5001 unfulfilled"] },
  { name: "uses the merchant's threshold (96 business hours)", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", delay: { unfulfilled: { businessHours: 96 } } }, then: [] },
  { name: "stays silent once a fulfillment exists, even without carrier news", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", fulfillments: [fulfillment({ status: "open" })] }, then: [] },
  { name: "tells when the only fulfillment was cancelled", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", fulfillments: [fulfillment({ status: "cancelled" })] }, then: ["order:5001 unfulfilled"] },
  { name: "does not repeat the notice (duplicate webhook or re-run timer)", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-12T22:00:00Z", history: [told("unfulfilled", "order:5001", { createdAt: t("2026-03-11T22:00:00Z") })] }, then: [] },
  { name: "does not re-create a notice that FAILED (delivery retries it)", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-12T22:00:00Z", history: [told("unfulfilled", "order:5001", { status: "FAILED" })] }, then: [] },
  { name: "gives up a week after the deadline (old orders when notices are switched on)", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-18T22:01:00Z" }, then: [] },
  { name: "still tells exactly a week after the deadline", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-18T22:00:00Z" }, then: ["order:5001 unfulfilled"] },
  { name: "stays silent when the kind is switched off", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", delay: { unfulfilled: { enabled: false } } }, then: [] },
  { name: "stays silent when delay notices are switched off", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", delay: { enabled: false } }, then: [] },
  { name: "stays silent for a cancelled order", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", cancelled: true }, then: [] },
  { name: "stays silent for a test order", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", test: true }, then: [] },
  { name: "tells for a test order when the merchant opted in", given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", test: true, delay: { sendForTestOrders: true } }, then: ["order:5001 unfulfilled"] },
  {
    name: "leaves the wait to the hold notice while the fulfillment order is on hold",
    given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "inventory_out_of_stock", heldAt: t("2026-03-11T21:00:00Z") })] },
    then: ["fulfillment_order:9001 on_hold"],
  },
  {
    name: "does not tell 'not shipped yet' after the customer heard about a hold that was since released",
    given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open" })], history: [told("on_hold", "fulfillment_order:9001", { createdAt: t("2026-03-09T15:00:00Z") })] },
    then: [],
  },
  {
    name: "tells 'not shipped yet' after a silent fraud hold was released",
    given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open", stateAt: t("2026-03-10T15:00:00Z") })] },
    then: ["order:5001 unfulfilled"],
  },
  {
    name: "starts counting when a rescheduled date comes, not when the order was placed",
    given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-17T13:59:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open", fulfillAt: t("2026-03-12T14:00:00Z") })] },
    then: [],
  },
  {
    name: "tells 72 business hours after the rescheduled date",
    given: { zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-17T14:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open", fulfillAt: t("2026-03-12T14:00:00Z") })] },
    then: ["order:5001 unfulfilled"],
  },
];

// --- 2. The carrier reports a delay or a failure -------------------------------------------------------
const carrier: Row[] = [
  { name: "tells about a 'delayed' scan right away", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-17T04:00:00Z"), scan("delayed", "2026-11-18T05:00:00Z")])] }, then: ["fulfillment:7001 carrier_delay"] },
  { name: "tells about a 'delayed' scan that happened two days ago but arrived just now (late webhook)", given: { zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-17T04:00:00Z"), scan("delayed", "2026-11-18T05:00:00Z")])] }, then: ["fulfillment:7001 carrier_delay"] },
  { name: "uses the fulfillment's shipment_status 'delayed' when no scan was recorded", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([], { shipmentStatus: "delayed", updatedAt: t("2026-11-18T05:00:00Z") })] }, then: ["fulfillment:7001 carrier_delay"] },
  { name: "stays silent once the carrier scanned the package moving again", given: { zone: KOLKATA, now: "2026-11-18T09:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z"), scan("in_transit", "2026-11-18T08:00:00Z")])] }, then: [] },
  { name: "never tells after 'delivered', even when an older 'delayed' scan arrives late", given: { zone: KOLKATA, now: "2026-11-19T09:00:00Z", fulfillments: [pkg([scan("delivered", "2026-11-19T08:00:00Z"), scan("delayed", "2026-11-18T05:00:00Z")])] }, then: [] },
  { name: "never tells after 'delivered', even when a 'delayed' scan is stamped later", given: { zone: KOLKATA, now: "2026-11-19T09:00:00Z", fulfillments: [pkg([scan("delivered", "2026-11-19T08:00:00Z"), scan("delayed", "2026-11-19T08:30:00Z")])] }, then: [] },
  { name: "tells once per package (a second 'delayed' scan changes nothing)", given: { zone: KOLKATA, now: "2026-11-21T09:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z"), scan("in_transit", "2026-11-19T05:00:00Z"), scan("delayed", "2026-11-21T05:00:00Z")])], history: [told("carrier_delay", "fulfillment:7001", { createdAt: t("2026-11-18T05:00:00Z") })] }, then: [] },
  { name: "stays silent for a package whose fulfillment was cancelled", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-18T05:00:00Z")], { status: "cancelled" })] }, then: [] },
  { name: "leaves a carrier 'failure' to the shipping 'failure' update (no double message)", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])] }, then: [] },
  { name: "announces a carrier 'failure' when the shipping 'failure' update is off", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])], shippingSteps: { failure: false } }, then: ["fulfillment:7001 carrier_delay"] },
  { name: "announces a carrier 'failure' when shipping updates are off altogether", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])], shipping: { enabled: false } }, then: ["fulfillment:7001 carrier_delay"] },
  { name: "stays silent on a failure the shipping update already announced, even if that step is now off", given: { zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])], shippingSteps: { failure: false }, history: [{ trigger: "shipping", subject: "fulfillment:7001", step: "failure", channel: "email", status: "SENT", createdAt: t("2026-11-18T05:10:00Z") }] }, then: [] },
];

// --- 3. Stalled in transit ---------------------------------------------------------------------------
// Last scan Thursday 2026-11-19 15:45 IST (10:15Z): 3 business days -> Tuesday 24th, 5 -> Thursday 26th.
const LAST_SCAN = "2026-11-19T10:15:00Z";
const stalled: Row[] = [
  { name: "stays silent until 3 business days after the last scan (domestic)", given: { zone: KOLKATA, now: "2026-11-24T10:14:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)])] }, then: [] },
  { name: "tells 3 business days after the last scan, the weekend not counted (domestic)", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)])] }, then: ["fulfillment:7001 stalled"] },
  { name: "waits 5 business days for an international shipment", given: { zone: KOLKATA, now: "2026-11-26T10:14:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)], { originCountry: "US", destinationCountry: "IN" })] }, then: [] },
  { name: "tells 5 business days after the last scan of an international shipment", given: { zone: KOLKATA, now: "2026-11-26T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)], { originCountry: "US", destinationCountry: "IN" })] }, then: ["fulfillment:7001 stalled"] },
  { name: "treats an unknown origin as international (fewer false alarms)", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)], { originCountry: null })] }, then: [] },
  { name: "falls back to the order's shipping country for the destination", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)], { destinationCountry: null })] }, then: ["fulfillment:7001 stalled"] },
  { name: "restarts the count on a newer scan that arrived late", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN), scan("in_transit", "2026-11-23T04:00:00Z")])] }, then: [] },
  { name: "counts a package stuck 'out for delivery' as stalled", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("out_for_delivery", LAST_SCAN)])] }, then: ["fulfillment:7001 stalled"] },
  { name: "does not count a parcel waiting at a pickup point as stalled", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("ready_for_pickup", LAST_SCAN)])] }, then: [] },
  { name: "does not count a missed delivery as stalled (the shipping update covers it)", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("attempted_delivery", LAST_SCAN)])] }, then: [] },
  { name: "does not measure a stall from the fulfillment's shipment_status alone (no scan time)", given: { zone: KOLKATA, now: "2026-11-30T10:15:00Z", fulfillments: [pkg([], { shipmentStatus: "in_transit" })] }, then: [] },
  { name: "uses the merchant's thresholds", given: { zone: KOLKATA, now: "2026-11-20T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)])], delay: { stalled: { businessDaysDomestic: 1 } } }, then: ["fulfillment:7001 stalled"] },
];

// --- 4. Label created, not picked up ------------------------------------------------------------------
// Label printed Monday 2026-11-16 09:00 IST (03:30Z): 4 business days -> Friday 20th 09:00 IST.
const notPickedUp: Row[] = [
  { name: "stays silent until 4 business days after the label", given: { zone: KOLKATA, now: "2026-11-20T03:29:00Z", fulfillments: [pkg([scan("label_purchased", "2026-11-16T03:30:00Z"), scan("label_printed", "2026-11-16T04:00:00Z")])] }, then: [] },
  { name: "tells 4 business days after the first label scan", given: { zone: KOLKATA, now: "2026-11-20T03:30:00Z", fulfillments: [pkg([scan("label_purchased", "2026-11-16T03:30:00Z"), scan("label_printed", "2026-11-16T04:00:00Z")])] }, then: ["fulfillment:7001 not_picked_up"] },
  { name: "stays silent once the carrier picked the parcel up", given: { zone: KOLKATA, now: "2026-11-20T03:30:00Z", fulfillments: [pkg([scan("label_printed", "2026-11-16T03:30:00Z"), scan("carrier_picked_up", "2026-11-19T10:00:00Z")])] }, then: [] },
  { name: "counts from the fulfillment's creation when only shipment_status says 'label_printed'", given: { zone: KOLKATA, now: "2026-11-20T03:00:00Z", fulfillments: [pkg([], { shipmentStatus: "label_printed" })] }, then: ["fulfillment:7001 not_picked_up"] },
  { name: "stays silent for a shipped package the carrier never reports on", given: { zone: KOLKATA, now: "2026-11-27T03:30:00Z", fulfillments: [pkg([])] }, then: [] },
];

// --- 5. Estimated delivery date passed ---------------------------------------------------------------
// A bare-date estimate of 2026-11-25 (00:00Z) in New York: late from 12:00 EST on the 26th (17:00Z).
const ETA_25 = "2026-11-25T00:00:00Z";
const ETA_28 = "2026-11-28T00:00:00Z";
const eta: Row[] = [
  { name: "stays silent until noon after the estimated day (bare date read as that day, not the evening before)", given: { zone: NEW_YORK, now: "2026-11-26T16:59:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", ETA_25)])] }, then: [] },
  { name: "tells at noon the day after the estimated day", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", ETA_25)])] }, then: ["fulfillment:7001:eta:2026-11-25 eta_passed"] },
  { name: "reads an evening UTC estimate as the next day in Kolkata", given: { zone: KOLKATA, now: "2026-11-26T06:29:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T05:00:00Z", "2026-11-24T20:00:00Z")])] }, then: [] },
  { name: "tells in Kolkata at noon IST after the estimated day", given: { zone: KOLKATA, now: "2026-11-26T06:30:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T05:00:00Z", "2026-11-24T20:00:00Z")])] }, then: ["fulfillment:7001:eta:2026-11-25 eta_passed"] },
  // A New York shop's customer in Kerala: the estimated day is over at their midnight, not New York's.
  { name: "stays silent for a customer in Kolkata until noon IST after the estimated day", given: { zone: NEW_YORK, shipTo: { country: "IN", province: "KL" }, now: "2026-11-26T06:29:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", ETA_25)])] }, then: [] },
  { name: "tells a New York shop's customer in Kolkata at noon IST after the estimated day", given: { zone: NEW_YORK, shipTo: { country: "IN", province: "KL" }, now: "2026-11-26T06:30:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", ETA_25)])] }, then: ["fulfillment:7001:eta:2026-11-25 eta_passed"] },
  { name: "moves the check to a newer estimate", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z", ETA_25), scan("in_transit", "2026-11-24T15:00:00Z", ETA_28)])] }, then: [] },
  { name: "ignores an older estimate that arrives late", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-24T15:00:00Z", ETA_28), scan("in_transit", "2026-11-24T15:00:00Z", ETA_25)])] }, then: [] },
  { name: "sends one follow-up when the newer estimate is missed too", given: { zone: NEW_YORK, now: "2026-11-29T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z", ETA_25), scan("in_transit", "2026-11-27T15:00:00Z", ETA_28)])], history: [told("eta_passed", "fulfillment:7001:eta:2026-11-25", { createdAt: t("2026-11-26T17:00:00Z") })] }, then: ["fulfillment:7001:eta:2026-11-28 eta_passed"] },
  { name: "never sends a third estimate notice for one package", given: { zone: NEW_YORK, now: "2026-12-03T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-12-01T15:00:00Z", "2026-12-02T00:00:00Z")])], history: [told("eta_passed", "fulfillment:7001:eta:2026-11-25"), told("eta_passed", "fulfillment:7001:eta:2026-11-28")], delay: { maxNoticesPerOrder: 5 } }, then: [] },
  { name: "stays silent when the parcel is out for delivery", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z", ETA_25), scan("out_for_delivery", "2026-11-26T13:00:00Z")])] }, then: [] },
  { name: "stays silent when a late 'delivered' scan shows it arrived on time", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z", ETA_25), scan("delivered", "2026-11-25T22:00:00Z")])] }, then: [] },
  { name: "uses the merchant's grace (none: midnight after the estimated day)", given: { zone: NEW_YORK, now: "2026-11-26T05:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z", ETA_25)])], delay: { eta_passed: { graceHours: 0 } } }, then: ["fulfillment:7001:eta:2026-11-25 eta_passed"] },
  { name: "uses the fulfillment's own estimate when no scan carries one", given: { zone: NEW_YORK, now: "2026-11-26T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T15:00:00Z")], { estimatedDeliveryAt: t(ETA_25) })] }, then: ["fulfillment:7001:eta:2026-11-25 eta_passed"] },
];

// --- 6. On hold and rescheduled ----------------------------------------------------------------------
const holds: Row[] = [
  { name: "tells about a hold right away", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "incorrect_address", heldAt: t("2026-11-17T05:00:00Z") })] }, then: ["fulfillment_order:9001 on_hold"] },
  { name: "keeps quiet about a fraud review (skipped reason by default)", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "high_risk_of_fraud", heldAt: t("2026-11-17T05:00:00Z") })] }, then: [] },
  { name: "tells about a fraud hold when the merchant removed it from the skip list", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "high_risk_of_fraud", heldAt: t("2026-11-17T05:00:00Z") })], delay: { on_hold: { skipReasons: [] } } }, then: ["fulfillment_order:9001 on_hold"] },
  { name: "tells once per fulfillment order, even when it is held again", given: { zone: KOLKATA, now: "2026-11-20T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "other", heldAt: t("2026-11-20T05:00:00Z") })], history: [told("on_hold", "fulfillment_order:9001", { createdAt: t("2026-11-17T05:00:00Z") })] }, then: [] },
  { name: "stays silent once the hold is released", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "open", stateAt: t("2026-11-17T05:30:00Z") })] }, then: [] },
  { name: "tells about a new shipping date", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-12-01T04:30:00Z"), stateAt: t("2026-11-17T05:00:00Z") })] }, then: ["fulfillment_order:9001:until:2026-12-01 rescheduled"] },
  { name: "tells about a second new date as a follow-up", given: { zone: KOLKATA, now: "2026-11-28T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-12-08T04:30:00Z"), stateAt: t("2026-11-28T05:00:00Z") })], history: [told("rescheduled", "fulfillment_order:9001:until:2026-12-01", { createdAt: t("2026-11-17T06:00:00Z") })] }, then: ["fulfillment_order:9001:until:2026-12-08 rescheduled"] },
  { name: "stays silent once the new date has come", given: { zone: KOLKATA, now: "2026-12-01T05:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-12-01T04:30:00Z"), stateAt: t("2026-11-17T05:00:00Z") })] }, then: [] },
  { name: "stays silent about a hold on a cancelled order", given: { zone: KOLKATA, now: "2026-11-17T06:00:00Z", cancelled: true, fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "other", heldAt: t("2026-11-17T05:00:00Z") })] }, then: [] },
];

// --- Cap, spacing and priority ---------------------------------------------------------------------------
// Stalled since Thursday (due Tuesday 24th 10:15Z) and estimate 2026-11-23 passed (due 24th 06:30Z).
const stalledAndLate = () => [pkg([scan("in_transit", LAST_SCAN, "2026-11-23T00:00:00Z")])];
const limits: Row[] = [
  { name: "sends one notice when two are due at once, the most specific first", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: stalledAndLate() }, then: ["fulfillment:7001:eta:2026-11-23 eta_passed"] },
  { name: "holds the next notice back until 24 hours after the previous one", given: { zone: KOLKATA, now: "2026-11-25T10:14:00Z", fulfillments: stalledAndLate(), history: [told("eta_passed", "fulfillment:7001:eta:2026-11-23", { createdAt: t("2026-11-24T10:15:00Z") })] }, then: [] },
  { name: "sends the next notice once 24 hours have passed", given: { zone: KOLKATA, now: "2026-11-25T10:15:00Z", fulfillments: stalledAndLate(), history: [told("eta_passed", "fulfillment:7001:eta:2026-11-23", { createdAt: t("2026-11-24T10:15:00Z") })] }, then: ["fulfillment:7001 stalled"] },
  { name: "stops at the shop's cap of 2 notices per order", given: { zone: KOLKATA, now: "2026-11-27T10:15:00Z", fulfillments: stalledAndLate(), history: [told("unfulfilled", "order:5001"), told("eta_passed", "fulfillment:7001:eta:2026-11-23")] }, then: [] },
  { name: "counts one notice sent by email and SMS as one notice", given: { zone: KOLKATA, now: "2026-11-27T10:15:00Z", fulfillments: stalledAndLate(), history: [told("eta_passed", "fulfillment:7001:eta:2026-11-23"), told("eta_passed", "fulfillment:7001:eta:2026-11-23", { channel: "sms" })] }, then: ["fulfillment:7001 stalled"] },
  { name: "does not count FAILED or SKIPPED notices against the cap", given: { zone: KOLKATA, now: "2026-11-27T10:15:00Z", fulfillments: stalledAndLate(), history: [told("unfulfilled", "order:5001", { status: "FAILED" }), told("eta_passed", "fulfillment:7001:eta:2026-11-23", { status: "SKIPPED" })] }, then: ["fulfillment:7001 stalled"] },
  { name: "sends everything due at once when the shop does not space notices", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: stalledAndLate(), delay: { minHoursBetweenNotices: 0 } }, then: ["fulfillment:7001:eta:2026-11-23 eta_passed", "fulfillment:7001 stalled"] },
  { name: "sends nothing with a cap of 0", given: { zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: stalledAndLate(), delay: { maxNoticesPerOrder: 0 } }, then: [] },
  {
    name: "tells about the package stalled first in a split order",
    given: { zone: KOLKATA, now: "2026-11-26T10:15:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-20T10:15:00Z")], { id: "7002", createdAt: t("2026-11-16T02:00:00Z") }), pkg([scan("in_transit", LAST_SCAN)])] },
    then: ["fulfillment:7001 stalled"],
  },
];

describe.each([
  ["1. unfulfilled", unfulfilled],
  ["2. carrier delay or failure", carrier],
  ["3. stalled in transit", stalled],
  ["4. not picked up", notPickedUp],
  ["5. estimated delivery passed", eta],
  ["6. on hold and rescheduled", holds],
  ["cap, spacing and priority", limits],
] as const)("decideDelay: %s", (_label, table) => {
  it.each(table)("$name", ({ given, then }) => {
    expect(summary(decideDelay(facts(given)))).toEqual(then);
  });
});

describe("decideDelay: what the notice carries", () => {
  it("builds one intent per channel with the detection time and the details for the template", () => {
    // GIVEN a package delayed by the carrier, with a new estimate, and email + SMS notices
    const given = facts({
      zone: KOLKATA,
      now: "2026-11-18T06:00:00Z",
      fulfillments: [pkg([scan("in_transit", "2026-11-17T04:00:00Z"), scan("delayed", "2026-11-18T05:00:00Z", "2026-11-22T00:00:00Z")])],
      delay: { channels: ["email", "sms"] },
    });
    // WHEN deciding
    const intents = decideDelay(given);
    // THEN both channels carry the same episode and details
    const details = { kind: "carrier_delay", reason: "delayed", newEstimate: "2026-11-22", since: "2026-11-18", followUp: false, lineItemIds: null, fulfillmentOrderId: null };
    expect(intents).toEqual([
      { trigger: "delay", subject: "fulfillment:7001", step: "carrier_delay", channel: "email", orderId: "5001", fulfillmentId: "7001", recipient: "anjali.nair@example.com", skipReason: null, detectedAt: t("2026-11-18T05:00:00Z"), delay: details },
      { trigger: "delay", subject: "fulfillment:7001", step: "carrier_delay", channel: "sms", orderId: "5001", fulfillmentId: "7001", recipient: "+919876543210", skipReason: null, detectedAt: t("2026-11-18T05:00:00Z"), delay: details },
    ]);
  });

  it("names the days in the customer's zone when the address says it, in the shop's otherwise", () => {
    // GIVEN a New York shop's package delayed at 20:00 New York time (01:00 the next day in London)
    const given = (shipTo: { country: string | null; province: string | null }) =>
      facts({ zone: NEW_YORK, shipTo, now: "2026-11-19T02:00:00Z", fulfillments: [pkg([scan("delayed", "2026-11-19T01:00:00Z")])] });
    // THEN a customer in Britain is told it happened on the 19th, one in New York on the 18th
    expect(decideDelay(given({ country: "GB", province: null }))[0].delay?.since).toBe("2026-11-19");
    expect(decideDelay(given({ country: "US", province: "NY" }))[0].delay?.since).toBe("2026-11-18");
    // AND a US address without a state (six zones) counts in the shop's zone
    expect(decideDelay(given({ country: "US", province: null }))[0].delay?.since).toBe("2026-11-18");
  });

  it("dates a timer's notice at its deadline, not at the run that noticed it", () => {
    const [intent] = decideDelay(facts({ zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-12T09:30:00Z" }));
    expect(intent.detectedAt).toEqual(t("2026-03-11T22:00:00Z"));
    expect(intent.delay).toMatchObject({ kind: "unfulfilled", reason: "not_fulfilled", since: "2026-03-06", lineItemIds: null });
  });

  it("marks the second estimate notice as a follow-up and names the missed day", () => {
    const [intent] = decideDelay(facts({ zone: NEW_YORK, now: "2026-11-29T17:00:00Z", fulfillments: [pkg([scan("in_transit", "2026-11-27T15:00:00Z", ETA_28)])], history: [told("eta_passed", "fulfillment:7001:eta:2026-11-25")] }));
    expect(intent.delay).toMatchObject({ kind: "eta_passed", since: "2026-11-28", followUp: true, newEstimate: null });
  });

  it("names the hold reason and the items still waiting in a partly shipped order", () => {
    const [intent] = decideDelay(
      facts({
        zone: KOLKATA,
        now: "2026-11-17T06:00:00Z",
        fulfillments: [pkg([scan("in_transit", "2026-11-17T04:00:00Z")], { lineItemIds: ["li-1"] })],
        fulfillmentOrders: [fulfillmentOrder({ status: "on_hold", holdReason: "inventory_out_of_stock", holdNotes: "supplier late", heldAt: t("2026-11-17T05:00:00Z") })],
      }),
    );
    expect(intent).toMatchObject({ subject: "fulfillment_order:9001", fulfillmentId: null, detectedAt: t("2026-11-17T05:00:00Z") });
    expect(intent.delay).toMatchObject({ reason: "inventory_out_of_stock", lineItemIds: ["li-2"], fulfillmentOrderId: "9001" });
  });

  it("gives the rescheduled date as the new estimate", () => {
    const [intent] = decideDelay(facts({ zone: KOLKATA, now: "2026-11-17T06:00:00Z", fulfillmentOrders: [fulfillmentOrder({ status: "scheduled", fulfillAt: t("2026-11-30T20:00:00Z"), stateAt: t("2026-11-17T05:00:00Z") })] }));
    // 20:00 UTC on the 30th is already 1 December in Kolkata
    expect(intent.delay).toMatchObject({ kind: "rescheduled", newEstimate: "2026-12-01", followUp: false });
  });

  it("marks a notice skipped when the customer has no phone for SMS", () => {
    const given = facts({ zone: NEW_YORK, placedAt: FRIDAY_EVENING_NY, now: "2026-03-11T22:00:00Z", delay: { channels: ["sms"] } });
    const intents = decideDelay({ ...given, order: { ...given.order, phone: null } });
    expect(intents.map((i) => [i.channel, i.recipient, i.skipReason])).toEqual([["sms", null, "no_phone"]]);
  });
});

describe("decide: shipping updates and delay notices together", () => {
  it("returns the shipping update and the delay notice that are both due", () => {
    // GIVEN a package scanned in transit long ago (shipped not announced yet) and now stalled
    const given = facts({ zone: KOLKATA, now: "2026-11-24T10:15:00Z", fulfillments: [pkg([scan("in_transit", LAST_SCAN)])] });
    expect(decide(given).map((i) => `${i.trigger} ${i.subject} ${i.step}`)).toEqual(["shipping fulfillment:7001 shipped", "delay fulfillment:7001 stalled"]);
  });

  it("sends only the shipping 'failure' update for a failure scan", () => {
    const given = facts({ zone: KOLKATA, now: "2026-11-18T06:00:00Z", fulfillments: [pkg([scan("failure", "2026-11-18T05:00:00Z")])] });
    expect(decide(given).map((i) => `${i.trigger} ${i.step}`)).toEqual(["shipping failure"]);
  });

  it("is deterministic whatever order facts are listed in", () => {
    const packages = [pkg([scan("in_transit", "2026-11-20T10:15:00Z")], { id: "7002" }), pkg([scan("delayed", "2026-11-18T05:00:00Z"), scan("in_transit", LAST_SCAN)])];
    const forward = decide(facts({ zone: KOLKATA, now: "2026-11-27T10:15:00Z", fulfillments: packages }));
    const backward = decide(facts({ zone: KOLKATA, now: "2026-11-27T10:15:00Z", fulfillments: [...packages].reverse().map((p) => ({ ...p, events: [...p.events].reverse() })) }));
    expect(backward).toEqual(forward);
  });
});
