import { RetryLater } from "../jobs/types";
import { log } from "../log.server";
import { fetchCustomerConsent, findCustomer } from "../models/customers.server";
import { whatsappLocales } from "../models/whatsapp-templates.server";
import { decide } from "../notifications/decide";
import { smsConsentAllows } from "../notifications/reach";
import { toE164 } from "../notifications/shipping/rules";
import type { DecisionInput, Intent } from "../notifications/types";

/**
 * Decide with what Herald knows about reaching this customer by text: which steps have a WhatsApp
 * template, and the customer's SMS consent. Consent of a customer Herald has never heard of (no
 * customers/* webhook yet) is asked from Shopify only when a text depends on it, and recorded, so the
 * next message finds it locally.
 */
export async function decideWithReach(shop: string, known: DecisionInput): Promise<{ input: DecisionInput; intents: Intent[] }> {
  const { order, settings } = known;
  const texts = [...settings.shipping.channels, ...settings.delay.channels].some((c) => c !== "email");
  const customer = texts ? await orderCustomer(shop, order) : null;
  const input: DecisionInput = { ...known, reach: { whatsappLocales: texts ? await whatsappLocales(shop) : new Map(), smsMarketing: customer?.smsMarketing ?? null } };
  if (customer || !settings.consent.smsRequiresConsent) return { input, intents: decide(input) };

  // Would a text go if the customer had subscribed? Only then is their consent worth a question.
  const withConsent = { ...input, reach: { ...input.reach!, smsMarketing: "SUBSCRIBED" } };
  if (!decide(withConsent).some((i) => i.channel !== "email" && !i.skipReason)) return { input, intents: decide(input) };
  const fetched = await askConsent(shop, order.id);
  const answered = { ...input, reach: { ...input.reach!, smsMarketing: fetched?.smsMarketing ?? null } };
  return { input: answered, intents: decide(answered) };
}

/** The customer whose consent an order's texts follow: by the order's phone (the number texted), else its email. */
export function orderCustomer(shop: string, order: Pick<DecisionInput["order"], "phone" | "email" | "shippingCountry">) {
  return findCustomer(shop, { phone: toE164(order.phone, order.shippingCountry), email: order.email });
}

/**
 * At delivery, the consent rule the decision applied (applyReach), on the customer's consent as it
 * is now: a customers/update may have withdrawn it while the text waited (quiet hours, retries).
 */
export async function textConsentHolds(shop: string, settings: DecisionInput["settings"], order: Pick<DecisionInput["order"], "phone" | "email" | "shippingCountry">): Promise<boolean> {
  const customer = await orderCustomer(shop, order);
  return smsConsentAllows(settings, customer?.smsMarketing ?? null);
}

/**
 * Shopify's answer, or null when it has none. A throttled Admin API retries the evaluation later; any
 * other failure leaves consent unknown, so texts are skipped for consent while emails still go.
 */
async function askConsent(shop: string, orderId: string) {
  try {
    return await fetchCustomerConsent(shop, orderId);
  } catch (error) {
    if (error instanceof RetryLater) throw error;
    log.warn("consent.lookup_failed", { shop, order: orderId, error: String(error) });
    return null;
  }
}
