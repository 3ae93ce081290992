import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/transaction.server";
import { confirmJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { parseSettings } from "../notifications/settings";
import type { SignupInput } from "./signup-form";
import { createStockMessageOnce, stockChannels, stockMessageData } from "./messages.server";
import { knownVariant } from "./variants.server";

/** What a sign-up came to, as the storefront block shows it. */
export type SignupStatus = "subscribed" | "already_subscribed" | "confirm_sms";

/** The unique key of a waiting subscription: one per variant and contact. */
export function waitingKey(shop: string, variantId: string, contact: string): string {
  return `${shop}|${variantId}|${contact}`;
}

/**
 * Record a sign-up once: a repeat for the same variant by the same email or phone finds the waiting
 * subscription (and adds a contact it lacked). A new one gets its confirmation job (recorded) in the
 * same transaction. No Admin API or provider call here: the storefront waits for this answer.
 */
export async function subscribe(shop: string, input: SignupInput, opts: { smsDoubleOptIn: boolean; shopLocale: string }, now: Date): Promise<SignupStatus> {
  const contacts = [input.email, input.phone].filter((c): c is string => !!c);
  const existing = await db.stockSubscription.findFirst({
    where: { shop, variantId: input.variantId, status: "WAITING", OR: contacts.flatMap((c) => [{ email: c }, { phone: c }]) },
  });
  if (existing) {
    const fill = {
      ...(!existing.email && input.email ? { email: input.email } : {}),
      ...(!existing.phone && input.phone ? { phone: input.phone, smsConfirmed: opts.smsDoubleOptIn ? false : null } : {}),
    };
    if (Object.keys(fill).length > 0) await db.stockSubscription.update({ where: { id: existing.id }, data: fill });
    return "already_subscribed";
  }
  const smsConfirmed = input.phone && opts.smsDoubleOptIn ? false : null;
  try {
    await transaction(async (tx) => {
      const sub = await tx.stockSubscription.create({
        data: {
          shop,
          variantId: input.variantId,
          productId: input.productId,
          email: input.email,
          phone: input.phone,
          locale: input.locale ?? opts.shopLocale,
          waitingKey: waitingKey(shop, input.variantId, contacts[0]),
          smsConfirmed,
          createdAt: now,
        },
      });
      // Recorded: the sign-up's row does not say whether it was confirmed, so on BullMQ (told after
      // commit) the job's own row is what the sweeper brings a lost confirmation back from.
      await queue().enqueue("backinstock-confirm", { subscriptionId: sub.id }, { tx, key: confirmJobKey(sub.id), recorded: true });
    });
  } catch (error) {
    // The same sign-up arrived twice at once: the first one holds the waiting key.
    if (isUniqueViolation(error, "StockSubscription")) return "already_subscribed";
    throw error;
  }
  log.info("backinstock.subscribed", { shop, variant: input.variantId, email: Boolean(input.email), sms: Boolean(input.phone) });
  return smsConfirmed === false ? "confirm_sms" : "subscribed";
}

/**
 * The sign-up's confirmation (job backinstock-confirm): the variant is looked up when unknown, then
 * one message per channel is recorded and delivered. A variant Shopify does not know ends the
 * subscription: nobody could ever be told about it.
 */
export async function confirmSubscription(subscriptionId: string, now: Date): Promise<void> {
  const sub = await db.stockSubscription.findUnique({ where: { id: subscriptionId } });
  if (!sub || sub.status !== "WAITING") return;
  const shop = await db.shop.findUnique({ where: { domain: sub.shop } });
  if (!shop || shop.uninstalledAt) return;
  const variant = await knownVariant(sub.shop, sub.variantId, now);
  if (!variant) {
    await db.stockSubscription.update({ where: { id: sub.id }, data: { status: "UNSUBSCRIBED", waitingKey: null } });
    log.warn("backinstock.unknown_variant", { shop: sub.shop, variant: sub.variantId });
    return;
  }
  if (!parseSettings(shop.settings).backInStock.enabled) return;
  for (const { channel, recipient } of stockChannels(sub, "confirmation")) {
    await createStockMessageOnce(await stockMessageData({ shop, variant, sub, step: "confirmation", channel, recipient, now, status: "PENDING" }));
  }
}

/** An SMS YES: the number's waiting sign-ups at this shop may now be alerted by text. */
export async function confirmSmsSignups(shop: string, phone: string): Promise<number> {
  const result = await db.stockSubscription.updateMany({ where: { shop, phone, status: "WAITING", smsConfirmed: false }, data: { smsConfirmed: true } });
  return result.count;
}
