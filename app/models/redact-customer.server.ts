import type { Tx } from "../db.server";
import { execute, join, raw, select, sql, type Sql } from "../db/sql.server";
import { transaction } from "../db/transaction.server";

/** Why a message that had not gone out when its customer was redacted never will. */
export const CUSTOMER_REDACTED = "customer_redacted";

/** What a customers/redact names: the customer's email and phone, and the orders to redact. */
export interface RedactedCustomer {
  email: string | null;
  phone: string | null;
}

/**
 * customers/redact: remove the customer's personal data, in one transaction. The listed orders go
 * with their fulfillments, carrier events and fulfillment orders; the customer's other orders keep
 * no contact or name. Messages to them keep only anonymous counts (trigger, step, channel, status,
 * dates): recipient, content, errors and the address inside the dedup key go, and those not yet
 * sent are skipped ("customer_redacted"). Outbox copies, suppressions, the customer's consent row,
 * back-in-stock sign-ups and their conversions are deleted, and every webhook payload that holds
 * the customer (their orders, their customer webhooks, data requests, this request) is emptied.
 *
 * The addresses are the request's and those of the listed orders (an order's email may differ from
 * the customer profile's), matched however they were stored: any case, spaces, `whatsapp:` prefix.
 */
export async function redactCustomer(shop: string, customer: RedactedCustomer, orderIds: string[]): Promise<void> {
  await transaction(async (tx) => {
    const who = await addressesOf(tx, shop, customer, orderIds);
    const listedOrder = (column: string) => (orderIds.length ? sql`${raw(`"${column}"`)} IN (${join(orderIds)})` : raw("1 = 0"));
    const theirMessages = sql`"shop" = ${shop} AND (${listedOrder("orderId")} OR ${addressMatch('"recipient"', who)})`;

    const subscriptions = sql`SELECT "id" FROM "StockSubscription" WHERE "shop" = ${shop} AND (${emailMatch('"email"', who)} OR ${phoneMatch('"phone"', who)})`;
    await execute(tx, sql`DELETE FROM "AlertConversion" WHERE "shop" = ${shop} AND ("subscriptionId" IN (${subscriptions}) OR ${listedOrder("orderId")})`);
    await execute(tx, sql`DELETE FROM "StockSubscription" WHERE "id" IN (${subscriptions})`);

    // A provider's error text can echo the recipient (Twilio 21211: "Invalid To Phone Number: +...").
    await execute(tx, sql`UPDATE "MessageAttempt" SET "error" = NULL WHERE "messageId" IN (SELECT "id" FROM "Message" WHERE ${theirMessages})`);
    // The dedup key's recipient becomes the row's own id: unique, and no longer the address. A message
    // is still never decided twice: decisions read what an order was already told by order id,
    // which the row keeps (app/notifications: history).
    await execute(
      tx,
      sql`UPDATE "Message" SET
            "status" = CASE WHEN "status" IN ('PENDING', 'DEFERRED', 'SENDING') THEN 'SKIPPED' ELSE "status" END,
            "reason" = CASE WHEN "status" IN ('PENDING', 'DEFERRED', 'SENDING') THEN ${CUSTOMER_REDACTED} ELSE "reason" END,
            "recipient" = 'redacted',
            "dedupKey" = "shop" || '|' || "trigger" || '|' || "subject" || '|' || "step" || '|redacted:' || "id" || '|' || "channel",
            "renderedSubject" = NULL, "renderedHtml" = NULL, "renderedText" = NULL, "error" = NULL, "updatedAt" = ${new Date()}
          WHERE ${theirMessages}`,
    );
    await execute(tx, sql`DELETE FROM "OutboxItem" WHERE "shop" = ${shop} AND ${addressMatch('"to"', who)}`);
    await execute(tx, sql`DELETE FROM "Suppression" WHERE "shop" = ${shop} AND ${addressMatch('"address"', who)}`);
    await execute(tx, sql`DELETE FROM "Customer" WHERE "shop" = ${shop} AND (${emailMatch('"email"', who)} OR ${phoneMatch('"phone"', who)})`);

    await execute(tx, sql`DELETE FROM "FulfillmentEvent" WHERE "shop" = ${shop} AND ${listedOrder("orderId")}`);
    await execute(tx, sql`DELETE FROM "Fulfillment" WHERE "shop" = ${shop} AND ${listedOrder("orderId")}`);
    await execute(tx, sql`DELETE FROM "FulfillmentOrder" WHERE "shop" = ${shop} AND ${listedOrder("orderId")}`);
    await execute(tx, sql`DELETE FROM "Order" WHERE "shop" = ${shop} AND ${listedOrder("id")}`);
    await execute(
      tx,
      sql`UPDATE "Order" SET "email" = NULL, "phone" = NULL, "customerFirstName" = NULL, "customerLastName" = NULL, "updatedAt" = ${new Date()}
          WHERE "shop" = ${shop} AND (${emailMatch('"email"', who)} OR ${phoneMatch('"phone"', who)})`,
    );

    // Raw webhooks: the listed orders' events, and any other payload that names the customer. The
    // row stays (its webhook id keeps a redelivery a duplicate), emptied and marked REDACTED, which
    // no job processes and no screen lists.
    await execute(
      tx,
      sql`UPDATE "WebhookEvent" SET "payload" = '{}', "status" = 'REDACTED', "error" = NULL
          WHERE "shop" = ${shop} AND (${listedOrder("orderId")} OR ${mentions('"payload"', who)})`,
    );
    await execute(tx, sql`UPDATE "Job" SET "lastError" = NULL WHERE ${mentions('"lastError"', who)}`);
  });
}

interface Addresses {
  /** Lower-cased, trimmed. */
  emails: string[];
  /** As stored, trimmed, without `whatsapp:`. */
  phones: string[];
}

/** The request's addresses and those the listed orders and their messages were sent to. */
async function addressesOf(tx: Tx, shop: string, customer: RedactedCustomer, orderIds: string[]): Promise<Addresses> {
  const found = [customer.email, customer.phone];
  if (orderIds.length) {
    const ids = join(orderIds);
    const orders = await select<{ email: string | null; phone: string | null }>(tx, sql`SELECT "email", "phone" FROM "Order" WHERE "shop" = ${shop} AND "id" IN (${ids})`);
    const messages = await select<{ recipient: string }>(tx, sql`SELECT DISTINCT "recipient" FROM "Message" WHERE "shop" = ${shop} AND "orderId" IN (${ids})`);
    found.push(...orders.flatMap((o) => [o.email, o.phone]), ...messages.map((m) => m.recipient));
  }
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const value of found) {
    const address = value?.trim();
    if (!address || address === "redacted") continue;
    if (address.includes("@")) emails.add(address.toLowerCase());
    else phones.add(address.replace(/^whatsapp:/, "").trim());
  }
  return { emails: [...emails], phones: [...phones].filter(Boolean) };
}

function emailMatch(column: string, who: Addresses): Sql {
  return who.emails.length ? sql`LOWER(TRIM(${raw(column)})) IN (${join(who.emails)})` : raw("1 = 0");
}

function phoneMatch(column: string, who: Addresses): Sql {
  return who.phones.length ? sql`TRIM(REPLACE(${raw(column)}, 'whatsapp:', '')) IN (${join(who.phones)})` : raw("1 = 0");
}

/** A column holding an email or a phone number (a message's recipient, an outbox item's `to`). */
function addressMatch(column: string, who: Addresses): Sql {
  return sql`(${emailMatch(column, who)} OR ${phoneMatch(column, who)})`;
}

/** A text column that contains any of the addresses (emails in any case). */
function mentions(column: string, who: Addresses): Sql {
  const likes = [
    ...who.emails.map((e) => sql`LOWER(${raw(column)}) LIKE ${`%${likeEscape(e)}%`} ESCAPE '!'`),
    ...who.phones.map((p) => sql`${raw(column)} LIKE ${`%${likeEscape(p)}%`} ESCAPE '!'`),
  ];
  return likes.length ? sql`(${join(likes, " OR ")})` : raw("1 = 0");
}

function likeEscape(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
