import { createRequire } from "node:module";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { SharedPoolPg } from "./db/pg-adapter.server";
import { ImmediateSQLite3 } from "./db/sqlite-adapter.server";
import { databaseKind, sqliteUrl } from "./db/url";

export type Db = PrismaClient;
/** The client inside $transaction(async (tx) => ...). */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (databaseKind(url) === "postgresql") {
    // Prisma generates a client per provider; the PostgreSQL one (same models, see
    // prisma/postgresql/schema.prisma) is loaded from where `npm run setup` generated it.
    const load = createRequire(path.resolve("package.json"));
    const { PrismaClient: PostgresClient } = load("./node_modules/.prisma/client-postgresql/index.js") as {
      PrismaClient: new (options: { adapter: SharedPoolPg }) => PrismaClient;
    };
    return new PostgresClient({ adapter: new SharedPoolPg({ connectionString: url! }) });
  }
  // busy_timeout: web and worker share the file; a writer waits instead of failing with SQLITE_BUSY.
  const adapter = new ImmediateSQLite3({ url: sqliteUrl(url), timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { heraldDb?: PrismaClient };

/** The one Prisma client of this process (kept across dev-server reloads). */
export const db: PrismaClient = globalForDb.heraldDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.heraldDb = db;

export default db;
