import { db } from "../db.server";
import { dateOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { join, sql, type Sql } from "../db/sql.server";
import { findJobShop } from "../models/shops.server";
import { log } from "../log.server";
import { MAX_ATTRIBUTION_DAYS, parseSettings } from "../notifications/settings";
import { toE164 } from "../notifications/shipping/rules";
import type { OrderPayload } from "../webhooks/schemas";
import { alertOfSubject, TRIGGER } from "./messages.server";

// An order counts as brought by a back-in-stock alert when it contains the alerted variant, comes
// from the same email or phone, and is placed within the shop's attribution window after the alert.

// A subscription's notifiedAt is when its first alert was actually sent (not when a restock claimed
// it): an alert that failed, was skipped or still waits credits no order, and a text held for quiet
// hours counts from the morning it went.

/**
 * Whether the shop (a parameter or the outer query's column) has a subscription that was sent its
 * alert, as an SQL expression. Most shops never send one, and then no order of theirs can be
 * attributed: attributeOrder needs no query. (The (shop, status, notifiedAt) index answers it.)
 */
export function alertsSentExpression(shop: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM "StockSubscription" ss WHERE ss."shop" = ${shop} AND ss."status" = 'NOTIFIED' AND ss."notifiedAt" IS NOT NULL)`;
}

/**
 * The statement that dates the subscriptions of these just-sent messages of `shop` as told, unless
 * an earlier alert of theirs already did; null when none of them is a back-in-stock alert. To run
 * with the write that records them SENT.
 */
export function alertsSentStatement(shop: string, messages: ReadonlyArray<{ trigger: string; step: string; subject: string }>, at: Date): Sql | null {
  const ids = messages.flatMap((m) => {
    const alert = m.trigger === TRIGGER && m.step === "alert" ? alertOfSubject(m.subject) : null;
    return alert ? [alert.subscriptionId] : [];
  });
  if (ids.length === 0) return null;
  return sql`
    UPDATE "StockSubscription" SET "notifiedAt" = ${at}, "updatedAt" = ${new Date()}
    WHERE "shop" = ${shop} AND "id" IN (${join(ids)}) AND "status" = 'NOTIFIED' AND "notifiedAt" IS NULL`;
}

/**
 * Record the conversions an order (orders/create) brings; a repeat records nothing new. Returns how
 * many are new. `alertsSent`: what alertsSentExpression answered for the shop, when the caller read it.
 */
export async function attributeOrder(shop: string, order: OrderPayload, alertsSent?: boolean): Promise<number> {
  if (alertsSent === false) return 0;
  const lines = order.line_items.filter((l) => l.variant_id);
  if (lines.length === 0) return 0;
  const email = (order.email ?? order.contact_email ?? order.customer?.email ?? null)?.trim().toLowerCase() || null;
  const country = order.shipping_address?.country_code ?? order.billing_address?.country_code ?? null;
  const phone = toE164(order.phone ?? order.customer?.phone ?? order.shipping_address?.phone ?? order.billing_address?.phone ?? null, country);
  if (!email && !phone) return 0;

  // Every orders/create asks: one raw query (app/db/runner.server.ts) over the longest window a shop
  // can set, and the shop's own window only when an alert matches.
  const orderedAt = order.created_at;
  const contact = join([...(email ? [sql`"email" = ${email}`] : []), ...(phone ? [sql`"phone" = ${phone}`] : [])], " OR ");
  const matching = await (await sqlRunner()).all<{ id: string; variantId: string; notifiedAt: unknown }>(sql`
    SELECT "id", "variantId", "notifiedAt" FROM "StockSubscription"
    WHERE "shop" = ${shop} AND "status" = 'NOTIFIED' AND "variantId" IN (${join([...new Set(lines.map((l) => l.variant_id!))])})
      AND "notifiedAt" >= ${new Date(orderedAt.getTime() - MAX_ATTRIBUTION_DAYS * 86_400_000)} AND "notifiedAt" <= ${orderedAt} AND (${contact})`);
  if (matching.length === 0) return 0;
  const days = ((await findJobShop(shop))?.settings ?? parseSettings(null)).backInStock.attributionDays;
  const subs = matching.filter((s) => dateOf(s.notifiedAt).getTime() >= orderedAt.getTime() - days * 86_400_000);

  let created = 0;
  for (const sub of subs) {
    const cents = lines
      .filter((l) => l.variant_id === sub.variantId)
      .reduce((sum, l) => sum + Math.round(Number(l.price ?? 0) * 100) * l.quantity, 0);
    const before = await db.alertConversion.count({ where: { shop, orderId: order.id, subscriptionId: sub.id } });
    await db.alertConversion.upsert({
      where: { shop_orderId_subscriptionId: { shop, orderId: order.id, subscriptionId: sub.id } },
      create: { shop, orderId: order.id, subscriptionId: sub.id, variantId: sub.variantId, revenue: (cents / 100).toFixed(2), currency: order.currency ?? "", orderedAt },
      update: {},
    });
    if (before === 0) created++;
  }
  if (created > 0) log.info("backinstock.conversion", { shop, order: order.id, conversions: created });
  return created;
}
