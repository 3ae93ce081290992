import type { ChildProcess } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { killHard, spawnWorker, waitFor } from "../support/child-worker";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, scaleOut } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";
import { withFakeResend, withFakeTwilio } from "../support/providers";

const fake = withFakeResend();

beforeEach(async () => {
  await resetDatabase();
  await installShop();
});

/**
 * kill -9 a worker once its send is under way: the attempt row is written just before the HTTP
 * call, so the request gets time to reach the provider (well inside its 3 s) first. The job it held.
 */
async function killMidSend(child: ChildProcess) {
  await waitFor(() => db.messageAttempt.findFirst({ where: { outcome: "STARTED" } }));
  await new Promise((r) => setTimeout(r, 800));
  await killHard(child);
  return db.job.findFirstOrThrow({ where: { name: "deliver-message" } });
}

// The embedded queue's lease takeover, read through its Job table. The scale-out run has its own
// kill -9 test on BullMQ's stalled-job check (bullmq-queue.test.ts).
describe.skipIf(scaleOut)("a worker killed with kill -9", () => {
  it("loses nothing and doubles nothing: killed after the provider accepted, the takeover replays the same idempotency key and the row ends sent", async () => {
    // GIVEN a worker process, and a provider that takes 3 s to accept an email
    fake.resend.setLatency(3_000);
    const child = await spawnWorker({ RESEND_API_KEY: fake.resend.apiKey, RESEND_BASE_URL: fake.resend.url });
    // ...that processes a shipped order and starts sending its email
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());

    // WHEN it dies mid-call (its attempt is recorded, the provider has not answered yet)
    const orphan = await killMidSend(child);
    expect(orphan.status).toBe("RUNNING");
    // ...and the provider goes on to accept the email nobody is waiting for any more
    await waitFor(async () => fake.resend.emails.length === 1);
    fake.resend.setLatency(0);

    // THEN once its lease has expired another worker takes the job over: the provider replays the
    // first answer for the same key, keeps one email, and the row ends sent with that email's id
    await runAllJobs({ start: new Date(orphan.lockedUntil!.getTime() + 1) });
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
    expect(message.status).toBe("SENT");
    expect(message.providerMessageId).toBe(fake.resend.emails[0].id);
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.requests.filter((r) => r.outcome === "replayed")).toHaveLength(1);
    expect(message.attemptsLog.map((a) => a.outcome)).toEqual(["STARTED", "SENT"]);
    expect((await db.job.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("DONE");
  });
});

describe.skipIf(scaleOut)("a worker killed with kill -9 while Twilio accepts a text", () => {
  // Twilio keeps no idempotency key: the takeover must find the text in Twilio's list, not send it again.
  const fakes = withFakeTwilio();

  it("sends the text once: the takeover finds it at Twilio and records it sent with its sid", async () => {
    // GIVEN a shop texting shipping updates, a worker process, and a Twilio that takes 3 s to accept
    const settings = { shipping: { channels: ["sms"] }, consent: { smsRequiresConsent: false }, quietHours: { enabled: false } };
    await db.shop.update({ where: { domain: "herald-test.myshopify.com" }, data: { settings: JSON.stringify(settings) } });
    fakes.twilio.setLatency(3_000);
    const child = await spawnWorker(fakes.env);
    await deliver("orders/create", orderPayload({ phone: "+14155550123" }));
    await deliver("fulfillments/create", fulfillmentPayload());

    // WHEN the worker dies mid-call, and Twilio goes on to accept the text nobody waits for
    const orphan = await killMidSend(child);
    expect(orphan.status).toBe("RUNNING");
    await waitFor(async () => fakes.twilio.messages.length === 1);
    fakes.twilio.setLatency(0);

    // THEN the worker taking the job over after its lease finds the text and sends nothing new
    await runAllJobs({ start: new Date(orphan.lockedUntil!.getTime() + 1) });
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(fakes.twilio.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(message).toMatchObject({ channel: "sms", status: "SENT", providerMessageId: fakes.twilio.messages[0].sid });
    expect(message.attemptsLog.map((a) => [a.outcome, a.providerMessageId])).toEqual([["SENT", fakes.twilio.messages[0].sid]]);
  });
});
