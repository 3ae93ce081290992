import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteUrl } from "./app/db/url";

// Prisma's CLI normally downloads a native schema engine; this machine class has no route to
// Prisma's binary host. The JavaScript schema engine with a driver adapter works offline for
// SQLite (generate, migrate diff, migrate deploy), so that is what the CLI uses.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteUrl(process.env.DATABASE_URL) }),
});
