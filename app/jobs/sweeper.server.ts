import { db } from "../db.server";
import { log } from "../log.server";
import { delaySettleMs } from "../pipeline/evaluate.server";
import { deliverJobKey, eventJobKey, fanoutJobKey } from "./keys";
import type { JobQueue } from "./types";

/** Rows younger than this are left alone: their after-commit enqueue is still on its way. */
export const SWEEP_GRACE_MS = 30_000;
const BATCH = 500;

/**
 * The outbox sweep of the scale-out queue. The database is the source of truth; a queue outside
 * it (BullMQ) is sent its jobs after commit, so a crash in between loses a job but never a row.
 * This finds the rows still waiting for work — events RECEIVED, messages PENDING, DEFERRED or
 * SENDING, back-in-stock restocks still OPEN — and enqueues their jobs again under the same keys:
 * a job that still exists (waiting, delayed, running, or kept after finishing) makes the enqueue a
 * no-op, so only a lost one comes back. The unique keys in the database (event per webhook id,
 * message per dedup key) still guard against doubles whatever the queue does.
 */
export async function sweepOrphans(q: JobQueue, now: Date, opts: { graceMs?: number } = {}): Promise<{ events: number; messages: number; restocks: number }> {
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
  if (events + messages + restocks > 0) log.debug("queue.swept", { events, messages, restocks });
  return { events, messages, restocks };
}
