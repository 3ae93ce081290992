import type { PrismaClient } from "@prisma/client";

// A shop's back-in-stock history for the merchant's screen: two variants customers wait for, alerts
// sent, a restock and purchases after alerts. Takes the client so browser tests can seed the
// running Herald's own database.

export const SHIRT = "642667041472713922";
export const MUG = "642667041472713933";
const DAY = 86_400_000;

/** What seedScreenHistory() put in, for assertions. */
export const SEEDED = {
  /** 3 for the shirt, 1 for the mug. */
  waiting: 4,
  /** SENT back-in-stock alerts within the last 30 days. */
  alerts: 2,
  conversions: 3,
  revenue: { USD: "59.97", EUR: "24.00" },
};

export async function seedScreenHistory(db: PrismaClient, shop: string, now = new Date()) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const variant = (id: string, productTitle: string, title: string, available: boolean) =>
    db.variant.create({ data: { shop, id, productId: `${id}0`, productTitle, title, price: "19.99", available, inventoryQuantity: available ? 4 : 0, shopifyUpdatedAt: ago(1) } });
  await variant(SHIRT, "Linen Shirt", "Sand / M", false);
  await variant(MUG, "Stoneware Mug", "Moss", true);

  const subscription = (variantId: string, contact: { email?: string; phone?: string }, days: number, status = "WAITING", locale = "en") =>
    db.stockSubscription.create({
      data: {
        shop,
        variantId,
        productId: `${variantId}0`,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
        locale,
        status,
        waitingKey: status === "WAITING" ? `${shop}|${variantId}|${contact.email ?? contact.phone}` : null,
        notifiedAt: status === "NOTIFIED" ? ago(3) : null,
        createdAt: ago(days),
      },
    });
  const waiting = [
    await subscription(SHIRT, { email: "ana.garcia@example.com" }, 12, "WAITING", "es"),
    await subscription(SHIRT, { email: "marc.dubois@example.com", phone: "+33612345678" }, 6, "WAITING", "fr-CA"),
    await subscription(SHIRT, { phone: "+4915112345678" }, 2, "WAITING", "de"),
    await subscription(MUG, { email: "priya.shah@example.com" }, 1, "WAITING", "hi"),
  ];
  const told = await subscription(MUG, { email: "tom.baker@example.com" }, 9, "NOTIFIED");
  await subscription(MUG, { email: "gone@example.com" }, 20, "UNSUBSCRIBED");

  await db.restock.create({ data: { shop, variantId: MUG, units: 2, quota: 4, notified: 2, status: "DONE", detectedAt: ago(3), finishedAt: ago(3) } });
  const alert = (n: number, status: string, days: number) =>
    db.message.create({
      data: {
        shop,
        dedupKey: `${shop}|back_in_stock|restock-${n}|alert|${n}|email`,
        trigger: "back_in_stock",
        subject: `restock-${n}`,
        step: "alert",
        channel: "email",
        recipient: `customer-${n}@example.com`,
        locale: "en",
        status,
        createdAt: ago(days),
      },
    });
  await alert(1, "SENT", 3);
  await alert(2, "SENT", 3);
  await alert(3, "FAILED", 3);
  await alert(4, "SENT", 45); // before the period

  const conversion = (orderId: string, revenue: string, currency: string, days: number) =>
    db.alertConversion.create({ data: { shop, orderId, subscriptionId: told.id, variantId: MUG, revenue, currency, orderedAt: ago(days) } });
  await conversion("9001", "19.99", "USD", 2);
  await conversion("9002", "39.98", "USD", 1);
  await conversion("9003", "24.00", "EUR", 1);
  await conversion("9004", "500.00", "USD", 40); // before the period
  return { waiting, told };
}
