import { alertsSentStatement } from "../backinstock/attribution.server";
import type { OutgoingText, TextChannel } from "../channels/types";
import { sqlRunner } from "../db/runner.server";
import { dateOf, dateOrNull } from "../db/rows";
import { sql } from "../db/sql.server";
import { RetryLater } from "../jobs/types";
import { log } from "../log.server";

/**
 * How long after it started an attempt's request may still be on its way to the provider: the
 * adapters' 15 s timeout, and some. A worker that finds a younger open attempt waits this out.
 */
export const IN_FLIGHT_MS = 20_000;

/** Waiting for the provider's list again when it cannot be read. */
const LOOKUP_RETRY_MS = 60_000;

/**
 * An attempt stays STARTED until its outcome is known: its answer was lost (timeout, cut connection),
 * unreadable, or never written (the process died, or the SENT write failed after the send). A text
 * provider keeps no idempotency key, so before a text is sent again its open attempts are settled by
 * asking the provider (TextChannel.findSent) whether it holds the text since the first of them
 * started: "sent" when it does (the message is SENT with that id, nothing new goes), "not_sent" when
 * it does not (they are closed as RETRYABLE and a new send may go). Throws RetryLater while an
 * attempt may still be in flight or the provider cannot be asked: nothing is sent blind.
 */
export async function settleOpenAttempts(
  message: { id: string; shop: string; trigger: string; step: string; subject: string },
  channel: TextChannel,
  text: OutgoingText,
  ctx: { idempotencyKey: string; now: Date },
): Promise<"sent" | "not_sent" | "none"> {
  const runner = await sqlRunner();
  const open = (
    await runner.all<{ id: string; startedAt: unknown; finishedAt: unknown }>(sql`
      SELECT "id", "startedAt", "finishedAt" FROM "MessageAttempt"
      WHERE "messageId" = ${message.id} AND "outcome" = 'STARTED' AND "provider" = ${channel.provider}
      ORDER BY "number" ASC`)
  ).map((a) => ({ id: a.id, startedAt: dateOf(a.startedAt), finishedAt: dateOrNull(a.finishedAt) }));
  if (open.length === 0) return "none";

  const since = open[0].startedAt;
  const inFlightUntil = Math.max(...open.filter((a) => !a.finishedAt).map((a) => a.startedAt.getTime() + IN_FLIGHT_MS), 0);
  if (inFlightUntil > ctx.now.getTime()) throw new RetryLater("an earlier attempt may still be in flight", inFlightUntil - ctx.now.getTime());

  const lookup = await channel.findSent(text, { idempotencyKey: ctx.idempotencyKey, shop: message.shop, since });
  if (!lookup.ok) {
    log.warn("message.lookup_failed", { shop: message.shop, message: message.id, error: lookup.error });
    throw new RetryLater(lookup.error, LOOKUP_RETRY_MS);
  }
  const providerMessageId = await firstUnclaimed(message.id, channel.provider, lookup.providerMessageIds);
  const last = open[open.length - 1];
  if (providerMessageId) {
    const told = alertsSentStatement(message.shop, [message], last.startedAt);
    await runner.write([
      sql`UPDATE "MessageAttempt" SET "outcome" = 'SENT', "providerMessageId" = ${providerMessageId}, "finishedAt" = ${ctx.now}
          WHERE "id" = ${last.id}`,
      sql`UPDATE "MessageAttempt" SET "outcome" = 'RETRYABLE', "finishedAt" = ${ctx.now}
          WHERE "messageId" = ${message.id} AND "outcome" = 'STARTED' AND "id" <> ${last.id}`,
      sql`UPDATE "Message" SET "status" = 'SENT', "provider" = ${channel.provider}, "providerMessageId" = ${providerMessageId},
                               "sentAt" = ${last.startedAt}, "error" = NULL, "reason" = NULL, "updatedAt" = ${new Date()}
          WHERE "id" = ${message.id}`,
      ...(told ? [told] : []),
    ]);
    log.info("message.sent", { shop: message.shop, message: message.id, provider: channel.provider, found: true });
    return "sent";
  }
  await runner.run(sql`
    UPDATE "MessageAttempt" SET "outcome" = 'RETRYABLE', "error" = COALESCE("error" || '; ', '') || ${`${channel.provider} holds no such message`},
                                "finishedAt" = COALESCE("finishedAt", ${ctx.now})
    WHERE "messageId" = ${message.id} AND "outcome" = 'STARTED' AND "provider" = ${channel.provider}`);
  return "not_sent";
}

/** The first of `ids` that no other message of Herald's was recorded with (two identical texts to one number). */
async function firstUnclaimed(messageId: string, provider: string, ids: string[]): Promise<string | null> {
  for (const id of ids) {
    const taken = await (await sqlRunner()).get<{ id: string }>(sql`
      SELECT "id" FROM "Message" WHERE "provider" = ${provider} AND "providerMessageId" = ${id} AND "id" <> ${messageId} LIMIT 1`);
    if (!taken) return id;
  }
  return null;
}
