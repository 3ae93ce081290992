import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFanout } from "../../app/backinstock/fanout.server";
import { db } from "../../app/db.server";
import { bullJobId, type BullQueue } from "../../app/jobs/bullmq-queue.server";
import { handlers } from "../../app/jobs/handlers.server";
import { confirmJobKey, fanoutJobKey } from "../../app/jobs/keys";
import { queue } from "../../app/jobs/queue.server";
import { sweepOrphans } from "../../app/jobs/sweeper.server";
import { postSignup, seedVariant, seedWaitingSubscribers, signupForm, signupRequest, variantPayload } from "../support/back-in-stock";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, scaleOut, useRealTime, useVirtualTime } from "../support/jobs";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

// Scale-out only (BullMQ on Redis; tests/scripts/test-all.sh runs it): a restock and the job of its
// fan-out's run commit together in PostgreSQL, but the job reaches Redis only after the commit, so
// a crash in between loses the job. The sweep finds the restock still OPEN and enqueues its current
// run again under the same key; the customers are still told exactly once. A sign-up's confirmation
// is the same story, found from the confirmation job's own row (a recorded job).

const SHOP = "herald-test.myshopify.com";
const T0 = new Date("2026-11-23T15:00:00Z");
const later = new Date(T0.getTime() + 60_000);
const fake = withFakeResend();

const recipients = () => fake.resend.emails.flatMap((e) => e.to);
const bull = () => queue() as BullQueue;
const pendingFanouts = async () => (await bull().pending("backinstock-fanout")).map((j) => j.id).sort();
const pendingConfirmations = async () => (await bull().pending("backinstock-confirm")).map((j) => j.id);

beforeEach(async () => {
  await resetDatabase();
  useVirtualTime(T0);
  await installShop(SHOP, { settings: { backInStock: { perUnit: 2 } } });
  await seedVariant(SHOP);
  await seedWaitingSubscribers(SHOP, 150, T0);
});
afterEach(() => useRealTime());

/** The restock webhook, processed: the restock is OPEN and its first run's job is in Redis. */
async function restocked(): Promise<string> {
  await deliver("variants/in_stock", variantPayload(T0, 100), { shop: SHOP });
  const event = await db.webhookEvent.findFirstOrThrow();
  await handlers["process-event"]({ eventId: event.id }, { id: "test", attempt: 1, now: () => T0 });
  return (await db.restock.findFirstOrThrow()).id;
}

describe.skipIf(!scaleOut)("the sweep of back-in-stock fan-outs (scale-out)", () => {
  it("brings back a restock's fan-out job lost between the commit and Redis; everyone in the quota is told once", async () => {
    // GIVEN a restock of 100 units (quota 200) for the 150 waiting
    const id = await restocked();
    // ...while its job exists, sweeps change nothing
    expect(await pendingFanouts()).toEqual([bullJobId(fanoutJobKey(id, 0))]);
    await sweepOrphans(queue(), later);
    expect(await pendingFanouts()).toEqual([bullJobId(fanoutJobKey(id, 0))]);

    // WHEN the job is lost (the after-commit enqueue never reached Redis)
    await bull().queue.remove(bullJobId(fanoutJobKey(id, 0)));
    // ...a sweep within the grace period leaves the restock alone (its enqueue may be on its way)
    await sweepOrphans(queue(), new Date(T0.getTime() + 10_000));
    expect(await pendingFanouts()).toEqual([]);
    // ...a later one enqueues its run again, once however often it sweeps
    await sweepOrphans(queue(), later);
    await sweepOrphans(queue(), later);
    expect(await pendingFanouts()).toEqual([bullJobId(fanoutJobKey(id, 0))]);
    await runAllJobs({ start: later });

    // THEN the 150 were told, each once, in two batches; the restock is done and sweeps find nothing more
    expect(recipients()).toHaveLength(150);
    expect(new Set(recipients()).size).toBe(150);
    expect(fake.resend.requests.filter((r) => r.path === "/emails/batch" && r.outcome === "accepted")).toHaveLength(2);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ notified: 150, status: "DONE" });
    expect(await sweepOrphans(queue(), new Date(later.getTime() + 60_000))).toMatchObject({ restocks: 0 });
  }, 60_000);

  it("brings back a lost hand-over between two runs, and the rest is told once", async () => {
    // GIVEN a first run that sent one batch and handed over to run 1
    const id = await restocked();
    await bull().queue.remove(bullJobId(fanoutJobKey(id, 0)));
    await runFanout(id, 0, T0, { budgetMs: 0 });
    expect(recipients()).toHaveLength(100);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ run: 1, notified: 100, status: "OPEN" });

    // WHEN run 1's job is lost on its way to Redis
    await bull().queue.remove(bullJobId(fanoutJobKey(id, 1)));
    expect(await pendingFanouts()).toEqual([]);
    await sweepOrphans(queue(), later);

    // THEN the sweep enqueues run 1 (not run 0 again), which tells the remaining 50
    expect(await pendingFanouts()).toEqual([bullJobId(fanoutJobKey(id, 1))]);
    await runAllJobs({ start: later });
    expect(recipients()).toHaveLength(150);
    expect(new Set(recipients()).size).toBe(150);
    expect(fake.resend.requests.filter((r) => r.outcome === "replayed")).toHaveLength(0);
    expect(await db.restock.findFirstOrThrow()).toMatchObject({ run: 1, notified: 150, status: "DONE" });
  }, 60_000);
});

describe.skipIf(!scaleOut)("the sweep of back-in-stock confirmations (scale-out)", () => {
  /** A shopper signs up on the storefront; returns the confirmation job's id in Redis. */
  async function signUp(email: string): Promise<string> {
    expect((await postSignup(signupRequest(signupForm({ email })))).body).toEqual({ ok: true, status: "subscribed" });
    const sub = await db.stockSubscription.findFirstOrThrow({ where: { email } });
    return bullJobId(confirmJobKey(sub.id));
  }

  it("brings back a sign-up's confirmation lost between the commit and Redis; the shopper gets it once", async () => {
    // GIVEN a sign-up whose confirmation job never reached Redis
    const job = await signUp("late@example.com");
    expect(await pendingConfirmations()).toEqual([job]);
    await bull().queue.remove(job);

    // WHEN the sweep runs: within the grace period it leaves the sign-up alone; later it enqueues
    // the confirmation again, once however often it sweeps
    await sweepOrphans(queue(), new Date(T0.getTime() + 10_000));
    expect(await pendingConfirmations()).toEqual([]);
    expect((await sweepOrphans(queue(), later)).recorded).toBe(1);
    await sweepOrphans(queue(), later);
    expect(await pendingConfirmations()).toEqual([job]);
    await runAllJobs({ start: later });

    // THEN the shopper got one confirmation, its job's row is closed, and later sweeps find nothing
    expect(recipients()).toEqual(["late@example.com"]);
    expect(await db.message.findMany({ select: { step: true, recipient: true, status: true } })).toEqual([{ step: "confirmation", recipient: "late@example.com", status: "SENT" }]);
    expect(await sweepOrphans(queue(), new Date(later.getTime() + 60_000))).toMatchObject({ recorded: 0 });
  });

  it("does not double a confirmation whose job is in Redis, waiting or done", async () => {
    // GIVEN a sign-up whose confirmation waits in Redis past the grace period (the workers are busy)
    const job = await signUp("ana@example.com");
    // WHEN the sweep finds its row still open THEN the add under the same id changes nothing
    expect((await sweepOrphans(queue(), later)).recorded).toBe(1);
    expect(await pendingConfirmations()).toEqual([job]);
    await runAllJobs({ start: later });
    await sweepOrphans(queue(), new Date(later.getTime() + 60_000));
    await runAllJobs({ start: new Date(later.getTime() + 60_000) });
    // ...and the shopper got one confirmation
    expect(recipients()).toEqual(["ana@example.com"]);
  });
});
