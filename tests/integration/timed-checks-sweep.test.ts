import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { bullJobId, type BullQueue } from "../../app/jobs/bullmq-queue.server";
import { queue } from "../../app/jobs/queue.server";
import { sweepOrphans } from "../../app/jobs/sweeper.server";
import { installShop, resetDatabase } from "../support/db";
import { pendingJobs, runAllJobs, scaleOut, useRealTime, useVirtualTime } from "../support/jobs";
import { orderPayload } from "../support/payloads";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

// An order's timed checks ("unfulfilled for 72 business hours") are jobs due days later. On the
// scale-out stack Redis holds them and is told after the evaluation commits: a crash in between, a
// Redis hiccup or a Redis that lost its data must not lose a check. Each check is also a Job row
// written with the evaluation, and the sweeper enqueues a due one again under its key.

const SHOP = "herald-test.myshopify.com";
const fake = withFakeResend();

beforeEach(async () => {
  useVirtualTime(new Date("2026-11-16T10:00:00-05:00"));
  await resetDatabase();
  await installShop(SHOP);
});
afterEach(useRealTime);

const delayEmails = () => fake.resend.emails.filter((e) => e.tags.some((t) => t.name === "herald_trigger" && t.value === "delay"));
const wakeRows = () => db.job.findMany({ where: { name: "evaluate-order" } });

describe("an order's timed check", () => {
  it("is recorded with the evaluation, and closed once it has run", async () => {
    // GIVEN order #1001 placed Monday 10:00 New York
    await deliver("orders/create", orderPayload({ created_at: "2026-11-16T10:00:00-05:00", updated_at: "2026-11-16T10:00:00-05:00" }));
    await runAllJobs();
    // THEN its unfulfilled check (Thursday 10:00) is a Job row on either queue, and a job in the queue
    const [row] = await wakeRows();
    expect(row).toMatchObject({ status: "QUEUED", key: `wake:${SHOP}:5001:2026-11-19T15:00:00.000Z` });
    expect((await pendingJobs("evaluate-order")).map((j) => j.runAt.toISOString())).toEqual(["2026-11-19T15:00:00.000Z"]);
    // WHEN it has run, the row is closed and the customer is told once the notice has settled
    await runAllJobs({ until: new Date("2026-11-19T11:00:00-05:00") });
    expect((await db.job.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DONE");
    expect(delayEmails()).toHaveLength(1);
  });

  it.runIf(scaleOut)("lost by Redis comes back with the sweep, and the customer gets the unfulfilled notice once", async () => {
    await deliver("orders/create", orderPayload({ created_at: "2026-11-16T10:00:00-05:00", updated_at: "2026-11-16T10:00:00-05:00" }));
    await runAllJobs();
    const [row] = await wakeRows();
    // GIVEN Redis lost the delayed job (or never got it: the process died right after the commit)
    const q = queue() as BullQueue;
    expect(await q.queue.remove(bullJobId(row.key!))).toBe(1);
    expect(await pendingJobs("evaluate-order")).toHaveLength(0);
    // ...so Thursday 10:00 passes with no check
    await runAllJobs({ until: new Date("2026-11-19T10:00:30-05:00") });
    expect(await db.message.count({ where: { trigger: "delay" } })).toBe(0);
    // WHEN the sweeper runs past the grace period (twice: the second finds the job there and adds nothing)
    const sweepAt = new Date("2026-11-19T10:01:00-05:00");
    expect((await sweepOrphans(q, sweepAt)).recorded).toBe(1);
    expect((await sweepOrphans(q, sweepAt)).recorded).toBe(1);
    expect(await pendingJobs("evaluate-order")).toHaveLength(1);
    // THEN the check runs, its row is closed, and the customer gets one unfulfilled notice
    await runAllJobs({ start: sweepAt, until: new Date("2026-11-19T11:00:00-05:00") });
    expect((await db.job.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DONE");
    expect(delayEmails()).toHaveLength(1);
    expect((await sweepOrphans(q, new Date("2026-11-19T11:00:00-05:00"))).recorded).toBe(0);
  });
});
