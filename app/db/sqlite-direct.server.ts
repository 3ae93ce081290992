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

/**
 * Run `fn` atomically on the direct connection: resolved once its writes are committed, rejected
 * (and its writes undone) if it throws. Group commit: the calls made while the process is busy
 * (typically one per webhook that arrived in the same turn of the event loop) share one
 * BEGIN IMMEDIATE ... COMMIT, each inside its own SAVEPOINT, so a burst pays for one commit and
 * one write-lock round trip instead of one each. A failing call rolls back to its savepoint and
 * only its caller sees the error; a failing COMMIT rejects every call of the batch.
 */
export function directTransaction<T>(direct: DirectSqlite, fn: (sql: DirectSqlite) => T): Promise<T> {
  const statements = direct as Statements;
  return new Promise<T>((resolve, reject) => {
    let batch = waiting.get(statements.connection);
    if (!batch) {
      waiting.set(statements.connection, (batch = []));
      setImmediate(() => void runBatch(statements, batch!));
    }
    batch.push({ fn, resolve: resolve as (value: unknown) => void, reject });
  });
}

interface Call {
  fn: (sql: DirectSqlite) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Calls waiting for their batch to run, per connection. */
const waiting = new WeakMap<Database.Database, Call[]>();

/** See leaveWriteLockGaps. */
let writeLockGapMs = 0;
let lastReleaseAt = 0;

/**
 * Called in worker processes: after each of its transactions, this process leaves the write lock
 * alone for `ms` before it begins the next (the calls made meanwhile join that next batch). A
 * worker busy with a backlog otherwise begins its next transaction within microseconds of its
 * last commit, and the web process, trying again from its event loop, could wait hundreds of
 * milliseconds to record a webhook. The web process leaves no gap.
 */
export function leaveWriteLockGaps(ms: number): void {
  writeLockGapMs = ms;
}

async function runBatch(statements: Statements, batch: Call[]): Promise<void> {
  const release = await sqliteTransactionLock.acquire();
  const control = (text: string) => statements.prepare(raw(text));
  const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  try {
    // Turns of the event loop (the worker's other callbacks run) until the gap has passed: a timer
    // would take a millisecond at least.
    while (performance.now() < lastReleaseAt + writeLockGapMs) await new Promise((resolve) => setImmediate(resolve));
    await beginImmediate(statements);
    // Calls that came while waiting for the locks joined this batch; later ones start the next.
    waiting.delete(statements.connection);
    try {
      for (const call of batch) {
        control("SAVEPOINT herald_call").run();
        try {
          results.push({ ok: true, value: call.fn(statements) });
        } catch (error) {
          control("ROLLBACK TO herald_call").run();
          results.push({ ok: false, error });
        }
        control("RELEASE herald_call").run();
      }
      control("COMMIT").run();
    } catch (error) {
      if (statements.connection.inTransaction) control("ROLLBACK").run();
      throw error;
    }
  } catch (error) {
    if (waiting.get(statements.connection) === batch) waiting.delete(statements.connection);
    for (const call of batch) call.reject(error);
    return;
  } finally {
    lastReleaseAt = performance.now();
    release();
  }
  batch.forEach((call, i) => {
    const result = results[i];
    if (result.ok) call.resolve(result.value);
    else call.reject(result.error);
  });
}

/** How long a batch waits for another process's write lock before it fails, as Prisma's busy timeout. */
const WRITE_LOCK_WAIT_MS = 10_000;

/** How long a lock that is taken is tried again on every turn of the event loop, before every millisecond. */
const EAGER_RETRY_MS = 5;

/**
 * BEGIN IMMEDIATE without blocking the event loop. With the connection's busy timeout, SQLite waits
 * for another process's write lock by sleeping the thread, 1 ms at first and longer after, while
 * the other process typically holds it for well under a millisecond (one commit); the web process
 * would not answer a webhook meanwhile, nor would a worker's other jobs move. Here the attempt
 * fails at once when the lock is taken and is tried again from the event loop: on each turn
 * (after the callbacks that are due) for the first few milliseconds, so a lock freed for a moment
 * is caught, then every millisecond.
 */
async function beginImmediate(statements: Statements): Promise<void> {
  // Prepared once per connection (the statement cache): Database#pragma compiles its text on every call.
  const pragma = (text: string) => Object.values(statements.prepare(raw(text)).get() as object)[0] as unknown;
  const busyTimeout = String(pragma("PRAGMA busy_timeout"));
  const started = performance.now();
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (;;) {
    pragma("PRAGMA busy_timeout = 0");
    try {
      statements.prepare(raw("BEGIN IMMEDIATE")).run();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
    } finally {
      pragma(`PRAGMA busy_timeout = ${busyTimeout}`);
    }
    await new Promise((resolve) => (performance.now() - started < EAGER_RETRY_MS ? setImmediate(resolve) : setTimeout(resolve, 1)));
  }
}

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

  prepare(query: Sql): Database.Statement {
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
