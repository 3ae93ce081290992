import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { backoffMs } from "../../app/jobs/backoff";
import { DbQueue } from "../../app/jobs/db-queue.server";
import { RetryLater, type JobHandlers } from "../../app/jobs/types";
import { resetDatabase } from "../support/db";
import { namingHandlers } from "../support/jobs";

const T0 = new Date("2026-11-23T12:00:00Z");
const at = (ms: number) => () => new Date(T0.getTime() + ms);

function recordingHandlers(onDeliver: (id: string) => Promise<void>): JobHandlers {
  return {
    "process-event": async () => {},
    "evaluate-order": async () => {},
    "send-digest": async () => {},
    "reconcile-shop": async () => {},
    "deliver-message": async ({ messageId }) => onDeliver(messageId),
    "backinstock-confirm": async () => {},
    "backinstock-fanout": async () => {},
    "purge-expired": async () => {},
  };
}

beforeEach(resetDatabase);

// A database that refuses to record any outcome of one job: a trigger, so the failure comes from the
// database itself whatever statement the queue uses.
async function failOutcomeWritesFor(messageId: string): Promise<void> {
  if (dialect === "sqlite") {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_fail_outcome" BEFORE UPDATE ON "Job" WHEN OLD."status" = 'RUNNING' AND OLD."payload" LIKE '%${messageId}%'
       BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    return;
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "test_fail_outcome"() RETURNS trigger AS $$ BEGIN
       IF OLD."status" = 'RUNNING' AND OLD."payload" LIKE '%${messageId}%' THEN RAISE EXCEPTION 'disk I/O error'; END IF;
       RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(`CREATE TRIGGER "test_fail_outcome" BEFORE UPDATE ON "Job" FOR EACH ROW EXECUTE FUNCTION "test_fail_outcome"()`);
}

async function dropFailOutcomeWrites(): Promise<void> {
  if (dialect === "sqlite") {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "test_fail_outcome"`);
    return;
  }
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "test_fail_outcome" ON "Job"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "test_fail_outcome"()`);
}

describe("the database job queue", () => {
  it("enqueues a keyed job once however often it is asked", async () => {
    const q = new DbQueue(db, { now: at(0) });
    await q.enqueue("deliver-message", { messageId: "m1" }, { key: "deliver:m1" });
    await q.enqueue("deliver-message", { messageId: "m1" }, { key: "deliver:m1" });
    expect(await db.job.count()).toBe(1);
  });

  it("does not run a job before its time", async () => {
    const q = new DbQueue(db, { now: at(0) });
    const ran: string[] = [];
    await q.enqueue("deliver-message", { messageId: "later" }, { runAt: new Date(T0.getTime() + 60_000) });
    expect(await q.drain(recordingHandlers(async (id) => void ran.push(id)), { now: at(59_999) })).toBe(0);
    expect(await q.drain(recordingHandlers(async (id) => void ran.push(id)), { now: at(60_000) })).toBe(1);
    expect(ran).toEqual(["later"]);
  });

  it("retries a failing job with growing delays and dead-letters it after its last attempt", async () => {
    const q = new DbQueue(db, { now: at(0), backoff: (a) => a * 1000 });
    await q.enqueue("deliver-message", { messageId: "m" }, { maxAttempts: 3 });
    const failing = recordingHandlers(async () => {
      throw new Error("provider down");
    });
    await q.drain(failing, { now: at(0) });
    let job = await db.job.findFirstOrThrow();
    expect(job.status).toBe("QUEUED");
    expect(job.runAt.getTime() - T0.getTime()).toBe(1000);
    await q.drain(failing, { now: at(1000) });
    job = await db.job.findFirstOrThrow();
    expect(job.runAt.getTime() - T0.getTime()).toBe(1000 + 2000);
    await q.drain(failing, { now: at(3000) });
    job = await db.job.findFirstOrThrow();
    expect(job.status).toBe("DEAD");
    expect(job.attempts).toBe(3);
    expect(job.lastError).toBe("provider down");
    expect((await q.stats()).dead).toBe(1);
  });

  it("waits as long as a handler asks with RetryLater", async () => {
    const q = new DbQueue(db, { now: at(0) });
    await q.enqueue("deliver-message", { messageId: "m" });
    await q.drain(recordingHandlers(async () => Promise.reject(new RetryLater("rate limited", 45_000))), { now: at(0) });
    const job = await db.job.findFirstOrThrow();
    expect(job.runAt.getTime() - T0.getTime()).toBe(45_000);
  });

  it("runs due jobs that send before jobs that decide, each kind oldest first", async () => {
    const q = new DbQueue(db, { now: at(0) });
    await q.enqueue("process-event", { eventId: "e1" }, { runAt: at(-3000)() });
    await q.enqueue("evaluate-order", { shop: "s", orderId: "o1" }, { runAt: at(-2000)() });
    await q.enqueue("deliver-message", { messageId: "m2" }, { runAt: at(-500)() });
    await q.enqueue("deliver-message", { messageId: "m1" }, { runAt: at(-1000)() });
    await q.enqueue("backinstock-confirm", { subscriptionId: "b1" }, { runAt: at(-100)() });
    await q.enqueue("deliver-message", { messageId: "later" }, { runAt: at(60_000)() });
    const ran: string[] = [];
    expect(await q.drain(namingHandlers(ran), { now: at(0) })).toBe(5);
    expect(ran).toEqual(["deliver-message m1", "deliver-message m2", "backinstock-confirm b1", "process-event e1", "evaluate-order o1"]);
  });

  it("gives a job whose worker vanished to another worker once the lease has expired", async () => {
    const q = new DbQueue(db, { now: at(0), leaseMs: 30_000 });
    await q.enqueue("deliver-message", { messageId: "m" });
    const claimed = await q.claim("worker-that-dies", T0);
    expect(claimed).not.toBeNull();
    const ran: string[] = [];
    const handlers = recordingHandlers(async (id) => void ran.push(id));
    expect(await q.drain(handlers, { now: at(29_999) })).toBe(0);
    expect(await q.drain(handlers, { now: at(30_001) })).toBe(1);
    expect(ran).toEqual(["m"]);
    // The vanished worker's late completion cannot overwrite the new owner's result.
    expect((await db.job.findFirstOrThrow()).status).toBe("DONE");
  });

  it("gives up on a job whose worker dies under it on every run, with the reason on the job", async () => {
    // GIVEN a job that takes its worker process down each time it runs (claimed, never finished)
    const q = new DbQueue(db, { now: at(0), leaseMs: 30_000 });
    await q.enqueue("deliver-message", { messageId: "m" }, { maxAttempts: 3 });
    for (let run = 0; run < 3; run++) expect(await q.claim(`worker-that-dies-${run}`, at(run * 30_001)())).not.toBeNull();
    // WHEN the lease of its last permitted run has expired too
    const ran: string[] = [];
    expect(await q.drain(recordingHandlers(async (id) => void ran.push(id)), { now: at(3 * 30_001) })).toBe(0);
    // THEN it is not run a fourth time but dead, saying why
    expect(ran).toEqual([]);
    const job = await db.job.findFirstOrThrow();
    expect(job).toMatchObject({ status: "DEAD", attempts: 3, lockedBy: null });
    expect(job.lastError).toMatch(/worker running this job stopped.*lease expired/);
    expect((await q.stats()).dead).toBe(1);
  });

  it("tells a handler when it runs for the last time", async () => {
    const q = new DbQueue(db, { now: at(0), backoff: () => 1000 });
    await q.enqueue("deliver-message", { messageId: "m" }, { maxAttempts: 2 });
    const seen: Array<[number, boolean | undefined]> = [];
    const handlers: JobHandlers = {
      ...recordingHandlers(async () => {}),
      "deliver-message": async (_payload, ctx) => {
        seen.push([ctx.attempt, ctx.lastAttempt]);
        throw new Error("provider down");
      },
    };
    await q.drain(handlers, { now: at(0) });
    await q.drain(handlers, { now: at(1000) });
    expect(seen).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("lets only one of two concurrent workers claim a job", async () => {
    const q = new DbQueue(db, { now: at(0) });
    await q.enqueue("deliver-message", { messageId: "m" });
    const [a, b] = await Promise.all([q.claim("a", T0), q.claim("b", T0)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
  });

  it("enqueues a keyed job once when the same key is enqueued concurrently", async () => {
    const q = new DbQueue(db, { now: at(0) });
    await Promise.all(Array.from({ length: 6 }, () => q.enqueue("deliver-message", { messageId: "m1" }, { key: "deliver:m1" })));
    expect(await db.job.count({ where: { key: "deliver:m1" } })).toBe(1);
  });

  it("starts a job enqueued in the process at once, not after the poll interval, and a job it enqueues too", async () => {
    const q = new DbQueue(db);
    const ran: string[] = [];
    const handlers = {
      ...recordingHandlers(async (id) => void ran.push(id)),
      "process-event": async () => q.enqueue("deliver-message", { messageId: "decided" }),
    };
    // Idle loops with an hour between polls: only a wake-up can start these jobs within the test.
    const worker = q.start(handlers, { concurrency: 2, pollMs: 3_600_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await q.enqueue("process-event", { eventId: "e" });
      await expect.poll(() => ran, { timeout: 5_000 }).toEqual(["decided"]);
      // A job due later does not wake anyone.
      await q.enqueue("deliver-message", { messageId: "later" }, { runAt: new Date(Date.now() + 60_000) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ran).toEqual(["decided"]);
    } finally {
      await worker.stop();
    }
  });

  it("keeps a worker loop running when a job's outcome cannot be written", async () => {
    const q = new DbQueue(db, { leaseMs: 60_000 });
    await q.enqueue("deliver-message", { messageId: "outcome-fails" });
    await q.enqueue("deliver-message", { messageId: "after" }, { runAt: new Date(Date.now() + 50) });
    const ran: string[] = [];
    await failOutcomeWritesFor("outcome-fails");
    const worker = q.start(recordingHandlers(async (id) => void ran.push(id)), { concurrency: 1, pollMs: 10 });
    try {
      await expect.poll(() => ran, { timeout: 5_000 }).toEqual(["outcome-fails", "after"]);
      // (ran is recorded in the handler; its outcome is committed just after)
      await expect.poll(async () => (await db.job.findFirstOrThrow({ where: { payload: { contains: "after" } } })).status, { timeout: 5_000 }).toBe("DONE");
      // Its outcome was lost: it stays claimed until the lease ends, then runs again.
      expect((await db.job.findFirstOrThrow({ where: { payload: { contains: "outcome-fails" } } })).status).toBe("RUNNING");
    } finally {
      await worker.stop();
      await dropFailOutcomeWrites();
    }
  });
});

describe("backoff", () => {
  it("doubles up to the cap, with jitter between half and all of the ceiling", () => {
    expect(backoffMs(1, { baseMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffMs(1, { baseMs: 1000, random: () => 1 })).toBe(1000);
    expect(backoffMs(4, { baseMs: 1000, random: () => 1 })).toBe(8000);
    expect(backoffMs(30, { baseMs: 1000, capMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});

describe("telling another process a job is due", () => {
  it("calls onDueJob listeners for jobs due now, never for jobs due later", async () => {
    const queue = new DbQueue(db, { now: at(0) });
    let told = 0;
    const unsubscribe = queue.onDueJob(() => told++);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    await queue.enqueue("deliver-message", { messageId: "m1" }, { key: "due-1" });
    await turn();
    expect(told).toBeGreaterThan(0);
    const before = told;
    await queue.enqueue("deliver-message", { messageId: "m3" }, { key: "later", runAt: at(60_000)() });
    await turn();
    expect(told).toBe(before);
    unsubscribe();
    await queue.enqueue("deliver-message", { messageId: "m4" }, { key: "due-4" });
    await turn();
    expect(told).toBe(before);
  });

  it("wakes an idle worker loop at once when told, instead of after its poll pause", async () => {
    const queue = new DbQueue(db, { now: () => new Date() });
    const delivered: string[] = [];
    const worker = queue.start(recordingHandlers(async (id) => void delivered.push(id)), { concurrency: 1, pollMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the loop found nothing and sleeps for a minute
      // Another process (here: a second queue object on the same database) enqueues; this one is told.
      await new DbQueue(db).enqueue("deliver-message", { messageId: "from-web" }, { key: "from-web" });
      queue.wake();
      const deadline = Date.now() + 10_000;
      while (delivered.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(delivered).toEqual(["from-web"]);
    } finally {
      await worker.stop();
    }
  });
});
