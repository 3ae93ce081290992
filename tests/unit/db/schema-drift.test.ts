import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, derivePostgresSchema } from "../../../prisma/postgresql/derive";
import { TEMPLATE_DB, TEST_DB_DIR } from "../../setup/database";

/** Tables, columns (name, type, nullability, default, pk) and indexes of a SQLite file. */
function structure(file: string) {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name`)
    .all() as Array<{ name: string }>;
  const result = tables.map(({ name }) => ({
    name,
    // By name: ALTER TABLE ADD COLUMN appends, so positions differ and do not matter.
    columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ cid: number; name: string }>)
      .map(({ cid: _cid, ...column }) => column)
      .sort((a, b) => a.name.localeCompare(b.name)),
    indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as Array<{ name: string; unique: number }>)
      .map((i) => ({ unique: i.unique, columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as Array<{ name: string }>).map((c) => c.name) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  }));
  db.close();
  return result;
}

describe("the database schema", () => {
  it("built from the committed SQLite migrations is exactly what prisma/schema.prisma describes", () => {
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", SQLITE_SCHEMA, "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const fromSchema = path.join(TEST_DB_DIR, `from-schema-${process.pid}.db`);
    fs.rmSync(fromSchema, { force: true });
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();
    // A failure here means: author a migration (README, "Changing the schema").
    expect(structure(TEMPLATE_DB)).toEqual(structure(fromSchema));
  }, 60_000);

  it("for PostgreSQL is derived from the SQLite one (run `npx tsx prisma/postgresql/derive.ts`)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  });
});
