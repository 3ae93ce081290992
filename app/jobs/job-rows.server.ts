import { timeOrderedUuid } from "../db/ids";
import { sql, type Sql } from "../db/sql.server";
import { defaultMaxAttempts, jobPriority, type JobName, type JobPayloads } from "./types";

/**
 * The statement that records a job as a row of the Job table. On the embedded queue the row is the
 * job; on BullMQ it is the durable record of a recorded job (EnqueueOptions.recorded), which the
 * sweeper enqueues again when Redis lost it. ON CONFLICT rather than check-then-create: two
 * concurrent enqueues of one key would both find no row, and the second create would fail (and
 * abort its PostgreSQL transaction).
 */
export function insertJobRow<N extends JobName>(name: N, payload: JobPayloads[N], opts: { runAt: Date; key?: string; maxAttempts?: number }): Sql {
  const created = new Date();
  return sql`
      INSERT INTO "Job" ("id", "name", "payload", "key", "status", "priority", "runAt", "attempts", "maxAttempts", "createdAt", "updatedAt")
      VALUES (${timeOrderedUuid()}, ${name}, ${JSON.stringify(payload)}, ${opts.key ?? null}, 'QUEUED', ${jobPriority(name)},
              ${opts.runAt}, 0, ${opts.maxAttempts ?? defaultMaxAttempts(name)}, ${created}, ${created})
      ON CONFLICT ("key") DO NOTHING`;
}

/** Close the record of a recorded job that finished on a queue outside the database (BullMQ). */
export function finishJobRow(key: string, outcome: { status: "DONE" | "DEAD"; error?: string; at: Date }): Sql {
  return sql`
      UPDATE "Job" SET "status" = ${outcome.status}, "lastError" = ${outcome.error ?? null}, "finishedAt" = ${outcome.at}, "updatedAt" = ${new Date()}
      WHERE "key" = ${key} AND "status" = 'QUEUED'`;
}
