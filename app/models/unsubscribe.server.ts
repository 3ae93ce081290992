import { db } from "../db.server";
import { normalizeAddress, suppress } from "./suppressions.server";

// Customer-initiated email opt-outs, stored as Suppression rows with reason "unsubscribe" and a
// scope: one trigger ("shipping", "delay"...) or "all". Delivery already skips a suppressed
// recipient (suppressionReason -> "suppressed_unsubscribe").

export const UNSUBSCRIBE_REASON = "unsubscribe";

/** Where this address stands for this shop: off for everything, off for the link's kind, or on. */
export type SubscriptionState = "all" | "scope" | "subscribed";

export async function unsubscribeEmail(shop: string, address: string, scope: string): Promise<void> {
  await suppress(shop, "email", address, UNSUBSCRIBE_REASON, scope);
}

/**
 * Undo an unsubscribe for one scope. Only the customer's own opt-out is removed: a hard bounce or a
 * spam complaint for the same address stays (a link in an old email must not lift those).
 */
export async function resubscribeEmail(shop: string, address: string, scope: string): Promise<void> {
  await db.suppression.deleteMany({
    where: { shop, channel: "email", address: normalizeAddress("email", address), scope, reason: UNSUBSCRIBE_REASON },
  });
}

export async function subscriptionState(shop: string, address: string, scope: string): Promise<SubscriptionState> {
  const rows = await db.suppression.findMany({
    where: { shop, channel: "email", address: normalizeAddress("email", address), scope: { in: ["all", scope] }, reason: UNSUBSCRIBE_REASON },
    select: { scope: true },
  });
  if (rows.some((r) => r.scope === "all")) return "all";
  return rows.length > 0 ? "scope" : "subscribed";
}

/** The shop's name and language for the page; a shop Herald no longer knows shows its domain. */
export async function shopForPage(domain: string): Promise<{ name: string; primaryLocale: string }> {
  const shop = await db.shop.findUnique({ where: { domain }, select: { name: true, primaryLocale: true } });
  return { name: shop?.name?.trim() || domain, primaryLocale: shop?.primaryLocale ?? "en" };
}
