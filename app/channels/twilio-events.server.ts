import crypto from "node:crypto";
import type { DeliveryStatus, ProviderEvent } from "./delivery-status";

/**
 * X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL Twilio called
 * followed by every POST parameter as name+value, sorted by name (Twilio's documented scheme).
 */
export function twilioSignatureFor(authToken: string, url: string, params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  const data = url + keys.map((k) => params.getAll(k).map((v) => k + v).join("")).join("");
  return crypto.createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function isValidTwilioSignature(authToken: string, url: string, params: URLSearchParams, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignatureFor(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

const STATUS: Record<string, DeliveryStatus | undefined> = {
  sent: "sent",
  delivered: "delivered",
  read: "opened",
  undelivered: "undelivered",
  failed: "failed",
};

/** A Twilio status callback mapped to Herald's vocabulary; null for queued/accepted/sending. */
export function readTwilioStatus(params: URLSearchParams, now: Date): ProviderEvent | null {
  const sid = params.get("MessageSid") ?? params.get("SmsSid");
  const raw = params.get("MessageStatus") ?? params.get("SmsStatus");
  const status = raw ? STATUS[raw] : undefined;
  if (!sid || !status) return null;
  const code = params.get("ErrorCode");
  return {
    provider: "twilio",
    providerMessageId: sid,
    eventKey: `twilio:${sid}:${raw}${code ? `:${code}` : ""}`,
    status,
    occurredAt: now,
    suppress: code === "21610" ? { reason: "carrier_opt_out" } : null,
  };
}

const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "ALTO", "PARAR", "ARRET", "ARRÊT"]);
const START = new Set(["START", "UNSTOP", "YES", "INICIO", "COMENZAR"]);

/** What an inbound SMS asks for: carriers' opt-out and opt-in keywords (English and others). */
export function inboundKeyword(body: string): "stop" | "start" | null {
  const word = body.trim().split(/\s+/)[0]?.toUpperCase().replace(/[.!]+$/, "") ?? "";
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  return null;
}
