import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { atRiskOrders } from "../../app/models/risk.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { db } from "../../app/db.server";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

beforeEach(() => useVirtualTime(new Date("2026-11-16T10:05:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  await installShop("a.myshopify.com");
  await installShop("b.myshopify.com");
});

// Monday 2026-11-16, 10:00 in New York (the test shop's zone).
const placed = "2026-11-16T10:00:00-05:00";

describe("at-risk orders", () => {
  it("lists an order still unfulfilled after 72 business hours, with since when and that the customer was not told yet", async () => {
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }), { shop: "a.myshopify.com" });
    await runAllJobs();
    // Thursday 11:00: 3 working days and an hour later.
    const items = await atRiskOrders("a.myshopify.com", new Date("2026-11-19T11:00:00-05:00"));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ orderName: "#1001", kind: "unfulfilled", notifiedAt: null });
    expect(items[0].detectedAt.toISOString()).toBe(new Date("2026-11-19T10:00:00-05:00").toISOString());
  });

  it("does not list it before the deadline, nor once it is fulfilled", async () => {
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }), { shop: "a.myshopify.com" });
    await runAllJobs();
    expect(await atRiskOrders("a.myshopify.com", new Date("2026-11-19T09:00:00-05:00"))).toHaveLength(0);
    await deliver("fulfillments/create", fulfillmentPayload({ order_id: 1 }), { shop: "a.myshopify.com" });
    await runAllJobs();
    expect(await atRiskOrders("a.myshopify.com", new Date("2026-11-19T11:00:00-05:00"))).toHaveLength(0);
  });

  it("records when the delay was detected on the notice, for the detection-to-notice figure", async () => {
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }), { shop: "a.myshopify.com" });
    // The durable wake-up fires at the deadline (Thursday 10:00 New York) and the notice waits its settle window.
    await runAllJobs({ until: new Date("2026-11-19T12:00:00-05:00") });
    const notice = await db.message.findFirstOrThrow({ where: { trigger: "delay", step: "unfulfilled" } });
    expect(notice.detectedAt?.toISOString()).toBe(new Date("2026-11-19T10:00:00-05:00").toISOString());
    expect(notice.status).toBe("SENT");
  });

  it("shows a shop only its own orders", async () => {
    await deliver("orders/create", orderPayload({ id: 1, name: "#1001", created_at: placed, updated_at: placed }), { shop: "a.myshopify.com" });
    await runAllJobs();
    expect(await atRiskOrders("b.myshopify.com", new Date("2026-11-19T11:00:00-05:00"))).toHaveLength(0);
  });
});
