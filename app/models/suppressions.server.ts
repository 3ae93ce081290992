import { db } from "../db.server";
import { sqlRunner } from "../db/runner.server";
import { sql } from "../db/sql.server";

export type SuppressionChannel = "email" | "sms";

/** WhatsApp goes to the same number as SMS: one opt-out covers both. */
export function suppressionChannel(channel: string): SuppressionChannel {
  return channel === "email" ? "email" : "sms";
}

export function normalizeAddress(channel: SuppressionChannel, address: string): string {
  return channel === "email" ? address.trim().toLowerCase() : address.replace(/^whatsapp:/, "").trim();
}

/** Never message this address again for this shop (scope "all") or for one kind of message. */
export async function suppress(shop: string, channel: SuppressionChannel, address: string, reason: string, scope = "all"): Promise<void> {
  const normalized = normalizeAddress(channel, address);
  await db.suppression.upsert({
    where: { shop_channel_address_scope: { shop, channel, address: normalized, scope } },
    create: { shop, channel, address: normalized, reason, scope },
    update: {},
  });
}

export async function unsuppress(shop: string, channel: SuppressionChannel, address: string, scope?: string): Promise<number> {
  const result = await db.suppression.deleteMany({
    where: { shop, channel, address: normalizeAddress(channel, address), ...(scope ? { scope } : {}) },
  });
  return result.count;
}

/** The reason this message must not go out, or null. */
export async function suppressionReason(shop: string, channel: string, address: string, trigger: string): Promise<string | null> {
  const c = suppressionChannel(channel);
  // Raw SQL: every delivery asks (app/db/runner.server.ts).
  const row = await (await sqlRunner()).get<{ reason: string }>(sql`
    SELECT "reason" FROM "Suppression"
    WHERE "shop" = ${shop} AND "channel" = ${c} AND "address" = ${normalizeAddress(c, address)} AND "scope" IN ('all', ${trigger})
    LIMIT 1`);
  return row ? `suppressed_${row.reason}` : null;
}
