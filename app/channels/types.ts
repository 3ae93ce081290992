// One small interface per channel; one adapter per provider. Only app/channels talks to providers.
// An expected failure (validation error, outage, rate limit) is a returned value, never a throw.
import type { ProviderEvent } from "./delivery-status";

/** An email ready to hand to a provider. */
export interface OutgoingEmail {
  from: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Provider-side tags for correlating status webhooks back to Herald's message. */
  tags?: Array<{ name: string; value: string }>;
}

/** An SMS (or WhatsApp message) ready to hand to a provider. */
export interface OutgoingText {
  from: string;
  /** E.164, or whatsapp:+E164 */
  to: string;
  body: string;
  /** WhatsApp outside the 24-hour window: an approved template (Twilio Content SID) and its placeholders, sent instead of the body. */
  content?: { sid: string; variables: Record<string, string> } | null;
  statusCallbackUrl?: string | null;
}

export type SendResult =
  | { ok: true; provider: string; providerMessageId: string }
  | {
      ok: false;
      provider: string;
      /** true: try again later (5xx, 429, network); false: this message can never succeed as is. */
      retryable: boolean;
      error: string;
      /** Provider asked us to wait (429 retry-after), in milliseconds. */
      retryAfterMs?: number;
      /**
       * The provider may have accepted the message all the same (no answer came, or a success
       * that could not be read): look it up (TextChannel.findSent) before sending it again.
       */
      uncertain?: boolean;
      /** The provider refused because the recipient opted out: suppress the address, as its opt-out callback would. */
      suppress?: NonNullable<ProviderEvent["suppress"]>;
    };

/** A batch's outcome: every email accepted (ids in the batch's order), or none. */
export type BatchResult = { ok: true; provider: string; providerMessageIds: string[] } | Extract<SendResult, { ok: false }>;

/** Most emails one batch call may carry (Resend's limit). */
export const MAX_BATCH_EMAILS = 100;

export interface EmailChannel {
  readonly provider: string;
  /** Send once. The same idempotencyKey must never produce a second email at the provider. */
  send(email: OutgoingEmail, ctx: { idempotencyKey: string; shop: string }): Promise<SendResult>;
  /** Send up to MAX_BATCH_EMAILS in one call, all or none; the same key and emails never send twice. */
  sendBatch(emails: OutgoingEmail[], ctx: { idempotencyKey: string; shop: string }): Promise<BatchResult>;
}

/** The provider's messages that match a text: their ids, newest first (none: it never accepted it). */
export type SentLookup = { ok: true; providerMessageIds: string[] } | { ok: false; error: string };

export interface TextChannel {
  readonly provider: string;
  send(text: OutgoingText, ctx: { idempotencyKey: string; shop: string }): Promise<SendResult>;
  /**
   * The messages the provider accepted for this very text (same recipient, sender and content) at or
   * after `since`. Asked before sending again when an earlier attempt's outcome is unknown: a text
   * provider may keep no idempotency key to turn a second send into the first one's answer.
   */
  findSent(text: OutgoingText, ctx: { idempotencyKey: string; shop: string; since: Date }): Promise<SentLookup>;
}
