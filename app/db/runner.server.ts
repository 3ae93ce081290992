import { db, type Db } from "../db.server";
import { dialect } from "./dialect.server";
import { sqliteTransactionLock } from "./sqlite-adapter.server";
import { directSqlite, directTransaction, type DirectSqlite } from "./sqlite-direct.server";
import { execute, select, sqlText, type Sql } from "./sql.server";

/** A statement of a write set; with `ifChanged`, it runs only when that earlier statement changed a row. */
export interface Write {
  sql: Sql;
  /** Index of an earlier statement in the same write set. */
  ifChanged?: number;
}

/**
 * Raw SQL for the hot paths (the worker's jobs, the embedded queue): the same statements on both
 * databases, read as plain rows (decode them with app/db/rows.ts).
 *
 * Why: Prisma costs about half a millisecond of CPU per call before the database does anything,
 * and a job used to make 15-20 of them. On the embedded default the statements run prepared on
 * Prisma's own SQLite connection (app/db/sqlite-direct.server.ts), a few microseconds each; on
 * PostgreSQL they go through Prisma's raw queries.
 */
export interface SqlRunner {
  all<T>(query: Sql): Promise<T[]>;
  get<T>(query: Sql): Promise<T | undefined>;
  /** Run one statement (its own transaction); the number of rows it changed. */
  run(query: Sql): Promise<number>;
  /**
   * Run the statements in order in one transaction (all or nothing); each one's number of changed
   * rows (0 for a statement skipped by its `ifChanged`).
   */
  write(statements: ReadonlyArray<Sql | Write>): Promise<number[]>;
}

let processRunner: Promise<SqlRunner> | undefined;

/** The runner on this process's database (`db`). */
export function sqlRunner(): Promise<SqlRunner> {
  if (!processRunner) {
    processRunner = dialect === "sqlite" ? directSqlite().then((direct) => new SqliteRunner(direct)) : Promise.resolve(new PrismaRunner(db));
    // A failed connection attempt is not remembered: the next call tries again.
    processRunner.catch(() => (processRunner = undefined));
  }
  return processRunner;
}

/** The runner on `client`: the direct path for the process's own SQLite client, else its raw queries. */
export function sqlRunnerFor(client: Db): Promise<SqlRunner> {
  return client === db ? sqlRunner() : Promise.resolve(new PrismaRunner(client));
}

const asWrite = (s: Sql | Write): Write => ("sql" in s ? s : { sql: s });

/**
 * Statements on the SQLite connection Prisma uses, each taken under the connection's transaction
 * lock: none can land inside a Prisma transaction that is open on the connection, and a write set
 * is one synchronous BEGIN IMMEDIATE ... COMMIT that nothing else in the process can enter.
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
    return this.locked(() => this.direct.get<T>(query));
  }

  run(query: Sql): Promise<number> {
    return this.locked(() => this.direct.run(query));
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

/** The same statements through Prisma's raw queries (PostgreSQL, or a client other than the process's). */
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
