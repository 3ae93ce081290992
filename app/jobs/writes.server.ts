import { sqlRunner, type Write } from "../db/runner.server";
import { runAfterCommitHooks } from "../db/transaction.server";
import type { Sql } from "../db/sql.server";
import { BullQueue } from "./bullmq-queue.server";
import { DbQueue } from "./db-queue.server";
import { insertJobRow } from "./job-rows.server";
import { queue } from "./queue.server";
import type { EnqueueOptions, JobName, JobPayloads, JobQueue } from "./types";

/**
 * What one step of a job writes — rows and the jobs they cause — committed as one transaction of
 * raw statements (app/db/runner.server.ts): on the embedded default a single synchronous
 * BEGIN IMMEDIATE ... COMMIT on the SQLite connection, whatever the number of rows.
 *
 * Jobs follow the queue's own rule: on the embedded queue a job row is a statement of the same
 * transaction; on BullMQ the job is added once the transaction has committed (a crash in between
 * loses the job, never the row: the sweeper enqueues it again). A recorded job (an order's timed
 * check) has its Job row written with these rows on BullMQ too: that row is what the sweeper
 * enqueues it again from.
 */
export class WriteSet {
  private readonly statements: Write[] = [];
  private readonly afterCommit: Array<{ ifChanged?: number; enqueue: () => Promise<void> }> = [];

  constructor(private readonly q: JobQueue = queue()) {}

  /** Add a statement (run only if statement `ifChanged` changed a row); returns its index. */
  add(statement: Sql, opts: { ifChanged?: number } = {}): number {
    return this.statements.push({ sql: statement, ifChanged: opts.ifChanged }) - 1;
  }

  /** Enqueue a job with these rows (only if statement `ifChanged` changed a row). */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: Omit<EnqueueOptions, "tx"> & { ifChanged?: number } = {}): void {
    const { ifChanged, ...jobOpts } = opts;
    const q = this.q;
    if (q instanceof DbQueue) this.add(q.insertJob(name, payload, jobOpts), { ifChanged });
    else if (q instanceof BullQueue) {
      if (jobOpts.recorded) {
        if (!jobOpts.key) throw new Error(`A recorded job needs a key (job "${name}")`);
        this.add(insertJobRow(name, payload, { runAt: jobOpts.runAt ?? new Date(), key: jobOpts.key, maxAttempts: jobOpts.maxAttempts }), { ifChanged });
      }
      this.afterCommit.push({ ifChanged, enqueue: () => q.add(name, payload, jobOpts) });
    } else this.afterCommit.push({ ifChanged, enqueue: () => q.enqueue(name, payload, jobOpts) });
  }

  /** Commit; returns each statement's number of changed rows. */
  async commit(): Promise<number[]> {
    const changed = this.statements.length > 0 ? await (await sqlRunner()).write(this.statements) : [];
    const due = this.afterCommit.filter((a) => a.ifChanged === undefined || changed[a.ifChanged] > 0);
    if (due.length > 0) await runAfterCommitHooks(due.map((a) => a.enqueue));
    return changed;
  }
}
