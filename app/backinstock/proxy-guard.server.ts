import { db } from "../db.server";
import { isUniqueViolation } from "../db/errors";

// Shopify signs app proxy requests and Herald refuses any older than 90 s; inside those 90 s the
// same signed request could be sent again (a replayed sign-up). Each one is accepted once.

/** Signatures are kept a little longer than the 90 s they are valid for (clock skew). */
export const NONCE_TTL_MS = 5 * 60_000;

/**
 * Record a signed request (its signature, with a digest of its body); false when it was seen before (a replay). Old signatures
 * are pruned on the way: a stale one would be refused by its timestamp anyway.
 */
export async function claimProxySignature(shop: string, signature: string, now: Date): Promise<boolean> {
  await db.proxyNonce.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - NONCE_TTL_MS) } } });
  try {
    await db.proxyNonce.create({ data: { shop, signature, seenAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error, "ProxyNonce")) return false;
    throw error;
  }
}

/** A fixed-window limit: at most `limit` requests per `windowMs`. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/**
 * Count one request against `key` in the current fixed window, in the database so every process
 * shares the count. True when the request is within the limit. The window is part of the row's
 * key, so the increment is one atomic update and a new window starts at 1 by itself.
 */
export async function withinRateLimit(key: string, { limit, windowMs }: WindowLimit, now: Date): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const id = `${key}@${windowStart.getTime()}`;
  const count = await increment(id, windowStart);
  if (count === 1) {
    // First request of a new window: forget this key's finished windows, and anyone's over a day old.
    await db.rateLimit.deleteMany({
      where: {
        OR: [
          { key: { startsWith: `${key}@` }, windowStart: { lt: windowStart } },
          { windowStart: { lt: new Date(now.getTime() - 24 * 3600_000) } },
        ],
      },
    });
  }
  return count <= limit;
}

async function increment(id: string, windowStart: Date): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.rateLimit.upsert({
        where: { key: id },
        create: { key: id, windowStart, count: 1 },
        update: { count: { increment: 1 } },
        select: { count: true },
      });
      return row.count;
    } catch (error) {
      // Two processes created the window's row at once: the loser increments it.
      if (attempt === 0 && isUniqueViolation(error, "RateLimit")) continue;
      throw error;
    }
  }
}
