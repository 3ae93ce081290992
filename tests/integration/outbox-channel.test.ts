import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { OutboxChannel } from "../../app/channels/outbox.server";
import { resetDatabase } from "../support/db";

const SHOP = "outbox.myshopify.com";
const email = { from: "Shop <hello@example.com>", to: "ana@example.com", subject: "Shipped", html: "<p>On its way</p>", text: "On its way", headers: { "X-Herald-Message-Id": "m1" } };

beforeEach(resetDatabase);

describe("the local outbox", () => {
  it("keeps one item per idempotency key however often and however concurrently it is sent, and answers the first item's id", async () => {
    const outbox = new OutboxChannel();
    const results = await Promise.all([1, 2, 3].map(() => outbox.send(email, { idempotencyKey: "herald-message-m1", shop: SHOP })));
    const items = await db.outboxItem.findMany();
    expect(items).toHaveLength(1);
    expect(results.map((r) => (r.ok ? r.providerMessageId : null))).toEqual([items[0].id, items[0].id, items[0].id]);
    expect(items[0]).toMatchObject({ shop: SHOP, channel: "email", to: "ana@example.com", subject: "Shipped", html: "<p>On its way</p>", text: "On its way" });
    expect(JSON.parse(items[0].headers)).toEqual({ "X-Herald-Message-Id": "m1" });

    await outbox.send({ ...email, subject: "Another" }, { idempotencyKey: "herald-message-m2", shop: SHOP });
    expect(await db.outboxItem.count()).toBe(2);
  });

  it("stores texts as SMS, and WhatsApp templates by their Content SID and placeholders", async () => {
    const outbox = new OutboxChannel();
    await outbox.send({ from: "+15005550006", to: "+15005550001", body: "Your order shipped" }, { idempotencyKey: "sms", shop: SHOP });
    await outbox.send(
      { from: "whatsapp:+15005550006", to: "whatsapp:+15005550001", body: "", content: { sid: "HX123", variables: { "1": "#1001" } } },
      { idempotencyKey: "wa", shop: SHOP },
    );
    const items = await db.outboxItem.findMany({ orderBy: { idempotencyKey: "asc" } });
    expect(items.map((i) => [i.idempotencyKey, i.channel, i.subject, i.text, i.html])).toEqual([
      ["sms", "sms", null, "Your order shipped", null],
      ["wa", "whatsapp", "HX123", '{"1":"#1001"}', null],
    ]);
  });
});
