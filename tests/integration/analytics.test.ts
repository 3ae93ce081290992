import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { shopAnalytics, sumByCurrency } from "../../app/models/analytics.server";
import * as route from "../../app/routes/app.analytics";
import { adminRequest, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";

const A = "herald-test.myshopify.com";
const B = "other-shop.myshopify.com";
const NY = "America/New_York";
// Saturday 2026-11-21, 09:30 in New York.
const now = new Date("2026-11-21T14:30:00Z");

beforeEach(async () => {
  await resetDatabase();
  await installShop(A);
  await installShop(B);
});

let seq = 0;
function message(fields: Partial<{ shop: string; trigger: string; channel: string; status: string; deliveryStatus: string; createdAt: Date; detectedAt: Date; sentAt: Date }>) {
  seq++;
  return db.message.create({
    data: {
      shop: fields.shop ?? A,
      dedupKey: `k${seq}`,
      trigger: fields.trigger ?? "shipping",
      subject: "f1",
      step: "shipped",
      channel: fields.channel ?? "email",
      recipient: "ana.garcia@example.com",
      status: fields.status ?? "SENT",
      deliveryStatus: fields.deliveryStatus ?? null,
      createdAt: fields.createdAt ?? new Date("2026-11-20T15:00:00Z"),
      detectedAt: fields.detectedAt ?? null,
      sentAt: fields.sentAt ?? null,
    },
  });
}

describe("a shop's analytics", () => {
  it("counts sent, delivered, opened, clicked and failed per day in the shop's zone, per trigger and per channel", async () => {
    await message({ deliveryStatus: "delivered" });
    await message({ deliveryStatus: "opened" });
    await message({ deliveryStatus: "clicked", channel: "sms", trigger: "delay" });
    await message({ deliveryStatus: "bounced" });
    await message({ status: "FAILED" });
    await message({ status: "SKIPPED" });
    // 00:30 UTC on the 21st is still the 20th in New York.
    await message({ createdAt: new Date("2026-11-21T00:30:00Z") });
    // Outside the 7 days, another shop's, and a test send: not counted.
    await message({ createdAt: new Date("2026-11-10T15:00:00Z") });
    await message({ shop: B });
    await message({ trigger: "test" });

    const a = await shopAnalytics(A, 7, { now, timeZone: NY });
    expect(a.from).toBe("2026-11-15");
    expect(a.to).toBe("2026-11-21");
    expect(a.totals).toEqual({ sent: 5, delivered: 3, opened: 2, clicked: 1, failed: 2 });
    expect(a.days).toHaveLength(7);
    expect(a.days.find((d) => d.date === "2026-11-20")).toMatchObject({ sent: 5, failed: 2 });
    expect(a.days.find((d) => d.date === "2026-11-21")).toMatchObject({ sent: 0 });
    expect(a.byChannel.find((c) => c.channel === "sms")).toMatchObject({ sent: 1, clicked: 1, opened: 1, delivered: 1 });
    expect(a.byTrigger.find((c) => c.trigger === "shipping")).toMatchObject({ sent: 4, failed: 2 });
  });

  it("reports delay notices sent and the median time from detection to notice", async () => {
    const detected = new Date("2026-11-19T15:00:00Z");
    for (const minutes of [10, 30, 120]) {
      await message({ trigger: "delay", detectedAt: detected, sentAt: new Date(detected.getTime() + minutes * 60_000) });
    }
    await message({ trigger: "delay", status: "SKIPPED", detectedAt: detected });
    const a = await shopAnalytics(A, 30, { now, timeZone: NY });
    expect(a.delay).toEqual({ sent: 3, medianDetectionToNoticeMs: 30 * 60_000 });
  });

  it("sums back-in-stock revenue per currency exactly, and has a zero state", async () => {
    expect((await shopAnalytics(A, 30, { now, timeZone: NY })).backInStock).toEqual({ alertsSent: 0, conversions: 0, revenue: [] });
    await message({ trigger: "back_in_stock" });
    const at = new Date("2026-11-20T15:00:00Z");
    for (const [i, revenue, currency] of [
      [1, "0.10", "USD"],
      [2, "0.20", "USD"],
      [3, "19.99", "EUR"],
    ] as const) {
      await db.alertConversion.create({ data: { shop: A, orderId: `o${i}`, subscriptionId: `s${i}`, variantId: "v1", revenue, currency, orderedAt: at } });
    }
    await db.alertConversion.create({ data: { shop: B, orderId: "o9", subscriptionId: "s9", variantId: "v1", revenue: "5.00", currency: "USD", orderedAt: at } });
    const a = await shopAnalytics(A, 30, { now, timeZone: NY });
    expect(a.backInStock).toEqual({
      alertsSent: 1,
      conversions: 3,
      revenue: [
        { currency: "EUR", amount: "19.99" },
        { currency: "USD", amount: "0.30" },
      ],
    });
  });

  it("adds decimal strings without floating-point drift", () => {
    expect(sumByCurrency([{ revenue: "1.005", currency: "KWD" }, { revenue: "2", currency: "KWD" }, { revenue: "oops", currency: "KWD" }])).toEqual([{ currency: "KWD", amount: "3.005" }]);
  });

  it("answers the shop's admin with the range it asked for, 30 days otherwise", async () => {
    await storeOfflineSession(A);
    await message({ createdAt: new Date() });
    const seven = await callLoader<{ analytics: { range: number; totals: { sent: number } } }>(route.loader, await adminRequest("/app/analytics?days=7", { shop: A }));
    expect(seven.status).toBe(200);
    expect(seven.data.analytics.range).toBe(7);
    expect(seven.data.analytics.totals.sent).toBe(1);
    const odd = await callLoader<{ analytics: { range: number } }>(route.loader, await adminRequest("/app/analytics?days=13", { shop: A }));
    expect(odd.data.analytics.range).toBe(30);
  });
});
