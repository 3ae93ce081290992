import { shopIdFor } from "../server/state";
import { loadFixture } from "../webhooks/fixtures";
import { tracking, type Carrier } from "./carriers";
import { CUSTOMERS, type Customer } from "./cast";
import {
  carrierEventPayload,
  fulfillmentPayload,
  newCarrierEvent,
  newFulfillment,
  newOrder,
  orderPayload,
  storeContext,
  type ScanPlace,
  type StoryFulfillment,
  type StoryOrder,
} from "./payloads";
import { seededRandom } from "./random";
import { addCivilDays, civilDateInZone, isoInZone, isoWeekdayOf, zonedTime } from "./time";
import type { DelayExpectation, DelayKind, Delivery, FulfillmentExpectation, Scenario, ScenarioInput, ScenarioStep, ShippingStep } from "./types";

/** The story runs over this many days, starting on a Friday (day 0) and ending before `now`. */
export const STORY_DAYS = 14;

/**
 * Day 0 of the delays story: the latest Friday at least STORY_DAYS days before `now` (the shop's
 * calendar), so the whole story lies in the past. With now = 2026-11-13 it is Friday 2026-10-30, and
 * the first week crosses New York's fall-back (Sunday 2026-11-01).
 */
export function storyStartDate(now: Date, timeZone: string): string {
  let day = addCivilDays(civilDateInZone(now, timeZone), -STORY_DAYS);
  while (isoWeekdayOf(day) !== 5) day = addCivilDays(day, -1);
  return day;
}

type Country = "US" | "IN";

/** Where the shop ships from: domestic and international parcels are told apart by it. */
const WAREHOUSES: Record<Country, { address: Record<string, string>; hub: ScanPlace; domestic: Carrier; customer: Customer }> = {
  US: {
    address: { address1: "600 Meadowlands Pkwy", city: "Secaucus", province_code: "NJ", zip: "07094", country_code: "US" },
    hub: { city: "Secaucus", province: "New Jersey", country: "US", zip: "07094" },
    domestic: "UPS",
    customer: CUSTOMERS.emily,
  },
  IN: {
    address: { address1: "Plot 14, Mankoli Naka", city: "Bhiwandi", province_code: "MH", zip: "421302", country_code: "IN" },
    hub: { city: "Bhiwandi", province: "Maharashtra", country: "IN", zip: "421302" },
    domestic: "Delhivery",
    customer: CUSTOMERS.anjali,
  },
};

/** The shop's country, from its zone: Indian zones ship from India, everything else from the US. */
export function warehouseCountry(timeZone: string): Country {
  return timeZone === "Asia/Kolkata" || timeZone === "Asia/Calcutta" ? "IN" : "US";
}

const WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * "delays": fourteen orders over two weeks in the shop's zone (Friday to the Thursday after next), one
 * per kind of delay notice plus control orders whose condition clears in time. Every time is written
 * on the shop's wall clock ("day 5 18:00") because that is how business time counts; the expected
 * notices (scenario.delays) are worked out by hand from the rules in README "Delay notices":
 *
 *   #2001 unfulfilled          placed Friday 18:00, never fulfilled: due Wednesday 18:00 (the weekend does
 *                              not count). In New York the weekend is the fall-back: Friday 18:00 EDT to
 *                              Wednesday 18:00 EST is 121 real hours, not 120 (23:00 UTC, not 22:00).
 *                              orders/updated arrives before orders/create, and orders/create is
 *                              delivered twice.
 *   #2002 control              placed Friday 19:00, fulfilled Wednesday 18:30, half an hour before the
 *                              deadline: nothing.
 *   #2003 control (skipped)    placed Friday 20:00, fulfilled Wednesday 19:55, but its webhook arrives at
 *                              20:05: the notice is created at 20:00 and dropped when it comes to be
 *                              sent at 20:10 (the settle window).
 *   #2004 carrier_delay        the carrier reports "delayed" on Tuesday 14:00; the webhook arrives 4 h
 *                              late, again as fulfillments/update, and again as a Shopify retry after a
 *                              newer scan: one notice, when the news arrives.
 *   #2005 stalled (domestic)   last scan Tuesday 11:00, then silence: 3 business days, Friday 11:00.
 *   #2006 stalled (intl.)      last scan Tuesday 09:00 to Kenya: not after 3 business days (Friday), but
 *                              after 5: the next Tuesday 09:00.
 *   #2007 not_picked_up        label bought Monday 14:05, never collected: 4 business days, Friday 14:05.
 *   #2008 eta_passed x2        estimate Wednesday missed (Thursday 12:00 in India, Anjali's zone, after
 *                              the 12 h grace); a new estimate Friday missed again (Saturday 12:00 in
 *                              India, a follow-up); a third
 *                              estimate missed on Tuesday: nothing (2 notices per order at most).
 *   #2009 on_hold              fulfillment order held for an incorrect address on Monday 16:00.
 *   #2010 control (skipped)    held Tuesday 09:00, released at 09:04: the notice is dropped at 09:10.
 *   #2011 control              held for a fraud review (never told), then cancelled.
 *   #2012 control              placed Friday 21:00, cancelled Monday: nothing.
 *   #2013 rescheduled          fulfillment order rescheduled on Tuesday 10:00 to the next Monday.
 *   #2014 control              delivered Thursday 16:00, the day of its estimate; the scan's webhook
 *                              arrives 11 h late, Friday 03:00, still inside the 12 h grace: nothing.
 *
 * Domestic means the customer lives in the warehouse's country (US for America/* shops, IN for
 * Asia/Kolkata): Emily in the US, Anjali in India; the other parcels are international.
 */
export function buildDelaysScenario(input: ScenarioInput): Scenario {
  const random = seededRandom(input.seed);
  const tz = input.timezone;
  const country = warehouseCountry(tz);
  const warehouse = WAREHOUSES[country];
  const ctx = storeContext({
    shop: input.shop,
    shopId: shopIdFor(input.shop),
    timezone: tz,
    currency: input.currency,
    random,
    base: {
      order: loadFixture("orders/create", input.fixturesDir),
      fulfillment: loadFixture("fulfillments/create", input.fixturesDir),
      fulfillmentEvent: loadFixture("fulfillment_events/create", input.fixturesDir),
    },
  });
  const fixtures = {
    hold: loadFixture("fulfillment_orders/placed_on_hold", input.fixturesDir),
    released: loadFixture("fulfillment_orders/hold_released", input.fixturesDir),
    rescheduled: loadFixture("fulfillment_orders/rescheduled", input.fixturesDir),
  };
  const start = storyStartDate(input.now, tz);
  /** Day `day` of the story (0 = the first Friday) at `time` on the shop's wall clock. */
  const at = (day: number, time: string) => zonedTime(addCivilDays(start, day), time, tz);
  const dayOf = (day: number) => addCivilDays(start, day);
  /** Day `day` of the story at `time` on an Indian customer's wall clock (the days she is told are hers). */
  const inIndia = (day: number, time: string) => zonedTime(addCivilDays(start, day), time, "Asia/Kolkata");

  // ---- deliveries ------------------------------------------------------------------------------
  const drafts: Array<{ step: ScenarioStep; arrives: number; seq: number }> = [];
  type About = { order: StoryOrder; fulfillment?: StoryFulfillment };
  const push = (
    topic: string,
    payload: Record<string, unknown>,
    happened: Date,
    description: string,
    about: About,
    options: { arrives?: Date; delivery?: Delivery; eventId?: string } = {},
  ): ScenarioStep => {
    const arrives = options.arrives ?? happened;
    const step: ScenarioStep = {
      topic,
      body: JSON.stringify(payload),
      webhookId: random.uuid(),
      eventId: options.eventId ?? random.uuid(),
      triggeredAt: happened.toISOString(),
      ...(arrives.getTime() !== happened.getTime() && { arrivesAt: arrives.toISOString() }),
      delivery: options.delivery ?? "first",
      concurrent: false,
      pauseMs: 150 + random.int(0, 100),
      description,
      order: about.order.name,
      fulfillment: about.fulfillment?.name ?? null,
      customer: about.order.customer.key,
    };
    drafts.push({ step, arrives: arrives.getTime(), seq: drafts.length });
    return step;
  };
  /** The same webhook (same id, same bytes) delivered again at `arrives`. */
  const again = (step: ScenarioStep, delivery: "duplicate" | "retry", arrives: Date) => {
    const copy: ScenarioStep = { ...step, delivery, arrivesAt: arrives.toISOString(), pauseMs: 150 };
    drafts.push({ step: copy, arrives: arrives.getTime(), seq: drafts.length });
    return copy;
  };

  const placed = (order: StoryOrder, options: { arrives?: Date; delivery?: Delivery } = {}) =>
    push("orders/create", orderPayload(ctx, order, { updatedAt: order.createdAt }), order.createdAt,
      `${order.name} placed (${order.customer.locale})`, { order }, options);
  const ship = (f: StoryFulfillment, options: { arrives?: Date } = {}) => {
    const eventId = random.uuid();
    const payload = { ...fulfillmentPayload(ctx, f, { updatedAt: f.createdAt, shipmentStatus: null }), origin_address: warehouse.address };
    push("fulfillments/create", payload, f.createdAt, `${f.name} shipped with ${f.tracking.company} ${f.tracking.number}`, { order: f.order, fulfillment: f }, { eventId, ...options });
    push("orders/updated", orderPayload(ctx, f.order, { updatedAt: f.createdAt, fulfillments: [f] }), f.createdAt, `${f.order.name} updated: fulfilled`,
      { order: f.order, fulfillment: f }, { eventId, ...options });
  };
  const scan = (
    f: StoryFulfillment,
    status: string,
    happened: Date,
    message: string,
    place: ScanPlace,
    options: { estimate?: Date; arrives?: Date; delivery?: Delivery } = {},
  ): ScenarioStep => {
    const event = newCarrierEvent(ctx, f, status, happened, message, place, options.estimate ?? null);
    const late = options.arrives ? ` — arrives ${hoursLate(happened, options.arrives)} late` : "";
    const estimate = options.estimate ? `, estimate ${isoInZone(options.estimate, tz).slice(0, 16)}` : "";
    return push("fulfillment_events/create", carrierEventPayload(ctx, event), happened, `${f.name} ${status} (${place.city ?? place.country}${estimate})${late}`,
      { order: f.order, fulfillment: f }, { arrives: options.arrives, delivery: options.delivery });
  };
  const cancel = (order: StoryOrder, when: Date) => {
    const eventId = random.uuid();
    push("orders/cancelled", orderPayload(ctx, order, { updatedAt: when, cancelledAt: when }), when, `${order.name} cancelled`, { order }, { eventId });
    push("orders/updated", orderPayload(ctx, order, { updatedAt: when, cancelledAt: when }), when, `${order.name} updated: cancelled`, { order }, { eventId });
  };

  /** A fulfillment order of `order` (the webhooks name no order: the simulator must know it). */
  const fulfillmentOrderOf = (order: StoryOrder) => ({ gid: `gid://shopify/FulfillmentOrder/${random.shopifyId()}`, order });
  type FO = ReturnType<typeof fulfillmentOrderOf>;
  const platform = (fo: FO, status: string) => [{ kind: "fulfillmentOrder" as const, id: fo.gid, orderId: `gid://shopify/Order/${fo.order.id}`, status }];
  const hold = (fo: FO, when: Date, reason: string, notes: string) => {
    const created = {
      id: `gid://shopify/FulfillmentHold/${random.shopifyId()}`,
      reason,
      reason_notes: notes,
      held_by_requesting_app: false,
      handle: `hold-${fo.order.number}`,
      held_by_app: null,
    };
    const step = push(
      "fulfillment_orders/placed_on_hold",
      {
        ...fixtures.hold,
        fulfillment_order: { id: fo.gid, status: "on_hold", fulfillment_holds: [created] },
        remaining_fulfillment_order: null,
        held_fulfillment_order_line_items: [{ id: `gid://shopify/FulfillmentOrderLineItem/${random.shopifyId()}`, quantity: fo.order.lines[0].quantity }],
        created_fulfillment_hold: created,
      },
      when,
      `${fo.order.name} fulfillment order on hold (${reason})`,
      { order: fo.order },
    );
    step.platformRecords = platform(fo, "on_hold");
  };
  const release = (fo: FO, when: Date) => {
    const step = push("fulfillment_orders/hold_released", { ...fixtures.released, fulfillment_order: { id: fo.gid, status: "open" } }, when,
      `${fo.order.name} hold released`, { order: fo.order });
    step.platformRecords = platform(fo, "open");
  };
  const reschedule = (fo: FO, when: Date, fulfillAt: Date) => {
    const step = push(
      "fulfillment_orders/rescheduled",
      { ...fixtures.rescheduled, fulfillment_order: { id: fo.gid, status: "scheduled", fulfill_at: isoInZone(fulfillAt, tz) } },
      when,
      `${fo.order.name} fulfillment order rescheduled to ${isoInZone(fulfillAt, tz).slice(0, 16)}`,
      { order: fo.order },
    );
    step.platformRecords = platform(fo, "scheduled");
  };

  const place = (c: Customer): ScanPlace => ({ city: c.address.city, province: c.address.province, country: c.address.country_code, zip: c.address.zip });
  const carrierFor = (c: Customer): Carrier => (c.address.country_code === country ? warehouse.domestic : "DHL Express");
  const fulfil = (order: StoryOrder, when: Date) => newFulfillment(ctx, order, 1, order.lines.map((l) => l.id), tracking(carrierFor(order.customer), random), when);

  const { emily, sofia, anjali, neema } = CUSTOMERS;
  const domestic = warehouse.customer;

  // ---- the orders --------------------------------------------------------------------------------
  // #2001: placed Friday 18:00, never fulfilled. 72 business hours: Friday 18:00-24:00 (6) + Monday (24)
  // + Tuesday (24) + Wednesday 00:00-18:00 (18) = Wednesday 18:00, wall clock.
  const o2001 = newOrder(ctx, 2001, emily, [["kettle", 1]], at(0, "18:00"));
  // Shopify's orders/updated (a tag the merchant added) overtakes orders/create, which is then retried.
  push("orders/updated", orderPayload(ctx, o2001, { updatedAt: at(0, "18:05") }), at(0, "18:05"), `${o2001.name} updated: tagged "gift"`, { order: o2001 }, { arrives: at(0, "18:06") });
  const create2001 = placed(o2001, { arrives: at(0, "18:07"), delivery: "late" });
  again(create2001, "retry", at(0, "19:00"));

  // #2002: placed Friday 19:00, fulfilled Wednesday 18:30 (deadline 19:00), delivered Friday.
  const o2002 = newOrder(ctx, 2002, sofia, [["mug", 2]], at(0, "19:00"));
  placed(o2002);
  const f2002 = fulfil(o2002, at(5, "18:30"));
  ship(f2002);
  scan(f2002, "in_transit", at(6, "09:00"), "Departed facility", warehouse.hub);
  scan(f2002, "delivered", at(7, "14:00"), "Delivered", place(sofia));

  // #2003: placed Friday 20:00, fulfilled Wednesday 19:55; the fulfillment webhooks arrive at 20:05.
  const o2003 = newOrder(ctx, 2003, anjali, [["board", 1]], at(0, "20:00"));
  placed(o2003);
  const f2003 = fulfil(o2003, at(5, "19:55"));
  ship(f2003, { arrives: at(5, "20:05") });
  scan(f2003, "delivered", at(7, "10:00"), "Delivered", place(anjali));

  // #2012: placed Friday 21:00, cancelled Monday 10:00.
  const o2012 = newOrder(ctx, 2012, neema, [["kikoy", 1]], at(0, "21:00"));
  placed(o2012);
  cancel(o2012, at(3, "10:00"));

  // #2004: shipped Monday; "delayed" on Tuesday 14:00 reaches Herald at 18:00.
  const o2004 = newOrder(ctx, 2004, emily, [["coffee", 2]], at(3, "09:00"));
  placed(o2004);
  const f2004 = fulfil(o2004, at(3, "15:00"));
  ship(f2004);
  scan(f2004, "in_transit", at(4, "08:00"), "Departed facility", warehouse.hub);
  const delayed = scan(f2004, "delayed", at(4, "14:00"), "Delayed by severe weather", warehouse.hub, { estimate: at(6, "20:00"), arrives: at(4, "18:00") });
  // The same news on the fulfillment itself (another webhook, same carrier event).
  push("fulfillments/update", { ...fulfillmentPayload(ctx, f2004, { updatedAt: at(4, "14:00"), shipmentStatus: "delayed" }), origin_address: warehouse.address },
    at(4, "14:00"), `${f2004.name} shipment_status=delayed — arrives 4 h late`, { order: o2004, fulfillment: f2004 }, { arrives: at(4, "18:01") });
  scan(f2004, "in_transit", at(5, "10:00"), "In transit again", warehouse.hub);
  again(delayed, "retry", at(5, "11:00"));
  scan(f2004, "out_for_delivery", at(6, "08:00"), "Out for delivery", place(emily));
  scan(f2004, "delivered", at(6, "15:00"), "Delivered, front door", place(emily));

  // #2005 (domestic): last scan Tuesday 11:00; 3 business days: Wednesday, Thursday, Friday 11:00.
  const o2005 = newOrder(ctx, 2005, domestic, [["towels", 1]], at(3, "10:00"));
  placed(o2005);
  const f2005 = fulfil(o2005, at(3, "16:00"));
  ship(f2005);
  scan(f2005, "in_transit", at(4, "11:00"), "Arrived at sort facility", warehouse.hub);
  scan(f2005, "in_transit", at(10, "09:00"), "Found in sort facility, on its way", warehouse.hub);
  scan(f2005, "delivered", at(11, "16:00"), "Delivered", place(domestic));

  // #2006 (international, to Kenya): last scan Tuesday 09:00; 5 business days: the next Tuesday 09:00.
  const o2006 = newOrder(ctx, 2006, neema, [["kikoy", 2]], at(3, "11:00"));
  placed(o2006);
  const f2006 = fulfil(o2006, at(3, "17:00"));
  ship(f2006);
  scan(f2006, "in_transit", at(4, "09:00"), "Departed origin country", warehouse.hub);
  scan(f2006, "delivered", at(13, "10:00"), "Delivered, Kilimani", place(neema));

  // #2007: label bought Monday 14:05, never collected; 4 business days: Friday 14:05.
  const o2007 = newOrder(ctx, 2007, sofia, [["coffee", 1]], at(3, "12:00"));
  placed(o2007);
  const f2007 = fulfil(o2007, at(3, "14:00"));
  ship(f2007);
  scan(f2007, "label_purchased", at(3, "14:05"), "Shipping label created", warehouse.hub);

  // #2008: estimates Wednesday, then Friday, then Monday; every one missed.
  const o2008 = newOrder(ctx, 2008, anjali, [["mug", 1], ["coffee", 1]], at(3, "13:00"));
  placed(o2008);
  const f2008 = fulfil(o2008, at(3, "18:00"));
  ship(f2008);
  scan(f2008, "in_transit", at(4, "10:00"), "In transit", warehouse.hub, { estimate: at(5, "18:00") });
  scan(f2008, "in_transit", at(6, "15:00"), "In transit, new estimate", warehouse.hub, { estimate: at(7, "18:00") });
  scan(f2008, "in_transit", at(10, "09:00"), "In transit, new estimate", warehouse.hub, { estimate: at(10, "20:00") });
  scan(f2008, "delivered", at(12, "11:00"), "Delivered", place(anjali));

  // #2009: held for an incorrect address on Monday 16:00, released Wednesday, shipped, delivered.
  const o2009 = newOrder(ctx, 2009, emily, [["board", 1]], at(3, "14:00"));
  placed(o2009);
  const fo2009 = fulfillmentOrderOf(o2009);
  hold(fo2009, at(3, "16:00"), "incorrect_address", "Apartment number missing, emailed the customer");
  release(fo2009, at(5, "10:00"));
  const f2009 = fulfil(o2009, at(5, "15:00"));
  ship(f2009);
  scan(f2009, "delivered", at(7, "12:00"), "Delivered", place(emily));

  // #2010: held Tuesday 09:00, released four minutes later.
  const o2010 = newOrder(ctx, 2010, neema, [["kettle", 1]], at(3, "15:00"));
  placed(o2010);
  const fo2010 = fulfillmentOrderOf(o2010);
  hold(fo2010, at(4, "09:00"), "inventory_out_of_stock", "Counting the back room first");
  release(fo2010, at(4, "09:04"));
  const f2010 = fulfil(o2010, at(4, "12:00"));
  ship(f2010);
  scan(f2010, "delivered", at(6, "10:00"), "Delivered", place(neema));

  // #2011: a fraud review hold (never a customer notice), then cancelled.
  const o2011 = newOrder(ctx, 2011, sofia, [["kettle", 2]], at(3, "16:00"));
  placed(o2011);
  const fo2011 = fulfillmentOrderOf(o2011);
  hold(fo2011, at(3, "16:30"), "high_risk_of_fraud", "Card country differs from shipping country");
  cancel(o2011, at(4, "11:00"));

  // #2013: rescheduled on Tuesday 10:00 to the next Monday 09:00; shipped that day.
  const o2013 = newOrder(ctx, 2013, anjali, [["towels", 2]], at(3, "17:00"));
  placed(o2013);
  const fo2013 = fulfillmentOrderOf(o2013);
  reschedule(fo2013, at(4, "10:00"), at(10, "09:00"));
  const f2013 = fulfil(o2013, at(10, "14:00"));
  ship(f2013);
  scan(f2013, "delivered", at(12, "15:00"), "Delivered", place(anjali));

  // #2014: estimate Thursday 20:00, delivered Thursday 16:00; the scan arrives Friday 03:00.
  const o2014 = newOrder(ctx, 2014, emily, [["mug", 1]], at(3, "18:00"));
  placed(o2014);
  const f2014 = fulfil(o2014, at(4, "09:00"));
  ship(f2014);
  scan(f2014, "in_transit", at(4, "15:00"), "In transit", warehouse.hub, { estimate: at(6, "20:00") });
  scan(f2014, "delivered", at(6, "16:00"), "Delivered", place(emily), { arrives: at(7, "03:00") });

  const steps = drafts.sort((a, b) => a.arrives - b.arrives || a.seq - b.seq).map((d) => d.step);

  // ---- what Herald should make of it -------------------------------------------------------------
  const local = (d: Date) => `${WEEKDAYS[isoWeekdayOf(civilDateInZone(d, tz))]} ${isoInZone(d, tz).slice(0, 16).replace("T", " ")} ${isoInZone(d, tz).slice(19)}`;
  const foId = (fo: FO) => fo.gid.slice(fo.gid.lastIndexOf("/") + 1);
  const notice = (
    order: StoryOrder,
    kind: DelayKind,
    about: { fulfillment?: StoryFulfillment; fo?: FO; subject: string },
    due: Date,
    why: string,
    options: { followUp?: boolean; skipReason?: string; detected?: Date } = {},
  ): DelayExpectation => ({
    order: order.name,
    orderId: String(order.id),
    customer: order.customer.key,
    kind,
    fulfillment: about.fulfillment?.name ?? null,
    fulfillmentId: about.fulfillment ? String(about.fulfillment.id) : null,
    fulfillmentOrderId: about.fo ? foId(about.fo) : null,
    subject: about.subject,
    dueAt: due.toISOString(),
    detectedAt: (options.detected ?? due).toISOString(),
    dueLocal: local(due),
    followUp: options.followUp ?? false,
    outcome: options.skipReason ? "skipped" : "sent",
    skipReason: options.skipReason ?? null,
    why,
  });
  const pkg = (f: StoryFulfillment) => ({ fulfillment: f, subject: `fulfillment:${f.id}` });
  const notices: DelayExpectation[] = [
    notice(o2001, "unfulfilled", { subject: `order:${o2001.id}` }, at(5, "18:00"), "not fulfilled 72 business hours after Friday 18:00 (the weekend does not count)"),
    notice(o2003, "unfulfilled", { subject: `order:${o2003.id}` }, at(5, "20:00"), "looks unfulfilled at its deadline; the fulfillment webhook arrives within the settle window",
      { skipReason: "condition_cleared" }),
    notice(o2004, "carrier_delay", pkg(f2004), at(4, "18:00"), "the carrier said delayed at 14:00; Herald hears it at 18:00",
      { detected: at(4, "14:00") }),
    notice(o2005, "stalled", pkg(f2005), at(7, "11:00"), "domestic: no scan for 3 business days after Tuesday 11:00"),
    notice(o2006, "stalled", pkg(f2006), at(11, "09:00"), "international: no scan for 5 business days after Tuesday 09:00"),
    notice(o2007, "not_picked_up", pkg(f2007), at(7, "14:05"), "label bought Monday 14:05, not collected 4 business days later"),
    // Anjali lives in India: an estimated day is over at her midnight, whatever the shop's zone.
    notice(o2008, "eta_passed", { fulfillment: f2008, subject: `fulfillment:${f2008.id}:eta:${dayOf(5)}` }, inIndia(6, "12:00"), "Wednesday's estimate passed (12 h grace after the day, in India)"),
    notice(o2008, "eta_passed", { fulfillment: f2008, subject: `fulfillment:${f2008.id}:eta:${dayOf(7)}` }, inIndia(8, "12:00"), "the newer estimate, Friday, passed too: a follow-up",
      { followUp: true }),
    notice(o2009, "on_hold", { fo: fo2009, subject: `fulfillment_order:${foId(fo2009)}` }, at(3, "16:00"), "held for an incorrect address"),
    notice(o2010, "on_hold", { fo: fo2010, subject: `fulfillment_order:${foId(fo2010)}` }, at(4, "09:00"), "held, and released four minutes later, within the settle window",
      { skipReason: "condition_cleared" }),
    notice(o2013, "rescheduled", { fo: fo2013, subject: `fulfillment_order:${foId(fo2013)}:until:${dayOf(10)}` }, at(4, "10:00"), "fulfillment moved to the next Monday"),
  ].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));

  const silent = [
    { order: "#2002", why: "fulfilled half an hour before its unfulfilled deadline" },
    { order: "#2003", why: "its fulfillment webhook arrived 5 minutes after the deadline: the notice is dropped before it goes" },
    { order: "#2008", why: `a third estimate (${dayOf(10)}) passes on ${dayOf(11)}: the order already had 2 notices` },
    { order: "#2010", why: "the hold was released before its notice went out" },
    { order: "#2011", why: "a fraud-review hold is not the customer's business; then cancelled" },
    { order: "#2012", why: "cancelled before its unfulfilled deadline" },
    { order: "#2014", why: "delivered on its estimated day; the late scan arrives within the 12 h grace" },
  ];

  const shipping = (f: StoryFulfillment, stepsSent: ShippingStep[]): FulfillmentExpectation => ({
    order: f.order.name,
    fulfillment: f.name,
    orderId: String(f.order.id),
    fulfillmentId: String(f.id),
    customer: f.order.customer.key,
    carrier: f.tracking.company,
    trackingNumber: f.tracking.number,
    steps: stepsSent,
    never: [],
  });
  const delivered = ["shipped", "delivered"] as ShippingStep[];

  return {
    name: "delays",
    title: "Fourteen orders over two weeks: every kind of delay notice, and orders whose delay clears in time",
    seed: input.seed,
    now: input.now.toISOString(),
    shop: input.shop,
    orders: [
      { name: "#2001", customer: "emily", story: "placed Friday evening, never fulfilled: unfulfilled notice Wednesday" },
      { name: "#2002", customer: "sofia", story: "fulfilled 30 minutes before its deadline: nothing" },
      { name: "#2003", customer: "anjali", story: "fulfilled 5 minutes before its deadline, webhook 5 minutes after: notice dropped" },
      { name: "#2004", customer: "emily", story: "carrier reports delayed (webhook 4 h late, twice more): one carrier-delay notice" },
      { name: "#2005", customer: domestic.key, story: "domestic parcel without a scan for 3 business days: stalled" },
      { name: "#2006", customer: "neema", story: "international parcel without a scan for 5 business days: stalled" },
      { name: "#2007", customer: "sofia", story: "label bought, never collected: not picked up" },
      { name: "#2008", customer: "anjali", story: "estimate missed, new estimate missed (follow-up), third missed (capped)" },
      { name: "#2009", customer: "emily", story: "on hold for an incorrect address" },
      { name: "#2010", customer: "neema", story: "on hold, released 4 minutes later: notice dropped" },
      { name: "#2011", customer: "sofia", story: "fraud-review hold, then cancelled: nothing" },
      { name: "#2012", customer: "neema", story: "cancelled before its deadline: nothing" },
      { name: "#2013", customer: "anjali", story: "rescheduled to the next Monday" },
      { name: "#2014", customer: "emily", story: "delivered on the estimated day, scan arrives 11 h late: nothing" },
    ],
    steps,
    fulfillments: [
      shipping(f2002, delivered),
      shipping(f2003, delivered),
      shipping(f2004, ["shipped", "out_for_delivery", "delivered"]),
      shipping(f2005, delivered),
      shipping(f2006, delivered),
      shipping(f2007, ["shipped"]),
      shipping(f2008, delivered),
      shipping(f2009, delivered),
      shipping(f2010, delivered),
      shipping(f2013, delivered),
      shipping(f2014, delivered),
    ].sort((a, b) => a.order.localeCompare(b.order)),
    silentOrders: [
      { order: "#2001", why: "never fulfilled" },
      { order: "#2011", why: "held for fraud review, then cancelled" },
      { order: "#2012", why: "cancelled before shipping" },
    ],
    delayNotices: [{ order: "#2001", customer: "emily", unfulfilledHours: Math.floor((input.now.getTime() - o2001.createdAt.getTime()) / 3_600_000) }],
    delays: { notices, silent },
  };
}

function hoursLate(happened: Date, arrives: Date): string {
  const hours = (arrives.getTime() - happened.getTime()) / 3_600_000;
  return hours >= 1 ? `${Math.round(hours)} h` : `${Math.round(hours * 60)} min`;
}
