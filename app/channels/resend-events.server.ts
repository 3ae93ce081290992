import { Resend } from "resend";
import { z } from "zod";
import type { DeliveryStatus, ProviderEvent } from "./delivery-status";

const STATUS: Record<string, DeliveryStatus> = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.delivery_delayed": "delivery_delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.opened": "opened",
  "email.clicked": "clicked",
  "email.failed": "failed",
};

const resendEvent = z.object({
  type: z.string(),
  created_at: z.coerce.date(),
  data: z.object({
    email_id: z.string().min(1),
    bounce: z.object({ type: z.string().optional(), subType: z.string().optional() }).passthrough().optional(),
  }).passthrough(),
});

/**
 * Verify a Resend status webhook (Svix headers, via the SDK's verifier: signature and a
 * 5-minute timestamp tolerance, so a replayed old event is refused) and map it. Returns null for
 * event types Herald does not track (contact.*, domain.*); throws on a bad signature or body.
 */
export function readResendEvent(rawBody: string, headers: Headers, secret: string): ProviderEvent | null {
  const id = headers.get("svix-id");
  const timestamp = headers.get("svix-timestamp");
  const signature = headers.get("svix-signature");
  if (!id || !timestamp || !signature) throw new InvalidProviderEvent("missing Svix headers");
  try {
    // The verifier needs no API key; the SDK's constructor insists on one.
    new Resend("re_verify_only").webhooks.verify({ payload: rawBody, headers: { id, timestamp, signature }, webhookSecret: secret });
  } catch (error) {
    throw new InvalidProviderEvent(`signature refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = resendEvent.safeParse(JSON.parse(rawBody));
  if (!parsed.success) throw new InvalidProviderEvent(`unexpected body: ${parsed.error.issues[0]?.message}`);
  const status = STATUS[parsed.data.type];
  if (!status) return null;
  const bounceType = parsed.data.data.bounce?.type?.toLowerCase();
  // Resend reports Permanent (hard) and Transient (soft) bounces; only a hard one suppresses.
  const hard = status === "bounced" && bounceType !== "transient" && bounceType !== "undetermined";
  return {
    provider: "resend",
    providerMessageId: parsed.data.data.email_id,
    eventKey: `resend:${id}`,
    status,
    occurredAt: parsed.data.created_at,
    suppress: status === "complained" ? { reason: "complaint" } : hard ? { reason: "hard_bounce" } : null,
  };
}

export class InvalidProviderEvent extends Error {}
