import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Folder for per-run test databases (git-ignored). */
export const TEST_DB_DIR = path.resolve("tmp", "test-db");
export const TEMPLATE_DB = path.join(TEST_DB_DIR, "template.db");

/** Apply every committed migration, in order, to a new SQLite file. */
export function buildTemplateDatabase(file = TEMPLATE_DB): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  const dir = path.resolve("prisma", "migrations");
  const migrations = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const m of migrations) db.exec(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  // As `npm run setup` leaves a database (app/db/migrate.ts); the copies keep the mode.
  db.pragma("journal_mode = WAL");
  db.close();
}

/** A private copy of the template for one test worker. */
export function workerDatabase(poolId: string): string {
  const file = path.join(TEST_DB_DIR, `worker-${poolId}-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(TEMPLATE_DB, file);
  return file;
}
