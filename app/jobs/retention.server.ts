import { timeOrderedUuidFloor } from "../db/ids";
import { sqlRunner } from "../db/runner.server";
import { name, sql, type Sql } from "../db/sql.server";
import { log } from "../log.server";
import { retentionJobKey } from "./keys";
import { queue } from "./queue.server";
import type { JobPayloads } from "./types";

// Data retention: rows kept only while something needs them (README, "Data retention"). A job runs
// once a day on either queue, deletes what has outlived its window in small batches, and schedules
// the next day's run; a run with rows left after its time budget hands over to a next run at once.

const DAY = 86_400_000;

/** Retention runs each day at this hour, UTC. */
const DAILY_HOUR_UTC = 3;

/** Rows deleted per transaction: about a millisecond of SQLite's write lock (README, "Data retention"). */
const BATCH_SIZE = 100;

/** The write lock is left alone this long after each batch, so a webhook never waits behind a run of them. */
const PAUSE_MS = 10;

/** How long one run keeps deleting before it hands over (well inside the embedded queue's 60 s lease). */
const RUN_BUDGET_MS = 10_000;

interface Rule {
  /** The rule's name in the run's counts and logs. */
  name: string;
  table: "WebhookEvent" | "Job" | "OutboxItem";
  /** Rows go once they are older than this. */
  days: number;
  /**
   * Which rows of the table go once older than `cutoff`. The table is walked by a range of its
   * primary key (time-ordered ids: app/db/ids.ts), and these conditions must not let the database
   * prefer another index: an equality on Job's status would pick its (status, priority, runAt)
   * index and sort every finished job for each batch (0.5-0.7 s on 400,000 jobs, inside the write
   * lock for the DELETE), so a job's status is excluded with NOT IN, which no index serves.
   */
  rows: (cutoff: Date) => Sql;
}

/**
 * What is deleted, and when. Events still RECEIVED and jobs still QUEUED or RUNNING are work not
 * done yet and are never deleted, whatever their age.
 */
export const RETENTION_RULES: readonly Rule[] = [
  {
    // Processed webhooks hold raw customer data whose facts are recorded elsewhere. Their
    // (shop, webhookId) key turns a redelivery into a no-op, and Shopify redelivers for 48 hours at
    // most. Emptied ones (REDACTED by a customer's erasure) keep nothing else.
    name: "events",
    table: "WebhookEvent",
    days: 30,
    rows: (cutoff) =>
      sql`"receivedAt" < ${cutoff} AND ("status" = 'REDACTED' OR ("status" = 'PROCESSED' AND "topic" <> 'customers/data_request'))`,
  },
  {
    // Events the admin lists: failed webhooks (the message log's Replay, Home's last failure) and
    // customers' data requests (the privacy screen's exports; the merchant has 30 days to answer).
    name: "listed_events",
    table: "WebhookEvent",
    days: 90,
    rows: (cutoff) => sql`"receivedAt" < ${cutoff} AND ("status" = 'FAILED' OR ("status" = 'PROCESSED' AND "topic" = 'customers/data_request'))`,
  },
  {
    // Finished jobs (DONE, or DEAD: logged as job.dead when they died). A keyed job's row makes a
    // second enqueue of its key a no-op; every key is either unique to its cause or names a moment
    // only scheduled ahead, and every job is safe to run again (README, "Data retention").
    name: "jobs",
    table: "Job",
    days: 7,
    rows: (cutoff) => sql`"finishedAt" < ${cutoff} AND "status" NOT IN ('QUEUED', 'RUNNING')`,
  },
  {
    // The local outbox's copies of what was sent; the Message row keeps what the customer got.
    name: "outbox",
    table: "OutboxItem",
    days: 30,
    rows: (cutoff) => sql`"createdAt" < ${cutoff}`,
  },
];

export interface PurgeOptions {
  /** How long the run may keep deleting (it deletes at least one batch). */
  budgetMs?: number;
  batchSize?: number;
  pauseMs?: number;
}

export interface PurgeResult {
  /** Rows deleted, by rule. */
  deleted: Record<string, number>;
  /** False when the budget ran out with rows possibly left. */
  finished: boolean;
}

/**
 * Delete every row past its rule's window, as of `now`: each batch is read first (no write lock),
 * then deleted by its range of ids with the rule's conditions checked again, in its own short
 * transaction, followed by a pause.
 */
export async function purgeExpiredRows(now: Date, opts: PurgeOptions = {}): Promise<PurgeResult> {
  const { budgetMs = RUN_BUDGET_MS, batchSize = BATCH_SIZE, pauseMs = PAUSE_MS } = opts;
  // Real time: the budget is about the lease and the lock, whatever the job's clock says.
  const started = performance.now();
  const runner = await sqlRunner();
  const deleted: Record<string, number> = {};
  let batches = 0;
  for (const rule of RETENTION_RULES) {
    const cutoff = new Date(now.getTime() - rule.days * DAY);
    const below = timeOrderedUuidFloor(cutoff.getTime());
    const table = name(rule.table);
    deleted[rule.name] = 0;
    for (let after = ""; ; ) {
      if (batches > 0 && performance.now() - started >= budgetMs) return { deleted, finished: false };
      const rows = await runner.all<{ id: string }>(
        sql`SELECT "id" FROM ${table} WHERE "id" > ${after} AND "id" < ${below} AND ${rule.rows(cutoff)} ORDER BY "id" LIMIT ${batchSize}`,
      );
      if (rows.length === 0) break;
      const last = rows[rows.length - 1].id;
      deleted[rule.name] += await runner.run(sql`DELETE FROM ${table} WHERE "id" >= ${rows[0].id} AND "id" <= ${last} AND ${rule.rows(cutoff)}`);
      batches++;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      if (rows.length < batchSize) break;
      after = last;
    }
  }
  return { deleted, finished: true };
}

/** The first daily run strictly after `now`. */
export function nextRetentionAt(now: Date): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DAILY_HOUR_UTC));
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + DAY);
}

/**
 * Make sure the next daily run is scheduled (idempotent: keyed by its date). Recorded, so on BullMQ
 * a run whose add to Redis was lost is enqueued again by the sweeper from its Job row.
 */
export async function scheduleRetention(now: Date): Promise<void> {
  const at = nextRetentionAt(now);
  const date = at.toISOString().slice(0, 10);
  await queue().enqueue("purge-expired", { date, run: 0 }, { runAt: at, key: retentionJobKey(date, 0), recorded: true });
}

/**
 * The "purge-expired" job: the next day's run is scheduled first (a failing run must not end the
 * chain), then rows are deleted; a run out of budget hands over to run + 1 of the same day, due now.
 */
export async function runRetention({ date, run }: JobPayloads["purge-expired"], now: Date, opts: PurgeOptions = {}): Promise<PurgeResult> {
  await scheduleRetention(now);
  const result = await purgeExpiredRows(now, opts);
  if (!result.finished) {
    await queue().enqueue("purge-expired", { date, run: run + 1 }, { runAt: now, key: retentionJobKey(date, run + 1), recorded: true });
  }
  log.info("retention.purged", { date, run, finished: result.finished, ...result.deleted });
  return result;
}
