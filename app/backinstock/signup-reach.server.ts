import { addressSuppressions } from "../models/suppressions.server";
import { resubscribeEmail, UNSUBSCRIBE_REASON } from "../models/unsubscribe.server";
import { TRIGGER } from "./messages.server";

/**
 * A contact given on the sign-up form that back-in-stock messages cannot reach, and that the form
 * cannot make reachable, as the storefront block explains it:
 * - email_unsubscribed: the address unsubscribed from all the shop's emails (the unsubscribe link in
 *   any of its emails undoes that);
 * - email_undeliverable: mail to it bounced, or the customer reported an email as spam;
 * - phone_stopped: the number replied STOP (or its carrier reports an opt-out); only the customer
 *   texting START lifts it.
 */
export type UnreachableContact = "email_unsubscribed" | "email_undeliverable" | "phone_stopped";

/**
 * A sign-up is the customer asking to be told again: it lifts the address's own unsubscribe from
 * back-in-stock messages, and only that. Bounces, spam complaints, an unsubscribe from every email
 * and a texted STOP stay (a web form, which anyone can fill in, must not undo them); they are
 * returned so the shopper is told instead of reading "You're on the list".
 */
export async function liftSignupSuppressions(shop: string, contact: { email: string | null; phone: string | null }): Promise<UnreachableContact[]> {
  if (contact.email) await resubscribeEmail(shop, contact.email, TRIGGER);
  const holding = (await addressSuppressions(shop, contact)).filter((s) => s.scope === "all" || s.scope === TRIGGER);
  const email = holding.filter((s) => s.channel === "email");
  const out: UnreachableContact[] = [];
  if (email.some((s) => s.reason !== UNSUBSCRIBE_REASON)) out.push("email_undeliverable");
  else if (email.length > 0) out.push("email_unsubscribed");
  if (holding.some((s) => s.channel === "sms")) out.push("phone_stopped");
  return out;
}
