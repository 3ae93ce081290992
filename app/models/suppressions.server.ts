import { db } from "../db.server";
import { sqlRunner } from "../db/runner.server";
import { join, raw, sql, type Sql } from "../db/sql.server";
import type { SuppressionFact } from "../notifications/types";

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

/**
 * A select-list column "suppressedBy": the reason of a suppression that holds for the outer query's
 * Message row `alias` (its shop, channel and trigger), matched on the recipient as stored. Delivery
 * reads it with the message; messageSuppression turns it into suppressionReason's answer.
 */
export function messageSuppressionColumn(alias: string): Sql {
  const column = (name: string) => raw(`${alias}."${name}"`);
  // The CASE is suppressionChannel.
  return sql`(SELECT sp."reason" FROM "Suppression" sp
     WHERE sp."shop" = ${column("shop")} AND sp."channel" = CASE WHEN ${column("channel")} = 'email' THEN 'email' ELSE 'sms' END
       AND sp."address" = ${column("recipient")} AND sp."scope" IN ('all', ${column("trigger")})
     LIMIT 1) AS "suppressedBy"`;
}

/**
 * suppressionReason for a message read with messageSuppressionColumn. Suppressions store addresses
 * normalized; a recipient stored otherwise ("whatsapp:+34...", a capital letter) is asked again.
 */
export async function messageSuppression(
  message: { shop: string; channel: string; recipient: string; trigger: string },
  suppressedBy: string | null,
): Promise<string | null> {
  const c = suppressionChannel(message.channel);
  if (normalizeAddress(c, message.recipient) !== message.recipient) return suppressionReason(message.shop, message.channel, message.recipient, message.trigger);
  return suppressedBy === null ? null : `suppressed_${suppressedBy}`;
}

/** The key of one address in suppressionReasons' answer. */
export function suppressionKey(channel: string, address: string): string {
  const c = suppressionChannel(channel);
  return `${c} ${normalizeAddress(c, address)}`;
}

/**
 * suppressionReason for many addresses in one query (a back-in-stock batch): suppressionKey -> reason,
 * for the suppressed ones only.
 */
export async function suppressionReasons(shop: string, trigger: string, targets: Array<{ channel: string; recipient: string }>): Promise<Map<string, string>> {
  const addresses = (c: SuppressionChannel) => [
    ...new Set(targets.filter((t) => suppressionChannel(t.channel) === c).map((t) => normalizeAddress(c, t.recipient))),
  ];
  const emails = addresses("email");
  const phones = addresses("sms");
  const found = new Map<string, string>();
  if (emails.length + phones.length === 0) return found;
  const rows = await db.suppression.findMany({
    where: {
      shop,
      scope: { in: ["all", trigger] },
      OR: [
        ...(emails.length ? [{ channel: "email", address: { in: emails } }] : []),
        ...(phones.length ? [{ channel: "sms", address: { in: phones } }] : []),
      ],
    },
    select: { channel: true, address: true, reason: true },
  });
  for (const row of rows) if (!found.has(`${row.channel} ${row.address}`)) found.set(`${row.channel} ${row.address}`, `suppressed_${row.reason}`);
  return found;
}

/**
 * Every suppression, of any scope, of one customer's email and phone (either may be null): what a
 * decision needs to pass over a suppressed channel (ReachFacts.suppressions). One query.
 */
export async function addressSuppressions(shop: string, contact: { email: string | null; phone: string | null }): Promise<SuppressionFact[]> {
  const email = contact.email ? normalizeAddress("email", contact.email) : null;
  const phone = contact.phone ? normalizeAddress("sms", contact.phone) : null;
  const match = [...(email ? [sql`("channel" = 'email' AND "address" = ${email})`] : []), ...(phone ? [sql`("channel" = 'sms' AND "address" = ${phone})`] : [])];
  if (match.length === 0) return [];
  const rows = await (await sqlRunner()).all<SuppressionFact>(sql`
    SELECT "channel", "address", "scope", "reason" FROM "Suppression"
    WHERE "shop" = ${shop} AND (${join(match, " OR ")})`);
  return rows.map((r) => ({ channel: r.channel === "email" ? "email" : "sms", address: r.address, scope: r.scope, reason: r.reason }));
}
