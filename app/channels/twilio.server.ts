import { z } from "zod";
import type { OutgoingText, SendResult, TextChannel } from "./types";

const PROVIDER = "twilio";

const messageResource = z.object({ sid: z.string().min(1), status: z.string().optional() });
const twilioError = z.object({ code: z.number().optional(), message: z.string().optional() }).passthrough();

/** Twilio error codes that no retry can fix (bad number, opted out, not SMS-capable...). */
const FINAL_CODES = new Set([21211, 21408, 21610, 21612, 21614, 21617, 21635, 63016]);

/**
 * SMS and WhatsApp through Twilio's Messages REST API: one form-encoded POST. Plain HTTP rather
 * than the `twilio` SDK: the SDK hardcodes api.twilio.com (a loopback fake needs TWILIO_BASE_URL)
 * and this is the only endpoint Herald calls. Twilio has no idempotency key for Messages, so
 * the worker's row-level guard (one Message row, claimed by one job) is what prevents doubles;
 * the key is still sent as I-Twilio-Idempotency-Token for Twilio's webhook deduplication.
 */
export class TwilioChannel implements TextChannel {
  readonly provider = PROVIDER;

  constructor(
    private readonly accountSid: string,
    private readonly authToken: string,
    private readonly baseUrl = "https://api.twilio.com",
  ) {}

  async send(text: OutgoingText, ctx: { idempotencyKey: string }): Promise<SendResult> {
    const form = new URLSearchParams({ To: text.to, From: text.from });
    if (text.content) {
      // An approved template: Twilio fills it with ContentVariables, a JSON object as a string.
      form.set("ContentSid", text.content.sid);
      form.set("ContentVariables", JSON.stringify(text.content.variables));
    } else {
      form.set("Body", text.body);
    }
    if (text.statusCallbackUrl) form.set("StatusCallback", text.statusCallbackUrl);
    const url = `${this.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(this.accountSid)}/Messages.json`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "I-Twilio-Idempotency-Token": ctx.idempotencyKey,
        },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      return { ok: false, provider: PROVIDER, retryable: true, error: `Twilio unreachable: ${String(error)}` };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = messageResource.safeParse(body);
      if (parsed.success) return { ok: true, provider: PROVIDER, providerMessageId: parsed.data.sid };
      return { ok: false, provider: PROVIDER, retryable: true, error: "Twilio answered without a message sid" };
    }
    return mapTwilioError(response.status, twilioError.safeParse(body).data ?? null, response.headers.get("retry-after"));
  }
}

/** Twilio's answer -> retry or give up. Exported for table tests. */
export function mapTwilioError(status: number, error: { code?: number; message?: string } | null, retryAfter: string | null): SendResult {
  const detail = `Twilio ${status}${error?.code ? ` ${error.code}` : ""}: ${error?.message ?? "no message"}`;
  if (error?.code && FINAL_CODES.has(error.code)) return { ok: false, provider: PROVIDER, retryable: false, error: detail };
  if (status === 429 || status >= 500 || status === 401 || status === 403) {
    const seconds = Number(retryAfter);
    return { ok: false, provider: PROVIDER, retryable: true, error: detail, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined };
  }
  return { ok: false, provider: PROVIDER, retryable: false, error: detail };
}

/** Twilio error 21610: the recipient replied STOP; the number must be suppressed. */
export function isOptOutError(error: string | null | undefined): boolean {
  return !!error && / 21610:/.test(error);
}
