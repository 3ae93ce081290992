import type { Tx } from "../db.server";
import { dialect } from "./dialect.server";

type Param = string | number | boolean | Date | null;

/**
 * A piece of SQL with its bound parameters, written once for SQLite and PostgreSQL. Built with
 * sql`...${value}...` (a value becomes a parameter: `?` on SQLite, `$n` on PostgreSQL), raw() for
 * names that come from code, never from input, and join().
 *
 * Why not Prisma.sql: its fragments are only recognised by the client whose runtime made them,
 * and Herald loads a second generated client for PostgreSQL.
 */
export class Sql {
  constructor(
    readonly parts: readonly string[],
    readonly params: readonly Param[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: Array<Param | Sql>): Sql {
  const parts: string[] = [strings[0]];
  const params: Param[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      parts[parts.length - 1] += value.parts[0];
      for (let k = 0; k < value.params.length; k++) {
        params.push(value.params[k]);
        parts.push(value.parts[k + 1]);
      }
      parts[parts.length - 1] += strings[i + 1];
    } else {
      params.push(value);
      parts.push(strings[i + 1]);
    }
  });
  return new Sql(parts, params);
}

/** SQL text spliced in as is: table and column names and keywords from code only. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

/** Values (bound) or fragments separated by `separator`. */
export function join(items: Array<Param | Sql>, separator = ", "): Sql {
  const strings = Object.assign(["", ...items.slice(1).map(() => separator), ""], { raw: [] as string[] });
  return sql(strings as unknown as TemplateStringsArray, ...items);
}

/** A double-quoted identifier (the models' table and column names keep their case on both databases). */
export function name(identifier: string): Sql {
  return raw(`"${identifier}"`);
}

/** The statement's text with this database's parameter markers. */
export function sqlText(query: Sql): string {
  return query.parts.reduce((out, part, i) => (i === 0 ? part : `${out}${dialect === "postgresql" ? `$${i}` : "?"}${part}`), "");
}

/** Run a statement; returns the number of rows it changed. */
export function execute(client: Tx, query: Sql): Promise<number> {
  return client.$executeRawUnsafe(sqlText(query), ...query.params);
}

/** Run a query (or a statement with RETURNING); returns its rows. */
export function select<T>(client: Tx, query: Sql): Promise<T[]> {
  return client.$queryRawUnsafe<T[]>(sqlText(query), ...query.params);
}
