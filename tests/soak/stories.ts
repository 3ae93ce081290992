/**
 * The soak's stories: orders across several shops and customers, each shipped in one or two
 * parcels whose carrier news arrives in order, with the shipping messages Herald's default
 * settings must send for them (email only; no "in transit" message; nothing for cancelled or
 * unfulfilled orders or for a customer without an email).
 *
 * Each story is a list of groups: the webhooks one merchant or carrier action causes (e.g.
 * fulfillments/create + orders/updated, or a carrier scan + fulfillments/update), sent together.
 * The soak sends a story's next group only once Herald has handled the previous one (and sent
 * its message), so the expected set does not depend on timing; across stories, order is random.
 */
import { randomUUID } from "node:crypto";
import { person, signedDelivery, Store, type Delivery, type Person } from "../bench/payloads";
import type { StoryFulfillment } from "../simulator/scenario/payloads";

/** A message Herald must send: one email per (shop, fulfillment, step). */
export interface Expected {
  shop: string;
  fulfillmentId: string;
  step: string;
  /** Lower-cased. */
  recipient: string;
}

export const expectedKey = (e: { shop: string; fulfillmentId: string; step: string }) => `${e.shop}|${e.fulfillmentId}|${e.step}`;

export interface Group {
  deliveries: Delivery[];
  /** The message this group must produce (and that must be sent before the story goes on). */
  expects: Expected | null;
}

export interface Story {
  id: number;
  shop: string;
  orderId: string;
  kind: string;
  groups: Group[];
}

export interface Customer extends Person {
  /** For the log scan: every way this customer's contact details could appear. */
  pii: string[];
}

/** Status paths a parcel takes after it ships; each is in the order carriers report it. */
const PATHS: Array<{ weight: number; statuses: string[] }> = [
  { weight: 40, statuses: ["in_transit", "out_for_delivery", "delivered"] },
  { weight: 12, statuses: ["confirmed", "in_transit", "out_for_delivery", "delivered"] },
  { weight: 10, statuses: ["in_transit", "out_for_delivery", "attempted_delivery", "delivered"] },
  { weight: 8, statuses: ["in_transit", "attempted_delivery", "ready_for_pickup", "delivered"] },
  { weight: 6, statuses: ["in_transit", "out_for_delivery", "failure"] },
  { weight: 12, statuses: ["in_transit"] },
  { weight: 6, statuses: ["in_transit", "out_for_delivery"] },
];

/** Herald's default shipping steps (app/notifications/settings.ts): "in transit" is off; pre-transit scans are no step. */
const SENDS_BY_DEFAULT = new Set(["out_for_delivery", "attempted_delivery", "ready_for_pickup", "delivered", "failure"]);

export interface Generated {
  stories: Story[];
  customers: Customer[];
  shops: string[];
  /** Unique webhook events (duplicates not counted). */
  events: number;
  expected: Expected[];
}

/** Stories until they hold at least `events` webhook events. Deterministic for a seed (webhook ids aside). */
export function generateStories(opts: { events: number; shops: number; seed: number; secret: string; now?: Date }): Generated {
  const now = opts.now ?? new Date();
  const shops = Array.from({ length: opts.shops }, (_, i) => `soak-${i + 1}.myshopify.com`);
  const zones = ["America/New_York", "Europe/Madrid", "Asia/Kolkata", "Africa/Nairobi"];
  const stores = shops.map((shop, i) => new Store(shop, opts.seed * 100 + i, zones[i % zones.length]));
  const customers: Customer[][] = stores.map((store, s) =>
    Array.from({ length: 40 }, (_, n) => {
      const p = person(store.random, s * 1000 + n, `soak${s + 1}`, { email: store.random.next() >= 0.05 });
      const pii = [p.email, p.phone, p.phone?.slice(1), `${p.firstName} ${p.lastName}`].filter((v): v is string => Boolean(v));
      return { ...p, pii };
    }),
  );

  const stories: Story[] = [];
  let events = 0;
  let orderNumber = 1000;
  const ids = { n: 0 };
  const nextId = () => 6_000_000_000_000 + ++ids.n * 7;
  while (events < opts.events) {
    const s = stories.length % stores.length;
    const store = stores[s];
    const shop = shops[s];
    const r = store.random;
    const who = r.pick(customers[s]);
    const placed = new Date(now.getTime() - (6 * 60 + r.int(0, 60)) * 60_000);
    const at = (minutes: number) => new Date(placed.getTime() + minutes * 60_000);
    const order = store.order(++orderNumber, who, placed, nextId());
    const groups: Group[] = [];
    const send = (topic: string, body: string, triggeredAt: Date) => signedDelivery(topic, shop, body, opts.secret, randomUUID(), triggeredAt.toISOString());
    groups.push({ deliveries: [send("orders/create", store.orderBody(order, { updatedAt: placed }), placed)], expects: null });

    const roll = r.next();
    let kind: string;
    if (roll < 0.05) {
      kind = "cancelled";
      const cancelledAt = at(30);
      const body = store.orderBody(order, { updatedAt: cancelledAt, cancelledAt });
      groups.push({ deliveries: [send("orders/cancelled", body, cancelledAt), send("orders/updated", body, cancelledAt)], expects: null });
    } else if (roll < 0.1) {
      kind = "unfulfilled";
    } else {
      const split = order.lines.length > 1 && r.next() < 0.35;
      const parcels: StoryFulfillment[] = split
        ? order.lines.map((line, i) => store.fulfillment(order, i + 1, [line.id], at(60 + i * 15), nextId()))
        : [store.fulfillment(order, 1, order.lines.map((l) => l.id), at(60), nextId())];
      kind = split ? "split" : "parcel";
      const shipped: StoryFulfillment[] = [];
      for (const [i, f] of parcels.entries()) {
        shipped.push(f);
        const expect = (step: string): Expected | null =>
          who.email ? { shop, fulfillmentId: String(f.id), step, recipient: who.email.toLowerCase() } : null;
        // Fulfilling updates the order too: one merchant action, two webhooks.
        groups.push({
          deliveries: [
            send("fulfillments/create", store.fulfillmentBody(f, { updatedAt: f.createdAt, shipmentStatus: null }), f.createdAt),
            send("orders/updated", store.orderBody(order, { updatedAt: f.createdAt, fulfillments: [...shipped] }), f.createdAt),
          ],
          expects: expect("shipped"),
        });
        const path = weighted(r, PATHS);
        kind += `:${path.join(">")}`;
        for (const [k, status] of path.entries()) {
          const happened = at(90 + i * 15 + k * 40);
          const deliveries = [send("fulfillment_events/create", store.carrierEventBody(f, status, happened, nextId()), happened)];
          // Carriers' news often comes twice: the event, and the fulfillment's shipment_status.
          if (r.next() < 0.3) deliveries.push(send("fulfillments/update", store.fulfillmentBody(f, { updatedAt: happened, shipmentStatus: status }), happened));
          groups.push({ deliveries, expects: SENDS_BY_DEFAULT.has(status) ? expect(status) : null });
        }
      }
    }
    events += groups.reduce((n, g) => n + g.deliveries.length, 0);
    stories.push({ id: stories.length, shop, orderId: String(order.id), kind, groups });
  }
  const expected = stories.flatMap((s) => s.groups.map((g) => g.expects).filter((e): e is Expected => e !== null));
  return { stories, customers: customers.flat(), shops, events, expected };
}

function weighted(r: Store["random"], paths: typeof PATHS): string[] {
  const total = paths.reduce((n, p) => n + p.weight, 0);
  let x = r.next() * total;
  for (const p of paths) {
    x -= p.weight;
    if (x < 0) return p.statuses;
  }
  return paths[0].statuses;
}
