import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { MAX_DELIVERY_ATTEMPTS } from "../../app/pipeline/deliver.server";
import { listMessages, parseLogFilters, retryMessage, type LogFilters } from "../../app/models/message-log.server";
import * as detailRoute from "../../app/routes/app.messages.$id";
import * as logRoute from "../../app/routes/app.messages._index";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

const fake = withFakeResend();
const A = "herald-test.myshopify.com";
const B = "other-shop.myshopify.com";

beforeEach(() => useVirtualTime(new Date("2026-11-21T09:30:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  await installShop(A);
  await installShop(B);
  await storeOfflineSession(A);
  await storeOfflineSession(B);
});

/** A form POST from the embedded admin of `shop`, as a Remix fetcher form sends it. */
async function formPost(path: string, shop: string, fields: Record<string, string>): Promise<Request> {
  const base = await adminRequest(path, { shop });
  const headers = new Headers(base.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(base.url, { method: "POST", headers, body: new URLSearchParams(fields) });
}

const filters = (query: string): LogFilters => parseLogFilters(new URLSearchParams(query)).filters;

let seq = 0;
async function message(shop: string, fields: Partial<{ orderId: string; recipient: string; trigger: string; channel: string; status: string; deliveryStatus: string; createdAt: Date }>) {
  seq++;
  return db.message.create({
    data: {
      shop,
      dedupKey: `${shop}:${seq}`,
      trigger: fields.trigger ?? "shipping",
      subject: "f1",
      step: "shipped",
      channel: fields.channel ?? "email",
      recipient: fields.recipient ?? "ana.garcia@example.com",
      status: fields.status ?? "SENT",
      deliveryStatus: fields.deliveryStatus ?? null,
      orderId: fields.orderId ?? null,
      createdAt: fields.createdAt ?? new Date(Date.UTC(2026, 10, 20, 12, 0, seq)),
    },
  });
}

async function order(shop: string, id: string, name: string) {
  const at = new Date("2026-11-20T10:00:00Z");
  await db.order.create({ data: { shop, id, name, placedAt: at, shopifyUpdatedAt: at } });
}

describe("the message log's queries", () => {
  it("pages through a shop's messages newest first, forward and back, without another shop's", async () => {
    for (let i = 0; i < 5; i++) await message(A, {});
    await message(B, {});
    const first = await listMessages(A, filters(""), { pageSize: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.previous).toBeNull();
    const second = await listMessages(A, filters(`after=${first.next}`), { pageSize: 2 });
    const third = await listMessages(A, filters(`after=${second.next}`), { pageSize: 2 });
    expect(third.rows).toHaveLength(1);
    expect(third.next).toBeNull();
    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(5);
    expect(all.map((r) => r.createdAt.getTime())).toEqual([...all.map((r) => r.createdAt.getTime())].sort((a, b) => b - a));
    expect(second.previous).not.toBeNull();
    const back = await listMessages(A, filters(`before=${second.previous}`), { pageSize: 2 });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previous).toBeNull();
  });

  it("filters by order name or id, customer (contains or exact), trigger, channel and status", async () => {
    await order(A, "5001", "#1001");
    const shipped = await message(A, { orderId: "5001", recipient: "ana.garcia@example.com" });
    const text = await message(A, { orderId: "5002", channel: "sms", recipient: "+34600111222", trigger: "delay", status: "FAILED" });
    const opened = await message(A, { recipient: "bob@example.com", deliveryStatus: "opened" });
    await order(B, "5001", "#1001");
    await message(B, { orderId: "5001" });
    const ids = async (query: string) => (await listMessages(A, filters(query))).rows.map((r) => r.id).sort();

    expect(await ids("order=%231001")).toEqual([shipped.id]);
    expect(await ids("order=1001")).toEqual([shipped.id]);
    expect(await ids("order=5002")).toEqual([text.id]);
    expect(await ids("customer=GARCIA")).toEqual([shipped.id]);
    expect(await ids("customer=ana.garcia")).toEqual([shipped.id]);
    expect(await ids("customer=garcia&match=exact")).toEqual([]);
    expect(await ids("customer=ana.garcia@example.com&match=exact")).toEqual([shipped.id]);
    expect(await ids("customer=%2B34 600 111")).toEqual([text.id]);
    expect(await ids("trigger=delay")).toEqual([text.id]);
    expect(await ids("channel=sms,whatsapp")).toEqual([text.id]);
    expect(await ids("status=FAILED,opened")).toEqual([text.id, opened.id].sort());
    expect((await listMessages(A, filters("order=%231001"))).rows[0].orderName).toBe("#1001");
  });

  it("filters by dates in the shop's time zone", async () => {
    // 2026-11-20 23:30 in New York is already the 21st in UTC.
    const late = await message(A, { createdAt: new Date("2026-11-21T04:30:00Z") });
    await message(A, { createdAt: new Date("2026-11-21T15:00:00Z") });
    const page = await listMessages(A, filters("from=2026-11-20&to=2026-11-20"), { timeZone: "America/New_York" });
    expect(page.rows.map((r) => r.id)).toEqual([late.id]);
  });

  it("keeps valid filters and reports the ones it does not know", () => {
    const parsed = parseLogFilters(new URLSearchParams("status=SENT,nonsense&channel=email&from=yesterday"));
    expect(parsed.filters.channel).toEqual(["email"]);
    expect(parsed.filters.status).toEqual([]);
    expect(parsed.invalid).toBe("status=SENT,nonsense");
    expect(parsed.filters.from).toBeUndefined();
  });

  it("serves the log to the shop's own admin only", async () => {
    await message(A, { recipient: "mine@example.com" });
    await message(B, { recipient: "theirs@example.com" });
    const { status, data } = await callLoader<{ page: { rows: Array<{ recipient: string }> }; any: boolean }>(logRoute.loader, await adminRequest("/app/messages", { shop: A }));
    expect(status).toBe(200);
    expect(data.page.rows.map((r) => r.recipient)).toEqual(["mine@example.com"]);
  });
});

describe("retrying a failed message", () => {
  async function failedShippingEmail() {
    // GIVEN Resend is down for every attempt Herald makes
    fake.resend.failNext(MAX_DELIVERY_ATTEMPTS, { status: 503 });
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const failed = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(failed.status).toBe("FAILED");
    expect(fake.resend.emails).toHaveLength(0);
    return failed;
  }

  it("sends the failed message once after Resend is back, however often Retry is pressed", async () => {
    const failed = await failedShippingEmail();
    // WHEN the merchant presses Retry (twice: a double click)
    const first = await callAction<{ outcome: string }>(detailRoute.action, await formPost(`/app/messages/${failed.id}`, A, { intent: "retry" }), { id: failed.id });
    const second = await callAction<{ outcome: string }>(detailRoute.action, await formPost(`/app/messages/${failed.id}`, A, { intent: "retry" }), { id: failed.id });
    expect(first.data.outcome).toBe("queued");
    expect(second.data.outcome).toBe("not_failed");
    await runAllJobs();
    // THEN Resend received exactly one email, and the same row is SENT
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.emails[0].to).toEqual(["ana.garcia@example.com"]);
    const sent = await db.message.findUniqueOrThrow({ where: { id: failed.id }, include: { attemptsLog: true } });
    expect(sent.status).toBe("SENT");
    expect(sent.attemptsLog).toHaveLength(MAX_DELIVERY_ATTEMPTS + 1);
    expect(await db.message.count()).toBe(1);
    // A retry of a sent message changes nothing
    expect(await retryMessage(A, failed.id)).toBe("not_failed");
    await runAllJobs();
    expect(fake.resend.emails).toHaveLength(1);
  });

  it("answers 404 to a retry or a view of another shop's message, and leaves it alone", async () => {
    const failed = await failedShippingEmail();
    const retry = await callAction(detailRoute.action, await formPost(`/app/messages/${failed.id}`, B, { intent: "retry" }), { id: failed.id });
    expect(retry.status).toBe(404);
    const view = await callLoader(detailRoute.loader, await adminRequest(`/app/messages/${failed.id}`, { shop: B }), { id: failed.id });
    expect(view.status).toBe(404);
    await runAllJobs();
    expect((await db.message.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
    expect(fake.resend.emails).toHaveLength(0);
  });

  it("shows the message with its attempts to its own shop", async () => {
    const failed = await failedShippingEmail();
    const { status, data } = await callLoader<{ message: { attemptsLog: Array<{ outcome: string; error: string }> } }>(
      detailRoute.loader,
      await adminRequest(`/app/messages/${failed.id}`, { shop: A }),
      { id: failed.id },
    );
    expect(status).toBe(200);
    expect(data.message.attemptsLog).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(data.message.attemptsLog.at(-1)?.outcome).toBe("FAILED");
    expect(data.message.attemptsLog.at(-1)?.error).toMatch(/503/);
  });
});

describe("replaying a failed webhook", () => {
  it("fails again with the same reason when the payload is still invalid, and keeps the payload", async () => {
    await deliver("orders/create", "{not json");
    const event = await db.webhookEvent.findFirstOrThrow();
    expect(event.status).toBe("FAILED");
    const { data } = await callAction<{ outcome: string; reason: string }>(logRoute.action, await formPost("/app/messages?index", A, { intent: "replay", eventId: event.id }));
    expect(data.outcome).toBe("still_invalid");
    expect(data.reason).toBe(event.error);
    const after = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after).toMatchObject({ status: "FAILED", error: event.error, payload: "{not json" });
    expect(await db.job.count({ where: { name: "process-event" } })).toBe(0);
  });

  it("processes an event that reads now: its facts are recorded and the customer gets one email", async () => {
    await deliver("orders/create", orderPayload());
    await runAllJobs();
    // GIVEN a fulfillment webhook Herald once refused (say, before its schema accepted a new field)
    const event = await db.webhookEvent.create({
      data: { shop: A, topic: "fulfillments/create", webhookId: "wh-refused-1", payload: JSON.stringify(fulfillmentPayload()), status: "FAILED", error: "Invalid payload: old reason" },
    });
    // WHEN the merchant replays it, twice
    const first = await callAction<{ outcome: string }>(logRoute.action, await formPost("/app/messages?index", A, { intent: "replay", eventId: event.id }));
    const second = await callAction<{ outcome: string }>(logRoute.action, await formPost("/app/messages?index", A, { intent: "replay", eventId: event.id }));
    expect(first.data.outcome).toBe("queued");
    expect(second.data.outcome).toBe("not_failed");
    await runAllJobs();
    // THEN it is processed once: the fulfillment is known and one shipped email went out
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("PROCESSED");
    expect(await db.fulfillment.count({ where: { shop: A } })).toBe(1);
    expect(fake.resend.emails).toHaveLength(1);
  });

  it("answers 404 to a replay of another shop's event", async () => {
    await deliver("orders/create", "{not json");
    const event = await db.webhookEvent.findFirstOrThrow();
    const { status } = await callAction(logRoute.action, await formPost("/app/messages?index", B, { intent: "replay", eventId: event.id }));
    expect(status).toBe(404);
  });
});
