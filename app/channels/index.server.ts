import { env } from "../env.server";
import { OutboxChannel } from "./outbox.server";
import { ResendChannel } from "./resend.server";
import { TwilioChannel } from "./twilio.server";
import type { EmailChannel, TextChannel } from "./types";

let email: EmailChannel | undefined;
let text: TextChannel | undefined;

/** Resend when RESEND_API_KEY is set, else the local outbox. */
export function emailChannel(): EmailChannel {
  if (!email) {
    const config = env();
    email = config.RESEND_API_KEY ? new ResendChannel(config.RESEND_API_KEY, config.RESEND_BASE_URL) : new OutboxChannel();
  }
  return email;
}

/** SMS and WhatsApp: Twilio when its credentials are set, else the local outbox. */
export function textChannel(): TextChannel {
  if (!text) {
    const config = env();
    text =
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
        ? new TwilioChannel(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, config.TWILIO_BASE_URL)
        : new OutboxChannel();
  }
  return text;
}

/** Forget the chosen adapters (tests change the environment between cases). */
export function resetChannels(): void {
  email = undefined;
  text = undefined;
}
