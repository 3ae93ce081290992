import { join, name, sql, type Sql } from "./sql.server";

type Value = string | number | boolean | Date | null;

/**
 * INSERT a row, or on conflict with `key` UPDATE the other columns, but only when the stored
 * `version` is not newer than the row's (Shopify's updated_at): one statement, so two concurrent
 * writers of a new row cannot both insert, and a late, older payload never overwrites a newer one.
 * Table and column names come from code, never from input; values are bound parameters.
 * Same SQL on SQLite and PostgreSQL.
 */
export function upsertIfNotOlder(table: string, key: string[], row: Record<string, Value>, opts: { version: string; keepOnUpdate?: string[] }): Sql {
  const keep = new Set([...key, ...(opts.keepOnUpdate ?? [])]);
  const assignments = Object.keys(row)
    .filter((c) => !keep.has(c))
    .map((c) => sql`${name(c)} = excluded.${name(c)}`);
  return sql`${insert(table, row)}
    ON CONFLICT (${join(key.map(name))}) DO UPDATE SET ${join(assignments)}
    WHERE ${name(table)}.${name(opts.version)} <= excluded.${name(opts.version)}`;
}

/** INSERT a row unless one with the same key exists (facts that never change once recorded). */
export function insertIfAbsent(table: string, key: string[], row: Record<string, Value>): Sql {
  return sql`${insert(table, row)} ON CONFLICT (${join(key.map(name))}) DO NOTHING`;
}

function insert(table: string, row: Record<string, Value>): Sql {
  return sql`INSERT INTO ${name(table)} (${join(Object.keys(row).map(name))}) VALUES (${join(Object.values(row))})`;
}
