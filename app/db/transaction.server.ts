import { db, type Tx } from "../db.server";
import { log } from "../log.server";

type Hook = () => Promise<void>;

// The after-commit hooks of each open transaction, by its client (one object per $transaction).
const pending = new WeakMap<object, Hook[]>();

/**
 * Run `fn` in one database transaction, then — only once it has committed — the hooks that code
 * inside it registered with afterCommit(). A rolled-back transaction runs none of them.
 *
 * Why: a queue outside the database (BullMQ on Redis) cannot join the SQL transaction, so a job
 * must not be sent before the rows it will read exist. A crash between commit and hook loses the
 * job, not the rows: the sweeper (app/jobs/sweeper.server.ts) finds those rows and enqueues again.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: Hook[] = [];
  const result = await db.$transaction(async (tx) => {
    pending.set(tx, hooks);
    return fn(tx);
  });
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      // The rows are committed; the sweeper enqueues what this hook could not.
      log.error("after_commit.failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** Run `hook` after `tx` commits. `tx` must come from transaction() (not db.$transaction). */
export function afterCommit(tx: Tx, hook: Hook): void {
  const hooks = pending.get(tx);
  if (!hooks) throw new Error("afterCommit() needs a transaction opened with transaction() from app/db/transaction.server");
  hooks.push(hook);
}
