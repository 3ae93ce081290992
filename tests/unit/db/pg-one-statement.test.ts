import { describe, expect, it } from "vitest";
import { oneStatement } from "../../../app/db/pg-one-statement";
import { preparesStatements } from "../../../app/db/runner.server";
import { sql, type Sql } from "../../../app/db/sql.server";

const text = (s: Sql) => s.parts.join("?").replace(/\s+/g, " ");

describe("a write set as one PostgreSQL statement", () => {
  it("makes each write a WITH query, gates a dependent INSERT on the row of the one it follows, and keeps the parameters in order", () => {
    const statement = oneStatement([
      { sql: sql`INSERT INTO "A" ("id", "n") VALUES (${"a1"}, ${1}) ON CONFLICT ("id") DO NOTHING` },
      { sql: sql`INSERT INTO "B" ("id", "note", "at") VALUES (${"b1"}, '(not a paren)', ${new Date(0)}) ON CONFLICT ("id") DO UPDATE SET "at" = excluded."at"`, ifChanged: 0 },
      { sql: sql`UPDATE "C" SET "done" = ${true} WHERE "id" = ${"c1"}` },
    ])!;
    expect(text(statement)).toBe(
      'WITH "w0" AS (INSERT INTO "A" ("id", "n") VALUES (?, ?) ON CONFLICT ("id") DO NOTHING RETURNING 1), ' +
        '"w1" AS (INSERT INTO "B" ("id", "note", "at") SELECT ?, \'(not a paren)\', ? WHERE EXISTS (SELECT 1 FROM "w0") ON CONFLICT ("id") DO UPDATE SET "at" = excluded."at" RETURNING 1), ' +
        '"w2" AS (UPDATE "C" SET "done" = ? WHERE "id" = ? RETURNING 1) ' +
        'SELECT (SELECT count(*) FROM "w0")::int AS "0", (SELECT count(*) FROM "w1")::int AS "1", (SELECT count(*) FROM "w2")::int AS "2"',
    );
    expect(statement.params).toEqual(["a1", 1, "b1", new Date(0), true, "c1"]);
  });

  it("leaves to a transaction what one statement cannot do", () => {
    const insert = sql`INSERT INTO "A" ("id") VALUES (${"a1"})`;
    const cases = [
      [insert, { sql: sql`SELECT 1` }],
      [insert, { sql: sql`INSERT INTO "B" ("id") VALUES (${"b1"}) RETURNING "id"` }],
      [insert, { sql: sql`WITH x AS (SELECT 1) INSERT INTO "B" ("id") SELECT 1 FROM x` }],
      [insert, { sql: sql`UPDATE "B" SET "n" = 1 WHERE "id" = ${"b1"}`, ifChanged: 0 }],
      [insert, { sql: sql`INSERT INTO "B" ("id") VALUES (${"b1"}), (${"b2"})`, ifChanged: 0 }],
      [insert, { sql: sql`INSERT INTO "B" ("id") VALUES (${"b1"})`, ifChanged: 1 }],
    ];
    for (const writes of cases) expect(oneStatement(writes.map((w) => ("sql" in w ? w : { sql: w })))).toBeNull();
  });

  it("reads a quoted column called returning as a column", () => {
    expect(oneStatement([{ sql: sql`UPDATE "A" SET "returning" = ${1}` }, { sql: sql`DELETE FROM "B"` }])).not.toBeNull();
  });
});

describe("prepared statements on PostgreSQL", () => {
  it("are used unless the URL says the connections go through PgBouncer", () => {
    expect(preparesStatements("postgresql://herald@127.0.0.1:5432/herald")).toBe(true);
    expect(preparesStatements("postgresql://herald@db.example:6543/herald?sslmode=require&pgbouncer=true")).toBe(false);
    expect(preparesStatements("postgresql://herald@db.example:6543/herald?pgbouncer=true&connection_limit=1")).toBe(false);
    expect(preparesStatements("postgresql://herald@db.example:5432/herald?application_name=pgbouncer=true-ish")).toBe(true);
  });
});
