import { db } from "../db.server";

/**
 * customers/redact: remove the customer's personal data. Order facts for the listed orders go;
 * messages to them keep only anonymous counts (trigger, step, channel, status, dates).
 */
export async function redactCustomer(
  shop: string,
  customer: { email: string | null; phone: string | null },
  orderIds: string[],
): Promise<void> {
  const recipients = [customer.email?.trim().toLowerCase(), customer.phone?.trim()].filter((v): v is string => !!v);
  await db.$transaction([
    db.message.updateMany({
      where: { shop, OR: [{ orderId: { in: orderIds } }, { recipient: { in: recipients } }] },
      data: { recipient: "redacted", renderedSubject: null, renderedHtml: null, renderedText: null, error: null },
    }),
    db.outboxItem.deleteMany({ where: { shop, to: { in: recipients } } }),
    db.fulfillmentEvent.deleteMany({ where: { shop, orderId: { in: orderIds } } }),
    db.fulfillment.deleteMany({ where: { shop, orderId: { in: orderIds } } }),
    db.order.deleteMany({ where: { shop, id: { in: orderIds } } }),
  ]);
}

/** shop/redact (48 h after uninstall): remove everything Herald holds for the shop. */
export async function redactShop(shop: string): Promise<void> {
  await db.$transaction([
    db.message.deleteMany({ where: { shop } }),
    db.outboxItem.deleteMany({ where: { shop } }),
    db.fulfillmentEvent.deleteMany({ where: { shop } }),
    db.fulfillment.deleteMany({ where: { shop } }),
    db.order.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
    db.webhookEvent.deleteMany({ where: { shop, topic: { not: "shop/redact" } } }),
    db.shop.deleteMany({ where: { domain: shop } }),
  ]);
}
