// prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (the one to edit):
// same models, PostgreSQL provider, its own client output.
//   npx tsx prisma/postgresql/derive.ts          rewrite it
// A unit test fails when the two drift apart.
import fs from "node:fs";
import path from "node:path";

export function derivePostgresSchema(sqliteSchema: string): string {
  const header = "// GENERATED from prisma/schema.prisma by prisma/postgresql/derive.ts. Do not edit.\n";
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace(/url\s+= "file:[^"]*"/, 'url      = "postgresql://localhost/herald"')
      .replace(/(engineType\s+= "client")/, '$1\n  output          = "../../node_modules/.prisma/client-postgresql"')
  );
}

export const SQLITE_SCHEMA = path.resolve("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.resolve("prisma", "postgresql", "schema.prisma");

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  fs.writeFileSync(POSTGRES_SCHEMA, derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
}
