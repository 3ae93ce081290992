import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { resetEnv } from "../../app/env.server";
import { nextDigestAt, scheduleNextDigest } from "../../app/pipeline/digest.server";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import { installShop, resetDatabase } from "../support/db";
import { pendingJobs, runAllJobs, setClock, useRealTime, useVirtualTime } from "../support/jobs";
import { orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

let resend: FakeResend;
beforeAll(async () => {
  resend = await startFakeResend();
  Object.assign(process.env, { RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url });
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
beforeEach(() => useVirtualTime(new Date("2026-11-16T10:05:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  resend.reset();
});

describe("the daily digest of at-risk orders", () => {
  it("is due at the shop's local hour, DST included", () => {
    // 2026-11-01 is the day New York leaves DST: 08:00 local is 13:00 UTC that day.
    expect(nextDigestAt(new Date("2026-11-01T05:00:00Z"), "America/New_York", 8).at.toISOString()).toBe("2026-11-01T13:00:00.000Z");
    // Kolkata is UTC+05:30: at 08:30 local on the 23rd, the next 08:00 is the 24th, 02:30 UTC.
    expect(nextDigestAt(new Date("2026-11-23T03:00:00Z"), "Asia/Kolkata", 8).at.toISOString()).toBe("2026-11-24T02:30:00.000Z");
  });

  it("emails the staff once a morning with the at-risk orders, and schedules the next morning", async () => {
    await installShop("herald-test.myshopify.com", { settings: { digest: { enabled: true, email: "ops@maison-test.example" } } });
    const placed = "2026-11-16T10:00:00-05:00";
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }));
    await runAllJobs();
    setClock(new Date("2026-11-19T09:00:00-05:00"));
    await scheduleNextDigest("herald-test.myshopify.com", new Date("2026-11-19T09:00:00-05:00"));
    // Run the clock to Friday 08:00 New York: Thursday's 10:00 deadline has passed.
    await runAllJobs({ until: new Date("2026-11-20T08:30:00-05:00") });
    const digests = resend.emails.filter((e) => e.to.includes("ops@maison-test.example"));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toContain("1 at-risk order");
    expect(digests[0].html).toContain("#1001");
    const next = await pendingJobs("send-digest");
    expect(next.map((j) => j.runAt.toISOString())).toEqual(["2026-11-21T13:00:00.000Z"]);
  });

  it("sends nothing when switched off (the default)", async () => {
    await installShop();
    await scheduleNextDigest("herald-test.myshopify.com", new Date());
    expect(await pendingJobs("send-digest")).toHaveLength(0);
  });
});
