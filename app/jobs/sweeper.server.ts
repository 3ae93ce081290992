import { db } from "../db.server";
import { log } from "../log.server";
import { delaySettleMs } from "../pipeline/evaluate.server";
import { BullQueue } from "./bullmq-queue.server";
import { deliverJobKey, eventJobKey, fanoutJobKey } from "./keys";
import type { JobName, JobQueue } from "./types";

/** Rows younger than this are left alone: their after-commit enqueue is still on its way. */
export const SWEEP_GRACE_MS = 30_000;
const BATCH = 500;

/**
 * The outbox sweep of the scale-out queue. The database is the source of truth; a queue outside
 * it (BullMQ) is sent its jobs after commit, so a crash in between loses a job but never a row.
 * This finds the rows still waiting for work — events RECEIVED, messages PENDING, DEFERRED or
 * SENDING, back-in-stock restocks still OPEN, and recorded jobs (EnqueueOptions.recorded: an
 * order's timed check, a shop's digest, the next reconciliation or retention run, a sign-up's
 * confirmation) whose Job row is due and not yet closed — and enqueues their jobs again under the
 * same keys:
 * a job that still exists (waiting, delayed, running, or kept after finishing) makes the enqueue a
 * no-op, so only a lost one comes back. The unique keys in the database (event per webhook id,
 * message per dedup key) still guard against doubles whatever the queue does.
 */
export async function sweepOrphans(
  q: JobQueue,
  now: Date,
  opts: { graceMs?: number } = {},
): Promise<{ events: number; messages: number; restocks: number; recorded: number }> {
  const before = new Date(now.getTime() - (opts.graceMs ?? SWEEP_GRACE_MS));
  let events = 0;
  for (let cursor: string | undefined; ; ) {
    const rows = await db.webhookEvent.findMany({
      where: { status: "RECEIVED", receivedAt: { lt: before } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) await q.enqueue("process-event", { eventId: row.id }, { key: eventJobKey(row.id) });
    events += rows.length;
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }

  let messages = 0;
  for (let cursor: string | undefined; ; ) {
    const rows = await db.message.findMany({
      where: { status: { in: ["PENDING", "DEFERRED", "SENDING"] }, updatedAt: { lt: before } },
      select: { id: true, trigger: true, createdAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) {
      // A delay notice keeps its settle window (evaluate.server.ts); everything else is due now.
      const runAt = row.trigger === "delay" ? new Date(Math.max(now.getTime(), row.createdAt.getTime() + delaySettleMs())) : now;
      await q.enqueue("deliver-message", { messageId: row.id }, { key: deliverJobKey(row.id), maxAttempts: 50, runAt });
    }
    messages += rows.length;
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }

  // A restock's fan-out is one job per run, keyed by Restock.run: the first is enqueued with the
  // restock, each next one by the run before (its hand-over). The current run's job is enqueued
  // again; a run already handed over, or finished, is left alone (app/backinstock/fanout.server.ts).
  // Its BATCHED emails are not messages of the sweep above: the run sends them, under their batch key.
  let restocks = 0;
  for (let cursor: string | undefined; ; ) {
    const rows = await db.restock.findMany({
      where: { status: "OPEN", detectedAt: { lt: before } },
      select: { id: true, run: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) await q.enqueue("backinstock-fanout", { restockId: row.id, run: row.run }, { key: fanoutJobKey(row.id, row.run), runAt: now });
    restocks += rows.length;
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }
  // A recorded job's row is closed (DONE or DEAD) when BullMQ is done with the job, so a row still
  // QUEUED past its time is a job that never reached Redis (lost after commit) or that Redis lost.
  let recorded = 0;
  for (let cursor: string | undefined; ; ) {
    const rows = await db.job.findMany({
      where: { status: "QUEUED", runAt: { lt: before }, key: { not: null } },
      select: { id: true, name: true, payload: true, key: true, maxAttempts: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const row of rows) {
      const jobOpts = { key: row.key!, maxAttempts: row.maxAttempts, runAt: now, recorded: true };
      const payload = JSON.parse(row.payload) as never;
      // The row exists: only Redis is told (on the embedded queue the row is the job, and this is a no-op).
      if (q instanceof BullQueue) await q.add(row.name as JobName, payload, jobOpts);
      else await q.enqueue(row.name as JobName, payload, jobOpts);
    }
    recorded += rows.length;
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }
  if (events + messages + restocks + recorded > 0) log.debug("queue.swept", { events, messages, restocks, recorded });
  return { events, messages, restocks, recorded };
}
