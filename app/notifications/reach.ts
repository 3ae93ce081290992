import { resolveLocale } from "./locale";
import type { ShopSettings } from "./settings";
import type { DecisionInput, Intent, SuppressionFact } from "./types";

/** WhatsApp outside the 24-hour window needs an approved template: none mapped, the channel is off. */
export const WHATSAPP_NOT_CONFIGURED = "whatsapp_not_configured";
/** The shop's policy asks for SMS consent and this customer has not given it. */
export const NO_SMS_CONSENT = "no_sms_consent";
/** A text decided with the customer's consent, which they withdrew before it could go. */
export const SMS_CONSENT_WITHDRAWN = "sms_consent_withdrawn";

/** The shop's consent rule for texts (SMS and WhatsApp): may a customer in this SMS marketing state get one? */
export function smsConsentAllows(settings: Pick<ShopSettings, "consent">, smsMarketing: string | null): boolean {
  return !settings.consent.smsRequiresConsent || smsMarketing === "SUBSCRIBED";
}

/** The key of a WhatsApp mapping in ReachFacts.whatsappLocales. */
export function whatsappStepKey(trigger: string, step: string): string {
  return `${trigger}:${step}`;
}

/**
 * Mark messages Herald may not send as skipped, before channel preference is applied, so that
 * "first_available" falls through to the next channel: a suppressed address (any channel), then a
 * text without a WhatsApp template or SMS consent. A missing recipient keeps its own reason. Shipping
 * updates and delay notices by email are transactional: no consent asked.
 */
export function applyReach(intents: Intent[], input: DecisionInput): Intent[] {
  const reach = input.reach;
  if (!reach) return intents;
  return intents.map((intent) => {
    if (intent.skipReason) return intent;
    const suppressed = suppressionOf(reach.suppressions, intent);
    if (suppressed) return { ...intent, skipReason: `suppressed_${suppressed.reason}` };
    if (intent.channel === "email") return intent;
    if (intent.channel === "whatsapp" && whatsappLocale(input, intent) === null) {
      return { ...intent, skipReason: WHATSAPP_NOT_CONFIGURED };
    }
    if (!smsConsentAllows(input.settings, reach.smsMarketing)) {
      return { ...intent, skipReason: NO_SMS_CONSENT };
    }
    return intent;
  });
}

/**
 * The locale of the WhatsApp template this customer gets for the intent's step: theirs, else the shop's
 * (as email and SMS templates choose), else English. Null when none of those is mapped: a template in
 * a language the customer may not read is not sent.
 */
export function whatsappLocale(input: DecisionInput, intent: Pick<Intent, "trigger" | "step">): string | null {
  const locales = input.reach?.whatsappLocales.get(whatsappStepKey(intent.trigger, intent.step)) ?? [];
  const locale = resolveLocale(input.order.customerLocale, input.shop.primaryLocale, locales);
  return locales.includes(locale) ? locale : null;
}

/**
 * The suppression that holds for this intent's recipient, if any: for its channel (SMS and WhatsApp
 * share the number's) and for every kind of message or this intent's. Delivery asks again before
 * sending (a suppression can arrive later); the reason is spelled as delivery records it.
 */
function suppressionOf(suppressions: readonly SuppressionFact[], intent: Intent): SuppressionFact | null {
  if (!intent.recipient) return null;
  const channel = intent.channel === "email" ? "email" : "sms";
  return suppressions.find((s) => s.channel === channel && s.address === intent.recipient && (s.scope === "all" || s.scope === intent.trigger)) ?? null;
}
