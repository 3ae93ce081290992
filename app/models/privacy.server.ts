import { db } from "../db.server";

// The compliance webhooks' erasures (customers/redact, shop/redact).
export { redactCustomer } from "./redact-customer.server";
export { redactShop } from "./redact-shop.server";

/** A customers/data_request Shopify sent, as the merchant sees it in the admin. */
export async function dataRequests(shop: string) {
  const events = await db.webhookEvent.findMany({
    where: { shop, topic: "customers/data_request", status: { in: ["RECEIVED", "PROCESSED"] } },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: { id: true, receivedAt: true, payload: true },
  });
  return events.map((e) => {
    const p = JSON.parse(e.payload) as { customer?: { id?: unknown }; orders_requested?: unknown[] };
    return { id: e.id, receivedAt: e.receivedAt, customerId: String(p.customer?.id ?? ""), orders: (p.orders_requested ?? []).length };
  });
}

/**
 * Everything Herald holds about the customer of one data request: the orders they asked about,
 * every message to their email or phone (what it said, when, what happened), suppressions.
 * Scoped by shop: another shop's request id finds nothing.
 */
export async function customerDataExport(shop: string, requestId: string) {
  // A request whose customer was redacted since holds nothing any more (its payload is emptied).
  const event = await db.webhookEvent.findFirst({ where: { id: requestId, shop, topic: "customers/data_request", status: { in: ["RECEIVED", "PROCESSED"] } } });
  if (!event) return null;
  const p = JSON.parse(event.payload) as { customer?: { id?: unknown; email?: string | null; phone?: string | null }; orders_requested?: unknown[] };
  const email = p.customer?.email?.trim().toLowerCase() ?? null;
  const phone = p.customer?.phone?.trim() ?? null;
  const orderIds = (p.orders_requested ?? []).map(String);
  const recipients = [email, phone].filter((v): v is string => !!v);
  const [orders, messages, suppressions, stockSubscriptions] = await Promise.all([
    db.order.findMany({ where: { shop, id: { in: orderIds } } }),
    db.message.findMany({
      where: { shop, OR: [{ recipient: { in: recipients } }, { orderId: { in: orderIds } }] },
      include: { attemptsLog: { select: { number: true, outcome: true, provider: true, startedAt: true, finishedAt: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.suppression.findMany({ where: { shop, address: { in: recipients } } }),
    db.stockSubscription.findMany({ where: { shop, OR: [{ email: { in: recipients } }, { phone: { in: recipients } }] }, orderBy: { createdAt: "asc" } }),
  ]);
  const conversions = await db.alertConversion.findMany({
    where: { shop, OR: [{ subscriptionId: { in: stockSubscriptions.map((s) => s.id) } }, { orderId: { in: orderIds } }] },
    orderBy: { orderedAt: "asc" },
  });
  return {
    shop,
    requestId,
    requestedAt: event.receivedAt.toISOString(),
    customer: { id: String(p.customer?.id ?? ""), email, phone },
    orders: orders.map((o) => ({
      id: o.id,
      name: o.name,
      email: o.email,
      phone: o.phone,
      firstName: o.customerFirstName,
      lastName: o.customerLastName,
      locale: o.customerLocale,
      placedAt: o.placedAt.toISOString(),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: `${m.trigger}/${m.step}`,
      channel: m.channel,
      recipient: m.recipient,
      status: m.status,
      deliveryStatus: m.deliveryStatus,
      reason: m.reason,
      locale: m.locale,
      subject: m.renderedSubject,
      text: m.renderedText,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      attempts: m.attemptsLog,
    })),
    suppressions: suppressions.map((s) => ({ channel: s.channel, address: s.address, reason: s.reason, scope: s.scope, since: s.createdAt.toISOString() })),
    backInStockSignups: stockSubscriptions.map((s) => ({
      variantId: s.variantId,
      productId: s.productId,
      email: s.email,
      phone: s.phone,
      locale: s.locale,
      status: s.status,
      smsConfirmed: s.smsConfirmed,
      signedUpAt: s.createdAt.toISOString(),
      notifiedAt: s.notifiedAt?.toISOString() ?? null,
    })),
    backInStockConversions: conversions.map((c) => ({ orderId: c.orderId, variantId: c.variantId, revenue: c.revenue, currency: c.currency, orderedAt: c.orderedAt.toISOString() })),
  };
}
