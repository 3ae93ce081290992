import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { checkpointInThread } from "./sqlite-checkpoint.server";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock for async code. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

/** Held by whoever has a transaction open on this process's SQLite connection. */
export const sqliteTransactionLock = new Lock();

let connection: Database.Database | undefined;

/** The better-sqlite3 connection Prisma uses in this process, once it has connected. */
export function connectedSqlite(): Database.Database | undefined {
  return connection;
}

/**
 * Prisma's better-sqlite3 adapter, with two changes:
 *
 * - Every transaction begins IMMEDIATE. The web process and the workers write to one SQLite file.
 *   A deferred transaction (plain BEGIN) that reads before it writes must later upgrade its read
 *   snapshot to the write lock; when another process committed in between, SQLite fails that
 *   upgrade at once with SQLITE_BUSY (the busy timeout does not apply) and the whole transaction
 *   has to be retried. BEGIN IMMEDIATE takes the write lock up front, waiting for it under the
 *   busy timeout, so concurrent writers queue instead. Readers are not affected (WAL).
 * - Its write-ahead log is checkpointed in a thread (app/db/sqlite-checkpoint.server.ts), not in
 *   whichever commit takes it past 1,000 pages.
 * - Its transactions take sqliteTransactionLock, so the hot paths that run statements on the same
 *   connection directly (app/db/sqlite-direct.server.ts) never land inside one of Prisma's.
 */
export class ImmediateSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    // The adapter opens transactions with client.prepare("BEGIN"); it has no option for the mode.
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof client.prepare;
    connection = client;
    const stopCheckpoints = checkpointInThread(client);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await stopCheckpoints();
      return dispose();
    };

    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const release = await sqliteTransactionLock.acquire();
      try {
        return releasingOnEnd(await start(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    };
    return adapter;
  }
}

/** Prisma sends COMMIT or ROLLBACK, then calls commit() or rollback(): the lock is released after. */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  tx.commit = () => commit().finally(release);
  tx.rollback = () => rollback().finally(release);
  return tx;
}
