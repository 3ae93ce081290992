import pg from "pg";
import { db, type Db } from "../db.server";
import { dialect } from "./dialect.server";
import { connectedPgPool } from "./pg-adapter.server";
import { oneStatement, type Write } from "./pg-one-statement";
import { sqliteTransactionLock } from "./sqlite-adapter.server";
import { directSqlite, directTransaction, type DirectSqlite } from "./sqlite-direct.server";
import { execute, select, sqlText, type Sql } from "./sql.server";

export type { Write };

/**
 * Raw SQL for the hot paths (the worker's jobs, the embedded queue): the same statements on both
 * databases, read as plain rows (decode them with app/db/rows.ts).
 *
 * Why: Prisma costs about half a millisecond of CPU per call before the database does anything,
 * and a job used to make 15-20 of them. On the embedded default the statements run prepared on
 * Prisma's own SQLite connection (app/db/sqlite-direct.server.ts), a few microseconds each; on
 * PostgreSQL they run on node-postgres, on Prisma's own pool (app/db/pg-adapter.server.ts).
 *
 * Not for use inside a Prisma interactive transaction: on SQLite a statement here waits for any
 * open transaction on the connection to end, so from inside one it would wait forever.
 */
export interface SqlRunner {
  all<T>(query: Sql): Promise<T[]>;
  get<T>(query: Sql): Promise<T | undefined>;
  /** Run one statement (its own transaction); the number of rows it changed. */
  run(query: Sql): Promise<number>;
  /**
   * Run the statements in one transaction (all or nothing); each one's number of changed rows (0
   * for a statement skipped by its `ifChanged`). The statements must be independent: none reads a
   * row another of the set writes, and no two change the same row. On PostgreSQL the set runs as
   * one statement (app/db/pg-one-statement.ts) whose parts share a snapshot; on SQLite in order.
   */
  write(statements: ReadonlyArray<Sql | Write>): Promise<number[]>;
}

/** The runner on this process's database (`db`), on the connection Prisma has open now. */
export async function sqlRunner(): Promise<SqlRunner> {
  if (dialect === "sqlite") return new SqliteRunner(await directSqlite());
  const pool = await prismaPgPool();
  let runner = pgRunners.get(pool);
  if (!runner) pgRunners.set(pool, (runner = new PgRunner(pool)));
  return runner;
}

/** The runner on `client`: the direct path for the process's own SQLite client, else its raw queries. */
export function sqlRunnerFor(client: Db): Promise<SqlRunner> {
  return client === db ? sqlRunner() : Promise.resolve(new PrismaRunner(client));
}

const asWrite = (s: Sql | Write): Write => ("sql" in s ? s : { sql: s });

/** A statement that changes rows (an UPDATE ... RETURNING read through get), as opposed to a SELECT. */
const isWrite = (query: Sql): boolean => !/^\s*SELECT\b/i.test(sqlText(query));

/**
 * Statements on the SQLite connection Prisma uses, each taken under the connection's transaction
 * lock: none can land inside a Prisma transaction that is open on the connection, and a write set
 * is one synchronous BEGIN IMMEDIATE ... COMMIT that nothing else in the process can enter. Every
 * write, a single statement too, goes through group commit (directTransaction): a worker's claims,
 * completions and deliveries made in the same turn share one commit, and waiting for another
 * process's write lock does not block the event loop.
 */
class SqliteRunner implements SqlRunner {
  constructor(private readonly direct: DirectSqlite) {}

  private async locked<T>(fn: () => T): Promise<T> {
    const release = await sqliteTransactionLock.acquire();
    try {
      return fn();
    } finally {
      release();
    }
  }

  all<T>(query: Sql): Promise<T[]> {
    return this.locked(() => this.direct.all<T>(query));
  }

  get<T>(query: Sql): Promise<T | undefined> {
    if (isWrite(query)) return directTransaction(this.direct, (tx) => tx.get<T>(query));
    return this.locked(() => this.direct.get<T>(query));
  }

  run(query: Sql): Promise<number> {
    return directTransaction(this.direct, (tx) => tx.run(query));
  }

  write(statements: ReadonlyArray<Sql | Write>): Promise<number[]> {
    if (statements.length === 1 && asWrite(statements[0]).ifChanged === undefined) return this.run(asWrite(statements[0]).sql).then((n) => [n]);
    return directTransaction(this.direct, (tx) => {
      const changed: number[] = [];
      for (const w of statements.map(asWrite)) changed.push(w.ifChanged !== undefined && !changed[w.ifChanged] ? 0 : tx.run(w.sql));
      return changed;
    });
  }
}

async function prismaPgPool(): Promise<pg.Pool> {
  if (!connectedPgPool() || connectedPgPool()!.ended) await db.$connect();
  const pool = connectedPgPool();
  if (!pool) throw new Error("The PostgreSQL pool is not open");
  return pool;
}

// Columns are `timestamp(3)` (no time zone) holding UTC, as Prisma writes them. node-postgres would
// read and write them in the process's local time zone: dates go as ISO text (PostgreSQL ignores
// the "Z" of a timestamp without time zone) and come back read as UTC.
const TIMESTAMP = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? utcTimestamp : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

function pgValue(value: Sql["params"][number]): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}

/** How many statement texts a process prepares at most (texts beyond are parsed on each call). */
const MAX_PREPARED = 1_000;
const preparedNames = new Map<string, string>();

/**
 * The name a statement is prepared under on each connection, or undefined. A named statement is
 * parsed and planned once per connection, then only bound and run: for a webhook's one-statement
 * write set that halved PostgreSQL's CPU (896 to 445 µs). Off with `pgbouncer=true` in the URL (as
 * for Prisma): PgBouncer in transaction mode hands each query to any server connection, where
 * the name may not exist.
 */
function statementName(text: string, prepare: boolean): string | undefined {
  if (!prepare) return undefined;
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED) preparedNames.set(text, (name = `herald_${preparedNames.size}`));
  return name;
}

/** Whether statements are prepared on connections made with this URL (not through PgBouncer). */
export function preparesStatements(connectionString: string | undefined): boolean {
  return !/[?&]pgbouncer=true(&|$)/i.test(connectionString ?? "");
}

/** The statements on node-postgres, on the pool Prisma uses (PostgreSQL). */
const pgRunners = new WeakMap<pg.Pool, PgRunner>();

class PgRunner implements SqlRunner {
  private readonly prepare: boolean;

  constructor(private readonly pool: pg.Pool) {
    this.prepare = preparesStatements(pool.options.connectionString);
  }

  private query<T>(client: pg.Pool | pg.PoolClient, query: Sql): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    const text = sqlText(query);
    return client.query<T & pg.QueryResultRow>({ name: statementName(text, this.prepare), text, values: query.params.map(pgValue), types: pgTypes });
  }

  async all<T>(query: Sql): Promise<T[]> {
    return (await this.query<T>(this.pool, query)).rows;
  }

  async get<T>(query: Sql): Promise<T | undefined> {
    return (await this.query<T>(this.pool, query)).rows[0];
  }

  async run(query: Sql): Promise<number> {
    return (await this.query(this.pool, query)).rowCount ?? 0;
  }

  async write(statements: ReadonlyArray<Sql | Write>): Promise<number[]> {
    const writes = statements.map(asWrite);
    if (writes.length === 1 && writes[0].ifChanged === undefined) return [await this.run(writes[0].sql)];
    const together = oneStatement(writes);
    if (together) {
      const counts = (await this.get<Record<string, number>>(together))!;
      return writes.map((_, i) => counts[i]);
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const changed: number[] = [];
      for (const w of writes) changed.push(w.ifChanged !== undefined && !changed[w.ifChanged] ? 0 : ((await this.query(client, w.sql)).rowCount ?? 0));
      await client.query("COMMIT");
      return changed;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    } finally {
      // A connection that could not even roll back is closed rather than handed to the next caller.
      client.release(broken);
    }
  }
}

/** The same statements through Prisma's raw queries (a client other than the process's). */
class PrismaRunner implements SqlRunner {
  constructor(private readonly client: Db) {}

  all<T>(query: Sql): Promise<T[]> {
    return select<T>(this.client, query);
  }

  async get<T>(query: Sql): Promise<T | undefined> {
    return (await select<T>(this.client, query))[0];
  }

  run(query: Sql): Promise<number> {
    return execute(this.client, query);
  }

  async write(statements: ReadonlyArray<Sql | Write>): Promise<number[]> {
    const writes = statements.map(asWrite);
    if (writes.length === 1 && writes[0].ifChanged === undefined) return [await execute(this.client, writes[0].sql)];
    if (writes.every((w) => w.ifChanged === undefined)) {
      // One round of statements in one transaction, no decision in between.
      return this.client.$transaction(writes.map((w) => this.client.$executeRawUnsafe(sqlText(w.sql), ...w.sql.params)));
    }
    return this.client.$transaction(async (tx) => {
      const changed: number[] = [];
      for (const w of writes) changed.push(w.ifChanged !== undefined && !changed[w.ifChanged] ? 0 : await execute(tx, w.sql));
      return changed;
    });
  }
}
