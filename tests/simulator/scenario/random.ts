/**
 * A small seeded random source, so a scenario is the same story (same ids, names, tracking
 * numbers, webhook ids) every time it is played with the same --seed.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string;
  /** A version-4-shaped UUID (what Shopify uses for X-Shopify-Webhook-Id / -Event-Id). */
  uuid(): string;
  /** A Shopify-looking numeric id: 13 digits, well inside Number.MAX_SAFE_INTEGER. */
  shopifyId(): number;
}

/** mulberry32: tiny, fast, good enough for test data (not for secrets). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chars = (length: number, alphabet: string): string =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join("");
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chars,
    uuid: () => {
      const hex = chars(32, "0123456789abcdef");
      const variant = "89ab"[int(0, 3)];
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    // Real order/fulfillment ids are around 5-7 x 10^12 today. Shopify's published samples use
    // 18-digit ids (820982911946154508) that JSON.parse cannot represent exactly; we stay below 2^53.
    shopifyId: () => int(5_000_000, 7_999_999) * 1_000_000 + int(0, 999_999),
  };
}

/** A seed for when none was given: printed by the player so the run can be replayed. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}
