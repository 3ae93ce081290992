import { shopIdFor } from "../server/state";
import { loadFixture } from "../webhooks/fixtures";
import { tracking } from "./carriers";
import { CUSTOMERS } from "./cast";
import {
  carrierEventPayload,
  fulfillmentPayload,
  newCarrierEvent,
  newFulfillment,
  newOrder,
  orderPayload,
  storeContext,
  type CarrierEvent,
  type ScanPlace,
  type StoryFulfillment,
  type StoryOrder,
} from "./payloads";
import { seededRandom } from "./random";
import { storyTime } from "./time";
import type { Delivery, Scenario, ScenarioInput, ScenarioStep } from "./types";

const PLACES = {
  hodgkins: { city: "Hodgkins", province: "Illinois", country: "US", zip: "60525" },
  portland: { city: "Portland", province: "Oregon", country: "US", zip: "97202" },
  cincinnati: { city: "Hebron", province: "Kentucky", country: "US", zip: "41048" },
  memphis: { city: "Memphis", province: "Tennessee", country: "US", zip: "38118" },
  guadalajara: { city: "Guadalajara", province: "Jalisco", country: "MX", zip: "44160" },
  bengaluru: { city: "Bengaluru", province: "Karnataka", country: "IN", zip: "562123" },
  lucknow: { city: "Lucknow", province: "Uttar Pradesh", country: "IN", zip: "226010" },
  kochi: { city: "Kochi", province: "Kerala", country: "IN", zip: "682016" },
  leipzig: { city: "Leipzig", province: null, country: "DE", zip: "04435" },
} satisfies Record<string, ScanPlace>;

/**
 * "shipping": five customers (en, es-MX, hi-IN, ml-IN, sw-KE) and seven orders over four days.
 * A plain shipment with a duplicated fulfillments/create and a retried out_for_delivery; a split
 * shipment; an SMS-only customer whose out_for_delivery and an earlier in_transit arrive after
 * "delivered"; a failed delivery attempt then delivery; an international parcel still in transit;
 * an order unfulfilled for four days (delayed); an order cancelled before it shipped.
 */
export function buildShippingScenario(input: ScenarioInput): Scenario {
  const random = seededRandom(input.seed);
  const ctx = storeContext({
    shop: input.shop,
    shopId: shopIdFor(input.shop),
    timezone: input.timezone,
    currency: input.currency,
    random,
    base: {
      order: loadFixture("orders/create", input.fixturesDir),
      fulfillment: loadFixture("fulfillments/create", input.fixturesDir),
      fulfillmentEvent: loadFixture("fulfillment_events/create", input.fixturesDir),
    },
  });
  const now = input.now;
  const t = (hours: number) => storyTime(now, hours);
  const steps: ScenarioStep[] = [];

  const push = (
    topic: string,
    payload: Record<string, unknown>,
    at: Date,
    description: string,
    about: { order: StoryOrder; fulfillment?: StoryFulfillment },
    options: { eventId?: string; delivery?: Delivery; pauseMs?: number } = {},
  ): ScenarioStep => {
    const step: ScenarioStep = {
      topic,
      body: JSON.stringify(payload),
      webhookId: random.uuid(),
      eventId: options.eventId ?? random.uuid(),
      triggeredAt: at.toISOString(),
      delivery: options.delivery ?? "first",
      concurrent: false,
      pauseMs: options.pauseMs ?? 300 + random.int(0, 120),
      description,
      order: about.order.name,
      fulfillment: about.fulfillment?.name ?? null,
      customer: about.order.customer.key,
    };
    steps.push(step);
    return step;
  };
  const again = (step: ScenarioStep, delivery: "duplicate" | "retry", options: { concurrent?: boolean; pauseMs?: number } = {}) => {
    const copy: ScenarioStep = {
      ...step,
      delivery,
      concurrent: options.concurrent ?? false,
      pauseMs: options.concurrent ? 0 : (options.pauseMs ?? 250),
    };
    steps.push(copy);
    return copy;
  };

  const created = (order: StoryOrder, at: Date) => {
    const step = push("orders/create", orderPayload(ctx, order, { updatedAt: at }), at, `${order.name} placed (${order.customer.locale}, ${order.lines.length} line${order.lines.length === 1 ? "" : "s"})`, { order });
    // Herald asks the store for the consent of a customer it has not heard of before texting them.
    const c = order.customer;
    step.platformRecords = [{
      kind: "customer",
      id: `gid://shopify/Customer/${ctx.customerIds[c.key]}`,
      orderIds: [`gid://shopify/Order/${order.id}`],
      email: c.email,
      phone: c.phone,
      emailMarketing: c.emailMarketing,
      smsMarketing: c.smsMarketing,
    }];
    return step;
  };

  const shipped = (f: StoryFulfillment, shippedSoFar: StoryFulfillment[], options: { racingDuplicate?: boolean } = {}) => {
    const eventId = random.uuid();
    const step = push("fulfillments/create", fulfillmentPayload(ctx, f, { updatedAt: f.createdAt, shipmentStatus: null }), f.createdAt,
      `${f.name} shipped with ${f.tracking.company} ${f.tracking.number}`, { order: f.order, fulfillment: f }, { eventId });
    if (options.racingDuplicate) again(step, "duplicate", { concurrent: true });
    // Fulfilling an order also updates it: same merchant action, same event id.
    const done = new Set(shippedSoFar.flatMap((s) => s.lineIds));
    const all = f.order.lines.every((l) => done.has(l.id));
    push("orders/updated", orderPayload(ctx, f.order, { updatedAt: f.createdAt, fulfillments: shippedSoFar }), f.createdAt,
      `${f.order.name} updated: ${all ? "fulfilled" : "partially fulfilled"}`, { order: f.order, fulfillment: f }, { eventId, pauseMs: 60 });
    return step;
  };

  const scan = (event: CarrierEvent, options: { delivery?: Delivery; withFulfillmentUpdate?: boolean } = {}) => {
    const eventId = random.uuid();
    const f = event.fulfillment;
    const step = push("fulfillment_events/create", carrierEventPayload(ctx, event), event.happenedAt,
      `${f.name} ${event.status} (${f.tracking.company}, ${event.place.city ?? event.place.country})`, { order: f.order, fulfillment: f },
      { eventId, delivery: options.delivery });
    if (options.withFulfillmentUpdate) {
      // A carrier status change also updates the fulfillment's shipment_status: a second webhook
      // telling the same news. Herald must still send one message.
      push("fulfillments/update", fulfillmentPayload(ctx, f, { updatedAt: event.happenedAt, shipmentStatus: event.status }), event.happenedAt,
        `${f.name} shipment_status=${event.status}`, { order: f.order, fulfillment: f }, { eventId, pauseMs: 60 });
    }
    return step;
  };

  // ---- the cast's orders ----------------------------------------------------------------------
  const { emily, sofia, priya, anjali, neema } = CUSTOMERS;
  const o1006 = newOrder(ctx, 1006, neema, [["kettle", 1]], t(-96));
  const o1001 = newOrder(ctx, 1001, emily, [["mug", 2], ["coffee", 1]], t(-52));
  const o1002 = newOrder(ctx, 1002, sofia, [["kettle", 1], ["towels", 1], ["coffee", 2]], t(-50));
  const o1003 = newOrder(ctx, 1003, priya, [["coffee", 3]], t(-49));
  const o1004 = newOrder(ctx, 1004, anjali, [["board", 1], ["mug", 1]], t(-47));
  const o1005 = newOrder(ctx, 1005, neema, [["kikoy", 1]], t(-46));
  const o1007 = newOrder(ctx, 1007, sofia, [["mug", 4]], t(-30));

  const f1001 = newFulfillment(ctx, o1001, 1, o1001.lines.map((l) => l.id), tracking("UPS", random), t(-26));
  const f1002a = newFulfillment(ctx, o1002, 1, [o1002.lines[0].id], tracking("DHL Express", random), t(-25));
  const f1003 = newFulfillment(ctx, o1003, 1, o1003.lines.map((l) => l.id), tracking("Delhivery", random), t(-24));
  const f1004 = newFulfillment(ctx, o1004, 1, o1004.lines.map((l) => l.id), tracking("India Post", random), t(-23));
  const f1005 = newFulfillment(ctx, o1005, 1, o1005.lines.map((l) => l.id), tracking("DHL Express", random), t(-22));
  const f1002b = newFulfillment(ctx, o1002, 2, [o1002.lines[1].id, o1002.lines[2].id], tracking("FedEx", random), t(-12));

  // ---- deliveries, in the order Herald receives them --------------------------------------------
  created(o1006, o1006.createdAt);
  // #1006 waits for stock: the merchant puts its fulfillment order on hold. The payload does not
  // name the order, so Herald asks Shopify (GraphQL FulfillmentOrderOrder); the simulator must know.
  const heldAt = t(-70);
  const foId = `gid://shopify/FulfillmentOrder/${random.shopifyId()}`;
  const hold = {
    id: `gid://shopify/FulfillmentHold/${random.shopifyId()}`,
    reason: "inventory_out_of_stock",
    reason_notes: "Brass kettles are back in stock next week",
    held_by_requesting_app: false,
    handle: "restock-brass-kettle",
    held_by_app: null,
  };
  const holdBase = loadFixture("fulfillment_orders/placed_on_hold", input.fixturesDir);
  const holdStep = push(
    "fulfillment_orders/placed_on_hold",
    {
      ...holdBase,
      fulfillment_order: { id: foId, status: "on_hold", fulfillment_holds: [hold] },
      remaining_fulfillment_order: null,
      held_fulfillment_order_line_items: [{ id: `gid://shopify/FulfillmentOrderLineItem/${random.shopifyId()}`, quantity: 1 }],
      created_fulfillment_hold: hold,
    },
    heldAt,
    `${o1006.name} on hold: out of stock`,
    { order: o1006 },
  );
  holdStep.platformRecords = [{ kind: "fulfillmentOrder", id: foId, orderId: `gid://shopify/Order/${o1006.id}`, status: "on_hold" }];

  created(o1001, o1001.createdAt);
  created(o1002, o1002.createdAt);
  created(o1003, o1003.createdAt);
  created(o1004, o1004.createdAt);
  created(o1005, o1005.createdAt);
  created(o1007, o1007.createdAt);

  const cancelledAt = t(-28);
  const cancelEvent = random.uuid();
  push("orders/cancelled", orderPayload(ctx, o1007, { updatedAt: cancelledAt, cancelledAt }), cancelledAt, `${o1007.name} cancelled by the customer`, { order: o1007 }, { eventId: cancelEvent });
  push("orders/updated", orderPayload(ctx, o1007, { updatedAt: cancelledAt, cancelledAt }), cancelledAt, `${o1007.name} updated: cancelled`, { order: o1007 }, { eventId: cancelEvent, pauseMs: 60 });

  shipped(f1001, [f1001], { racingDuplicate: true });
  shipped(f1002a, [f1002a]);
  shipped(f1003, [f1003]);
  shipped(f1004, [f1004]);
  shipped(f1005, [f1005]);

  scan(newCarrierEvent(ctx, f1001, "in_transit", t(-20), "Departed from facility", PLACES.hodgkins));
  scan(newCarrierEvent(ctx, f1003, "in_transit", t(-19), "Dispatched from Bengaluru hub", PLACES.bengaluru));
  scan(newCarrierEvent(ctx, f1002a, "in_transit", t(-18), "Shipment is in transit", PLACES.cincinnati));
  scan(newCarrierEvent(ctx, f1004, "in_transit", t(-16), "Item dispatched", PLACES.bengaluru));
  scan(newCarrierEvent(ctx, f1005, "in_transit", t(-14), "Processed at LEIPZIG - GERMANY", PLACES.leipzig, t(72)));
  shipped(f1002b, [f1002a, f1002b]);

  const emilyOut = scan(newCarrierEvent(ctx, f1001, "out_for_delivery", t(-8), "Out for delivery today", PLACES.portland));
  scan(newCarrierEvent(ctx, f1002a, "out_for_delivery", t(-7), "With delivery courier", PLACES.guadalajara));
  scan(newCarrierEvent(ctx, f1004, "attempted_delivery", t(-6), "Addressee not available, item retained", PLACES.kochi));
  scan(newCarrierEvent(ctx, f1002b, "in_transit", t(-5), "Departed FedEx hub", PLACES.memphis));
  scan(newCarrierEvent(ctx, f1001, "delivered", t(-4), "Delivered, left at front door", PLACES.portland), { withFulfillmentUpdate: true });

  // Priya's parcel: "delivered" reaches Herald before the scans that preceded it.
  const priyaOut = newCarrierEvent(ctx, f1003, "out_for_delivery", t(-3.5), "Out for delivery", PLACES.lucknow);
  const priyaHub = newCarrierEvent(ctx, f1003, "in_transit", t(-10), "Arrived at Lucknow hub", PLACES.lucknow);
  scan(newCarrierEvent(ctx, f1003, "delivered", t(-3), "Delivered", PLACES.lucknow));

  again(emilyOut, "retry", { pauseMs: 600 });
  scan(newCarrierEvent(ctx, f1002a, "delivered", t(-2), "Delivered - signed for by SOFIA", PLACES.guadalajara), { withFulfillmentUpdate: true });
  scan(priyaOut, { delivery: "late" });
  scan(priyaHub, { delivery: "late" });
  const anjaliDelivered = scan(newCarrierEvent(ctx, f1004, "delivered", t(-1), "Item delivered", PLACES.kochi));
  again(anjaliDelivered, "duplicate", { pauseMs: 150 });
  scan(newCarrierEvent(ctx, f1002b, "out_for_delivery", t(-0.5), "On FedEx vehicle for delivery", PLACES.guadalajara));

  const expectation = (f: StoryFulfillment, stepsSent: Scenario["fulfillments"][number]["steps"], never: Scenario["fulfillments"][number]["never"] = []) => ({
    order: f.order.name,
    fulfillment: f.name,
    orderId: String(f.order.id),
    fulfillmentId: String(f.id),
    customer: f.order.customer.key,
    carrier: f.tracking.company,
    trackingNumber: f.tracking.number,
    steps: stepsSent,
    never,
  });

  return {
    name: "shipping",
    title: "Five customers, seven orders, four days of shipping news",
    seed: input.seed,
    now: now.toISOString(),
    shop: input.shop,
    orders: [
      { name: "#1001", customer: "emily", story: "UPS, duplicate fulfillments/create, retried out_for_delivery, delivered" },
      { name: "#1002", customer: "sofia", story: "split: DHL Express parcel delivered, FedEx parcel out for delivery" },
      { name: "#1003", customer: "priya", story: "no email (SMS only); out_for_delivery and an in_transit arrive after delivered" },
      { name: "#1004", customer: "anjali", story: "India Post: failed attempt, then delivered (delivered arrives twice)" },
      { name: "#1005", customer: "neema", story: "DHL Express to Kenya, in transit with an estimated delivery date" },
      { name: "#1006", customer: "neema", story: "unfulfilled for 96 hours, on hold since hour 26 (out of stock): delayed" },
      { name: "#1007", customer: "sofia", story: "cancelled by the customer before shipping" },
    ],
    steps,
    fulfillments: [
      expectation(f1001, ["shipped", "in_transit", "out_for_delivery", "delivered"], [
        { step: "shipped", why: "fulfillments/create arrived twice with one webhook id" },
        { step: "out_for_delivery", why: "Shopify retried the webhook (same id)" },
        { step: "delivered", why: "fulfillments/update repeats fulfillment_events/create's news" },
      ]),
      expectation(f1002a, ["shipped", "in_transit", "out_for_delivery", "delivered"], [
        { step: "delivered", why: "fulfillments/update repeats fulfillment_events/create's news" },
      ]),
      expectation(f1002b, ["shipped", "in_transit", "out_for_delivery"]),
      expectation(f1003, ["shipped", "in_transit", "delivered"], [
        { step: "out_for_delivery", why: "arrived after delivered (happened earlier): stale" },
        { step: "in_transit", why: "a second, older in_transit arrived after delivered: stale and already told" },
      ]),
      expectation(f1004, ["shipped", "in_transit", "attempted_delivery", "delivered"], [
        { step: "delivered", why: "the same webhook was delivered twice" },
      ]),
      expectation(f1005, ["shipped", "in_transit"]),
    ],
    silentOrders: [
      { order: "#1006", why: "never fulfilled: no shipping news (a delay notice instead, once Herald has one)" },
      { order: "#1007", why: "cancelled before shipping (and Herald's default is no messages for cancelled orders)" },
    ],
    delayNotices: [{ order: "#1006", customer: "neema", unfulfilledHours: 96 }],
  };
}
