// `npm run setup`'s last step: bring the database selected by DATABASE_URL up to date. Safe to
// run any number of times.
// - SQLite (default): Prisma's `migrate deploy` (works offline through the driver adapter),
//   then WAL mode so the web server and workers read while one writes.
// - PostgreSQL: Prisma's CLI cannot migrate PostgreSQL without its native engine, so the
//   committed SQL in prisma/postgresql/migrations is applied here, each migration in its own
//   transaction, under an advisory lock so concurrent starts do not race.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqliteUrl } from "./url";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (databaseKind(url) === "sqlite") {
    execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    const file = sqliteUrl(url);
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.close();
    console.log(`SQLite database ready: ${path.relative(process.cwd(), file)}`);
    return;
  }
  const applied = await migratePostgres(url!);
  console.log(`PostgreSQL database ready (${applied} migration(s) applied).`);
}

/** Apply pending prisma/postgresql/migrations/* in name order. Returns how many were applied. */
export async function migratePostgres(connectionString: string): Promise<number> {
  const dir = path.resolve("prisma", "postgresql", "migrations");
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString });
  await client.connect();
  let count = 0;
  try {
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_herald_migrations" (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ name: string }>(`SELECT name FROM "_herald_migrations"`)).rows.map((r) => r.name));
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_herald_migrations" (name) VALUES ($1)`, [name]);
        await client.query("COMMIT");
        count++;
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
  return count;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
