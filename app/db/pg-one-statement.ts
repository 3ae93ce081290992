import { Sql } from "./sql.server";

/** A statement of a write set; with `ifChanged`, it runs only when that earlier statement changed a row. */
export interface Write {
  sql: Sql;
  /** Index of an earlier statement in the same write set. */
  ifChanged?: number;
}

// Stands for a bound parameter while the text is examined: it cannot occur in SQL written in code.
const PARAM = "\u0000";

/**
 * A write set as one PostgreSQL statement: each write a data-modifying WITH query, then one row
 * with the number of rows each changed (columns "0", "1", ...). One round trip instead of
 * BEGIN, one per statement and COMMIT: on a loopback socket the round trips, not the statements,
 * are most of the CPU a webhook or a job step costs both Herald and the server. A statement is
 * atomic, so the set still commits all or nothing.
 *
 * A gated write (`ifChanged`) must be a one-row INSERT ... VALUES: its VALUES list becomes
 * SELECT ... WHERE EXISTS (a row of the statement it depends on). PostgreSQL types the parameters
 * of an INSERT's SELECT by the target columns, as it does those of VALUES.
 *
 * The sub-statements run on one snapshot and cannot see each other's changes, which is why a write
 * set's statements must be independent (see SqlRunner.write). Null for a set that cannot be one
 * statement (a statement that is not INSERT, UPDATE or DELETE, has its own WITH or RETURNING, or a
 * gated one that is not a one-row INSERT): the caller runs it as a transaction instead.
 */
export function oneStatement(writes: readonly Write[]): Sql | null {
  const texts: string[] = [];
  for (const [i, w] of writes.entries()) {
    const text = w.sql.parts.join(PARAM);
    if (!/^\s*(INSERT|UPDATE|DELETE)\b/i.test(text) || /\bRETURNING\b/i.test(stripLiterals(text))) return null;
    if (w.ifChanged !== undefined && w.ifChanged >= i) return null;
    const statement = w.ifChanged === undefined ? text : gatedInsert(text, `w${w.ifChanged}`);
    if (statement === null) return null;
    texts.push(`"w${i}" AS (${statement.trim()} RETURNING 1)`);
  }
  const counts = writes.map((_, i) => `(SELECT count(*) FROM "w${i}")::int AS "${i}"`).join(", ");
  const text = `WITH ${texts.join(",\n")}\nSELECT ${counts}`;
  return new Sql(text.split(PARAM), writes.flatMap((w) => w.sql.params));
}

/** `INSERT INTO t (cols) VALUES (v) rest` as `INSERT INTO t (cols) SELECT v WHERE EXISTS (SELECT 1 FROM "cte") rest`, or null. */
function gatedInsert(text: string, cte: string): string | null {
  const head = /^\s*INSERT\s+INTO\s+[^()]+\([^()]*\)\s*VALUES\s*\(/i.exec(text);
  if (!head) return null;
  const close = matchingParen(text, head[0].length - 1);
  if (close === -1) return null;
  const rest = text.slice(close + 1);
  if (/^\s*,/.test(rest)) return null; // more than one row
  const values = text.slice(head[0].length, close);
  return `${head[0].replace(/VALUES\s*\($/i, "")}SELECT ${values} WHERE EXISTS (SELECT 1 FROM "${cte}")${rest}`;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text; -1 if none. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return -1;
      i = end;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** The text without its quoted literals and identifiers (a column may be called "returning"). */
function stripLiterals(text: string): string {
  return text.replace(/'[^']*'|"[^"]*"/g, "''");
}
