import { alertsSentStatement } from "../backinstock/attribution.server";
import { skipStaleAlert, staleAlertReason } from "../backinstock/stale-alert.server";
import { emailChannel, textChannel } from "../channels/index.server";
import type { OutgoingEmail, OutgoingText, SendResult } from "../channels/types";
import type { Message, Shop } from "@prisma/client";
import crypto from "node:crypto";
import { sqlRunner } from "../db/runner.server";
import { sql } from "../db/sql.server";
import { env } from "../env.server";
import { backoffMs } from "../jobs/backoff";
import { queue } from "../jobs/queue.server";
import { RetryLater } from "../jobs/types";
import { log } from "../log.server";
import { loadDelivery } from "../models/messages.server";
import { toShopFacts } from "../models/shops.server";
import { messageSuppression, suppress, suppressionChannel } from "../models/suppressions.server";
import { quietHoursEnd, recipientZones } from "../notifications/quiet-hours";
import { SMS_CONSENT_WITHDRAWN } from "../notifications/reach";
import type { ShopSettings } from "../notifications/settings";
import { staleReason } from "../notifications/stale";
import { storedWhatsAppContent } from "../notifications/whatsapp";
import { listUnsubscribeHeaders, unsubscribeUrl } from "../unsubscribe/token.server";
import { settleOpenAttempts } from "./open-attempts.server";
import { textConsentHolds } from "./reach.server";
import { formatFrom } from "./sender";

/**
 * A provider that keeps failing gets this many calls for one message before it is marked FAILED:
 * with deliveryBackoff, 81 to 162 minutes (about 2 h) of retries, so a message outlives a long
 * provider outage. Below the deliver jobs' queue attempts (50), which crashes and quiet hours
 * also use.
 */
export const MAX_DELIVERY_ATTEMPTS = 36;

/**
 * Delivery backoff: 30 s, 1 min, 2 min, 4 min, then every 5 min (each with jitter, between half
 * and all of it). The cap is what a message held up by an outage waits after the provider is
 * back: a few minutes, not the hour an uncapped doubling reaches.
 */
export const deliveryBackoff = (attempt: number) => backoffMs(attempt, { baseMs: 30_000, capMs: 5 * 60_000 });

/** The key the provider deduplicates on: derived from the row, so every retry of it reuses it. */
export function idempotencyKey(messageId: string): string {
  return `herald-message-${messageId}`;
}

/**
 * Hand one Message to its channel and record the outcome. Safe to run again at any point: a
 * finished message is left alone; an email sent again after a crash reuses the idempotency key, so
 * the provider returns the first send instead of making a second one; a text whose last attempt
 * has no known outcome is looked up at the provider first (settleOpenAttempts), since Twilio keeps
 * no idempotency key.
 */
export async function deliverMessage(messageId: string, now: Date): Promise<void> {
  // Every read and write here is raw SQL (app/db/runner.server.ts): this runs once per message.
  // The message, its shop, its order's state and its recipient's suppression: one query.
  const read = await loadDelivery(messageId);
  if (!read || !["PENDING", "SENDING", "DEFERRED"].includes(read.message.status)) return;
  const { message, shop, facts } = read;

  if (!shop || shop.uninstalledAt) return finish(messageId, { status: "SKIPPED", reason: "shop_uninstalled" });
  const settings = shop.settings;
  const email = message.channel === "email" ? emailChannel() : null;
  const text = email ? null : textChannel();
  const outgoing = email ? null : outgoingText(message, shop);
  const ctx = { idempotencyKey: idempotencyKey(messageId), shop: message.shop };

  // First whether an earlier attempt went out after all: then nothing below may skip or resend it.
  const settled = text && outgoing && message.attempts > 0 ? await settleOpenAttempts(message, text, outgoing, { ...ctx, now }) : "none";
  if (settled === "sent") return;

  if (facts && message.orderId) {
    const history = facts.history.filter(
      (h) => !(h.subject === message.subject && h.step === message.step && h.channel === message.channel),
    );
    const reason = staleReason(
      { trigger: message.trigger, step: message.step, subject: message.subject },
      {
        now,
        shop: toShopFacts(shop),
        settings,
        order: facts.order,
        fulfillments: facts.fulfillments,
        fulfillmentOrders: facts.fulfillmentOrders,
        history,
      },
    );
    if (reason) {
      await finish(messageId, { status: "SKIPPED", reason });
      // A pending delay notice counted as "told" and may have held others back (cap, spacing,
      // no "unfulfilled" after a hold notice); now that it will never go, decide again.
      if (message.trigger === "delay") {
        await queue().enqueue("evaluate-order", { shop: message.shop, orderId: message.orderId }, { runAt: now, key: `reeval:${messageId}` });
      }
      return;
    }
  }

  // A back-in-stock alert that waited (quiet hours, retries) while the item sold out again.
  const staleAlert = await staleAlertReason(message);
  if (staleAlert) return skipStaleAlert(message, staleAlert);

  // A bounce, complaint, STOP or unsubscribe may have arrived since the message was decided.
  const suppressed = await messageSuppression(message, read.suppressedBy);
  if (suppressed) return finish(messageId, { status: "SKIPPED", reason: suppressed });

  // An order's text went through the shop's consent rule when it was decided; a customers/update
  // may have withdrawn that consent while the text waited (quiet hours, retries).
  if (text && facts && message.orderId && !(await textConsentHolds(message.shop, settings, facts.order))) {
    return finish(messageId, { status: "SKIPPED", reason: SMS_CONSENT_WITHDRAWN });
  }

  // Texts wait for the recipient's morning (a scheduled retry, never dropped); the staleness
  // check above runs again then, so an "out for delivery" text after "delivered" never goes.
  // The morning of every zone the order's address (or, without one, the number) could be in.
  if (message.channel !== "email") {
    const place = { country: facts?.order.shippingCountry ?? null, province: facts?.order.shippingProvince ?? null, phone: message.recipient };
    const until = settings.quietHours.enabled ? quietHoursEnd(now, recipientZones(place, shop.timezone), settings.quietHours) : null;
    if (until) {
      await (await sqlRunner()).run(sql`
        UPDATE "Message" SET "status" = 'DEFERRED', "reason" = 'quiet_hours', "updatedAt" = ${new Date()} WHERE "id" = ${messageId}`);
      throw new RetryLater("quiet hours", until.getTime() - now.getTime() + Math.floor(Math.random() * 5 * 60_000));
    }
  }

  const attempt = message.attempts + 1;
  const provider = (email ?? text)!.provider;
  // The last allowed attempt's outcome was unknown and it turned out unsent: never one more than
  // allowed on its own (a merchant's Retry of a FAILED message is one more, on purpose).
  if (settled === "not_sent" && attempt > MAX_DELIVERY_ATTEMPTS) {
    await (await sqlRunner()).run(sql`
      UPDATE "Message" SET "status" = 'FAILED', "updatedAt" = ${new Date()} WHERE "id" = ${messageId}`);
    log.warn("message.failed", { shop: message.shop, message: messageId, attempt: message.attempts, error: "out of attempts" });
    return;
  }
  // Written before the call, in one transaction: a crash mid-call still leaves a trace of the attempt.
  const runner = await sqlRunner();
  const attemptId = crypto.randomUUID();
  await runner.write([
    sql`UPDATE "Message" SET "status" = 'SENDING', "attempts" = ${attempt}, "reason" = NULL, "updatedAt" = ${new Date()} WHERE "id" = ${messageId}`,
    sql`INSERT INTO "MessageAttempt" ("id", "messageId", "number", "outcome", "provider", "startedAt")
        VALUES (${attemptId}, ${messageId}, ${attempt}, 'STARTED', ${provider}, ${now})`,
  ]);

  let result: SendResult;
  try {
    result = email ? await email.send(outgoingEmail(message, shop, settings), ctx) : await text!.send(outgoing!, ctx);
  } catch (error) {
    // Adapters return expected failures; a throw is a bug or an unexpected runtime error.
    result = { ok: false, provider, retryable: true, error: `Unexpected: ${String(error)}` };
  }

  const finishedAt = now;
  if (result.ok) {
    const told = alertsSentStatement(message.shop, [message], finishedAt);
    await runner.write([
      sql`UPDATE "MessageAttempt" SET "outcome" = 'SENT', "providerMessageId" = ${result.providerMessageId}, "finishedAt" = ${finishedAt}
          WHERE "id" = ${attemptId}`,
      sql`UPDATE "Message" SET "status" = 'SENT', "provider" = ${result.provider}, "providerMessageId" = ${result.providerMessageId},
                               "sentAt" = ${finishedAt}, "error" = NULL, "updatedAt" = ${new Date()}
          WHERE "id" = ${messageId}`,
      ...(told ? [told] : []),
    ]);
    log.info("message.sent", { shop: message.shop, message: messageId, provider: result.provider, attempt });
    return;
  }

  if (result.uncertain) {
    // The provider may hold the message: the attempt stays open (STARTED) and the next run looks it up.
    await runner.write([
      sql`UPDATE "MessageAttempt" SET "error" = ${result.error}, "finishedAt" = ${finishedAt} WHERE "id" = ${attemptId}`,
      sql`UPDATE "Message" SET "status" = 'PENDING', "provider" = ${result.provider}, "error" = ${result.error}, "updatedAt" = ${new Date()}
          WHERE "id" = ${messageId}`,
    ]);
    log.warn("message.uncertain", { shop: message.shop, message: messageId, attempt, error: result.error });
    throw new RetryLater(result.error, result.retryAfterMs ?? deliveryBackoff(attempt));
  }

  if (result.suppress) {
    // The provider refused because the recipient opted out there: the suppression its callback would add.
    await suppress(message.shop, suppressionChannel(message.channel), message.recipient, result.suppress.reason);
    const reason = `suppressed_${result.suppress.reason}`;
    await runner.write([
      sql`UPDATE "MessageAttempt" SET "outcome" = 'FAILED', "error" = ${result.error}, "finishedAt" = ${finishedAt} WHERE "id" = ${attemptId}`,
      sql`UPDATE "Message" SET "status" = 'SKIPPED', "reason" = ${reason}, "provider" = ${result.provider}, "error" = ${result.error}, "updatedAt" = ${new Date()}
          WHERE "id" = ${messageId}`,
    ]);
    log.info("message.skipped", { message: messageId, reason });
    return;
  }

  const final = !result.retryable || attempt >= MAX_DELIVERY_ATTEMPTS;
  await runner.write([
    sql`UPDATE "MessageAttempt" SET "outcome" = ${final ? "FAILED" : "RETRYABLE"}, "error" = ${result.error}, "finishedAt" = ${finishedAt}
        WHERE "id" = ${attemptId}`,
    sql`UPDATE "Message" SET "status" = ${final ? "FAILED" : "PENDING"}, "provider" = ${result.provider}, "error" = ${result.error}, "updatedAt" = ${new Date()}
        WHERE "id" = ${messageId}`,
  ]);
  log.warn(final ? "message.failed" : "message.retry", { shop: message.shop, message: messageId, attempt, error: result.error });
  if (!final) throw new RetryLater(result.error, result.retryAfterMs ?? deliveryBackoff(attempt));
}

/**
 * The email of a Message row, exactly as the provider receives it. Built from the row (rendered
 * parts, creation time), so every retry — alone or in a batch — sends the very same request.
 */
export function outgoingEmail(
  message: Pick<Message, "id" | "shop" | "trigger" | "recipient" | "locale" | "renderedSubject" | "renderedHtml" | "renderedText" | "createdAt">,
  shop: Pick<Shop, "name" | "email" | "primaryLocale">,
  settings: ShopSettings,
): OutgoingEmail {
  return {
    from: formatFrom(settings.sender.fromName ?? shop.name, env().EMAIL_FROM),
    to: message.recipient,
    replyTo: settings.sender.replyTo ?? shop.email,
    subject: message.renderedSubject ?? "",
    html: message.renderedHtml ?? "",
    text: message.renderedText ?? "",
    headers: {
      "X-Herald-Message-Id": message.id,
      // RFC 8058 one-click unsubscribe (app/unsubscribe). Issued at the row's creation, not
      // now: a retry must send the very same request under the same idempotency key.
      ...listUnsubscribeHeaders(
        unsubscribeUrl({
          shop: message.shop,
          address: message.recipient,
          scope: message.trigger,
          locale: message.locale ?? shop.primaryLocale,
          issuedAt: message.createdAt,
        }),
      ),
    },
    tags: [
      { name: "herald_message", value: message.id },
      { name: "herald_trigger", value: message.trigger },
    ],
  };
}

/** The text of a Message row as the provider receives it: the same on every attempt, so a lookup can match it. */
function outgoingText(message: Pick<Message, "channel" | "recipient" | "renderedSubject" | "renderedText">, shop: Pick<Shop, "name">): OutgoingText {
  // WhatsApp outside the 24-hour window: the approved template rendered when the message was decided.
  const content = message.channel === "whatsapp" ? storedWhatsAppContent(message.renderedSubject, message.renderedText) : null;
  return {
    from: whatsapp(message.channel, env().TWILIO_FROM ?? shop.name),
    to: whatsapp(message.channel, message.recipient),
    body: content ? "" : (message.renderedText ?? ""),
    content,
    statusCallbackUrl: `${env().SHOPIFY_APP_URL.replace(/\/+$/, "")}/providers/twilio/status`,
  };
}

async function finish(messageId: string, data: { status: "SKIPPED"; reason: string }): Promise<void> {
  await (await sqlRunner()).run(sql`
    UPDATE "Message" SET "status" = ${data.status}, "reason" = ${data.reason}, "updatedAt" = ${new Date()} WHERE "id" = ${messageId}`);
  log.info("message.skipped", { message: messageId, reason: data.reason });
}

/** Twilio addresses WhatsApp as whatsapp:+E164 on both ends. */
function whatsapp(channel: string, address: string): string {
  return channel === "whatsapp" && !address.startsWith("whatsapp:") ? `whatsapp:${address}` : address;
}
