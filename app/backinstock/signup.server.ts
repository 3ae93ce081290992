import type { StockSubscription } from "@prisma/client";
import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";
import { transaction } from "../db/transaction.server";
import { confirmFillJobKey, confirmJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { parseSettings } from "../notifications/settings";
import type { SignupInput } from "./signup-form";
import { createStockMessageOnce, stockChannels, stockMessageData } from "./messages.server";
import { smsStart } from "./sms-signup.server";
import { liftSignupSuppressions, type UnreachableContact } from "./signup-reach.server";
import { knownVariant } from "./variants.server";

/**
 * What a sign-up came to, as the storefront block shows it. "unreachable": recorded, but every
 * contact given is one Herald may not write to now (`unreachable` says why).
 */
export type SignupStatus = "subscribed" | "already_subscribed" | "confirm_sms" | "unreachable";

/** The answer to a sign-up: its status, and the contacts given that cannot be reached. */
export interface SignupAnswer {
  status: SignupStatus;
  unreachable: UnreachableContact[];
}

/** The unique key of a waiting subscription: one per variant and contact. */
export function waitingKey(shop: string, variantId: string, contact: string): string {
  return `${shop}|${variantId}|${contact}`;
}

/**
 * Record a sign-up once: a repeat for the same variant by the same email or phone finds the waiting
 * subscription (and adds a contact it lacked). A new one gets its confirmation job (recorded) in the
 * same transaction. The sign-up lifts the address's own back-in-stock unsubscribe; a contact that
 * stays unreachable is reported. No Admin API or provider call here: the storefront waits for this answer.
 */
export async function subscribe(shop: string, input: SignupInput, opts: { smsDoubleOptIn: boolean; shopLocale: string }, now: Date): Promise<SignupAnswer> {
  const unreachable = await liftSignupSuppressions(shop, input);
  const status = await record(shop, input, { ...opts, phoneStopped: unreachable.includes("phone_stopped") }, now);
  // Recorded all the same: an undone unsubscribe or a texted START makes the sign-up count again.
  const given = (input.email ? 1 : 0) + (input.phone ? 1 : 0);
  return { status: unreachable.length === given ? "unreachable" : status, unreachable };
}

/** A new subscription with its confirmation job, or the repeat's fill. */
async function record(shop: string, input: SignupInput, opts: { smsDoubleOptIn: boolean; shopLocale: string; phoneStopped: boolean }, now: Date): Promise<SignupStatus> {
  const contacts = [input.email, input.phone].filter((c): c is string => !!c);
  const holders = await db.stockSubscription.findMany({
    where: { shop, variantId: input.variantId, status: "WAITING", OR: contacts.flatMap((c) => [{ email: c }, { phone: c }]) },
    orderBy: { createdAt: "asc" },
  });
  if (holders.length > 0) return fillContact(holders, input, opts, now);
  const sms = input.phone ? await smsStart(shop, input.phone, opts.smsDoubleOptIn, now) : { smsConfirmed: null, text: false };
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
          smsConfirmed: sms.smsConfirmed,
          createdAt: now,
        },
      });
      // Recorded: the sign-up's row does not say whether it was confirmed, so on BullMQ (told after
      // commit) the job's own row is what the sweeper brings a lost confirmation back from.
      await queue().enqueue("backinstock-confirm", { subscriptionId: sub.id, sms: sms.text }, { tx, key: confirmJobKey(sub.id), recorded: true });
    });
  } catch (error) {
    // The same sign-up arrived twice at once: the first one holds the waiting key.
    if (isUniqueViolation(error, "StockSubscription")) return "already_subscribed";
    throw error;
  }
  log.info("backinstock.subscribed", { shop, variant: input.variantId, email: Boolean(input.email), sms: Boolean(input.phone) });
  // A stopped number is not texted the YES prompt: the email is the sign-up's way in for now.
  return sms.smsConfirmed === false && !opts.phoneStopped ? "confirm_sms" : "subscribed";
}

/**
 * A repeat sign-up: the oldest waiting subscription it matches gains the email or phone it lacked,
 * unless another waiting subscription of the variant holds that contact already (one address, one
 * number is told once per restock). The added contact is confirmed as a new sign-up's would be:
 * the confirmation job runs again for it (the contact the subscription had keeps its one message).
 */
async function fillContact(
  holders: StockSubscription[],
  input: SignupInput,
  opts: { smsDoubleOptIn: boolean; phoneStopped: boolean },
  now: Date,
): Promise<SignupStatus> {
  const existing = holders[0];
  const held = (contact: string) => holders.some((h) => h.email === contact || h.phone === contact);
  const addEmail = !existing.email && input.email && !held(input.email) ? input.email : null;
  const addPhone = !addEmail && !existing.phone && input.phone && !held(input.phone) ? input.phone : null;
  if (!addEmail && !addPhone) return "already_subscribed";
  const sms = addPhone ? await smsStart(existing.shop, addPhone, opts.smsDoubleOptIn, now, existing.id) : { smsConfirmed: existing.smsConfirmed, text: false };
  const channel = addEmail ? "email" : "sms";
  const filled = await transaction(async (tx) => {
    // Only while the contact is still missing: a concurrent repeat may have filled it first.
    const result = await tx.stockSubscription.updateMany({
      where: { id: existing.id, status: "WAITING", ...(addEmail ? { email: null } : { phone: null }) },
      data: addEmail ? { email: addEmail } : { phone: addPhone, smsConfirmed: sms.smsConfirmed },
    });
    if (result.count === 0) return false;
    // An added email is confirmed; an added number only when it is to be texted (see smsStart).
    if (addEmail || sms.text) {
      await queue().enqueue("backinstock-confirm", { subscriptionId: existing.id, sms: sms.text }, { tx, key: confirmFillJobKey(existing.id, channel), recorded: true });
    }
    return true;
  });
  return filled && addPhone && sms.smsConfirmed === false && !opts.phoneStopped ? "confirm_sms" : "already_subscribed";
}

/**
 * The sign-up's confirmation (job backinstock-confirm): the variant is looked up when unknown, then
 * one message per channel is recorded and delivered; a text only when the sign-up decided its number
 * is to be texted (`sms`, see smsStart). A variant Shopify does not know ends the
 * subscription: nobody could ever be told about it.
 */
export async function confirmSubscription(subscriptionId: string, now: Date, opts: { sms: boolean }): Promise<void> {
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
    if (channel === "sms" && !opts.sms) continue;
    await createStockMessageOnce(await stockMessageData({ shop, variant, sub, step: "confirmation", channel, recipient, now, status: "PENDING" }));
  }
}

/** An SMS YES: the number's waiting sign-ups at this shop may now be alerted by text. */
export async function confirmSmsSignups(shop: string, phone: string): Promise<number> {
  const result = await db.stockSubscription.updateMany({ where: { shop, phone, status: "WAITING", smsConfirmed: false }, data: { smsConfirmed: true } });
  return result.count;
}
