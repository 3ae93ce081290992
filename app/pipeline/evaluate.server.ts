import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { toE164 } from "../channels/phone";
import { queue } from "../jobs/queue.server";
import { loadOrderFacts } from "../models/facts.server";
import { historyForOrder } from "../models/messages.server";
import { toShopFacts } from "../models/shops.server";
import { decide } from "../notifications/decide";
import { dedupKey } from "../notifications/dedup";
import { resolveLocale } from "../notifications/locale";
import { buildVariables, renderMessage } from "../notifications/render";
import { parseSettings } from "../notifications/settings";
import { AVAILABLE_LOCALES } from "../notifications/templates";
import type { Intent } from "../notifications/types";

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
  const intents = decide({ now, shop: shopFacts, settings, order: facts.order, fulfillments: facts.fulfillments, history });

  let created = 0;
  for (const decided of intents) {
    const intent = withNormalizedPhone(decided, facts.order.shippingCountry);
    const fulfillment = facts.fulfillments.find((f) => f.id === intent.fulfillmentId) ?? null;
    const locale = resolveLocale(facts.order.customerLocale, shopFacts.primaryLocale, AVAILABLE_LOCALES);
    const rendered = intent.skipReason
      ? null
      : renderMessage({
          trigger: intent.trigger,
          step: intent.step,
          channel: intent.channel,
          locale,
          variables: buildVariables({ shop: shopFacts, order: facts.order, fulfillment }),
        });
    if (await createMessage(shopDomain, intent, locale, rendered)) created++;
  }
  return created;
}

type Rendered = ReturnType<typeof renderMessage> | null;

async function createMessage(shop: string, intent: Intent, locale: string, rendered: Rendered): Promise<boolean> {
  const key = dedupKey(shop, intent);
  const status = intent.skipReason ? "SKIPPED" : rendered && !rendered.ok ? "FAILED" : "PENDING";
  const content = rendered?.ok ? rendered.message : null;
  try {
    return await db.$transaction(async (tx) => {
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
        },
      });
      if (status === "PENDING") {
        await queue().enqueue("deliver-message", { messageId: message.id }, { tx, key: `deliver:${message.id}`, maxAttempts: 50 });
      }
      return true;
    });
  } catch (error) {
    // A concurrent evaluation created the same message first: that is the guard working.
    if (isUniqueViolation(error, "Message")) return false;
    throw error;
  }
}

/** SMS and WhatsApp go to E.164 numbers; one that cannot be read as a valid number is skipped. */
function withNormalizedPhone(intent: Intent, country: string | null): Intent {
  if (intent.channel === "email" || intent.skipReason || !intent.recipient) return intent;
  const e164 = toE164(intent.recipient, country);
  return e164 ? { ...intent, recipient: e164 } : { ...intent, skipReason: "invalid_phone" };
}
