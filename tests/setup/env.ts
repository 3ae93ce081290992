import { workerDatabase } from "./database";

// Each test worker gets its own SQLite file, copied from the migrated template, before any app
// module reads DATABASE_URL. Tests that need a clean slate call resetDatabase() (tests/support/db.ts).
if (!process.env.HERALD_TEST_DB) {
  const file = workerDatabase(process.env.VITEST_POOL_ID ?? "0");
  process.env.HERALD_TEST_DB = file;
  process.env.DATABASE_URL = `file:${file}`;
}

process.env.NODE_ENV = "test";
process.env.HERALD_LOG_LEVEL ??= "error";
process.env.SHOPIFY_API_KEY ??= "test-api-key";
process.env.SHOPIFY_API_SECRET ??= "test-api-secret";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:39999";
process.env.SCOPES ??= "read_orders,read_fulfillments,read_customers,read_products,read_inventory";
process.env.EMAIL_FROM ??= "Herald Test <notifications@herald.test>";
delete process.env.REDIS_URL;
delete process.env.RESEND_API_KEY;
delete process.env.TWILIO_ACCOUNT_SID;
