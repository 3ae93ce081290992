// The fake Twilio's own SMS segment counter. Deliberately independent of app/notifications/segments.ts:
// a test that compares the app's estimate with what "the provider" counted is only worth something if
// the two were written separately.
//
// GSM 03.38: a message that fits the GSM-7 alphabet costs 7 bits a character (extension characters
// cost an escape + the character = 2 septets); 160 septets in one part, 153 per part once split (the
// UDH takes 7). Anything outside it (Malayalam, Arabic, emoji, smart quotes) makes the WHOLE message
// UCS-2: 70 UTF-16 units in one part, 67 per part. A split never cuts an escape pair or a surrogate pair.

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const basic = new Set(Array.from(GSM7_BASIC));
const extension = new Set(Array.from(GSM7_EXTENSION));

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
}

/** Count the SMS parts `body` costs, the way a carrier splits it. */
export function countSegments(body: string): SegmentCount {
  const chars = Array.from(body); // code points, so surrogate pairs stay whole
  const gsm = chars.every((c) => basic.has(c) || extension.has(c));
  const cost = gsm ? (c: string) => (extension.has(c) ? 2 : 1) : (c: string) => c.length;
  const single = gsm ? 160 : 70;
  const perPart = gsm ? 153 : 67;
  const units = chars.reduce((n, c) => n + cost(c), 0);
  if (units <= single) return { encoding: gsm ? "GSM-7" : "UCS-2", segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const c of chars) {
    const n = cost(c);
    if (used + n > perPart) {
      segments++;
      used = 0;
    }
    used += n;
  }
  return { encoding: gsm ? "GSM-7" : "UCS-2", segments, units };
}
