import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { db } from "../../app/db.server";
import { resetEnv } from "../../app/env.server";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import { killHard, spawnWorker, waitFor } from "../support/child-worker";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

let resend: FakeResend;

beforeAll(async () => {
  resend = await startFakeResend();
  process.env.RESEND_API_KEY = resend.apiKey;
  process.env.RESEND_BASE_URL = resend.url;
  resetEnv();
  resetChannels();
});

afterAll(async () => {
  await resend.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnv();
  resetChannels();
});

beforeEach(async () => {
  await resetDatabase();
  resend.reset();
  await installShop();
});

describe("a worker killed with kill -9", () => {
  it("loses nothing: another worker finishes the job after the lease expires, and the customer gets one email", async () => {
    // GIVEN a worker process, and a provider that answers slowly
    resend.setLatency(30_000);
    const child = await spawnWorker({ RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url });
    // ...that processes a shipped order and starts sending its email
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());

    // WHEN it dies mid-call (its attempt is recorded, the provider has not answered)
    await waitFor(() => db.messageAttempt.findFirst({ where: { outcome: "STARTED" } }));
    await killHard(child);
    const orphan = await db.job.findFirstOrThrow({ where: { name: "deliver-message" } });
    expect(orphan.status).toBe("RUNNING");

    // THEN once its lease has expired, another worker takes the job over and finishes it
    resend.setLatency(0);
    await runAllJobs({ start: new Date(orphan.lockedUntil!.getTime() + 1) });
    const message = await db.message.findFirstOrThrow();
    expect(message.status).toBe("SENT");
    expect(resend.emails).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("DONE");
  });
});
