import type { Channel, ShippingStep, Trigger } from "../types";
import { resolveLocale } from "../locale";
import { en } from "./en";
import { es } from "./es";
import { hi } from "./hi";
import { ml } from "./ml";
import { sw } from "./sw";
import type { ChannelTemplate, EmailTemplate, LocaleTemplates, SmsTemplate } from "./types";

export type { ChannelTemplate, EmailTemplate, LayoutLabels, LocaleTemplates, SmsTemplate } from "./types";

/** Default templates by locale. Add a locale: write its file, list it here. */
export const DEFAULT_TEMPLATES: Readonly<Record<string, LocaleTemplates>> = { en, es, hi, ml, sw };

/** Locales Herald has default templates for. */
export const AVAILABLE_LOCALES: readonly string[] = Object.keys(DEFAULT_TEMPLATES);

/** The default templates for a locale, falling back to its language, then English. */
export function localeTemplates(locale: string): LocaleTemplates {
  return DEFAULT_TEMPLATES[resolveLocale(locale, "en", AVAILABLE_LOCALES)] ?? en;
}

/** Herald's default template for one message; WhatsApp session messages reuse the SMS text. */
export function getDefaultTemplate(trigger: Trigger, step: ShippingStep, channel: "email", locale: string): EmailTemplate;
export function getDefaultTemplate(trigger: Trigger, step: ShippingStep, channel: "sms" | "whatsapp", locale: string): SmsTemplate;
export function getDefaultTemplate(trigger: Trigger, step: ShippingStep, channel: Channel, locale: string): ChannelTemplate;
export function getDefaultTemplate(trigger: Trigger, step: ShippingStep, channel: Channel, locale: string): ChannelTemplate {
  const templates = localeTemplates(locale)[trigger][step];
  return channel === "email" ? templates.email : templates.sms;
}
