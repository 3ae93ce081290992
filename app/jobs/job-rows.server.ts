import { timeOrderedUuid } from "../db/ids";
import { sql, type Sql } from "../db/sql.server";
import { defaultMaxAttempts, jobPriority, type JobName, type JobPayloads } from "./types";

/**
 * The statement that records a job as a row of the Job table (the embedded queue's jobs). ON CONFLICT rather than check-then-create: two
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
