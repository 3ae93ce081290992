import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../app/db.server";
import { transaction } from "../../app/db/transaction.server";
import { BullQueue, bullJobId, type BullQueueOptions } from "../../app/jobs/bullmq-queue.server";
import { handlers } from "../../app/jobs/handlers.server";
import { deliverJobKey, eventJobKey } from "../../app/jobs/keys";
import { queue, setQueue } from "../../app/jobs/queue.server";
import { sweepOrphans } from "../../app/jobs/sweeper.server";
import { RetryLater, type JobHandlers, type JobQueue, type RunningWorker } from "../../app/jobs/types";
import { killHard, spawnWorker, waitFor } from "../support/child-worker";
import { namingHandlers } from "../support/jobs";
import { installShop, resetDatabase } from "../support/db";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

// The scale-out queue on a real Redis: run with HERALD_TEST_REDIS_URL (tests/scripts/redis.sh start;
// tests/scripts/test-all.sh does it). Each test works on queues under a Redis prefix of its own.
const redisUrl = process.env.HERALD_TEST_REDIS_URL;

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

let prefix: string;
let opened: BullQueue[] = [];
let workers: RunningWorker[] = [];
let previousQueue: JobQueue | undefined;

/** A queue under this test's prefix (several objects on one prefix are several processes' views of one queue). */
function open(opts: Partial<BullQueueOptions> = {}): BullQueue {
  const q = new BullQueue({ url: redisUrl!, prefix, ...opts });
  opened.push(q);
  return q;
}

function start(q: BullQueue, h: JobHandlers, concurrency = 4): RunningWorker {
  const w = q.start(h, { concurrency });
  workers.push(w);
  return w;
}

describe.skipIf(!redisUrl)("the BullMQ job queue (scale-out)", () => {
  beforeEach(async () => {
    prefix = `herald-test-bull-${crypto.randomUUID().slice(0, 8)}`;
    previousQueue = queue();
    await resetDatabase();
  });

  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    if (opened[0]) await opened[0].obliterate();
    await Promise.all(opened.map((q) => q.close()));
    opened = [];
    setQueue(previousQueue);
  });

  it("enqueues a keyed job once however often and from however many processes it is asked, colons in the key included", async () => {
    const a = open();
    const b = open();
    const key = "wake:herald-test.myshopify.com:5001:2026-11-23T12:00:00.000Z";
    await Promise.all([
      a.enqueue("evaluate-order", { shop: "herald-test.myshopify.com", orderId: "5001" }, { key }),
      b.enqueue("evaluate-order", { shop: "herald-test.myshopify.com", orderId: "5001" }, { key }),
      a.enqueue("evaluate-order", { shop: "herald-test.myshopify.com", orderId: "5001" }, { key }),
    ]);
    const pending = await a.pending();
    expect(pending).toHaveLength(1);
    expect(pending[0].id).toBe(bullJobId(key));
    expect(bullJobId(key)).not.toContain(":");
    expect(bullJobId("12")).not.toBe("12"); // BullMQ refuses integer-looking custom ids
  });

  it("does not run a job before its time: a worker waits for it, drain() reads the queue's clock", async () => {
    // Real time, a real worker: Redis's timer holds the job back.
    const q = open();
    const ran: number[] = [];
    const enqueuedAt = Date.now();
    await q.enqueue("deliver-message", { messageId: "later" }, { runAt: new Date(enqueuedAt + 700) });
    start(q, recordingHandlers(async () => void ran.push(Date.now())));
    await waitFor(async () => ran.length === 1);
    expect(ran[0] - enqueuedAt).toBeGreaterThanOrEqual(690);

    // A virtual clock (the integration suite's): due when that clock says so, not Redis.
    const v = open({ prefix: `${prefix}-v`, now: at(0), manualTime: true });
    const seen: string[] = [];
    await v.enqueue("deliver-message", { messageId: "in-a-minute" }, { runAt: new Date(T0.getTime() + 60_000) });
    expect(await v.drain(recordingHandlers(async (id) => void seen.push(id)), { now: at(59_999) })).toBe(0);
    expect(await v.drain(recordingHandlers(async (id) => void seen.push(id)), { now: at(60_000) })).toBe(1);
    expect(seen).toEqual(["in-a-minute"]);
    await v.obliterate();
  });

  it("runs due jobs that send before jobs that decide, each kind oldest first, delayed ones too", async () => {
    const q = open({ now: at(0), manualTime: true });
    await q.enqueue("process-event", { eventId: "e1" });
    await q.enqueue("evaluate-order", { shop: "s", orderId: "o1" });
    await q.enqueue("deliver-message", { messageId: "m1" });
    await q.enqueue("deliver-message", { messageId: "m2" });
    await q.enqueue("evaluate-order", { shop: "s", orderId: "o2" }, { runAt: at(1_000)() });
    await q.enqueue("backinstock-confirm", { subscriptionId: "b1" }, { runAt: at(2_000)() });
    await q.enqueue("deliver-message", { messageId: "later" }, { runAt: at(60_000)() });
    const ran: string[] = [];
    expect(await q.drain(namingHandlers(ran), { now: at(5_000) })).toBe(6);
    expect(ran).toEqual(["deliver-message m1", "deliver-message m2", "backinstock-confirm b1", "process-event e1", "evaluate-order o1", "evaluate-order o2"]);
  });

  it("waits as long as a handler asks with RetryLater", async () => {
    // A real worker: the second run comes no sooner than asked.
    const q = open();
    const runs: number[] = [];
    start(
      q,
      recordingHandlers(async () => {
        runs.push(Date.now());
        if (runs.length === 1) throw new RetryLater("rate limited", 500);
      }),
    );
    await q.enqueue("deliver-message", { messageId: "m" });
    await waitFor(async () => (await q.stats()).done === 1);
    expect(runs).toHaveLength(2);
    expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(490);

    // On the queue's clock: the retry is due exactly when asked.
    const v = open({ prefix: `${prefix}-v`, now: at(0), manualTime: true });
    await v.enqueue("deliver-message", { messageId: "m" });
    await v.drain(recordingHandlers(async () => Promise.reject(new RetryLater("rate limited", 45_000))), { now: at(0) });
    expect((await v.nextRunAt())?.getTime()).toBe(T0.getTime() + 45_000);
    await v.obliterate();
  });

  it("retries a failing job with growing delays and dead-letters it after its last attempt", async () => {
    const q = open({ backoff: (attempt) => attempt * 150 });
    const runs: number[] = [];
    start(
      q,
      recordingHandlers(async () => {
        runs.push(Date.now());
        throw new Error("provider down");
      }),
    );
    await q.enqueue("deliver-message", { messageId: "m" }, { maxAttempts: 3, key: "deliver:m" });
    await waitFor(async () => (await q.stats()).dead === 1);
    expect(runs).toHaveLength(3);
    expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(140);
    expect(runs[2] - runs[1]).toBeGreaterThanOrEqual(290);
    const dead = (await q.queue.getJob(bullJobId("deliver:m")))!;
    expect(await dead.getState()).toBe("failed");
    expect(dead.attemptsMade).toBe(3);
    expect(dead.failedReason).toBe("provider down");
    expect(await q.stats()).toMatchObject({ queued: 0, running: 0, dead: 1 });
  });

  it("still runs a job whose worker died under it three times (kill -9 only delays a job; it is not dead-lettered for it)", async () => {
    // GIVEN a job that three workers in turn took and then died under (their lock gone, no answer
    // ever): BullMQ's stalled-job check hands it back each time, counting the stalls
    const q = open({ lockDurationMs: 1_000, stalledIntervalMs: 100 });
    const redis = new Redis(redisUrl!);
    const id = bullJobId(deliverJobKey("m"));
    let runs = 0;
    const hung: Array<() => void> = [];
    start(
      q,
      recordingHandlers(async () => {
        runs++;
        if (runs > 3) return;
        await redis.del(`${prefix}:${q.name}:${id}:lock`);
        await new Promise<void>((resolve) => hung.push(resolve));
      }),
    );
    await q.enqueue("deliver-message", { messageId: "m" }, { key: deliverJobKey("m") });

    // THEN the fourth worker runs it to the end, as the embedded queue would after three expired leases
    await waitFor(async () => ["completed", "failed"].includes(await q.queue.getJobState(id)), 10_000);
    hung.forEach((release) => release());
    const job = (await q.queue.getJob(id))!;
    expect(job.stalledCounter).toBe(3);
    expect(job.failedReason ?? null).toBeNull();
    expect(await job.getState()).toBe("completed");
    expect(runs).toBe(4);
    await redis.quit();
  });

  it("dead-letters a job that takes every worker down with it once it has stalled more than maxStalledCount times, and says so", async () => {
    const q = open({ lockDurationMs: 1_000, stalledIntervalMs: 100, maxStalledCount: 1 });
    const redis = new Redis(redisUrl!);
    const id = bullJobId(deliverJobKey("poison"));
    const hung: Array<() => void> = [];
    const errors: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((line) => {
      errors.push(String(line));
      return true;
    });
    start(
      q,
      recordingHandlers(async () => {
        await redis.del(`${prefix}:${q.name}:${id}:lock`);
        await new Promise<void>((resolve) => hung.push(resolve));
      }),
    );
    await q.enqueue("deliver-message", { messageId: "poison" }, { key: deliverJobKey("poison") });
    await waitFor(async () => (await q.queue.getJobState(id)) === "failed", 10_000);
    hung.forEach((release) => release());
    stderr.mockRestore();
    expect(hung).toHaveLength(2);
    const dead = errors.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === "job.dead");
    expect(dead).toEqual([expect.objectContaining({ job: id, name: "deliver-message", stalls: 2, error: "job stalled more than allowable limit" })]);
    await redis.quit();
  });

  it("never runs a job twice when two workers in two processes share the queue", async () => {
    const a = open();
    const b = open();
    const runs = new Map<string, number>();
    const h = recordingHandlers(async (id) => {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    });
    start(a, h);
    start(b, h);
    const ids = Array.from({ length: 120 }, (_, i) => `m${i}`);
    // Each job is asked for from both sides, as two web processes would.
    await Promise.all(ids.flatMap((id) => [a, b].map((q) => q.enqueue("deliver-message", { messageId: id }, { key: deliverJobKey(id) }))));
    await waitFor(async () => (await a.stats()).done === ids.length, 20_000);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it("sends a job enqueued inside a database transaction only once it commits, and never for a rollback", async () => {
    const q = open();
    await expect(
      transaction(async (tx) => {
        await q.enqueue("deliver-message", { messageId: "rolled-back" }, { tx, key: deliverJobKey("rolled-back") });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await transaction(async (tx) => {
      await q.enqueue("deliver-message", { messageId: "committed" }, { tx, key: deliverJobKey("committed") });
      expect(await q.pending()).toHaveLength(0); // not before the commit
    });
    expect((await q.pending()).map((j) => j.payload)).toEqual([{ messageId: "committed" }]);
    // A transaction that cannot run hooks after commit is refused rather than enqueuing too early.
    await expect(db.$transaction(async (tx) => q.enqueue("deliver-message", { messageId: "x" }, { tx }))).rejects.toThrow(/transaction\(\)/);
  });

  it("sweeps a RECEIVED webhook event whose job was lost between the commit and Redis: processed once, by the repeatable sweep", async () => {
    // GIVEN an order webhook recorded through the real route, its job lost before it reached Redis
    const q = open({ sweep: (qq, now) => sweepOrphans(qq, now), sweepEveryMs: 200 });
    setQueue(q);
    await installShop();
    expect((await deliver("orders/create", orderPayload())).status).toBe(200);
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(await q.queue.remove(bullJobId(eventJobKey(event.id)))).toBe(1);
    // ...half a minute ago; and a second event just recorded, its job on its way (left alone)
    await db.webhookEvent.update({ where: { id: event.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    const fresh = await db.webhookEvent.create({
      data: { shop: event.shop, topic: "orders/updated", webhookId: "fresh", payload: event.payload, status: "RECEIVED" },
    });

    // WHEN workers run
    const processed: string[] = [];
    start(q, {
      ...handlers,
      "process-event": async (p, ctx) => {
        processed.push(p.eventId);
        await handlers["process-event"](p, ctx);
      },
    });

    // THEN the sweep finds the event and it is processed, once, and only it
    await waitFor(async () => (await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status === "PROCESSED");
    await new Promise((r) => setTimeout(r, 700)); // a few more sweeps
    expect(processed).toEqual([event.id]);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("RECEIVED");
  });

  it("sweeps undelivered messages under their own job keys, so a sweep never doubles a job that still exists", async () => {
    const q = open();
    setQueue(q);
    await installShop();
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    // Process the events (no worker for deliveries yet): one shipped message, PENDING, its job waiting.
    const events = await db.webhookEvent.findMany();
    for (const e of events) await handlers["process-event"]({ eventId: e.id }, { id: "t", attempt: 1, now: () => new Date() });
    const message = await db.message.findFirstOrThrow({ where: { status: "PENDING" } });
    const before = (await q.pending("deliver-message")).map((j) => j.id);
    expect(before).toEqual([bullJobId(deliverJobKey(message.id))]);

    const later = new Date(Date.now() + 60_000);
    await sweepOrphans(q, later);
    await sweepOrphans(q, later);
    expect((await q.pending("deliver-message")).map((j) => j.id)).toEqual(before);

    // The job is lost (Redis restarted without its data): the sweep brings it back, once.
    await q.queue.remove(bullJobId(deliverJobKey(message.id)));
    await sweepOrphans(q, later);
    await sweepOrphans(q, later);
    expect((await q.pending("deliver-message")).map((j) => j.id)).toEqual(before);
  });
});

describe.skipIf(!redisUrl)("a BullMQ worker killed with kill -9", () => {
  const fake = withFakeResend();

  beforeEach(async () => {
    prefix = `herald-test-bull-${crypto.randomUUID().slice(0, 8)}`;
    previousQueue = queue();
    await resetDatabase();
      await installShop();
  });

  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    workers = [];
    if (opened[0]) await opened[0].obliterate();
    await Promise.all(opened.map((q) => q.close()));
    opened = [];
    setQueue(previousQueue);
  });

  it("loses nothing and doubles nothing: BullMQ's stalled-job check hands the job to another worker, which replays the same idempotency key", async () => {
    // GIVEN web (this process) and a worker process on one BullMQ queue, and a provider that takes 3 s
    const q = open({ lockDurationMs: 1_000, stalledIntervalMs: 300 });
    setQueue(q);
    fake.resend.setLatency(3_000);
    const child = await spawnWorker(
      { RESEND_API_KEY: fake.resend.apiKey, RESEND_BASE_URL: fake.resend.url, HERALD_TEST_QUEUE_PREFIX: prefix },
      { script: "tests/support/bullmq-worker-process.ts" },
    );
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());

    // WHEN the worker dies mid-call (its attempt recorded, the provider not answered yet)
    await waitFor(() => db.messageAttempt.findFirst({ where: { outcome: "STARTED" } }), 20_000);
    await new Promise((r) => setTimeout(r, 800));
    await killHard(child);
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    const job = (await q.queue.getJob(bullJobId(deliverJobKey(message.id))))!;
    expect(await job.getState()).toBe("active"); // held by a dead worker
    await waitFor(async () => fake.resend.emails.length === 1);
    fake.resend.setLatency(0);

    // THEN another worker takes the stalled job over; the provider replays the first answer
    start(q, handlers, 1);
    await waitFor(async () => (await db.message.findUniqueOrThrow({ where: { id: message.id } })).status === "SENT", 15_000);
    const sent = await db.message.findUniqueOrThrow({ where: { id: message.id }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
    expect(sent.providerMessageId).toBe(fake.resend.emails[0].id);
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.requests.filter((r) => r.outcome === "replayed")).toHaveLength(1);
    expect(sent.attemptsLog.map((a) => a.outcome)).toEqual(["STARTED", "SENT"]);
    await waitFor(async () => (await q.queue.getJobState(job.id!)) === "completed");
    const done = (await q.queue.getJob(job.id!))!;
    expect(done.attemptsStarted).toBe(2);
  }, 40_000);
});
