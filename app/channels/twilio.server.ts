import { z } from "zod";
import type { OutgoingText, SendResult, SentLookup, TextChannel } from "./types";

const PROVIDER = "twilio";

const messageResource = z.object({ sid: z.string().min(1), status: z.string().optional() });
const twilioError = z.object({ code: z.number().optional(), message: z.string().optional() }).passthrough();
const messagePage = z.object({
  messages: z.array(
    z.object({
      sid: z.string().min(1),
      to: z.string().nullable(),
      from: z.string().nullable(),
      body: z.string().nullable(),
      direction: z.string(),
      date_created: z.string().nullable(),
    }),
  ),
  next_page_uri: z.string().nullable().optional(),
});

/** Twilio error codes that no retry can fix (bad number, opted out, not SMS-capable...). */
const FINAL_CODES = new Set([21211, 21408, 21610, 21612, 21614, 21617, 21635, 63016]);
/** Twilio error 21610: the recipient replied STOP to this sender; Twilio refuses every message to them. */
const OPTED_OUT = 21610;
const TIMEOUT_MS = 15_000;
/** Twilio's largest list page; one recipient's messages from one sender rarely fill it. */
const PAGE_SIZE = 1000;
/** Pages read before a lookup gives up (and the delivery asks again later rather than send blind). */
const MAX_PAGES = 10;
/** Twilio's clock against Herald's, and date_created's whole seconds. */
const CLOCK_SLACK_MS = 5_000;

/**
 * SMS and WhatsApp through Twilio's Messages REST API: one form-encoded POST. Plain HTTP rather
 * than the `twilio` SDK: the SDK hardcodes api.twilio.com (a loopback fake needs TWILIO_BASE_URL).
 * Twilio keeps no idempotency key for creating messages, so a send whose answer is lost cannot be
 * replayed safely; it comes back `uncertain`, and delivery asks findSent (Twilio's message list)
 * before it sends again.
 */
export class TwilioChannel implements TextChannel {
  readonly provider = PROVIDER;

  constructor(
    private readonly accountSid: string,
    private readonly authToken: string,
    private readonly baseUrl = "https://api.twilio.com",
  ) {}

  private get root(): string {
    return this.baseUrl.replace(/\/+$/, "");
  }

  private get messagesPath(): string {
    return `/2010-04-01/Accounts/${encodeURIComponent(this.accountSid)}/Messages.json`;
  }

  private get authorization(): string {
    return `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString("base64")}`;
  }

  async send(text: OutgoingText): Promise<SendResult> {
    const form = new URLSearchParams({ To: text.to, From: text.from });
    if (text.content) {
      // An approved template: Twilio fills it with ContentVariables, a JSON object as a string.
      form.set("ContentSid", text.content.sid);
      form.set("ContentVariables", JSON.stringify(text.content.variables));
    } else {
      form.set("Body", text.body);
    }
    if (text.statusCallbackUrl) form.set("StatusCallback", text.statusCallbackUrl);
    let response: Response;
    try {
      response = await fetch(this.root + this.messagesPath, {
        method: "POST",
        headers: { Authorization: this.authorization, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      // A timeout or a cut connection may come after Twilio created the message.
      return { ok: false, provider: PROVIDER, retryable: true, uncertain: true, error: `Twilio did not answer: ${String(error)}` };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = messageResource.safeParse(body);
      if (parsed.success) return { ok: true, provider: PROVIDER, providerMessageId: parsed.data.sid };
      return { ok: false, provider: PROVIDER, retryable: true, uncertain: true, error: `Twilio answered ${response.status} without a readable message sid` };
    }
    return mapTwilioError(response.status, twilioError.safeParse(body).data ?? null, response.headers.get("retry-after"));
  }

  /**
   * Twilio's outbound messages to text.to from text.from created at or after `since` whose body is
   * this text's. Filtered by To and From only: the DateSent filter reads date_sent, which a message
   * still queued at Twilio does not have yet. A WhatsApp template's body is Twilio's rendering, so
   * it matches when it carries every placeholder value Herald sent.
   */
  async findSent(text: OutgoingText, ctx: { since: Date }): Promise<SentLookup> {
    const query = new URLSearchParams({ To: text.to, From: text.from, PageSize: String(PAGE_SIZE) });
    let next: string | null = `${this.messagesPath}?${query.toString()}`;
    const found: string[] = [];
    for (let page = 0; next; page++) {
      if (page === MAX_PAGES) return { ok: false, error: `Twilio lists more than ${MAX_PAGES * PAGE_SIZE} messages to this number; not looked through` };
      let response: Response;
      try {
        response = await fetch(this.root + next, { headers: { Authorization: this.authorization }, signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (error) {
        return { ok: false, error: `Twilio's message list did not answer: ${String(error)}` };
      }
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const e = twilioError.safeParse(body).data;
        return { ok: false, error: `Twilio's message list answered ${response.status}${e?.code ? ` ${e.code}` : ""}: ${e?.message ?? "no message"}` };
      }
      const parsed = messagePage.safeParse(body);
      if (!parsed.success) return { ok: false, error: "Twilio's message list was unreadable" };
      for (const m of parsed.data.messages) if (isThisText(m, text, ctx.since)) found.push(m.sid);
      next = parsed.data.next_page_uri ?? null;
    }
    return { ok: true, providerMessageIds: found };
  }
}

function isThisText(m: z.infer<typeof messagePage>["messages"][number], text: OutgoingText, since: Date): boolean {
  if (!m.direction.startsWith("outbound") || m.to !== text.to || m.from !== text.from) return false;
  const created = m.date_created ? Date.parse(m.date_created) : NaN;
  if (!(created >= since.getTime() - CLOCK_SLACK_MS)) return false;
  const body = m.body ?? "";
  return text.content ? Object.values(text.content.variables).every((v) => body.includes(v)) : body === text.body;
}

/** Twilio's answer -> retry or give up. Exported for table tests. */
export function mapTwilioError(status: number, error: { code?: number; message?: string } | null, retryAfter: string | null): SendResult {
  const detail = `Twilio ${status}${error?.code ? ` ${error.code}` : ""}: ${error?.message ?? "no message"}`;
  if (error?.code === OPTED_OUT) return { ok: false, provider: PROVIDER, retryable: false, error: detail, suppress: { reason: "carrier_opt_out" } };
  if (error?.code && FINAL_CODES.has(error.code)) return { ok: false, provider: PROVIDER, retryable: false, error: detail };
  if (status === 429 || status >= 500 || status === 401 || status === 403) {
    const seconds = Number(retryAfter);
    return { ok: false, provider: PROVIDER, retryable: true, error: detail, retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined };
  }
  return { ok: false, provider: PROVIDER, retryable: false, error: detail };
}
