import { timeOrderedUuid } from "../db/ids";
import { sqlRunner } from "../db/runner.server";
import { sql } from "../db/sql.server";
import type { BatchResult, EmailChannel, OutgoingEmail, OutgoingText, SendResult, SentLookup, TextChannel } from "./types";

/**
 * The local outbox: with no provider configured, messages are stored here instead of sent, and
 * shown in the admin. It honours idempotency keys exactly like a provider would.
 */
export class OutboxChannel implements EmailChannel, TextChannel {
  readonly provider = "outbox";

  async send(message: OutgoingEmail | OutgoingText, ctx: { idempotencyKey: string; shop: string }): Promise<SendResult> {
    const isEmail = "subject" in message;
    const channel = isEmail ? "email" : message.to.startsWith("whatsapp:") ? "whatsapp" : "sms";
    // A WhatsApp template message: its Content SID and placeholders, as the Message row keeps them.
    const subject = isEmail ? message.subject : (message.content?.sid ?? null);
    const text = isEmail ? message.text : message.content ? JSON.stringify(message.content.variables) : message.body;
    // One statement: a repeat of the key stores nothing and answers the first item's id.
    const item = await (await sqlRunner()).get<{ id: string }>(sql`
      INSERT INTO "OutboxItem" ("id", "shop", "idempotencyKey", "channel", "from", "to", "subject", "html", "text", "headers", "createdAt")
      VALUES (${timeOrderedUuid()}, ${ctx.shop}, ${ctx.idempotencyKey}, ${channel}, ${message.from}, ${message.to}, ${subject},
              ${isEmail ? message.html : null}, ${text}, ${JSON.stringify(isEmail ? (message.headers ?? {}) : {})}, ${new Date()})
      ON CONFLICT ("idempotencyKey") DO UPDATE SET "idempotencyKey" = excluded."idempotencyKey"
      RETURNING "id"`);
    if (!item) throw new Error("The outbox answered no item");
    return { ok: true, provider: this.provider, providerMessageId: item.id };
  }

  /** The item stored under the text's key, if any: the outbox keeps every key it was given. */
  async findSent(_text: OutgoingText, ctx: { idempotencyKey: string }): Promise<SentLookup> {
    const item = await (await sqlRunner()).get<{ id: string }>(sql`SELECT "id" FROM "OutboxItem" WHERE "idempotencyKey" = ${ctx.idempotencyKey}`);
    return { ok: true, providerMessageIds: item ? [item.id] : [] };
  }

  /** Each email of the batch under the batch's key and its position: a repeat stores nothing new. */
  async sendBatch(emails: OutgoingEmail[], ctx: { idempotencyKey: string; shop: string }): Promise<BatchResult> {
    const ids: string[] = [];
    for (const [i, email] of emails.entries()) {
      const result = await this.send(email, { ...ctx, idempotencyKey: `${ctx.idempotencyKey}:${i}` });
      if (!result.ok) return result;
      ids.push(result.providerMessageId);
    }
    return { ok: true, provider: this.provider, providerMessageIds: ids };
  }
}
