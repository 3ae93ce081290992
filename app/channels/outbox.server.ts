import { db } from "../db.server";
import type { BatchResult, EmailChannel, OutgoingEmail, OutgoingText, SendResult, TextChannel } from "./types";

/**
 * The local outbox: with no provider configured, messages are stored here instead of sent, and
 * shown in the admin. It honours idempotency keys exactly like a provider would.
 */
export class OutboxChannel implements EmailChannel, TextChannel {
  readonly provider = "outbox";

  async send(message: OutgoingEmail | OutgoingText, ctx: { idempotencyKey: string; shop: string }): Promise<SendResult> {
    const existing = await db.outboxItem.findUnique({ where: { idempotencyKey: ctx.idempotencyKey } });
    if (existing) return { ok: true, provider: this.provider, providerMessageId: existing.id };
    const isEmail = "subject" in message;
    const item = await db.outboxItem.create({
      data: {
        shop: ctx.shop,
        idempotencyKey: ctx.idempotencyKey,
        channel: isEmail ? "email" : message.to.startsWith("whatsapp:") ? "whatsapp" : "sms",
        from: message.from,
        to: message.to,
        // A WhatsApp template message: its Content SID and placeholders, as the Message row keeps them.
        subject: isEmail ? message.subject : (message.content?.sid ?? null),
        html: isEmail ? message.html : null,
        text: isEmail ? message.text : message.content ? JSON.stringify(message.content.variables) : message.body,
        headers: JSON.stringify(isEmail ? (message.headers ?? {}) : {}),
      },
    });
    return { ok: true, provider: this.provider, providerMessageId: item.id };
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
