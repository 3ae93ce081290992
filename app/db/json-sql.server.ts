import { dialect } from "./dialect.server";
import { raw, sql, type Sql } from "./sql.server";

// Related rows as one JSON array column, so one query answers what took one query per table: on
// PostgreSQL each query is a round trip, and a round trip costs more CPU than the rows it brings.

/**
 * A JSON object of `columns` of the row `alias` (names from code only). Columns in `dates` come
 * out as ISO 8601 text in UTC on both databases: PostgreSQL's own JSON for a timestamp has no zone.
 */
export function jsonObject(alias: string, columns: readonly string[], dates: readonly string[] = []): Sql {
  const value = (column: string) => {
    const ref = `${alias}."${column}"`;
    if (!dates.includes(column)) return ref;
    // Stored in UTC (timestamp(3) without zone on PostgreSQL; ISO 8601 text on SQLite).
    return dialect === "postgresql" ? `to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : ref;
  };
  const pairs = columns.map((column) => `'${column}', ${value(column)}`).join(", ");
  return raw(dialect === "postgresql" ? `json_build_object(${pairs})` : `json_object(${pairs})`);
}

/** The JSON array of `object` over the rows the query around it selects, in `orderBy` order; [] for none. */
export function jsonArray(object: Sql, orderBy: string): Sql {
  return dialect === "postgresql"
    ? sql`COALESCE(json_agg(${object} ORDER BY ${raw(orderBy)}), '[]'::json)`
    : sql`json_group_array(${object} ORDER BY ${raw(orderBy)})`;
}

/** A JSON column as the driver answers it (parsed on PostgreSQL, text on SQLite), parsed. */
export function jsonCell<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
