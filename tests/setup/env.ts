import { workerDatabase } from "./database";
import { workerPostgresDatabase } from "./postgres";

// Each test worker gets its own SQLite file, copied from the migrated template, before any app
// module reads DATABASE_URL. Tests that need a clean slate call resetDatabase() (tests/support/db.ts).
// With HERALD_TEST_POSTGRES_URL set, each worker gets its own PostgreSQL database instead.
if (!process.env.HERALD_TEST_DB) {
  const poolId = process.env.VITEST_POOL_ID ?? "0";
  const pgUrl = process.env.HERALD_TEST_POSTGRES_URL;
  const url = pgUrl ? await workerPostgresDatabase(pgUrl, poolId) : `file:${workerDatabase(poolId)}`;
  process.env.HERALD_TEST_DB = url;
  process.env.DATABASE_URL = url;
}

process.env.NODE_ENV = "test";
process.env.HERALD_LOG_LEVEL ??= "error";
process.env.SHOPIFY_API_KEY ??= "test-api-key";
process.env.SHOPIFY_API_SECRET ??= "test-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:39999";
process.env.SCOPES ??= "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers,read_products,read_inventory,read_locales,write_app_proxy";
process.env.EMAIL_FROM ??= "Herald Test <notifications@herald.test>";
delete process.env.REDIS_URL;
delete process.env.RESEND_API_KEY;
delete process.env.TWILIO_ACCOUNT_SID;
