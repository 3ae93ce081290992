import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseKind, sqliteUrl } from "./db/url";

export type Db = PrismaClient;
/** The client inside $transaction(async (tx) => ...). */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (databaseKind(url) === "postgresql") {
    throw new Error("PostgreSQL support is selected by DATABASE_URL but this build was generated for SQLite");
  }
  // busy_timeout: web and worker share the file; a writer waits instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: sqliteUrl(url), timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { heraldDb?: PrismaClient };

/** The one Prisma client of this process (kept across dev-server reloads). */
export const db: PrismaClient = globalForDb.heraldDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.heraldDb = db;

export default db;
