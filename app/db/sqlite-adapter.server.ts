import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/**
 * Prisma's better-sqlite3 adapter, with every transaction begun IMMEDIATE.
 *
 * The web process and the workers write to one SQLite file. A deferred transaction (plain BEGIN)
 * that reads before it writes must later upgrade its read snapshot to the write lock; when another
 * process committed in between, SQLite fails that upgrade at once with SQLITE_BUSY (the busy
 * timeout does not apply), and the whole transaction has to be retried. BEGIN IMMEDIATE takes the
 * write lock up front, waiting for it under the busy timeout, so concurrent writers queue instead.
 * Readers are not affected (WAL).
 */
export class ImmediateSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    // The adapter opens transactions with client.prepare("BEGIN"); it has no option for the mode.
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof client.prepare;
    return adapter;
  }
}
