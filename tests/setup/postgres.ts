import pg from "pg";
import { migratePostgres } from "../../app/db/migrate";

// With HERALD_TEST_POSTGRES_URL (a running server, e.g. from tests/scripts/postgres.sh), the
// suite runs on PostgreSQL: one migrated template database, cloned once per test worker.

const TEMPLATE = "herald_test_template";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function buildPostgresTemplate(url: string): Promise<void> {
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  await migratePostgres(withDatabase(url, TEMPLATE));
}

export async function workerPostgresDatabase(url: string, poolId: string): Promise<string> {
  const name = `herald_test_w${poolId}_${process.pid}`;
  await admin(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  });
  return withDatabase(url, name);
}
