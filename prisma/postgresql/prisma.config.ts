import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// PostgreSQL (scale-out). Generated from ../schema.prisma by tests/scripts/postgres-schema.ts.
// Prisma's CLI cannot migrate PostgreSQL offline here; it only generates the client and
// computes migration SQL, which app/db/migrate-postgres.server.ts applies.
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/herald" }),
});
