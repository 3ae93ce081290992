import { resolveLocale } from "../locale";
import { BACK_IN_STOCK_STEPS, DELAY_STEPS, SHIPPING_STEPS, type Channel, type MessageStep, type StepOf, type Trigger } from "../types";
import { ar } from "./ar";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { gu } from "./gu";
import { hi } from "./hi";
import { it } from "./it";
import { ja } from "./ja";
import { MORE_LAYOUT_LABELS } from "./layout-labels";
import { ml } from "./ml";
import { nl } from "./nl";
import { ptBR } from "./ptBR";
import { sw } from "./sw";
import { te } from "./te";
import type { ChannelTemplate, EmailTemplate, LayoutLabels, LocaleTemplates, SmsTemplate, StepTemplates } from "./types";

export type { ChannelTemplate, EmailTemplate, LayoutLabels, LocaleTemplates, SmsTemplate, StepTemplates } from "./types";

/** Default templates by locale. Add a locale: write its file, list it here. */
export const DEFAULT_TEMPLATES: Readonly<Record<string, LocaleTemplates>> = {
  en,
  es,
  hi,
  ml,
  sw,
  fr,
  de,
  "pt-BR": ptBR,
  it,
  nl,
  ja,
  ar,
  gu,
  te,
};

/** Locales Herald has default templates for. */
export const AVAILABLE_LOCALES: readonly string[] = Object.keys(DEFAULT_TEMPLATES);

/**
 * Languages a merchant can write a template in (the editor offers them all): Herald's default locales
 * and other common storefront languages. Each has layout labels and unsubscribe page texts, so a
 * merchant's template in any of them is sent in a frame of the same language.
 */
export const TEMPLATE_LOCALES: readonly string[] = [
  ...AVAILABLE_LOCALES,
  ...["bn", "fa", "he", "kn", "ko", "mr", "pl", "pt-PT", "ta", "th", "tr", "ur", "vi", "zh-CN", "zh-TW"],
];

/** The email layout's words by locale: each default locale's, and those of the other template languages. */
export const LAYOUT_LABELS: Readonly<Record<string, LayoutLabels>> = {
  ...Object.fromEntries(Object.entries(DEFAULT_TEMPLATES).map(([locale, pack]) => [locale, pack.layout])),
  ...MORE_LAYOUT_LABELS,
};

const LABEL_LOCALES = Object.keys(LAYOUT_LABELS);

/** The layout's words for the language a message is written in: exact locale, then its language, then English. */
export function layoutLabels(locale: string): LayoutLabels {
  // A message's locale is nearly always spelled as listed (it was resolved already): no search per email.
  if (Object.hasOwn(LAYOUT_LABELS, locale)) return LAYOUT_LABELS[locale];
  return LAYOUT_LABELS[resolveLocale(locale, "en", LABEL_LOCALES)] ?? en.layout;
}

/** The steps of each trigger, for screens and tests that list every template. */
export const STEPS_BY_TRIGGER: { readonly [T in Trigger]: readonly StepOf<T>[] } = {
  shipping: SHIPPING_STEPS,
  delay: DELAY_STEPS,
  back_in_stock: BACK_IN_STOCK_STEPS,
};

/** The default templates for a locale, falling back to its language, then English. */
export function localeTemplates(locale: string): LocaleTemplates {
  return DEFAULT_TEMPLATES[resolveLocale(locale, "en", AVAILABLE_LOCALES)] ?? en;
}

/** One step's templates in a locale pack; null when the step does not belong to the trigger. */
export function stepTemplates(pack: LocaleTemplates, trigger: Trigger, step: MessageStep | string): StepTemplates | null {
  const byStep: Readonly<Record<string, StepTemplates>> = pack[trigger];
  return Object.hasOwn(byStep, step) ? byStep[step] : null;
}

/** Herald's default template for one message; WhatsApp session messages reuse the SMS text. */
export function getDefaultTemplate<T extends Trigger>(trigger: T, step: StepOf<T>, channel: "email", locale: string): EmailTemplate;
export function getDefaultTemplate<T extends Trigger>(trigger: T, step: StepOf<T>, channel: "sms" | "whatsapp", locale: string): SmsTemplate;
export function getDefaultTemplate<T extends Trigger>(trigger: T, step: StepOf<T>, channel: Channel, locale: string): ChannelTemplate;
export function getDefaultTemplate<T extends Trigger>(trigger: T, step: StepOf<T>, channel: Channel, locale: string): ChannelTemplate {
  const templates = stepTemplates(localeTemplates(locale), trigger, step);
  if (!templates) throw new RangeError(`No ${trigger} step named "${step}".`);
  return channel === "email" ? templates.email : templates.sms;
}
