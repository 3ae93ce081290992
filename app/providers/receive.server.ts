import { readResendEvent, InvalidProviderEvent } from "../channels/resend-events.server";
import { inboundKeyword, isValidTwilioSignature, readTwilioStatus } from "../channels/twilio-events.server";
import { confirmSmsSignups } from "../backinstock/signup.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { log } from "../log.server";
import { recordProviderEvent } from "../models/delivery-events.server";
import { suppress, unsuppress } from "../models/suppressions.server";

/** POST /providers/resend: Resend's Svix-signed status webhooks. */
export async function receiveResendEvent(request: Request): Promise<Response> {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response("RESEND_WEBHOOK_SECRET is not configured", { status: 503 });
  const raw = await request.text();
  let event;
  try {
    event = readResendEvent(raw, request.headers, secret);
  } catch (error) {
    if (error instanceof InvalidProviderEvent || error instanceof SyntaxError) {
      log.warn("provider_event.refused", { provider: "resend", reason: error.message });
      return new Response(null, { status: 401 });
    }
    throw error;
  }
  const outcome = event ? await recordProviderEvent(event) : "ignored";
  return new Response(null, { status: 200, headers: { "X-Herald-Outcome": outcome } });
}

/** Twilio signs the exact public URL it called: rebuild it from SHOPIFY_APP_URL, not the Host header. */
function publicUrl(request: Request): string {
  const url = new URL(request.url);
  return `${env().SHOPIFY_APP_URL.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

async function verifiedTwilioForm(request: Request): Promise<URLSearchParams | Response> {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const token = env().TWILIO_AUTH_TOKEN;
  if (!token) return new Response("Twilio is not configured", { status: 503 });
  const params = new URLSearchParams(await request.text());
  if (!isValidTwilioSignature(token, publicUrl(request), params, request.headers.get("x-twilio-signature"))) {
    log.warn("provider_event.refused", { provider: "twilio", reason: "bad signature" });
    return new Response(null, { status: 401 });
  }
  return params;
}

/** POST /providers/twilio/status: message status callbacks. */
export async function receiveTwilioStatus(request: Request): Promise<Response> {
  const params = await verifiedTwilioForm(request);
  if (params instanceof Response) return params;
  const event = readTwilioStatus(params, new Date());
  const outcome = event ? await recordProviderEvent(event) : "ignored";
  return new Response(null, { status: 200, headers: { "X-Herald-Outcome": outcome } });
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * POST /providers/twilio/inbound: replies to Herald's number. STOP-like keywords opt the
 * number out of every shop that has texted it; START/UNSTOP opt it back in. Twilio itself
 * sends the carrier-mandated confirmation, so the answer is empty TwiML.
 */
export async function receiveTwilioInbound(request: Request): Promise<Response> {
  const params = await verifiedTwilioForm(request);
  if (params instanceof Response) return params;
  const from = (params.get("From") ?? "").replace(/^whatsapp:/, "");
  const keyword = inboundKeyword(params.get("Body") ?? "");
  if (from && keyword) {
    const shops = await db.message.findMany({ where: { recipient: from, channel: { in: ["sms", "whatsapp"] } }, distinct: ["shop"], select: { shop: true } });
    for (const { shop } of shops) {
      if (keyword === "stop") await suppress(shop, "sms", from, "sms_stop");
      else {
        await unsuppress(shop, "sms", from);
        // YES also answers a back-in-stock confirmation under SMS double opt-in.
        await confirmSmsSignups(shop, from);
      }
    }
    log.info("sms.keyword", { keyword, shops: shops.length });
  }
  return new Response(EMPTY_TWIML, { status: 200, headers: { "Content-Type": "text/xml" } });
}
