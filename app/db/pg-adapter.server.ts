import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

let pool: pg.Pool | undefined;

/** The node-postgres pool Prisma uses in this process, once it has connected. */
export function connectedPgPool(): pg.Pool | undefined {
  return pool;
}

/**
 * Prisma's PostgreSQL adapter, sharing its connection pool with the hot paths that run raw SQL
 * on node-postgres directly (app/db/runner.server.ts): Prisma's per-call work costs more CPU than
 * the query itself. Same pool, so the process keeps one bounded set of connections.
 */
export class SharedPoolPg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg["connect"]> {
    const adapter = await super.connect();
    pool = adapter.underlyingDriver();
    return adapter;
  }
}
