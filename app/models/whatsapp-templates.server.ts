import { db } from "../db.server";
import { resolveLocale } from "../notifications/locale";
import { whatsappStepKey } from "../notifications/reach";
import type { Trigger } from "../notifications/types";
import {
  renderContentVariables,
  validateWhatsAppMapping,
  type WhatsAppMappingError,
  type WhatsAppMappingInput,
  type WhatsAppVariables,
} from "../notifications/whatsapp";
import type { RenderResult, TemplateVariables } from "../notifications/types";
import { isStepOf, localeSchema } from "./templates.server";

// The approved WhatsApp templates a shop mapped, one per trigger x step x locale. Every query is
// scoped by shop.

/** One stored mapping. */
export interface WhatsAppTemplate {
  trigger: string;
  step: string;
  locale: string;
  contentSid: string;
  variables: WhatsAppVariables;
  updatedAt: Date;
}

/** Where a mapping lives. */
export interface WhatsAppTemplateKey {
  trigger: Trigger;
  step: string;
  locale: string;
}

/** Every mapping of the shop, by trigger, step and locale. */
export async function listWhatsAppTemplates(shop: string): Promise<WhatsAppTemplate[]> {
  const rows = await db.whatsAppTemplate.findMany({ where: { shop }, orderBy: [{ trigger: "asc" }, { step: "asc" }, { locale: "asc" }] });
  return rows.map((r) => ({ trigger: r.trigger, step: r.step, locale: r.locale, contentSid: r.contentSid, variables: parseVariables(r.variables), updatedAt: r.updatedAt }));
}

/** The mapped locales by "trigger:step": WhatsApp is on for those steps, in those languages, only. */
export async function whatsappLocales(shop: string): Promise<Map<string, string[]>> {
  const rows = await db.whatsAppTemplate.findMany({ where: { shop }, select: { trigger: true, step: true, locale: true } });
  const byStep = new Map<string, string[]>();
  for (const r of rows) byStep.set(whatsappStepKey(r.trigger, r.step), [...(byStep.get(whatsappStepKey(r.trigger, r.step)) ?? []), r.locale]);
  return byStep;
}

/**
 * The template for one message: the customer's locale, else its language, else the shop's primary
 * locale, else English, like email and SMS templates (app/notifications/reach.ts whatsappLocale); none
 * when none of those is mapped.
 */
export async function whatsappTemplateFor(
  shop: string,
  trigger: string,
  step: string,
  customerLocale: string | null,
  primaryLocale: string,
): Promise<WhatsAppTemplate | null> {
  const rows = (await listWhatsAppTemplates(shop)).filter((t) => t.trigger === trigger && t.step === step);
  if (rows.length === 0) return null;
  const locales = rows.map((r) => r.locale);
  const locale = resolveLocale(customerLocale, primaryLocale, locales);
  return rows.find((r) => r.locale === locale) ?? null;
}

/**
 * The message as the row stores it: the Content SID in renderedSubject and the filled placeholders, as
 * Twilio's ContentVariables JSON, in renderedText. Rendered once, when the message is decided, so every
 * retry sends the same values.
 */
export async function renderWhatsApp(
  shop: string,
  key: { trigger: string; step: string },
  locales: { customer: string | null; primary: string },
  values: TemplateVariables,
): Promise<RenderResult> {
  const template = await whatsappTemplateFor(shop, key.trigger, key.step, locales.customer, locales.primary);
  if (!template) return { ok: false, error: `no WhatsApp template for ${key.trigger} ${key.step}` };
  const variables = renderContentVariables(template.variables, values, template.locale);
  return {
    ok: true,
    message: { locale: template.locale, subject: template.contentSid, html: null, text: JSON.stringify(variables), segments: null },
  };
}

export type SaveResult = { ok: true; template: WhatsAppTemplate } | { ok: false; errors: Array<WhatsAppMappingError | { field: "key"; code: "unknown_step" | "bad_locale" }> };

/** Add or replace the mapping of one trigger x step x locale, after validation; nothing is stored on error. */
export async function saveWhatsAppTemplate(shop: string, key: WhatsAppTemplateKey, input: WhatsAppMappingInput): Promise<SaveResult> {
  if (!isStepOf(key.trigger, key.step)) return { ok: false, errors: [{ field: "key", code: "unknown_step" }] };
  if (!localeSchema.safeParse(key.locale).success) return { ok: false, errors: [{ field: "key", code: "bad_locale" }] };
  const checked = validateWhatsAppMapping(key.trigger, input);
  if (!checked.ok) return checked;
  const data = { contentSid: checked.value.contentSid, variables: JSON.stringify(checked.value.variables) };
  const row = await db.whatsAppTemplate.upsert({
    where: { shop_trigger_step_locale: { shop, trigger: key.trigger, step: key.step, locale: key.locale } },
    create: { shop, trigger: key.trigger, step: key.step, locale: key.locale, ...data },
    update: data,
  });
  return { ok: true, template: { trigger: row.trigger, step: row.step, locale: row.locale, contentSid: row.contentSid, variables: checked.value.variables, updatedAt: row.updatedAt } };
}

/** Remove one mapping; true when there was one. */
export async function deleteWhatsAppTemplate(shop: string, key: WhatsAppTemplateKey): Promise<boolean> {
  const { count } = await db.whatsAppTemplate.deleteMany({ where: { shop, trigger: key.trigger, step: key.step, locale: key.locale } });
  return count > 0;
}

function parseVariables(json: string): WhatsAppVariables {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === "string")) as WhatsAppVariables;
  } catch {
    return {};
  }
}
