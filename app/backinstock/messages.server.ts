import type { Shop, StockSubscription, Variant } from "@prisma/client";
import type { Tx } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/transaction.server";
import { deliverJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { toShopFacts } from "../models/shops.server";
import { activeTemplate, templateLocales } from "../models/templates.server";
import { resolveLocale } from "../notifications/locale";
import { renderMessage } from "../notifications/render";
import type { BackInStockStep } from "../notifications/types";
import { buildStockVariables } from "../notifications/variables";
import { unsubscribeUrl } from "../unsubscribe/token.server";

// Back-in-stock messages go through the same outbox as every other message: a Message row under a
// unique dedup key first, then delivery. A subscription is told each step once, whatever retries,
// duplicate webhooks or crashed workers do.

export const TRIGGER = "back_in_stock";

/** What every back-in-stock message of one subscription is about. */
export const subscriptionSubject = (subscriptionId: string) => `subscription:${subscriptionId}`;

/** What an alert is about: one restock, told to one subscription (so once per restock at most). */
export const alertSubject = (restockId: string, subscriptionId: string) => `${restockPrefix(restockId)}${subscriptionId}`;
export const restockPrefix = (restockId: string) => `restock:${restockId}:subscription:`;

/** The restock and subscription an alert's subject names; null for any other subject. */
export function alertOfSubject(subject: string): { restockId: string; subscriptionId: string } | null {
  const match = /^restock:([^:]+):subscription:(.+)$/.exec(subject);
  return match ? { restockId: match[1], subscriptionId: match[2] } : null;
}

/** shop + trigger + subject + step + recipient + channel, like every Message (app/notifications/dedup.ts). */
export function stockDedupKey(shop: string, subject: string, step: BackInStockStep, channel: "email" | "sms", recipient: string): string {
  return [shop, TRIGGER, subject, step, recipient, channel].join("|");
}

/** Merchant templates looked up once per batch rather than once per message. */
export function templateCache(shop: string) {
  const locales = new Map<string, Promise<string[]>>();
  const templates = new Map<string, ReturnType<typeof activeTemplate>>();
  return {
    locales(step: BackInStockStep, channel: "email" | "sms") {
      const key = `${step}|${channel}`;
      if (!locales.has(key)) locales.set(key, templateLocales(shop, TRIGGER, step, channel));
      return locales.get(key)!;
    },
    template(step: BackInStockStep, channel: "email" | "sms", locale: string) {
      const key = `${step}|${channel}|${locale}`;
      if (!templates.has(key)) templates.set(key, activeTemplate(shop, TRIGGER, step, channel, locale));
      return templates.get(key)!;
    },
  };
}

/** The channels a subscription is reached on for `step`: email when given; SMS when given and allowed. */
export function stockChannels(sub: Pick<StockSubscription, "email" | "phone" | "smsConfirmed">, step: BackInStockStep): Array<{ channel: "email" | "sms"; recipient: string }> {
  const out: Array<{ channel: "email" | "sms"; recipient: string }> = [];
  if (sub.email) out.push({ channel: "email", recipient: sub.email });
  // Under SMS double opt-in, alerts wait for the YES; the confirmation is what asks for it.
  if (sub.phone && (step === "confirmation" || sub.smsConfirmed !== false)) out.push({ channel: "sms", recipient: sub.phone });
  return out;
}

/** The Message row of one back-in-stock message, rendered in the subscriber's locale. */
export async function stockMessageData(input: {
  shop: Shop;
  variant: Variant;
  sub: StockSubscription;
  step: BackInStockStep;
  channel: "email" | "sms";
  recipient: string;
  now: Date;
  /** PENDING: delivered on its own; BATCHED: sent by the restock's fan-out in a batch. */
  status: "PENDING" | "BATCHED";
  /** The restock an alert is about. */
  restockId?: string;
  /** Set SKIPPED with this reason (a suppressed address) instead of sending. */
  skipReason?: string | null;
  templates?: ReturnType<typeof templateCache>;
}) {
  const { shop, variant, sub, step, channel, recipient, now } = input;
  const templates = input.templates ?? templateCache(shop.domain);
  const locale = resolveLocale(sub.locale, shop.primaryLocale, await templates.locales(step, channel));
  const template = await templates.template(step, channel, locale);
  const rendered = renderMessage({
    trigger: TRIGGER,
    step,
    channel,
    locale,
    customerLocale: sub.locale,
    variables: buildStockVariables({
      shop: toShopFacts(shop),
      item: variant,
      email: sub.email,
      phone: sub.phone,
      confirmByReply: step === "confirmation" && sub.smsConfirmed === false,
      // Issued at the decision time: every retry sends the very same bytes.
      unsubscribeUrl: channel === "email" ? unsubscribeUrl({ shop: shop.domain, address: recipient, scope: TRIGGER, locale, issuedAt: now }) : null,
    }),
    template: template ?? undefined,
  });
  const content = rendered.ok ? rendered.message : null;
  const subject = input.restockId ? alertSubject(input.restockId, sub.id) : subscriptionSubject(sub.id);
  return {
    shop: shop.domain,
    dedupKey: stockDedupKey(shop.domain, subject, step, channel, recipient),
    trigger: TRIGGER,
    subject,
    step,
    channel,
    recipient,
    locale: content?.locale ?? locale,
    status: input.skipReason ? "SKIPPED" : rendered.ok ? input.status : "FAILED",
    reason: input.skipReason ?? null,
    error: rendered.ok ? null : `Template error: ${rendered.error}`,
    renderedSubject: content?.subject ?? null,
    renderedHtml: content?.html ?? null,
    renderedText: content?.text ?? null,
    segments: content?.segments ?? null,
    createdAt: now,
  };
}

export type MessageData = Awaited<ReturnType<typeof stockMessageData>>;

/**
 * Create the row unless its dedup key exists, in `tx`; a PENDING row gets its delivery job in the same
 * transaction. Returns the new row's id, or null when it already existed.
 */
export async function createStockMessage(tx: Tx, data: MessageData): Promise<string | null> {
  if (await tx.message.findUnique({ where: { dedupKey: data.dedupKey }, select: { id: true } })) return null;
  const row = await tx.message.create({ data, select: { id: true } });
  if (data.status === "PENDING") {
    await queue().enqueue("deliver-message", { messageId: row.id }, { tx, key: deliverJobKey(row.id), maxAttempts: 50, runAt: data.createdAt });
  }
  return row.id;
}

/** createStockMessage in its own transaction; a concurrent creator of the same key wins quietly. */
export async function createStockMessageOnce(data: MessageData): Promise<string | null> {
  try {
    return await transaction((tx) => createStockMessage(tx, data));
  } catch (error) {
    if (isUniqueViolation(error, "Message")) return null;
    throw error;
  }
}
