import { z } from "zod";
import { db, type Tx } from "../db.server";
import { toE164 } from "../notifications/shipping/rules";
import { adminQuery } from "../shopify/admin.server";
import { ORDER_CUSTOMER_CONSENT_QUERY } from "../shopify/queries";
import type { CustomerPayload } from "../webhooks/schemas";

// What Herald knows of a shop's customers: contact details and Shopify's marketing consent
// (marketingState: SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, PENDING, REDACTED, INVALID). Filled by the
// customers/create and customers/update webhooks, and by the Admin API when a text is due for a
// customer Herald has not heard of. Every query is scoped by shop.

/** A customer's contact details and consent, as stored. */
export interface CustomerConsent {
  id: string;
  email: string | null;
  phone: string | null;
  emailMarketing: string | null;
  smsMarketing: string | null;
  updatedAt: Date;
}

/**
 * Keep the newer of what we hold and `customer`: webhooks are retried and arrive out of order, so an
 * older payload (by Shopify's updated_at) never overwrites a newer one. Returns true when stored.
 */
export async function upsertCustomer(tx: Tx, shop: string, customer: CustomerConsent): Promise<boolean> {
  const data = {
    email: customer.email?.trim().toLowerCase() || null,
    phone: customer.phone,
    emailMarketing: customer.emailMarketing,
    smsMarketing: customer.smsMarketing,
    shopifyUpdatedAt: customer.updatedAt,
  };
  const existing = await tx.customer.findUnique({ where: { shop_id: { shop, id: customer.id } }, select: { shopifyUpdatedAt: true } });
  if (!existing) {
    await tx.customer.create({ data: { shop, id: customer.id, ...data } });
    return true;
  }
  if (existing.shopifyUpdatedAt.getTime() > customer.updatedAt.getTime()) return false;
  await tx.customer.update({ where: { shop_id: { shop, id: customer.id } }, data });
  return true;
}

/** customers/create and customers/update. */
export async function recordCustomer(tx: Tx, shop: string, p: CustomerPayload): Promise<void> {
  await upsertCustomer(tx, shop, {
    id: p.id,
    email: p.email,
    phone: toE164(p.phone, p.default_address?.country_code ?? null) ?? p.phone,
    emailMarketing: p.email_marketing_consent,
    smsMarketing: p.sms_marketing_consent,
    updatedAt: p.updated_at,
  });
}

/**
 * The customer an order's text goes to: by phone first (the number texted), else by email. Its
 * smsMarketing is the consent that holds for `contact.phone` (smsConsentFor): a customer found by
 * email, whose consent was given for another number or none, has null there.
 */
export async function findCustomer(shop: string, contact: { phone: string | null; email: string | null }): Promise<CustomerConsent | null> {
  const email = contact.email?.trim().toLowerCase() || null;
  const or = [...(contact.phone ? [{ phone: contact.phone }] : []), ...(email ? [{ email }] : [])];
  if (or.length === 0) return null;
  const rows = await db.customer.findMany({ where: { shop, OR: or }, orderBy: { shopifyUpdatedAt: "desc" } });
  const row = rows.find((r) => contact.phone && r.phone === contact.phone) ?? rows[0];
  if (!row) return null;
  const customer = { id: row.id, email: row.email, phone: row.phone, emailMarketing: row.emailMarketing, smsMarketing: row.smsMarketing, updatedAt: row.shopifyUpdatedAt };
  return { ...customer, smsMarketing: smsConsentFor(customer, contact.phone) };
}

/**
 * The customer's SMS marketing state for texts to `phone`: theirs when it is the number they gave,
 * else null (no consent for this number). SMS and WhatsApp consent is given for one number: a
 * SUBSCRIBED state for one never authorises a text to another.
 */
export function smsConsentFor(customer: CustomerConsent | null, phone: string | null): string | null {
  return customer && phone && customer.phone === phone ? customer.smsMarketing : null;
}

const consentAnswer = z.object({
  order: z
    .object({
      customer: z
        .object({
          id: z.string(),
          updatedAt: z.coerce.date(),
          defaultEmailAddress: z.object({ emailAddress: z.string().nullish(), marketingState: z.string() }).nullish(),
          defaultPhoneNumber: z.object({ phoneNumber: z.string().nullish(), marketingState: z.string() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

/**
 * Ask Shopify for the consent of an order's customer and record it. Null when the order has no
 * customer (a guest checkout Shopify keeps no consent for).
 */
export async function fetchCustomerConsent(shop: string, orderId: string): Promise<CustomerConsent | null> {
  const data = consentAnswer.parse(await adminQuery(shop, ORDER_CUSTOMER_CONSENT_QUERY, { id: `gid://shopify/Order/${orderId}` }));
  const c = data.order?.customer;
  if (!c) return null;
  const consent: CustomerConsent = {
    id: c.id.slice(c.id.lastIndexOf("/") + 1),
    email: c.defaultEmailAddress?.emailAddress ?? null,
    phone: toE164(c.defaultPhoneNumber?.phoneNumber ?? null, null) ?? c.defaultPhoneNumber?.phoneNumber ?? null,
    emailMarketing: c.defaultEmailAddress?.marketingState ?? null,
    smsMarketing: c.defaultPhoneNumber?.marketingState ?? null,
    updatedAt: c.updatedAt,
  };
  await upsertCustomer(db, shop, consent);
  return consent;
}
