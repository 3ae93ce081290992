import { db } from "../db.server";
import { env } from "../env.server";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/transaction.server";
import { deliverJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { unsubscribeUrl } from "../unsubscribe/token.server";
import { loadOrderFacts } from "../models/facts.server";
import { historyForOrder } from "../models/messages.server";
import { toShopFacts } from "../models/shops.server";
import { activeTemplate, templateLocales } from "../models/templates.server";
import { renderWhatsApp } from "../models/whatsapp-templates.server";
import { nextWakeup } from "../notifications/decide";
import { dedupKey } from "../notifications/dedup";
import { resolveLocale } from "../notifications/locale";
import { buildVariables, renderMessage } from "../notifications/render";
import { parseSettings } from "../notifications/settings";
import { decideWithReach } from "./reach.server";
import { AVAILABLE_LOCALES } from "../notifications/templates";
import type { DecisionInput, Intent } from "../notifications/types";

/**
 * Decide which messages an order is due now and record each as a Message row before any
 * provider is called. The unique dedupKey is the guard: re-evaluating the same facts (a
 * duplicate webhook, a retried job, two workers at once) creates nothing new.
 * Returns the number of new rows.
 */
export async function evaluateOrder(shopDomain: string, orderId: string, now: Date): Promise<number> {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop || shop.uninstalledAt) return 0;
  const facts = await loadOrderFacts(db, shopDomain, orderId);
  if (!facts) return 0; // Not seen the order yet: its orders/create will evaluate it again.

  const shopFacts = toShopFacts(shop);
  const settings = parseSettings(shop.settings);
  const history = await historyForOrder(shopDomain, orderId);
  const known: DecisionInput = { now, shop: shopFacts, settings, order: facts.order, fulfillments: facts.fulfillments, fulfillmentOrders: facts.fulfillmentOrders, history };
  // Texts need a WhatsApp template and, by the shop's policy, SMS consent (app/notifications/reach.ts).
  const { input, intents } = await decideWithReach(shopDomain, known);

  let created = 0;
  for (const intent of intents) {
    const fulfillment = facts.fulfillments.find((f) => f.id === intent.fulfillmentId) ?? null;
    if (intent.channel === "whatsapp" && !intent.skipReason) {
      // An approved template: Herald fills its placeholders, not the text around them.
      const values = buildVariables({ shop: shopFacts, order: facts.order, fulfillment, delay: intent.delay, unsubscribeUrl: null });
      const whatsapp = await renderWhatsApp(shopDomain, intent, { customer: facts.order.customerLocale, primary: shopFacts.primaryLocale }, values);
      if (await createMessage(shopDomain, intent, whatsapp.ok ? whatsapp.message.locale : shopFacts.primaryLocale, whatsapp, now)) created++;
      continue;
    }
    // Merchant templates (issue 6): a locale the shop wrote this template in (e.g. Arabic) counts as
    // available, and the shop's active template for it replaces Herald's default.
    const locales = intent.skipReason ? AVAILABLE_LOCALES : await templateLocales(shopDomain, intent.trigger, intent.step, intent.channel);
    const locale = resolveLocale(facts.order.customerLocale, shopFacts.primaryLocale, locales);
    const template = intent.skipReason ? null : await activeTemplate(shopDomain, intent.trigger, intent.step, intent.channel, locale);
    // (end of merchant templates)
    const rendered = intent.skipReason
      ? null
      : renderMessage({
          trigger: intent.trigger,
          step: intent.step,
          channel: intent.channel,
          locale,
          variables: buildVariables({
            shop: shopFacts,
            order: facts.order,
            fulfillment,
            delay: intent.delay,
            // Issued at the decision time: every retry renders and sends the very same bytes.
            unsubscribeUrl:
              intent.channel === "email" && intent.recipient
                ? unsubscribeUrl({ shop: shopDomain, address: intent.recipient, scope: intent.trigger, locale, issuedAt: now })
                : null,
          }),
          template: template ?? undefined,
        });
    if (await createMessage(shopDomain, intent, locale, rendered, now)) created++;
  }
  // nextWakeup answers the same before or after the new rows are recorded: no second history read.
  await scheduleWakeup(shopDomain, orderId, nextWakeup(input));
  return created;
}

type Rendered = ReturnType<typeof renderMessage> | null;

/**
 * Delay notices wait a short settle window before going out: webhooks arrive late and out of
 * order, and an order that looks unfulfilled may have its fulfillment webhook a moment behind.
 * At delivery the notice is checked again (staleReason) and skipped if the condition cleared.
 * Shipping updates go at once: they report what just happened.
 */
export function delaySettleMs(): number {
  return env().HERALD_DELAY_SETTLE_SECONDS * 1000;
}

function sendAt(intent: Intent, now: Date): Date {
  return intent.trigger === "delay" ? new Date(now.getTime() + delaySettleMs()) : now;
}

async function createMessage(shop: string, intent: Intent, locale: string, rendered: Rendered, now: Date): Promise<boolean> {
  const key = dedupKey(shop, intent);
  const status = intent.skipReason ? "SKIPPED" : rendered && !rendered.ok ? "FAILED" : "PENDING";
  const content = rendered?.ok ? rendered.message : null;
  try {
    return await transaction(async (tx) => {
      if (await tx.message.findUnique({ where: { dedupKey: key }, select: { id: true } })) return false;
      const message = await tx.message.create({
        data: {
          shop,
          dedupKey: key,
          trigger: intent.trigger,
          subject: intent.subject,
          step: intent.step,
          channel: intent.channel,
          recipient: intent.recipient ?? "",
          locale: content?.locale ?? locale,
          orderId: intent.orderId,
          fulfillmentId: intent.fulfillmentId,
          status,
          reason: intent.skipReason,
          error: rendered && !rendered.ok ? `Template error: ${rendered.error}` : null,
          renderedSubject: content?.subject ?? null,
          renderedHtml: content?.html ?? null,
          renderedText: content?.text ?? null,
          segments: content?.segments ?? null,
          detectedAt: intent.detectedAt,
          // The job's clock, not the database's: spacing and caps compare these with decision times.
          createdAt: now,
        },
      });
      if (status === "PENDING") {
        await queue().enqueue("deliver-message", { messageId: message.id }, { tx, key: deliverJobKey(message.id), maxAttempts: 50, runAt: sendAt(intent, now) });
      }
      return true;
    });
  } catch (error) {
    // A concurrent evaluation created the same message first: that is the guard working.
    if (isUniqueViolation(error, "Message")) return false;
    throw error;
  }
}


/**
 * Timed conditions (unfulfilled for N business hours, stalled, estimate passed...) are checked by
 * a durable job at the moment they could become true, never by a timer in memory. The key makes
 * repeated evaluations schedule that moment once; if the condition has gone by then, the
 * evaluation simply finds nothing due.
 */
async function scheduleWakeup(shop: string, orderId: string, at: Date | null): Promise<void> {
  if (!at) return;
  await queue().enqueue("evaluate-order", { shop, orderId }, { runAt: at, key: `wake:${shop}:${orderId}:${at.toISOString()}` });
}
