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
  if (hooks.length > 0) await runAfterCommitHooks(hooks);
  return result;
}

/** How long a caller (a webhook waiting for its 200) waits for after-commit hooks. */
const HOOK_WAIT_MS = 2_000;

/** Run hooks of a transaction that has committed (also for write sets of app/jobs/writes.server.ts). */
export async function runAfterCommitHooks(hooks: Hook[]): Promise<void> {
  // The rows are committed: a hook that fails, or hangs (Redis down: BullMQ waits for it to come
  // back), must neither fail nor hold up the caller. The sweeper enqueues what a hook could not.
  const all = Promise.all(
    hooks.map((hook) =>
      hook().catch((error: unknown) => log.error("after_commit.failed", { error: error instanceof Error ? error.message : String(error) })),
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), HOOK_WAIT_MS);
  });
  if ((await Promise.race([all, late])) === "late") log.warn("after_commit.slow", { hooks: hooks.length, waitedMs: HOOK_WAIT_MS });
  clearTimeout(timer);
}

/** Run `hook` after `tx` commits. `tx` must come from transaction() (not db.$transaction). */
export function afterCommit(tx: Tx, hook: Hook): void {
  const hooks = pending.get(tx);
  if (!hooks) throw new Error("afterCommit() needs a transaction opened with transaction() from app/db/transaction.server");
  hooks.push(hook);
}
