import { db } from "../db.server";
import { assessRisk } from "../notifications/decide";
import { parseSettings } from "../notifications/settings";
import type { RiskItem } from "../notifications/types";
import { loadOrderFacts } from "./facts.server";
import { toShopFacts } from "./shops.server";

export interface AtRiskOrder extends RiskItem {
  orderName: string;
  /** What the customer was told about this order, newest first ("delay · on hold · sent"). */
  told: Array<{ step: string; status: string; at: Date }>;
}

/** How far back the screen and the digest look for open orders. */
const WINDOW_DAYS = 45;

/**
 * Every open order of the shop that is late, stalled, held or past its estimate, with why, since
 * when and what the customer has been told. The same pure rules that decide delay notices
 * (assessRisk) decide what is at risk, so the screen and the notices never disagree.
 */
export async function atRiskOrders(shop: string, now: Date): Promise<AtRiskOrder[]> {
  const shopRow = await db.shop.findUnique({ where: { domain: shop } });
  if (!shopRow) return [];
  const settings = parseSettings(shopRow.settings);
  const orders = await db.order.findMany({
    where: { shop, cancelledAt: null, test: false, placedAt: { gte: new Date(now.getTime() - WINDOW_DAYS * 86_400_000) } },
    select: { id: true, name: true },
    orderBy: { placedAt: "desc" },
    take: 2000,
  });
  const result: AtRiskOrder[] = [];
  for (const order of orders) {
    const facts = await loadOrderFacts(shop, order.id);
    if (!facts) continue;
    const { history } = facts;
    const items = assessRisk({ now, shop: toShopFacts(shopRow), settings, order: facts.order, fulfillments: facts.fulfillments, fulfillmentOrders: facts.fulfillmentOrders, history });
    if (items.length === 0) continue;
    const told = history
      .filter((h) => h.trigger === "delay")
      .map((h) => ({ step: h.step, status: h.status, at: h.createdAt }))
      .reverse();
    for (const item of items) result.push({ ...item, orderName: order.name, told });
  }
  return result.sort((a, b) => a.since.getTime() - b.since.getTime());
}
