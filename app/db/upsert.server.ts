import { join, name, sql, type Sql } from "./sql.server";

type Value = string | number | boolean | Date | null;

/** Whether a row of the same version as the stored one replaces it. */
export type SameVersion = "replace" | "keep";

/**
 * INSERT a row, or on conflict with `key` UPDATE the other columns, but only when the stored
 * `version` is not newer than the row's (Shopify's updated_at): one statement, so two concurrent
 * writers of a new row cannot both insert, and a late, older payload never overwrites a newer one.
 * `sameVersion: "keep"` updates only for a strictly newer version (a reconciliation's copy of what
 * a webhook already recorded changes nothing). Table and column names come from code, never from
 * input; values are bound parameters. Same SQL on SQLite and PostgreSQL.
 */
export function upsertIfNotOlder(
  table: string,
  key: string[],
  row: Record<string, Value>,
  opts: { version: string; keepOnUpdate?: string[]; sameVersion?: SameVersion },
): Sql {
  const keep = new Set([...key, ...(opts.keepOnUpdate ?? [])]);
  const assignments = Object.keys(row)
    .filter((c) => !keep.has(c))
    .map((c) => sql`${name(c)} = excluded.${name(c)}`);
  return sql`${insert(table, row)}
    ON CONFLICT (${join(key.map(name))}) DO UPDATE SET ${join(assignments)}
    WHERE ${name(table)}.${name(opts.version)} ${opts.sameVersion === "keep" ? sql`<` : sql`<=`} excluded.${name(opts.version)}`;
}

/** INSERT a row unless one with the same key exists (facts that never change once recorded). */
export function insertIfAbsent(table: string, key: string[], row: Record<string, Value>): Sql {
  return sql`${insert(table, row)} ON CONFLICT (${join(key.map(name))}) DO NOTHING`;
}

function insert(table: string, row: Record<string, Value>): Sql {
  return sql`INSERT INTO ${name(table)} (${join(Object.keys(row).map(name))}) VALUES (${join(Object.values(row))})`;
}
