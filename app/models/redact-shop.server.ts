import type { Prisma } from "@prisma/client";
import { dialect } from "../db/dialect.server";
import { execute, raw, sql, type Sql } from "../db/sql.server";
import { transaction } from "../db/transaction.server";

/** Rows of `table` whose "shop" column is the shop. */
const byShop = (table: string) => (shop: string) => sql`SELECT "id" FROM ${raw(`"${table}"`)} WHERE "shop" = ${shop}`;

/** A field of a Job's JSON payload (app/jobs/types.ts JobPayloads), as text. */
function jobField(field: string): Sql {
  return dialect === "postgresql" ? raw(`("payload"::jsonb ->> '${field}')`) : raw(`json_extract("payload", '$.${field}')`);
}

const ROWS_WITH_SHOP_COLUMN = (shop: string) => sql`"shop" = ${shop}`;

/**
 * Which rows of each table belong to a shop, in the order shop/redact deletes them (rows that are
 * found through other rows first). Every model is listed: a new model does not compile until it
 * says where its shop's rows are.
 */
export const SHOP_ROWS: Record<Prisma.ModelName, (shop: string) => Sql> = {
  // Embedded queue: jobs name their shop, or a row of it (app/jobs/types.ts).
  Job: (shop) => sql`${jobField("shop")} = ${shop}
      OR ${jobField("eventId")} IN (${byShop("WebhookEvent")(shop)})
      OR ${jobField("messageId")} IN (${byShop("Message")(shop)})
      OR ${jobField("subscriptionId")} IN (${byShop("StockSubscription")(shop)})
      OR ${jobField("restockId")} IN (${byShop("Restock")(shop)})`,
  MessageAttempt: (shop) => sql`"messageId" IN (${byShop("Message")(shop)})`,
  MessageEvent: (shop) => sql`"messageId" IN (${byShop("Message")(shop)})`,
  // Storefront sign-up counters carry the shop (and visitors' IP addresses) in their key.
  RateLimit: (shop) => sql`"key" LIKE ${`%${shop.replace(/[!%_]/g, (c) => `!${c}`)}%`} ESCAPE '!'`,
  AlertConversion: ROWS_WITH_SHOP_COLUMN,
  StockSubscription: ROWS_WITH_SHOP_COLUMN,
  Restock: ROWS_WITH_SHOP_COLUMN,
  Variant: ROWS_WITH_SHOP_COLUMN,
  ProxyNonce: ROWS_WITH_SHOP_COLUMN,
  Message: ROWS_WITH_SHOP_COLUMN,
  OutboxItem: ROWS_WITH_SHOP_COLUMN,
  Suppression: ROWS_WITH_SHOP_COLUMN,
  MessageTemplate: ROWS_WITH_SHOP_COLUMN,
  WhatsAppTemplate: ROWS_WITH_SHOP_COLUMN,
  FulfillmentEvent: ROWS_WITH_SHOP_COLUMN,
  Fulfillment: ROWS_WITH_SHOP_COLUMN,
  FulfillmentOrder: ROWS_WITH_SHOP_COLUMN,
  Order: ROWS_WITH_SHOP_COLUMN,
  Customer: ROWS_WITH_SHOP_COLUMN,
  Session: ROWS_WITH_SHOP_COLUMN,
  // The shop/redact being processed included: once the shop is gone a redelivery is ignored.
  WebhookEvent: ROWS_WITH_SHOP_COLUMN,
  Shop: (shop) => sql`"domain" = ${shop}`,
};

/** shop/redact (48 h after uninstall): remove every row Herald holds for the shop, in one transaction. */
export async function redactShop(shop: string): Promise<void> {
  await transaction(async (tx) => {
    for (const [table, rows] of Object.entries(SHOP_ROWS)) {
      await execute(tx, sql`DELETE FROM ${raw(`"${table}"`)} WHERE ${rows(shop)}`);
    }
  });
}
