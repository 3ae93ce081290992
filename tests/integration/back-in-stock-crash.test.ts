import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { seedVariant, seedWaitingSubscribers, variantPayload } from "../support/back-in-stock";
import { killHard, spawnWorker, waitFor } from "../support/child-worker";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, scaleOut } from "../support/jobs";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

const SHOP = "herald-test.myshopify.com";
const fake = withFakeResend();

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP, { settings: { backInStock: { perUnit: 2 } } });
  await seedVariant(SHOP);
  await seedWaitingSubscribers(SHOP, 150, new Date());
});

// The embedded queue's lease takeover, as in worker-crash.test.ts: a real worker process killed with
// kill -9 while the provider is still working on its batch call.
describe.skipIf(scaleOut)("a back-in-stock fan-out whose worker is killed mid-batch", () => {
  it("resumes without doubling: the takeover sends the same batch under the same key, then the rest, each customer once", async () => {
    // GIVEN a worker process and a provider that takes 3 s to accept a batch
    fake.resend.setLatency(3_000);
    const child = await spawnWorker({ RESEND_API_KEY: fake.resend.apiKey, RESEND_BASE_URL: fake.resend.url });
    // ...that detects a restock of 100 units (quota 200 for the 150 waiting) and starts the first batch
    await deliver("variants/in_stock", variantPayload(new Date(), 100), { shop: SHOP });

    // WHEN it dies while the batch call is in flight (its 100 emails claimed, none marked sent)
    await waitFor(async () => (await db.message.count({ where: { trigger: "back_in_stock", status: "BATCHED" } })) === 100, 45_000);
    await new Promise((r) => setTimeout(r, 800));
    await killHard(child);
    const orphan = await db.job.findFirstOrThrow({ where: { name: "backinstock-fanout" } });
    expect(orphan.status).toBe("RUNNING");
    // ...and the provider goes on to accept the batch nobody is waiting for any more
    await waitFor(async () => fake.resend.emails.length === 100, 45_000);
    fake.resend.setLatency(0);

    // THEN another worker takes the job over once its lease is gone: the same batch is replayed by
    // the provider (same Idempotency-Key, same emails), the remaining 50 go in a second batch
    await runAllJobs({ start: new Date(orphan.lockedUntil!.getTime() + 1), until: new Date(orphan.lockedUntil!.getTime() + 60_000) });
    const to = fake.resend.emails.flatMap((e) => e.to);
    expect(to).toHaveLength(150);
    expect(new Set(to).size).toBe(150);
    expect(fake.resend.requests.filter((r) => r.path === "/emails/batch" && r.outcome === "replayed")).toHaveLength(1);
    expect(await db.message.count({ where: { trigger: "back_in_stock", step: "alert", status: "SENT" } })).toBe(150);
    expect(await db.restock.findFirst()).toMatchObject({ notified: 150, status: "DONE" });
  }, 120_000);
});
