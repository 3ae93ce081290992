import type { Tx } from "../db.server";

/** Every job Herald runs, with its payload. */
export interface JobPayloads {
  /** Apply a recorded webhook event: decide which messages are due. */
  "process-event": { eventId: string };
  /** Re-evaluate an order at a scheduled moment (timed delay checks). */
  "evaluate-order": { shop: string; orderId: string };
  /**
   * The shop's morning digest of at-risk orders for one local date, due at `at` (ISO; absent on
   * jobs scheduled before it was carried): a job whose time no longer matches the shop's digest
   * hour and time zone sends nothing (its replacement does).
   */
  "send-digest": { shop: string; date: string; at?: string };
  /** Hand one Message row to its channel. */
  "deliver-message": { messageId: string };
  /**
   * Check the Admin API for order changes whose webhooks never came (every 15 minutes per shop).
   * With `resume`: the continuation of a check that used up its time budget, from the search and
   * page cursor where it stopped.
   */
  "reconcile-shop": { shop: string; resume?: { query: string; after: string } };
  /** Confirm a back-in-stock sign-up to the customer (looks the variant up first when unknown). */
  /** sms: whether the sign-up's number gets a confirmation text (absent in jobs queued before it existed: yes). */
  "backinstock-confirm": { subscriptionId: string; sms?: boolean };
  /**
   * Tell the next batches of waiting customers that a variant is back: run `run` of the restock's
   * fan-out, not calling the provider before `notBefore` (epoch ms, the slot the previous run left).
   */
  "backinstock-fanout": { restockId: string; run: number; notBefore?: number };
  /** Delete the rows that have outlived their retention window: run `run` of the day `date` (UTC). */
  "purge-expired": { date: string; run: number };
}
export type JobName = keyof JobPayloads;

/** Jobs that hand messages already decided to a provider. */
const SENDING_JOBS: ReadonlySet<JobName> = new Set<JobName>(["deliver-message", "backinstock-confirm", "backinstock-fanout", "send-digest"]);

/**
 * Which due job runs first: 0 (a job that sends) before 1 (a job that decides), then the one due
 * the longest. In a backlog a customer's message leaves as soon as its event is processed rather
 * than after every event queued before it, and a worker's slots waiting on a provider overlap the
 * CPU the events take. Sends run out once decisions stop: each comes from a decision (a fan-out's
 * next run from its previous one, which holds one job slot at a time).
 * Both queues keep this order (BullMQ: 0 is "no priority", taken before any prioritized job).
 */
export function jobPriority(name: JobName): 0 | 1 {
  return SENDING_JOBS.has(name) ? 0 : 1;
}

/**
 * How many times a job runs before it is dead, unless its enqueue says otherwise. Processing a
 * webhook event can wait on the Admin API (the order of a fulfillment order): its retries back off
 * to every 30 minutes and go on for hours (20 runs: 2.8 to 5.6 h with the default backoff), so an
 * outage of the Admin API delays the event instead of ending it.
 */
export function defaultMaxAttempts(name: JobName): number {
  return name === "process-event" ? 20 : 8;
}

export interface EnqueueOptions {
  /** Run no earlier than this (durable scheduling; never an in-memory timer). */
  runAt?: Date;
  /** A second enqueue with the same key is a no-op while the first job exists. */
  key?: string;
  maxAttempts?: number;
  /**
   * Keep the job as a row of the database's Job table on every queue (needs `key`). The embedded
   * queue's jobs are such rows anyway; on BullMQ the row is written with the job's cause (in `tx`)
   * and is the durable record the sweeper enqueues again from if Redis never got the job or lost
   * it. For jobs whose cause has no row saying the work is still to do: an order's timed check, a
   * shop's digest, each link of a chain that schedules its next run (reconciliation, retention),
   * a back-in-stock sign-up's confirmation.
   */
  recorded?: boolean;
  /**
   * Enqueue as part of this database transaction (embedded queue: the job commits or rolls back
   * with the rows that caused it). Queues outside the database (BullMQ) enqueue after commit, so
   * open the transaction with transaction() from app/db/transaction.server.
   */
  tx?: Tx;
}

export interface JobContext {
  id: string;
  attempt: number;
  /** This is the job's last run: if it fails, the queue gives up on it (the dead letter). */
  lastAttempt?: boolean;
  now: () => Date;
}

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N], ctx: JobContext) => Promise<void> };

/** Thrown by a handler that wants to run again later (e.g. a provider asked us to wait). */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

export interface QueueStats {
  queued: number;
  running: number;
  dead: number;
  done: number;
}

export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts?: EnqueueOptions): Promise<void>;
  /** Run jobs until stop() is called. */
  start(handlers: JobHandlers, opts?: { concurrency?: number; pollMs?: number }): RunningWorker;
  /** Run every job due now (and jobs they enqueue that are due) until none is left. Tests and tools. */
  drain(handlers: JobHandlers, opts?: { now?: () => Date; max?: number }): Promise<number>;
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}

export interface RunningWorker {
  readonly id: string;
  stop(): Promise<void>;
}
