import { RetryLater } from "../jobs/types";
import { log } from "../log.server";
import { fetchCustomerConsent, findCustomer, smsConsentFor } from "../models/customers.server";
import { addressSuppressions } from "../models/suppressions.server";
import { whatsappLocales } from "../models/whatsapp-templates.server";
import { decide } from "../notifications/decide";
import { smsConsentAllows } from "../notifications/reach";
import { recipientFor, toE164 } from "../notifications/shipping/rules";
import type { DecisionInput, Intent } from "../notifications/types";

/**
 * Decide with what Herald knows about reaching this customer: which steps have a WhatsApp template,
 * the SMS consent given for the order's number, and the suppressions of the order's email and
 * number. Consent of a customer Herald has never heard of (no customers/* webhook yet) is asked from
 * Shopify only when a text depends on it, and recorded, so the next message finds it locally.
 */
export async function decideWithReach(shop: string, known: DecisionInput): Promise<{ input: DecisionInput; intents: Intent[] }> {
  const { order, settings } = known;
  const texts = [...settings.shipping.channels, ...settings.delay.channels].some((c) => c !== "email");
  const customer = texts ? await orderCustomer(shop, order) : null;
  const input: DecisionInput = {
    ...known,
    reach: { whatsappLocales: texts ? await whatsappLocales(shop) : new Map(), smsMarketing: customer?.smsMarketing ?? null, suppressions: await suppressionsFor(shop, known) },
  };
  if (customer || !settings.consent.smsRequiresConsent) return { input, intents: decide(input) };

  // Would a text go if the customer had subscribed? Only then is their consent worth a question.
  const withConsent = { ...input, reach: { ...input.reach!, smsMarketing: "SUBSCRIBED" } };
  if (!decide(withConsent).some((i) => i.channel !== "email" && !i.skipReason)) return { input, intents: decide(input) };
  const fetched = await askConsent(shop, order.id);
  // Shopify answers with the customer's default number: its consent counts only if that is the order's.
  const answered = { ...input, reach: { ...input.reach!, smsMarketing: smsConsentFor(fetched, toE164(order.phone, order.shippingCountry)) } };
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
 * The suppressions of the order's email and number, where the decision chooses a channel
 * ("first_available" among several): a suppressed one is passed over for the next. With "all",
 * delivery's own check skips a suppressed message, as it does a suppression that arrives later.
 */
async function suppressionsFor(shop: string, known: DecisionInput) {
  const { shipping, delay } = known.settings;
  const choosing = [shipping, delay].some((p) => p.channelMode === "first_available" && p.channels.length > 1);
  if (!choosing) return [];
  return addressSuppressions(shop, { email: recipientFor(known.order, "email"), phone: recipientFor(known.order, "sms") });
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
