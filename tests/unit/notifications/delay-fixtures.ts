import type { CarrierEventFact, DecisionInput, FulfillmentFacts, HistoryRecord } from "~/notifications/types";
import { fulfillment, input, order, settings, shop, withDelay, type DelayPatch } from "./fixtures";

// Scenario builders for delay notices: a shop zone, facts and a controllable clock.

export const NEW_YORK = "America/New_York";
export const KOLKATA = "Asia/Kolkata";
export const NAIROBI = "Africa/Nairobi";

export const t = (iso: string) => new Date(iso);

export function scan(status: string, happenedAt: string, estimate: string | null = null, id = `ev-${status}-${happenedAt}`): CarrierEventFact {
  return { id, status, happenedAt: t(happenedAt), estimatedDeliveryAt: estimate ? t(estimate) : null, message: null };
}

/** A package of order 5001, shipped (Shopify "success"), with these scans. */
export function pkg(events: CarrierEventFact[], overrides: Partial<FulfillmentFacts> = {}): FulfillmentFacts {
  return fulfillment({ createdAt: t("2026-11-16T03:00:00Z"), updatedAt: t("2026-11-16T03:00:00Z"), events, ...overrides });
}

export interface Given {
  zone: string;
  now: string;
  placedAt?: string;
  fulfillments?: FulfillmentFacts[];
  fulfillmentOrders?: DecisionInput["fulfillmentOrders"];
  history?: HistoryRecord[];
  delay?: DelayPatch;
  shipping?: Parameters<typeof settings>[0];
  shippingSteps?: Parameters<typeof settings>[1];
  cancelled?: boolean;
  test?: boolean;
  /** The order's address; by default one in the shop's zone (the days a customer is told are counted in theirs). */
  shipTo?: { country: string | null; province: string | null };
}

// An address in each zone the tables use, so the customer's days are the shop's unless a test says otherwise.
const ADDRESS_IN: Record<string, { country: string; province: string | null }> = {
  [NEW_YORK]: { country: "US", province: "NY" },
  [KOLKATA]: { country: "IN", province: "KL" },
  [NAIROBI]: { country: "KE", province: null },
};

export function facts(g: Given): DecisionInput {
  return input({
    now: t(g.now),
    shop: shop({ timezone: g.zone }),
    order: order({
      placedAt: t(g.placedAt ?? "2026-11-16T02:00:00Z"),
      cancelledAt: g.cancelled ? t(g.now) : null,
      test: g.test ?? false,
      shippingCountry: (g.shipTo ?? ADDRESS_IN[g.zone])?.country ?? "IN",
      shippingProvince: (g.shipTo ?? ADDRESS_IN[g.zone])?.province ?? "KL",
    }),
    fulfillments: g.fulfillments ?? [],
    fulfillmentOrders: g.fulfillmentOrders ?? [],
    history: g.history ?? [],
    settings: withDelay(g.delay ?? {}, settings(g.shipping ?? {}, g.shippingSteps ?? {})),
  });
}
