import { db } from "../db.server";

// Queries for the merchant's back-in-stock screen. Every query is scoped to one shop.

/** Variants with the most customers waiting, with the oldest wait and what Herald knows of them. */
export async function mostWantedVariants(shop: string, limit = 20) {
  const rows = await db.stockSubscription.groupBy({
    by: ["variantId"],
    where: { shop, status: "WAITING" },
    _count: { _all: true },
    _min: { createdAt: true },
    orderBy: { _count: { variantId: "desc" } },
    take: limit,
  });
  const variants = await db.variant.findMany({ where: { shop, id: { in: rows.map((r) => r.variantId) } } });
  const byId = new Map(variants.map((v) => [v.id, v]));
  return rows.map((r) => {
    const v = byId.get(r.variantId);
    return {
      variantId: r.variantId,
      productTitle: v?.productTitle ?? null,
      variantTitle: v?.title ?? null,
      imageUrl: v?.imageUrl ?? null,
      available: v?.available ?? null,
      waiting: r._count._all,
      oldestSignupAt: r._min.createdAt,
    };
  });
}

/** Alerts since `since`: customers told, and how the messages fared. */
export async function alertsSent(shop: string, since: Date) {
  const [byStatus, restocks] = await Promise.all([
    db.message.groupBy({ by: ["status"], where: { shop, trigger: "back_in_stock", step: "alert", createdAt: { gte: since } }, _count: { _all: true } }),
    db.restock.findMany({ where: { shop, detectedAt: { gte: since } }, orderBy: { detectedAt: "desc" }, take: 50 }),
  ]);
  return {
    messages: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>,
    restocks: restocks.map((r) => ({ id: r.id, variantId: r.variantId, units: r.units, quota: r.quota, notified: r.notified, status: r.status, reason: r.reason, detectedAt: r.detectedAt, finishedAt: r.finishedAt })),
  };
}

/** Orders attributed to alerts since `since`: count and revenue per currency. */
export async function conversionsSince(shop: string, since: Date) {
  const rows = await db.alertConversion.findMany({ where: { shop, orderedAt: { gte: since } }, select: { orderId: true, revenue: true, currency: true } });
  const revenue: Record<string, string> = {};
  const cents: Record<string, number> = {};
  for (const r of rows) cents[r.currency] = (cents[r.currency] ?? 0) + Math.round(Number(r.revenue) * 100);
  for (const [currency, value] of Object.entries(cents)) revenue[currency] = (value / 100).toFixed(2);
  return { conversions: rows.length, orders: new Set(rows.map((r) => r.orderId)).size, revenue };
}

/** One page of subscribers, newest first; `variantId` narrows it to one variant. */
export async function subscriberList(shop: string, opts: { variantId?: string; status?: "WAITING" | "NOTIFIED" | "UNSUBSCRIBED"; cursor?: string; take?: number } = {}) {
  const take = Math.min(opts.take ?? 50, 200);
  const rows = await db.stockSubscription.findMany({
    where: { shop, ...(opts.variantId ? { variantId: opts.variantId } : {}), ...(opts.status ? { status: opts.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
  });
  return {
    subscribers: rows.slice(0, take).map((s) => ({
      id: s.id,
      variantId: s.variantId,
      email: s.email,
      phone: s.phone,
      locale: s.locale,
      status: s.status,
      smsConfirmed: s.smsConfirmed,
      signedUpAt: s.createdAt,
      notifiedAt: s.notifiedAt,
    })),
    nextCursor: rows.length > take ? rows[take - 1].id : null,
  };
}

/** The merchant removes a waiting subscriber; false when it is not this shop's or no longer waiting. */
export async function unsubscribeSubscriber(shop: string, id: string): Promise<boolean> {
  const result = await db.stockSubscription.updateMany({ where: { id, shop, status: "WAITING" }, data: { status: "UNSUBSCRIBED", waitingKey: null } });
  return result.count === 1;
}

/** Customers waiting, across every variant. */
export function waitingCount(shop: string): Promise<number> {
  return db.stockSubscription.count({ where: { shop, status: "WAITING" } });
}

/** Whether the shop has any sign-up at all (the storefront block is in use). */
export async function hasSubscriptions(shop: string): Promise<boolean> {
  return (await db.stockSubscription.findFirst({ where: { shop }, select: { id: true } })) !== null;
}

/** When each of these variants was last restocked (absent: never, as far as Herald knows). */
export async function lastRestocks(shop: string, variantIds: string[]): Promise<Map<string, Date>> {
  const rows = await db.restock.groupBy({ by: ["variantId"], where: { shop, variantId: { in: variantIds } }, _max: { detectedAt: true } });
  return new Map(rows.flatMap((r) => (r._max.detectedAt ? [[r.variantId, r._max.detectedAt] as const] : [])));
}

/** Product and variant titles of these variants, as Herald recorded them. */
export async function variantNames(shop: string, variantIds: string[]): Promise<Map<string, { productTitle: string; variantTitle: string }>> {
  const rows = await db.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true, productTitle: true, title: true } });
  return new Map(rows.map((v) => [v.id, { productTitle: v.productTitle, variantTitle: v.title }]));
}

/** Whether this subscription is the shop's (another shop's is as good as absent). */
export async function subscriptionOfShop(shop: string, id: string): Promise<boolean> {
  return (await db.stockSubscription.findFirst({ where: { id, shop }, select: { id: true } })) !== null;
}
