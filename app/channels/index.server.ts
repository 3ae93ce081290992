import { env } from "../env.server";
import { OutboxChannel } from "./outbox.server";
import { ResendChannel } from "./resend.server";
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

/** SMS and WhatsApp: the local outbox until a text provider is configured. */
export function textChannel(): TextChannel {
  text ??= new OutboxChannel();
  return text;
}

/** Forget the chosen adapters (tests change the environment between cases). */
export function resetChannels(): void {
  email = undefined;
  text = undefined;
}
