import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { resetEnv } from "../../app/env.server";
import { db } from "../../app/db.server";
import { bullJobId, type BullQueue } from "../../app/jobs/bullmq-queue.server";
import { queue } from "../../app/jobs/queue.server";
import { sweepOrphans } from "../../app/jobs/sweeper.server";
import { saveSettingsForm } from "../../app/models/settings.server";
import { parseSettings } from "../../app/notifications/settings";
import { formValues } from "../../app/notifications/settings-form";
import type { AtRiskOrder } from "../../app/models/risk.server";
import { nextDigestAt, renderDigest, scheduleNextDigest } from "../../app/pipeline/digest.server";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import { installShop, resetDatabase } from "../support/db";
import { pendingJobs, runAllJobs, scaleOut, setClock, useRealTime, useVirtualTime } from "../support/jobs";
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
    await digestWeekOfOrderAtRisk();
    const digests = resend.emails.filter((e) => e.to.includes("ops@maison-test.example"));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toContain("1 at-risk order");
    expect(digests[0].html).toContain("#1001");
    const next = await pendingJobs("send-digest");
    expect(next.map((j) => j.runAt.toISOString())).toEqual(["2026-11-21T13:00:00.000Z"]);
  });

  it("is written in the shop's primary language, as the admin speaks it", async () => {
    // GIVEN a German shop (de-DE) with the digest on and an order at risk
    await digestWeekOfOrderAtRisk("de-DE");
    // THEN the staff read German: the count, the kind and reason, the dates and the columns
    const [digest] = resend.emails.filter((e) => e.to.includes("ops@maison-test.example"));
    expect(digest.subject).toBe("1 gefährdete Bestellung bei Maison Test · 20.11.2026");
    expect(digest.html).toContain('<html lang="de">');
    expect(digest.html).toContain("Nicht ausgeführt (nicht ausgeführt)");
    expect(digest.html).toContain("<th>Seit</th>");
    expect(digest.html).toContain("16.11.2026");
    expect(digest.html).toMatch(/Informiert am \d{2}\.11\.2026|Noch nicht/);
    expect(digest.text).not.toMatch(/at-risk|since|not told/i);
    const row = await db.message.findFirstOrThrow({ where: { trigger: "digest" } });
    expect(row.locale).toBe("de");
  });

  it("counts with each language's plural rules and names reasons in words", () => {
    const item = (orderName: string, kind: AtRiskOrder["kind"], reason: string): AtRiskOrder => ({
      kind, orderId: orderName, subject: orderName, fulfillmentId: null, fulfillmentOrderId: null, orderName, reason, told: [], newEstimate: null,
      detectedAt: new Date("2026-11-19T15:00:00Z"), since: new Date("2026-11-16T15:00:00Z"), notifiedAt: null,
    });
    const one = [item("#1001", "stalled", "no_carrier_scan")];
    const two = [...one, item("#1002", "on_hold", "OTHER")];
    expect(renderDigest("Shop", "2026-11-20", one, "America/New_York", "en").subject).toBe("1 at-risk order at Shop · Nov 20, 2026");
    expect(renderDigest("Shop", "2026-11-20", two, "America/New_York", "en").subject).toBe("2 at-risk orders at Shop · Nov 20, 2026");
    expect(renderDigest("Shop", "2026-11-20", one, "America/New_York", "es").subject).toBe("1 pedido en riesgo en Shop · 20 nov 2026");
    expect(renderDigest("Shop", "2026-11-20", two, "America/New_York", "fr").subject).toBe("2 commandes à risque chez Shop · 20 nov. 2026");
    const en = renderDigest("Shop", "2026-11-20", two, "America/New_York", "en").text;
    expect(en).toContain("#1001  Stalled in transit (no carrier scan)  Since: Nov 16, 2026  Customer told: Not yet");
    expect(en).toContain("#1002  On hold (other)");
    expect(renderDigest("Shop", "2026-11-20", one, "Asia/Kolkata", "hi").text).toContain("1 जोखिम वाला ऑर्डर");
  });

  it("sends nothing when switched off (the default)", async () => {
    await installShop();
    await scheduleNextDigest("herald-test.myshopify.com", new Date());
    expect(await pendingJobs("send-digest")).toHaveLength(0);
  });
});

describe("the daily digest, switched on and moved in the settings", () => {
  const SHOP = "herald-test.myshopify.com";
  const OPS = "ops@maison-test.example";

  /** Save the settings screen's form with these digest fields (the rest as stored). */
  async function saveDigest(digest: { enabled: boolean; hour: number }, now: Date) {
    const row = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    const values = { ...formValues(parseSettings(row.settings)), "digest.enabled": digest.enabled, "digest.email": OPS, "digest.hour": String(digest.hour) };
    const result = await saveSettingsForm(SHOP, values, now);
    expect(result.ok).toBe(true);
  }

  /** An order placed Monday 10:00 New York: at risk (unfulfilled past 72 business hours) from Thursday 10:00. */
  async function atRiskOrder() {
    const placed = "2026-11-16T10:00:00-05:00";
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }));
    await runAllJobs();
  }

  const digests = () => resend.emails.filter((e) => e.to.includes(OPS));

  it("is scheduled when it is switched on, with no worker restart", async () => {
    // GIVEN a shop with the digest off (the default) and an order at risk from Thursday
    await installShop(SHOP);
    await atRiskOrder();
    expect(await pendingJobs("send-digest")).toHaveLength(0);
    // WHEN the merchant switches it on for 09:00 on Thursday afternoon
    const now = new Date("2026-11-19T15:00:00-05:00");
    setClock(now);
    await saveDigest({ enabled: true, hour: 9 }, now);
    // THEN Friday 09:00 New York is scheduled, and the staff get the digest then
    expect((await pendingJobs("send-digest")).map((j) => j.runAt.toISOString())).toEqual(["2026-11-20T14:00:00.000Z"]);
    await runAllJobs({ until: new Date("2026-11-20T09:30:00-05:00") });
    expect(digests()).toHaveLength(1);
    expect(digests()[0].html).toContain("#1001");
  });

  it("goes out at the new hour when the hour is changed, once, and not at the old one", async () => {
    await installShop(SHOP);
    await atRiskOrder();
    const now = new Date("2026-11-19T15:00:00-05:00");
    setClock(now);
    await saveDigest({ enabled: true, hour: 8 }, now);
    // WHEN the merchant moves it from 08:00 to 11:00 that evening
    await saveDigest({ enabled: true, hour: 11 }, new Date("2026-11-19T18:00:00-05:00"));
    // THEN nothing goes at Friday 08:00; one digest goes at 11:00, and Saturday 11:00 is next
    await runAllJobs({ until: new Date("2026-11-20T10:59:00-05:00") });
    expect(digests()).toHaveLength(0);
    await runAllJobs({ until: new Date("2026-11-20T11:30:00-05:00") });
    expect(digests()).toHaveLength(1);
    expect((await pendingJobs("send-digest")).map((j) => j.runAt.toISOString())).toEqual(["2026-11-21T16:00:00.000Z"]);
  });

  it("stops when it is switched off", async () => {
    await installShop(SHOP);
    await atRiskOrder();
    const now = new Date("2026-11-19T15:00:00-05:00");
    setClock(now);
    await saveDigest({ enabled: true, hour: 8 }, now);
    await saveDigest({ enabled: false, hour: 8 }, now);
    await runAllJobs({ until: new Date("2026-11-23T12:00:00-05:00") });
    expect(digests()).toHaveLength(0);
    expect(await pendingJobs("send-digest")).toHaveLength(0);
  });

  it.runIf(scaleOut)("comes back with the sweep when Redis lost its job", async () => {
    await installShop(SHOP);
    await atRiskOrder();
    const now = new Date("2026-11-19T15:00:00-05:00");
    setClock(now);
    await saveDigest({ enabled: true, hour: 9 }, now);
    // GIVEN Redis lost the scheduled digest (or never got it after the save committed)
    const row = await db.job.findFirstOrThrow({ where: { name: "send-digest" } });
    const q = queue() as BullQueue;
    expect(await q.queue.remove(bullJobId(row.key!))).toBe(1);
    // WHEN the sweeper runs after Friday 09:00
    const sweepAt = new Date("2026-11-20T09:01:00-05:00");
    await sweepOrphans(q, sweepAt);
    // THEN the staff get the digest, once
    await runAllJobs({ start: sweepAt, until: new Date("2026-11-20T09:30:00-05:00") });
    expect(digests()).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DONE");
  });
});

/**
 * A shop with the digest on (`primaryLocale`, when given) and order #1001 placed on Monday
 * 2026-11-16 and never shipped: its next digest is scheduled on Thursday, and the clock runs to
 * Friday 08:30 New York, past Thursday's 10:00 deadline.
 */
async function digestWeekOfOrderAtRisk(primaryLocale?: string): Promise<void> {
  await installShop("herald-test.myshopify.com", { ...(primaryLocale ? { primaryLocale } : {}), settings: { digest: { enabled: true, email: "ops@maison-test.example" } } });
  const placed = "2026-11-16T10:00:00-05:00";
  await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }));
  await runAllJobs();
  setClock(new Date("2026-11-19T09:00:00-05:00"));
  await scheduleNextDigest("herald-test.myshopify.com", new Date("2026-11-19T09:00:00-05:00"));
  await runAllJobs({ until: new Date("2026-11-20T08:30:00-05:00") });
}
