// SMS length is billed in segments. A message that fits the GSM-7 alphabet packs 7-bit characters; one
// character outside it (an emoji, "á", any Malayalam letter) switches the whole message to UCS-2.
// Multi-part messages lose room to the concatenation header: 153 septets / 67 UTF-16 units per part.

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension table: sent as ESC + character, so each costs two septets.
const GSM_EXTENSION = "\f^{}\\[~]|€";

const GSM_BASIC_SET = new Set(GSM_BASIC);
const GSM_EXTENSION_SET = new Set(GSM_EXTENSION);

const LIMITS = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
} as const;

export interface SegmentCount {
  encoding: "GSM-7" | "UCS-2";
  segments: number;
  /** Characters as a person counts them (Unicode code points). */
  characters: number;
  /** What the network counts: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

/**
 * How many SMS segments `text` takes. Parts are packed greedily and a character is never split across
 * two parts (neither an escaped GSM character nor a surrogate pair), as carriers do; so a long message
 * can take one more segment than a plain ceil(units / part) would say. Empty text takes 0 segments.
 */
export function countSegments(text: string): SegmentCount {
  const chars = Array.from(text);
  const gsm = chars.every((c) => GSM_BASIC_SET.has(c) || GSM_EXTENSION_SET.has(c));
  const encoding = gsm ? "GSM-7" : "UCS-2";
  const sizes = chars.map((c) => (gsm ? (GSM_EXTENSION_SET.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((sum, n) => sum + n, 0);
  const { single, part } = LIMITS[encoding];
  let segments = 0;
  if (units > single) {
    let room = 0;
    for (const size of sizes) {
      if (size > room) {
        segments += 1;
        room = part;
      }
      room -= size;
    }
  } else if (units > 0) {
    segments = 1;
  }
  return { encoding, segments, characters: chars.length, units };
}
