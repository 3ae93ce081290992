// One import for everything the test suite and the offline demo need from the provider fakes.

import { type Inbox, startInbox } from "./inbox";
import { type FakeResend, type FakeResendOptions, startFakeResend } from "./resend-fake";
import { type FakeTwilio, type FakeTwilioOptions, startFakeTwilio } from "./twilio-fake";

export { escapeHtml, startInbox, type Inbox, type InboxOptions } from "./inbox";
export {
  startFakeResend,
  svixHeaders,
  type FakeResend,
  type FakeResendOptions,
  type RecordedEmail,
  type RecordedRequest,
  type ResendEventType,
} from "./resend-fake";
export {
  startFakeTwilio,
  twilioSignature,
  type FakeTwilio,
  type FakeTwilioOptions,
  type RecordedCallback,
  type RecordedText,
  type RecordedTwilioRequest,
  type TwilioMessageStatus,
} from "./twilio-fake";
export { countSegments, type SegmentCount, type SmsEncoding } from "./segments";
export type { Fault } from "./http";

export interface ProviderFakesOptions {
  /** 0 or omitted = a free port. */
  resendPort?: number;
  twilioPort?: number;
  inboxPort?: number;
  host?: string;
  /** Sender Herald should use; ends up in `env.TWILIO_FROM`. */
  twilioFrom?: string;
  resend?: Omit<FakeResendOptions, "port" | "host">;
  twilio?: Omit<FakeTwilioOptions, "port" | "host">;
  /** false: don't start the inbox page (tests rarely need it). Default true. */
  inbox?: boolean;
}

/** The three servers, plus the environment that points Herald at them. */
export interface ProviderFakes {
  resend: FakeResend;
  twilio: FakeTwilio;
  inbox: Inbox | null;
  /** RESEND_BASE_URL, RESEND_API_KEY, TWILIO_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM. */
  env: Record<string, string>;
  /** Forget everything both fakes received. */
  reset(): void;
  close(): Promise<void>;
}

/** Start fake Resend, fake Twilio and (by default) the inbox page on loopback. */
export async function startProviderFakes(opts: ProviderFakesOptions = {}): Promise<ProviderFakes> {
  const host = opts.host ?? "127.0.0.1";
  const resend = await startFakeResend({ ...opts.resend, port: opts.resendPort ?? 0, host });
  let twilio: FakeTwilio | undefined;
  let inbox: Inbox | null = null;
  try {
    twilio = await startFakeTwilio({ ...opts.twilio, port: opts.twilioPort ?? 0, host });
    if (opts.inbox !== false) inbox = await startInbox({ resend, twilio, port: opts.inboxPort ?? 0, host });
  } catch (e) {
    // A port in use: don't leave the others listening.
    await Promise.all([resend.close(), twilio?.close()]);
    throw e;
  }
  const t = twilio;
  return {
    resend,
    twilio: t,
    inbox,
    env: {
      RESEND_BASE_URL: resend.url,
      RESEND_API_KEY: resend.apiKey,
      TWILIO_BASE_URL: t.url,
      TWILIO_ACCOUNT_SID: t.accountSid,
      TWILIO_AUTH_TOKEN: t.authToken,
      TWILIO_FROM: opts.twilioFrom ?? "+15005550006",
    },
    reset() {
      resend.reset();
      t.reset();
    },
    async close() {
      await Promise.all([inbox?.close(), resend.close(), t.close()]);
    },
  };
}
