import type Database from "better-sqlite3";
import { db } from "../db.server";
import { connectedSqlite, sqliteTransactionLock } from "./sqlite-adapter.server";
import { raw, sqlText, type Sql } from "./sql.server";

/**
 * The embedded default's hot path: statements run on Prisma's own SQLite connection, directly.
 * Each Prisma call costs about half a millisecond of CPU before the database does anything; a
 * prepared better-sqlite3 statement costs microseconds. A transaction here is synchronous from
 * BEGIN IMMEDIATE to COMMIT (nothing else in the process can run in between) and waits for any
 * Prisma transaction on the connection to end first.
 */
export interface DirectSqlite {
  /** Run a statement; returns the number of rows it changed. */
  run(query: Sql): number;
  /** The first row of a query, or undefined. */
  get<T>(query: Sql): T | undefined;
  /** Every row of a query. */
  all<T>(query: Sql): T[];
}

export async function directSqlite(): Promise<DirectSqlite> {
  if (!connectedSqlite()?.open) await db.$connect();
  const connection = connectedSqlite();
  if (!connection) throw new Error("The SQLite connection is not open");
  return new Statements(connection);
}

/** Run `fn` in one IMMEDIATE transaction on the direct connection; rolled back if it throws. */
export async function directTransaction<T>(direct: DirectSqlite, fn: (sql: DirectSqlite) => T): Promise<T> {
  const statements = direct as Statements;
  const release = await sqliteTransactionLock.acquire();
  try {
    statements.run(BEGIN);
    try {
      const result = fn(direct);
      statements.run(COMMIT);
      return result;
    } catch (error) {
      if (statements.connection.inTransaction) statements.run(ROLLBACK);
      throw error;
    }
  } finally {
    release();
  }
}

const BEGIN = raw("BEGIN IMMEDIATE");
const COMMIT = raw("COMMIT");
const ROLLBACK = raw("ROLLBACK");

// Prepared statements by text, per connection (a statement belongs to the connection that prepared it).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const CACHE_SIZE = 200;

class Statements implements DirectSqlite {
  constructor(readonly connection: Database.Database) {}

  run(query: Sql): number {
    return this.prepare(query).run(...query.params.map(toSqlite)).changes;
  }

  get<T>(query: Sql): T | undefined {
    return this.prepare(query).get(...query.params.map(toSqlite)) as T | undefined;
  }

  all<T>(query: Sql): T[] {
    return this.prepare(query).all(...query.params.map(toSqlite)) as T[];
  }

  private prepare(query: Sql): Database.Statement {
    const text = sqlText(query);
    let cache = prepared.get(this.connection);
    if (!cache) prepared.set(this.connection, (cache = new Map()));
    let statement = cache.get(text);
    if (!statement) {
      statement = this.connection.prepare(text);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(text, statement);
    }
    return statement;
  }
}

/** Values as Prisma's adapter stores them: dates as ISO 8601 with "+00:00", booleans as 0/1. */
function toSqlite(value: Sql["params"][number]): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
