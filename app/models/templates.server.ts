import { randomUUID } from "node:crypto";
import { z } from "zod";
import { emailChannel, textChannel } from "../channels/index.server";
import { toE164 } from "../notifications/shipping/rules";
import type { SendResult } from "../channels/types";
import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { sql, type Sql } from "../db/sql.server";
import { env } from "../env.server";
import { log } from "../log.server";
import { loadOrderFacts } from "./facts.server";
import { toShopFacts } from "./shops.server";
import { suppressionReason } from "./suppressions.server";
import { textDirection } from "../notifications/locale";
import { orderVariables, sampleVariables } from "../notifications/samples";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import { AVAILABLE_LOCALES, STEPS_BY_TRIGGER, TEMPLATE_LOCALES, getDefaultTemplate } from "../notifications/templates";
import type { ChannelTemplate } from "../notifications/templates/types";
import { TRIGGERS, type Channel, type MessageStep, type Trigger } from "../notifications/types";
import { toChannelTemplate, validateTemplate, type TemplateDraft, type TemplateIssue, type ValidationResult } from "../notifications/validate";
import { formatFrom } from "../pipeline/sender";

// Merchants' templates (issue 6). Storage: one MessageTemplate row per save, versions 1, 2, 3... per
// shop x trigger x step x channel x locale; the newest row is the active one. "Reset to default" adds a
// row with reset = true and no content, so the reset itself is a version (history shows it, and an older
// version can be restored with one click). Herald's defaults are never copied into the table: a shop
// that never edited a template follows Herald's improvements to it.
// Every query here is scoped by shop.

/** Channels with templates written here. WhatsApp sends approved templates (app/routes/app.whatsapp.tsx). */
export type TemplateChannel = "email" | "sms";
export const TEMPLATE_CHANNELS: readonly TemplateChannel[] = ["email", "sms"];

/** Where a channel's template is stored: anything but email is a text (SMS). */
export function templateChannel(channel: Channel): TemplateChannel {
  return channel === "email" ? "email" : "sms";
}

/** The key of one editable template. */
export interface TemplateKey {
  shop: string;
  trigger: Trigger;
  step: MessageStep;
  channel: Channel;
  locale: string;
}

/** Locale tags as the editor and Shopify spell them: "en", "ar", "pt-BR", "zh-Hant-TW". */
export const localeSchema = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/, "expected a locale such as en, ar or pt-BR");

/** True when `step` is one of `trigger`'s steps. */
export function isStepOf(trigger: string, step: string): trigger is Trigger {
  return (TRIGGERS as readonly string[]).includes(trigger) && (STEPS_BY_TRIGGER[trigger as Trigger] as readonly string[]).includes(step);
}

const CONTENT = { subject: true, preheader: true, html: true, text: true, body: true } as const;

type Row = { subject: string | null; preheader: string | null; html: string | null; text: string | null; body: string | null };

function keyWhere(key: TemplateKey) {
  return { shop: key.shop, trigger: key.trigger, step: key.step, channel: templateChannel(key.channel), locale: key.locale };
}

function draftOf(row: Row): TemplateDraft {
  return { subject: row.subject, preheader: row.preheader, html: row.html, text: row.text, body: row.body };
}

/** The newest version row of a template, reset or not; null when the shop never edited it. */
async function newest(key: TemplateKey) {
  return db.messageTemplate.findFirst({ where: keyWhere(key), orderBy: { version: "desc" } });
}

/**
 * The shop's active template for a message, or null for Herald's default (never edited, or reset).
 * `locale` is the resolved locale the message is rendered in.
 */
export async function activeTemplate(shop: string, trigger: Trigger, step: MessageStep, channel: Channel, locale: string): Promise<ChannelTemplate | null> {
  const row = await newest({ shop, trigger, step, channel, locale });
  if (!row || row.reset) return null;
  return toChannelTemplate(channel, draftOf(row));
}

/**
 * The shop's active templates of one kind, by locale: the newest version in each locale, unless it is
 * a reset. One raw query for what the worker needs for every message it decides: the locales it may
 * render in (Herald's and these) and the template of the one it picks.
 */
export async function activeTemplates(shop: string, trigger: Trigger, step: MessageStep, channel: Channel): Promise<Map<string, ChannelTemplate>> {
  const rows = await (await sqlRunner()).all<Row & { locale: string; reset: unknown }>(sql`
    SELECT t."locale", t."reset", t."subject", t."preheader", t."html", t."text", t."body" FROM "MessageTemplate" t
    WHERE t."shop" = ${shop} AND t."trigger" = ${trigger} AND t."step" = ${step} AND t."channel" = ${templateChannel(channel)}
      AND t."version" = (SELECT MAX(n."version") FROM "MessageTemplate" n
                         WHERE n."shop" = t."shop" AND n."trigger" = t."trigger" AND n."step" = t."step" AND n."channel" = t."channel" AND n."locale" = t."locale")
    ORDER BY t."locale"`);
  return new Map(rows.filter((r) => !boolOf(r.reset)).map((r) => [r.locale, toChannelTemplate(channel, draftOf(r))]));
}

/**
 * A select-list column "ownTemplates": whether the shop (a parameter or the outer query's column)
 * ever saved a template. Most shops never do, and then an evaluation needs no activeTemplates query.
 */
export function ownTemplatesColumn(shop: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM "MessageTemplate" t WHERE t."shop" = ${shop}) AS "ownTemplates"`;
}

/** Locales in which the shop has an active (not reset) template of this kind. */
export async function customizedLocales(shop: string, trigger: Trigger, step: MessageStep, channel: Channel): Promise<string[]> {
  const rows = await db.messageTemplate.findMany({
    where: { shop, trigger, step, channel: templateChannel(channel) },
    select: { locale: true, version: true, reset: true },
    orderBy: { version: "desc" },
  });
  const active: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.locale)) continue;
    seen.add(row.locale);
    if (!row.reset) active.push(row.locale);
  }
  return active.sort();
}

/**
 * Locales a message of this kind can be rendered in for this shop: Herald's default locales plus those
 * the shop wrote an active template in (e.g. Arabic, which Herald has no default for).
 */
export async function templateLocales(shop: string, trigger: Trigger, step: MessageStep, channel: Channel): Promise<string[]> {
  const custom = await customizedLocales(shop, trigger, step, channel);
  return [...AVAILABLE_LOCALES, ...custom.filter((l) => !AVAILABLE_LOCALES.includes(l))];
}

/** What the editor shows for one template: the active source, custom or Herald's default. */
export interface EditableTemplate {
  draft: TemplateDraft;
  /** custom: the shop's version `version`; default: Herald's (never edited, or reset in `version`). */
  source: "custom" | "default";
  version: number | null;
  savedAt: Date | null;
}

/** The template the editor opens with. */
export async function editableTemplate(key: TemplateKey): Promise<EditableTemplate> {
  const row = await newest(key);
  if (row && !row.reset) return { draft: draftOf(row), source: "custom", version: row.version, savedAt: row.createdAt };
  return { draft: defaultDraft(key), source: "default", version: row?.version ?? null, savedAt: row?.createdAt ?? null };
}

/** Herald's default for a template, as a draft (a locale without defaults gets English to translate). */
export function defaultDraft(key: Pick<TemplateKey, "trigger" | "step" | "channel" | "locale">): TemplateDraft {
  const template = getDefaultTemplate(key.trigger, key.step as never, templateChannel(key.channel), key.locale);
  return "body" in template ? { body: template.body } : { subject: template.subject, preheader: "", html: template.html, text: template.text };
}

export type SaveResult = { ok: true; version: number; unchanged: boolean } | { ok: false; issues: TemplateIssue[] };

/**
 * Validate and store a new version. A template with any issue is not stored. Saving what is already
 * active stores nothing (`unchanged`). Concurrent saves each get their own version number.
 */
export async function saveTemplate(key: TemplateKey & { draft: TemplateDraft; createdBy?: string | null; now?: Date }): Promise<SaveResult> {
  const draft = normalizeDraft(key.channel, key.draft);
  const checked = checkDraft(key, draft);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  return storeDraft(key, draft, key.createdBy ?? null);
}

/** One template's draft in a save of several (the editor's save bar). */
export interface TemplateEdit {
  channel: TemplateChannel;
  locale: string;
  draft: TemplateDraft;
}

export type SaveAllResult =
  | { ok: true; saved: Array<{ channel: TemplateChannel; locale: string; version: number; unchanged: boolean }> }
  | { ok: false; failed: Array<{ channel: TemplateChannel; locale: string; issues: TemplateIssue[] }> };

/**
 * Save the drafts of several templates of one trigger x step (every channel and language the merchant
 * left unsaved on the editor's page). All or nothing, as one form's save: when any draft has a problem,
 * none is stored and each failing one is named with its problems.
 */
export async function saveTemplates(
  key: Omit<TemplateKey, "channel" | "locale"> & { createdBy?: string | null; now?: Date },
  edits: TemplateEdit[],
): Promise<SaveAllResult> {
  const drafts = edits.map((edit) => ({ ...key, channel: edit.channel, locale: edit.locale, draft: normalizeDraft(edit.channel, edit.draft) }));
  const failed = drafts.flatMap((d) => {
    const checked = checkDraft(d, d.draft);
    return checked.ok ? [] : [{ channel: d.channel, locale: d.locale, issues: checked.issues }];
  });
  if (failed.length > 0) return { ok: false, failed };
  const saved: Array<{ channel: TemplateChannel; locale: string; version: number; unchanged: boolean }> = [];
  for (const d of drafts) {
    const { version, unchanged } = await storeDraft(d, d.draft, key.createdBy ?? null);
    saved.push({ channel: d.channel, locale: d.locale, version, unchanged });
  }
  return { ok: true, saved };
}

function checkDraft(key: TemplateKey & { now?: Date }, draft: Row): ValidationResult {
  return validateTemplate({ trigger: key.trigger, step: key.step, channel: key.channel, locale: key.locale, draft, now: key.now });
}

/** Store a checked draft as a new version, unless it is what is already active. */
async function storeDraft(key: TemplateKey, draft: Row, createdBy: string | null): Promise<{ ok: true; version: number; unchanged: boolean }> {
  const current = await newest(key);
  if (current && !current.reset && sameDraft(draftOf(current), draft)) return { ok: true, version: current.version, unchanged: true };
  const version = await insertVersion(key, { ...draft, reset: false }, createdBy);
  log.info("template.saved", { shop: key.shop, trigger: key.trigger, step: key.step, channel: templateChannel(key.channel), locale: key.locale, version });
  return { ok: true, version, unchanged: false };
}

/** Back to Herald's default, as a new version. A template that is already the default is left alone. */
export async function resetTemplate(key: TemplateKey & { createdBy?: string | null }): Promise<{ version: number | null; unchanged: boolean }> {
  const current = await newest(key);
  if (!current || current.reset) return { version: current?.version ?? null, unchanged: true };
  const version = await insertVersion(key, { subject: null, preheader: null, html: null, text: null, body: null, reset: true }, key.createdBy ?? null);
  log.info("template.reset", { shop: key.shop, trigger: key.trigger, step: key.step, channel: templateChannel(key.channel), locale: key.locale, version });
  return { version, unchanged: false };
}

/** Make an older version active again (validated again, stored as a new version). */
export async function restoreTemplate(key: TemplateKey & { version: number; createdBy?: string | null; now?: Date }): Promise<SaveResult> {
  const row = await db.messageTemplate.findFirst({ where: { ...keyWhere(key), version: key.version } });
  if (!row) return { ok: false, issues: [{ part: null, line: null, column: null, variable: null, message: `There is no version ${key.version} of this template.` }] };
  if (row.reset) {
    const reset = await resetTemplate(key);
    return { ok: true, version: reset.version ?? key.version, unchanged: reset.unchanged };
  }
  return saveTemplate({ ...key, draft: draftOf(row) });
}

/** One saved version, newest first in templateHistory. */
export interface TemplateVersion {
  version: number;
  reset: boolean;
  createdAt: Date;
  createdBy: string | null;
  /** Email subject or the start of the SMS, to tell versions apart. */
  summary: string;
}

/** The versions of one template, newest first. */
export async function templateHistory(key: TemplateKey, limit = 20): Promise<TemplateVersion[]> {
  const rows = await db.messageTemplate.findMany({ where: keyWhere(key), orderBy: { version: "desc" }, take: limit });
  return rows.map((r) => ({
    version: r.version,
    reset: r.reset,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    summary: r.reset ? "Reset to Herald's default" : truncate((r.subject ?? r.body ?? "").replace(/\s+/g, " ").trim(), 80),
  }));
}

async function insertVersion(key: TemplateKey, content: Row & { reset: boolean }, createdBy: string | null): Promise<number> {
  // The unique (shop, trigger, step, channel, locale, version) index settles races: the loser retries.
  for (let attempt = 1; ; attempt++) {
    const last = await db.messageTemplate.findFirst({ where: keyWhere(key), orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    try {
      await db.messageTemplate.create({ data: { ...keyWhere(key), version, createdBy, ...content } });
      return version;
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error, "MessageTemplate")) continue;
      throw error;
    }
  }
}

function normalizeDraft(channel: Channel, draft: TemplateDraft): Row {
  const clean = (v: string | null | undefined) => (v == null ? null : v.replace(/\r\n?/g, "\n"));
  if (templateChannel(channel) === "email") {
    const preheader = clean(draft.preheader);
    return { subject: clean(draft.subject), preheader: preheader && preheader.trim() ? preheader : null, html: clean(draft.html), text: clean(draft.text), body: null };
  }
  return { subject: null, preheader: null, html: null, text: null, body: clean(draft.body) };
}

function sameDraft(a: TemplateDraft, b: TemplateDraft): boolean {
  return (Object.keys(CONTENT) as Array<keyof TemplateDraft>).every((k) => (a[k] ?? null) === (b[k] ?? null));
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

// ---- the notifications list ------------------------------------------------------------------------

/** One row of the notifications list: a trigger's step with its channels, state and usage. */
export interface NotificationRow {
  trigger: Trigger;
  step: MessageStep;
  /** On in the shop's settings (the trigger and the step). */
  enabled: boolean;
  /** Channels the shop sends this trigger on. */
  channels: Channel[];
  /** Locales with an active custom template, per template channel. */
  customized: Record<TemplateChannel, string[]>;
  lastEditedAt: Date | null;
  /** Messages of this step sent in the period. */
  sent: number;
}

/** Whether a step is on in the shop's settings, and on which channels its trigger sends. */
export function stepSettings(settings: ShopSettings, trigger: Trigger, step: MessageStep): { enabled: boolean; channels: Channel[] } {
  switch (trigger) {
    case "shipping": {
      const steps = settings.shipping.steps as Record<string, boolean>;
      return { enabled: settings.shipping.enabled && steps[step] === true, channels: settings.shipping.channels };
    }
    case "delay": {
      const kind = (settings.delay as unknown as Record<string, { enabled?: boolean } | undefined>)[step];
      return { enabled: settings.delay.enabled && kind?.enabled !== false, channels: settings.delay.channels };
    }
    case "back_in_stock":
      // Each customer chose email, a phone, or both when signing up.
      return { enabled: settings.backInStock.enabled, channels: ["email", "sms"] };
    default: {
      const never: never = trigger;
      return { enabled: false, channels: [never] };
    }
  }
}

/** Every trigger x step with its settings, custom templates, last edit and messages sent since `since`. */
export async function notificationOverview(shop: string, since: Date): Promise<NotificationRow[]> {
  const [shopRow, versions, sent] = await Promise.all([
    db.shop.findUnique({ where: { domain: shop }, select: { settings: true } }),
    db.messageTemplate.findMany({
      where: { shop },
      select: { trigger: true, step: true, channel: true, locale: true, version: true, reset: true, createdAt: true },
      orderBy: { version: "desc" },
    }),
    db.message.groupBy({ by: ["trigger", "step"], where: { shop, status: "SENT", createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const settings = parseSettings(shopRow?.settings);
  const newestByKey = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const k = `${v.trigger}|${v.step}|${v.channel}|${v.locale}`;
    if (!newestByKey.has(k)) newestByKey.set(k, v);
  }
  const sentBy = new Map(sent.map((s) => [`${s.trigger}|${s.step}`, s._count._all]));
  return TRIGGERS.flatMap((trigger) =>
    (STEPS_BY_TRIGGER[trigger] as readonly MessageStep[]).map((step) => {
      const customized: Record<TemplateChannel, string[]> = { email: [], sms: [] };
      let lastEditedAt: Date | null = null;
      for (const v of newestByKey.values()) {
        if (v.trigger !== trigger || v.step !== step) continue;
        if (!lastEditedAt || v.createdAt > lastEditedAt) lastEditedAt = v.createdAt;
        if (!v.reset && (v.channel === "email" || v.channel === "sms")) customized[v.channel].push(v.locale);
      }
      customized.email.sort();
      customized.sms.sort();
      return { trigger, step, ...stepSettings(settings, trigger, step), customized, lastEditedAt, sent: sentBy.get(`${trigger}|${step}`) ?? 0 };
    }),
  );
}

// ---- preview --------------------------------------------------------------------------------------

/** An order of the shop to preview with. */
export interface PreviewOrder {
  id: string;
  name: string;
  customer: string | null;
  locale: string | null;
  placedAt: Date;
}

/** The shop's most recent orders, for "preview with a real order". */
export async function recentOrders(shop: string, limit = 10): Promise<PreviewOrder[]> {
  const rows = await db.order.findMany({
    where: { shop },
    orderBy: { placedAt: "desc" },
    take: limit,
    select: { id: true, name: true, customerFirstName: true, customerLastName: true, customerLocale: true, placedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    customer: [r.customerFirstName, r.customerLastName].filter(Boolean).join(" ") || null,
    locale: r.customerLocale,
    placedAt: r.placedAt,
  }));
}

/** What the editor's preview shows for a draft. */
export interface PreviewResult extends ValidationResult {
  locale: string;
  dir: "ltr" | "rtl";
  /** The order previewed with, or null for sample data. */
  orderName: string | null;
}

/**
 * Render a draft for the editor: with the step's sample data, or with one of the shop's orders
 * (`orderId`, looked up in this shop only). Issues are those saving would report.
 */
export async function previewTemplate(input: Omit<TemplateKey, "shop"> & { shop: string; draft: TemplateDraft; orderId?: string | null; now?: Date }): Promise<PreviewResult> {
  const now = input.now ?? new Date();
  let variables;
  let orderName: string | null = null;
  if (input.orderId) {
    const [shopRow, facts] = await Promise.all([db.shop.findUnique({ where: { domain: input.shop } }), loadOrderFacts(input.shop, input.orderId)]);
    if (shopRow && facts) {
      const fulfillment = facts.fulfillments.length ? facts.fulfillments[facts.fulfillments.length - 1] : null;
      variables = orderVariables(input.trigger, input.step, { shop: toShopFacts(shopRow), order: facts.order, fulfillment }, now);
      orderName = facts.order.name;
    }
  }
  if (!variables) {
    const shopRow = await db.shop.findUnique({ where: { domain: input.shop } });
    variables = sampleVariables(input.trigger, input.step, input.locale, { now, shop: shopRow ? toShopFacts(shopRow) : undefined });
  }
  const result = validateTemplate({ trigger: input.trigger, step: input.step, channel: input.channel, locale: input.locale, draft: input.draft, variables, now });
  return { ...result, locale: input.locale, dir: textDirection(input.locale), orderName };
}

// ---- test send ------------------------------------------------------------------------------------

/** A shop may send this many tests an hour: enough to iterate, too few to be a way to spam. */
export const TEST_SENDS_PER_HOUR = 20;

export type TestSendResult =
  | { ok: true; messageId: string; provider: string; recipient: string }
  | { ok: false; error: string; issues?: TemplateIssue[] };

/**
 * Send the draft, rendered as the preview shows it, to the merchant's own address. The path is the
 * pipeline's, minus the queue: a Message row first (trigger "test", no order, so it never counts as
 * something a customer was told), then the channel adapter with a fresh idempotency key
 * (`test-<uuid>`), then the outcome on the row. No retry: the merchant sees the answer and can send again.
 */
export async function sendTestMessage(
  input: Omit<TemplateKey, "shop"> & { shop: string; draft: TemplateDraft; recipient: string; orderId?: string | null; now?: Date },
): Promise<TestSendResult> {
  const channel = templateChannel(input.channel);
  const shop = await db.shop.findUnique({ where: { domain: input.shop } });
  if (!shop || shop.uninstalledAt) return { ok: false, error: "This store is not installed." };

  const recipient = channel === "email" ? z.email().safeParse(input.recipient.trim().toLowerCase()).data : toE164(input.recipient, null);
  if (!recipient) {
    return { ok: false, error: channel === "email" ? "Enter a valid email address." : "Enter a mobile number with its country code, e.g. +14155550123." };
  }
  const preview = await previewTemplate({ ...input, channel });
  if (!preview.ok || !preview.rendered) return { ok: false, error: "Fix the template's problems before sending a test.", issues: preview.issues };

  const hourAgo = new Date((input.now ?? new Date()).getTime() - 3_600_000);
  const recent = await db.message.count({ where: { shop: input.shop, trigger: "test", createdAt: { gte: hourAgo } } });
  if (recent >= TEST_SENDS_PER_HOUR) return { ok: false, error: `You can send ${TEST_SENDS_PER_HOUR} tests an hour. Try again a little later.` };
  const suppressed = await suppressionReason(input.shop, channel, recipient, "test");
  if (suppressed) return { ok: false, error: `Herald may not message ${recipient}: it unsubscribed, bounced or replied STOP (${suppressed.replace(/^suppressed_/, "")}).` };

  const uuid = randomUUID();
  const rendered = preview.rendered;
  const subject = rendered.subject ? `[Test] ${rendered.subject}` : null;
  const message = await db.message.create({
    data: {
      shop: input.shop,
      dedupKey: `test:${uuid}`,
      trigger: "test",
      subject: `test:${input.trigger}:${input.step}`,
      step: input.step,
      channel,
      recipient,
      locale: input.locale,
      status: "SENDING",
      attempts: 1,
      renderedSubject: subject,
      renderedHtml: rendered.html,
      renderedText: rendered.text,
      segments: rendered.segments,
    },
  });
  const adapter = channel === "email" ? emailChannel() : textChannel();
  const attempt = await db.messageAttempt.create({ data: { messageId: message.id, number: 1, outcome: "STARTED", provider: adapter.provider } });
  const ctx = { idempotencyKey: `test-${uuid}`, shop: input.shop };
  const settings = parseSettings(shop.settings);
  let result: SendResult;
  try {
    result =
      channel === "email"
        ? await emailChannel().send(
            {
              from: formatFrom(settings.sender.fromName ?? shop.name, env().EMAIL_FROM),
              to: recipient,
              replyTo: settings.sender.replyTo ?? shop.email,
              subject: subject ?? "",
              html: rendered.html ?? "",
              text: rendered.text,
              headers: { "X-Herald-Message-Id": message.id, "X-Herald-Test": "1" },
              tags: [
                { name: "herald_message", value: message.id },
                { name: "herald_trigger", value: "test" },
              ],
            },
            ctx,
          )
        : await textChannel().send(
            {
              from: env().TWILIO_FROM ?? shop.name,
              to: recipient,
              body: rendered.text,
              statusCallbackUrl: `${env().SHOPIFY_APP_URL.replace(/\/+$/, "")}/providers/twilio/status`,
            },
            ctx,
          );
  } catch (error) {
    result = { ok: false, provider: adapter.provider, retryable: false, error: `Unexpected: ${String(error)}` };
  }
  const finishedAt = new Date();
  await db.$transaction([
    db.messageAttempt.update({
      where: { id: attempt.id },
      data: result.ok ? { outcome: "SENT", providerMessageId: result.providerMessageId, finishedAt } : { outcome: "FAILED", error: result.error, finishedAt },
    }),
    db.message.update({
      where: { id: message.id },
      data: result.ok
        ? { status: "SENT", provider: result.provider, providerMessageId: result.providerMessageId, sentAt: finishedAt }
        : { status: "FAILED", provider: result.provider, error: result.error },
    }),
  ]);
  log.info(result.ok ? "template.test_sent" : "template.test_failed", { shop: input.shop, message: message.id, provider: result.provider });
  return result.ok ? { ok: true, messageId: message.id, provider: result.provider, recipient } : { ok: false, error: `The provider refused the test: ${result.error}` };
}

/** The shop's facts the editor needs: contact email (default test recipient) and primary locale. */
export async function editorShop(shop: string) {
  return db.shop.findUnique({ where: { domain: shop }, select: { name: true, email: true, primaryLocale: true, timezone: true, settings: true } });
}

/**
 * The editor's languages for one template: tabs for the languages that matter to this shop (its primary
 * locale, those it edited, those its recent customers read, the one open), and every other language
 * Herald has defaults for or a merchant may write in.
 */
export async function editorLocales(
  shop: string,
  key: { trigger: Trigger; step: MessageStep; channel: Channel; current: string; primaryLocale: string | null | undefined },
): Promise<{ tabs: Array<{ locale: string; customized: boolean }>; others: string[] }> {
  const [customized, orders] = await Promise.all([
    customizedLocales(shop, key.trigger, key.step, key.channel),
    db.order.findMany({ where: { shop, customerLocale: { not: null } }, orderBy: { placedAt: "desc" }, take: 100, select: { customerLocale: true } }),
  ]);
  const known = [...AVAILABLE_LOCALES, ...customized];
  const customers = orders.map((o) => {
    const wanted = (o.customerLocale ?? "").trim().replace(/_/g, "-");
    const language = wanted.split("-")[0].toLowerCase();
    return known.find((l) => l.toLowerCase() === wanted.toLowerCase()) ?? known.find((l) => l.toLowerCase() === language) ?? language;
  });
  const primary = defaultEditorLocale(key.primaryLocale, AVAILABLE_LOCALES);
  const tabs = [...new Set([primary, ...customized, ...customers.filter((l) => localeSchema.safeParse(l).success), key.current])];
  const others = TEMPLATE_LOCALES.filter((l) => !tabs.includes(l));
  return { tabs: tabs.map((locale) => ({ locale, customized: customized.includes(locale) })), others };
}

/** The locale a shop's editor opens in: its primary locale when Herald has templates for it, else English. */
export function defaultEditorLocale(primaryLocale: string | null | undefined, locales: readonly string[]): string {
  const primary = (primaryLocale ?? "en").trim();
  return locales.find((l) => l.toLowerCase() === primary.toLowerCase()) ?? locales.find((l) => l === primary.split("-")[0]) ?? "en";
}

// ---- requests from the editor (zod: outside input) ------------------------------------------------

const source = z.string().max(100_000).nullish();
/** A draft as the editor posts it. */
export const draftSchema = z.object({ subject: source, preheader: source, html: source, text: source, body: source });
const channelSchema = z.enum(["email", "sms"]);

/** POST /app/notifications/preview */
export const previewRequestSchema = z.object({
  trigger: z.string().max(40),
  step: z.string().max(60),
  channel: channelSchema,
  locale: localeSchema,
  draft: draftSchema,
  orderId: z.string().max(64).nullish(),
});

/** POST /app/notifications/:trigger/:step */
export const editorRequestSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), channel: channelSchema, locale: localeSchema, draft: draftSchema }),
  z.object({
    intent: z.literal("saveAll"),
    templates: z
      .array(z.object({ channel: channelSchema, locale: localeSchema, draft: draftSchema }))
      .min(1)
      .max(100)
      .refine((list) => new Set(list.map((t) => `${t.channel}|${t.locale}`)).size === list.length, "Each template at most once"),
  }),
  z.object({ intent: z.literal("reset"), channel: channelSchema, locale: localeSchema }),
  z.object({ intent: z.literal("restore"), channel: channelSchema, locale: localeSchema, version: z.number().int().positive() }),
  z.object({
    intent: z.literal("test"),
    channel: channelSchema,
    locale: localeSchema,
    draft: draftSchema,
    recipient: z.string().max(320),
    orderId: z.string().max(64).nullish(),
  }),
]);
export type EditorRequest = z.infer<typeof editorRequestSchema>;

/** The editor's answer to one request: JSON for the page (issues inline, a toast, a banner). */
export type EditorResponse =
  | { intent: "save" | "restore"; ok: true; version: number; unchanged: boolean }
  | { intent: "save" | "restore"; ok: false; issues: TemplateIssue[] }
  | ({ intent: "saveAll" } & SaveAllResult)
  | { intent: "reset"; ok: true; version: number | null; unchanged: boolean }
  | { intent: "test"; ok: true; recipient: string; provider: string }
  | { intent: "test"; ok: false; error: string; issues?: TemplateIssue[] };

/** Run one editor request for a shop's template of trigger x step. */
export async function handleEditorRequest(shop: string, trigger: Trigger, step: MessageStep, request: EditorRequest, createdBy: string | null): Promise<EditorResponse> {
  if (request.intent === "saveAll") return { intent: "saveAll", ...(await saveTemplates({ shop, trigger, step, createdBy }, request.templates)) };
  const key = { shop, trigger, step, channel: request.channel, locale: request.locale };
  switch (request.intent) {
    case "save":
      return { intent: "save", ...(await saveTemplate({ ...key, draft: request.draft, createdBy })) };
    case "restore":
      return { intent: "restore", ...(await restoreTemplate({ ...key, version: request.version, createdBy })) };
    case "reset":
      return { intent: "reset", ok: true, ...(await resetTemplate({ ...key, createdBy })) };
    case "test": {
      const sent = await sendTestMessage({ ...key, draft: request.draft, recipient: request.recipient, orderId: request.orderId });
      return sent.ok ? { intent: "test", ok: true, recipient: sent.recipient, provider: sent.provider } : { intent: "test", ...sent };
    }
  }
}

/** A preview as JSON for the editor. */
export interface PreviewPayload {
  ok: boolean;
  issues: TemplateIssue[];
  subject: string | null;
  preheader: string | null;
  html: string | null;
  text: string | null;
  segments: { encoding: "GSM-7" | "UCS-2"; segments: number; characters: number } | null;
  locale: string;
  dir: "ltr" | "rtl";
  orderName: string | null;
}

export function toPreviewPayload(result: PreviewResult): PreviewPayload {
  return {
    ok: result.ok,
    issues: result.issues,
    subject: result.rendered?.subject ?? null,
    preheader: result.preheader,
    html: result.rendered?.html ?? null,
    text: result.rendered?.text ?? null,
    segments: result.segments ? { encoding: result.segments.encoding, segments: result.segments.segments, characters: result.segments.characters } : null,
    locale: result.locale,
    dir: result.dir,
    orderName: result.orderName,
  };
}
