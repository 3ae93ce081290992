import { Resend } from "resend";
import type { BatchResult, EmailChannel, OutgoingEmail, SendResult } from "./types";

const PROVIDER = "resend";

/** Resend's 409 for an Idempotency-Key reused with a different body (its other 409, concurrent_idempotent_requests, is worth a retry). */
const INVALID_IDEMPOTENT_REQUEST = "invalid_idempotent_request";

/**
 * Email through Resend's SDK. The SDK reads RESEND_BASE_URL, so a loopback fake can stand in.
 * Resend keeps an Idempotency-Key for 24 h: a retry after a crash between the call and our
 * write returns the first email's id instead of sending a second one.
 */
export class ResendChannel implements EmailChannel {
  readonly provider = PROVIDER;
  private readonly client: Resend;

  constructor(apiKey: string, baseUrl?: string) {
    this.client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  }

  async send(email: OutgoingEmail, ctx: { idempotencyKey: string }): Promise<SendResult> {
    const { data, error, headers } = await this.client.emails.send(resendEmail(email), { idempotencyKey: ctx.idempotencyKey });
    if (data?.id) return { ok: true, provider: PROVIDER, providerMessageId: data.id };
    return mapResendError(error, headers);
  }

  /**
   * POST /emails/batch, strict validation (one invalid email refuses the whole batch, so nothing is
   * half sent). The Idempotency-Key covers the batch: the same key with the same emails answers the
   * first call's ids again within 24 h.
   */
  async sendBatch(emails: OutgoingEmail[], ctx: { idempotencyKey: string }): Promise<BatchResult> {
    const { data, error, headers } = await this.client.batch.send(emails.map(resendEmail), { idempotencyKey: ctx.idempotencyKey, batchValidation: "strict" });
    const ids = data?.data.map((d) => d.id) ?? [];
    if (data && ids.length === emails.length) return { ok: true, provider: PROVIDER, providerMessageIds: ids };
    if (data) return { ok: false, provider: PROVIDER, retryable: false, error: `Resend batch accepted ${ids.length} of ${emails.length} emails` };
    return mapResendError(error, headers) as Extract<SendResult, { ok: false }>;
  }
}

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

/** Resend's answer -> retry or give up. Exported for table tests. */
export function mapResendError(error: ResendError, headers: Record<string, string> | null | undefined): SendResult {
  const status = error?.statusCode ?? null;
  const name = error?.name ?? "unknown_error";
  const detail = `Resend ${status ?? "network"} ${name}: ${error?.message ?? "no message"}`;
  if (status === 429) {
    const seconds = Number(headers?.["retry-after"]);
    return {
      ok: false,
      provider: PROVIDER,
      retryable: true,
      error: detail,
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined,
    };
  }
  // 409 invalid_idempotent_request: this key was already used with a different request body within
  // Resend's 24 h window. Resend answers the same to every retry under the key, so it is final.
  if (status === 409 && name === INVALID_IDEMPOTENT_REQUEST) {
    return {
      ok: false,
      provider: PROVIDER,
      retryable: false,
      error: `${detail} (the idempotency key was already used for a different email; retrying under it cannot succeed)`,
    };
  }
  // No status: the request never got an answer (network, DNS, timeout). 5xx: Resend's side.
  // 409 concurrent_idempotent_requests: the same key is still being processed; ask again later.
  // 401/403: a key problem an operator can fix; keep the message until they do.
  if (status === null || status >= 500 || status === 409 || status === 401 || status === 403) {
    return { ok: false, provider: PROVIDER, retryable: true, error: detail };
  }
  // Other 4xx (422 validation_error, 400...): this email can never succeed as it is.
  return { ok: false, provider: PROVIDER, retryable: false, error: detail };
}

/** One email as Resend's API spells it (single send and batch alike). */
function resendEmail(email: OutgoingEmail) {
  return {
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    replyTo: email.replyTo ?? undefined,
    headers: email.headers,
    tags: email.tags,
  };
}
