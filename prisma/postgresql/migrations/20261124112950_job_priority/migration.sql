-- Jobs that send run ahead of jobs that decide (app/jobs/types.ts jobPriority): a priority column,
-- claimed through the (status, priority, runAt) index.
DROP INDEX "Job_status_runAt_idx";

ALTER TABLE "Job" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 1;

CREATE INDEX "Job_status_priority_runAt_idx" ON "Job"("status", "priority", "runAt");

UPDATE "Job" SET "priority" = 0
WHERE "status" IN ('QUEUED', 'RUNNING') AND "name" IN ('deliver-message', 'backinstock-confirm', 'backinstock-fanout', 'send-digest');
