import { CUSTOMERS, type CustomerKey } from "./cast";
import type { DelayExpectation, Scenario, ShippingStep } from "./types";

export type Channel = "email" | "sms" | "whatsapp";

/** The settings that change what Herald should send; defaults mirror app/notifications/settings.ts. */
export interface OutcomeSettings {
  steps: Record<ShippingStep, boolean>;
  channels: Channel[];
  sendForCancelledOrders: boolean;
  /** Texts only to customers whose SMS marketing state is SUBSCRIBED (settings consent.smsRequiresConsent). */
  smsRequiresConsent: boolean;
  /** The WhatsApp templates the shop mapped (step and locale); WhatsApp is off for the rest. */
  whatsapp: Array<{ step: ShippingStep; locale: string }>;
  /** The shop's primary locale: the template language when the customer's has none. */
  primaryLocale: string;
}

/** Herald's default shop settings as of this writing: email only, no in_transit message. */
export const HERALD_DEFAULTS: OutcomeSettings = {
  steps: {
    shipped: true,
    in_transit: false,
    out_for_delivery: true,
    attempted_delivery: true,
    ready_for_pickup: true,
    delivered: true,
    failure: true,
  },
  channels: ["email"],
  sendForCancelledOrders: false,
  smsRequiresConsent: true,
  whatsapp: [],
  primaryLocale: "en",
};

/** Like Herald (app/notifications/locale.ts): the customer's locale or language, else the shop's, else English. */
function hasWhatsAppTemplate(settings: OutcomeSettings, step: ShippingStep, customerLocale: string): boolean {
  const locales = settings.whatsapp.filter((w) => w.step === step).map((w) => w.locale.toLowerCase());
  const matches = (wanted: string) => locales.includes(wanted.toLowerCase()) || locales.includes(wanted.toLowerCase().split("-")[0]);
  return matches(customerLocale) || matches(settings.primaryLocale) || locales.includes("en");
}

/** One row Herald should end up with: a message sent, or one recorded as SKIPPED. */
export interface ExpectedMessage {
  customer: CustomerKey;
  locale: string;
  order: string;
  fulfillment: string;
  orderId: string;
  fulfillmentId: string;
  step: ShippingStep;
  channel: Channel;
  outcome: "sent" | "skipped";
  /** Lower-cased email or E.164 phone; null when skipped for lack of one. */
  recipient: string | null;
  skipReason: "no_email" | "no_phone" | "no_sms_consent" | "whatsapp_not_configured" | null;
}

/**
 * Exactly the shipping messages the scenario should produce under `settings`: one per fulfillment,
 * step and channel, whatever the duplicates, retries and late deliveries. Assumes Herald handles each
 * delivery before the next arrives (the scenario's pauses give its worker the time); a Herald that only
 * catches up at the end rightly sends just each parcel's latest news, the rest being stale by then.
 * Texts follow the shop's consent policy and WhatsApp mappings (Herald learns each customer's consent
 * from Shopify); quiet hours may defer a text, which this list does not model.
 */
export function expectedShippingMessages(scenario: Scenario, settings: OutcomeSettings = HERALD_DEFAULTS): ExpectedMessage[] {
  const out: ExpectedMessage[] = [];
  for (const f of scenario.fulfillments) {
    const customer = CUSTOMERS[f.customer];
    for (const step of f.steps) {
      if (!settings.steps[step]) continue;
      for (const channel of settings.channels) {
        const recipient = channel === "email" ? customer.email?.toLowerCase() ?? null : customer.phone;
        const skipReason = !recipient
          ? channel === "email" ? "no_email" : "no_phone"
          : channel === "whatsapp" && !hasWhatsAppTemplate(settings, step, customer.locale)
            ? "whatsapp_not_configured"
            : channel !== "email" && settings.smsRequiresConsent && customer.smsMarketing !== "SUBSCRIBED"
              ? "no_sms_consent"
              : null;
        out.push({
          customer: f.customer,
          locale: customer.locale,
          order: f.order,
          fulfillment: f.fulfillment,
          orderId: f.orderId,
          fulfillmentId: f.fulfillmentId,
          step,
          channel,
          outcome: skipReason ? "skipped" : "sent",
          recipient,
          skipReason,
        });
      }
    }
  }
  return out;
}

/** A printable per-customer summary of expectedShippingMessages. */
export function describeExpected(scenario: Scenario, settings: OutcomeSettings = HERALD_DEFAULTS): string[] {
  const messages = expectedShippingMessages(scenario, settings);
  const lines: string[] = [];
  for (const key of Object.keys(CUSTOMERS) as CustomerKey[]) {
    const mine = messages.filter((m) => m.customer === key);
    const c = CUSTOMERS[key];
    const sent = mine.filter((m) => m.outcome === "sent");
    const skipped = mine.filter((m) => m.outcome === "skipped");
    const parts = [
      sent.length ? `${sent.length} sent (${sent.map((m) => `${m.fulfillment} ${m.step} by ${m.channel}`).join(", ")})` : "nothing sent",
      skipped.length ? `${skipped.length} skipped (${[...new Set(skipped.map((m) => m.skipReason))].join(", ")})` : "",
    ].filter(Boolean);
    lines.push(`${c.firstName} ${c.lastName[0]}. [${c.locale}]: ${parts.join("; ")}`);
  }
  for (const silent of scenario.silentOrders) lines.push(`${silent.order}: no shipping message (${silent.why})`);
  return lines;
}

/** Herald's default settle window for delay notices (HERALD_DELAY_SETTLE_SECONDS). */
export const DEFAULT_DELAY_SETTLE_SECONDS = 600;

/** One delay notice Herald should create, with whom it goes to and when the provider should get it. */
export interface ExpectedDelayNotice extends DelayExpectation {
  /** Delay notices go by email with Herald's default settings. */
  channel: "email";
  /** Lower-cased email. */
  recipient: string | null;
  /**
   * When Herald hands it to the provider: dueAt plus the settle window. A skipped notice is checked
   * again (and dropped) at that moment instead.
   */
  sendAt: string;
}

/**
 * The delay notices the scenario should produce with Herald's default settings (email, 2 per order,
 * 24 h apart), in due order: which order or package gets which kind, when it becomes due, when it
 * reaches the provider, and whether it is a follow-up. Empty for stories without delays. Holds when
 * Herald runs the story on its clock (a test's virtual clock, see tests/integration/delay-notices):
 * each webhook handled when it arrives, each timed check at its moment.
 */
export function expectedDelayNotices(scenario: Scenario, options: { settleSeconds?: number } = {}): ExpectedDelayNotice[] {
  const settleMs = (options.settleSeconds ?? DEFAULT_DELAY_SETTLE_SECONDS) * 1000;
  return (scenario.delays?.notices ?? []).map((n) => ({
    ...n,
    channel: "email",
    recipient: CUSTOMERS[n.customer].email?.toLowerCase() ?? null,
    sendAt: new Date(Date.parse(n.dueAt) + settleMs).toISOString(),
  }));
}

/** A printable summary of expectedDelayNotices. */
export function describeExpectedDelays(scenario: Scenario): string[] {
  const lines = expectedDelayNotices(scenario).map((n) => {
    const c = CUSTOMERS[n.customer];
    const what = `${n.kind}${n.followUp ? " (follow-up)" : ""}`;
    const outcome = n.outcome === "sent" ? "sent" : `dropped before sending (${n.skipReason})`;
    return `${n.order} ${n.fulfillment ?? ""} ${what} due ${n.dueLocal} -> ${outcome}, ${c.firstName} ${c.lastName[0]}. [${c.locale}]: ${n.why}`.replace(/ {2,}/g, " ");
  });
  for (const silent of scenario.delays?.silent ?? []) lines.push(`${silent.order}: nothing (more) to tell: ${silent.why}`);
  return lines;
}

/** The back-in-stock settings that change who is told; defaults mirror app/notifications/settings.ts. */
export interface StockSettings {
  /** Alerts per unit restocked, oldest sign-up first. */
  perUnit: number;
  /** Texts wait for the customer's YES to the confirmation. */
  smsDoubleOptIn: boolean;
}

export const STOCK_DEFAULTS: StockSettings = { perUnit: 2, smsDoubleOptIn: true };

/** Languages Herald ships default templates in (app/notifications/templates). */
const TEMPLATE_LANGUAGES = ["ar", "de", "en", "es", "fr", "gu", "hi", "it", "ja", "ml", "nl", "pt-BR", "sw", "te"];

/** The language of Herald's default template for a locale: the locale, its language, else the shop's (English here). */
export function templateLanguage(locale: string, shopLocale = "en"): string {
  const lower = locale.toLowerCase();
  const exact = TEMPLATE_LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = TEMPLATE_LANGUAGES.find((l) => l.toLowerCase() === lower.split("-")[0]);
  return language ?? shopLocale;
}

/** One back-in-stock message a shopper should receive. */
export interface ExpectedStockMessage {
  shopper: string;
  name: string;
  step: "confirmation" | "alert";
  channel: "email" | "sms";
  /** Lower-cased email or E.164 phone. */
  recipient: string;
  /** The language it is written in. */
  language: string;
}

export interface ExpectedBackInStock {
  /** Alerts the restock may send: units x per unit. */
  quota: number;
  /** Every confirmation and alert, in sign-up order. */
  messages: ExpectedStockMessage[];
  /** Shoppers who get no alert from this restock, and why. */
  notAlerted: Array<{ shopper: string; name: string; why: string }>;
}

/**
 * What a back-in-stock story should produce: each shopper's sign-up confirmed once (by email, or by
 * text asking for a YES under SMS double opt-in), then alerts to the oldest sign-ups Herald can reach
 * (an email, or a phone that said YES — nobody in these stories does), at most units x perUnit of them.
 * Whatever the duplicate webhooks, double submits and repeated sign-ups.
 */
export function expectedBackInStock(scenario: Scenario, settings: StockSettings = STOCK_DEFAULTS): ExpectedBackInStock {
  const story = scenario.backInStock;
  if (!story) return { quota: 0, messages: [], notAlerted: [] };
  const quota = story.units * settings.perUnit;
  const messages: ExpectedStockMessage[] = [];
  const notAlerted: ExpectedBackInStock["notAlerted"] = [];
  let told = 0;
  for (const s of story.signups) {
    const name = `${s.firstName} ${s.lastName[0]}.`;
    const language = templateLanguage(s.locale);
    const base = { shopper: s.key, name, language };
    if (s.email) messages.push({ ...base, step: "confirmation", channel: "email", recipient: s.email.toLowerCase() });
    if (s.phone) messages.push({ ...base, step: "confirmation", channel: "sms", recipient: s.phone });
    const channels = [...(s.email ? (["email"] as const) : []), ...(s.phone && !settings.smsDoubleOptIn ? (["sms"] as const) : [])];
    if (channels.length === 0) {
      notAlerted.push({ shopper: s.key, name, why: "signed up by phone only and never replied YES (SMS double opt-in)" });
    } else if (told >= quota) {
      notAlerted.push({ shopper: s.key, name, why: `beyond the quota of ${quota} (${story.units} units x ${settings.perUnit}): waits for the next restock` });
    } else {
      told++;
      for (const channel of channels) messages.push({ ...base, step: "alert", channel, recipient: channel === "email" ? s.email!.toLowerCase() : s.phone! });
    }
  }
  return { quota, messages, notAlerted };
}

/** A printable summary of expectedBackInStock. */
export function describeExpectedBackInStock(scenario: Scenario, settings: StockSettings = STOCK_DEFAULTS): string[] {
  const { quota, messages, notAlerted } = expectedBackInStock(scenario, settings);
  if (!scenario.backInStock) return [];
  const lines = [`${scenario.backInStock.units} units x ${settings.perUnit} per unit: ${quota} alerts at most, oldest sign-up first`];
  for (const s of scenario.backInStock.signups) {
    const name = `${s.firstName} ${s.lastName[0]}.`;
    const mine = messages.filter((m) => m.shopper === s.key);
    const what = mine.map((m) => `${m.step} by ${m.channel} [${m.language}]`).join(", ");
    const not = notAlerted.find((n) => n.shopper === s.key);
    lines.push(`${name} [${s.locale}]: ${what}${not ? `; no alert: ${not.why}` : ""}`);
  }
  return lines;
}
