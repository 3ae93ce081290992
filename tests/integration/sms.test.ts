import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, setClock, useRealTime, useVirtualTime, virtualNow } from "../support/jobs";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { followClock } from "../support/virtual-date";
import { withFakeTwilio } from "../support/providers";
import { deliver } from "../support/webhooks";

const fakes = withFakeTwilio();
// Consent has its own tests (whatsapp-consent.test.ts): these are about sending texts.
const SMS_SHOP = { shipping: { channels: ["sms"] }, consent: { smsRequiresConsent: false } };

beforeEach(async () => {
  await resetDatabase();
  await installShop("herald-test.myshopify.com", { settings: SMS_SHOP });
});

const malayali = {
  customer_locale: "ml-IN",
  phone: "098470 12345",
  shipping_address: { first_name: "അഞ്ജലി", country_code: "IN", phone: null },
  customer: { first_name: "അഞ്ജലി", last_name: "നായർ", email: "anjali@example.in", phone: null },
};

describe("shipping updates by SMS", () => {
  it("texts a Malayalam customer in Malayalam, as UCS-2, to the number in E.164", async () => {
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fakes.twilio.messages).toHaveLength(1);
    const text = fakes.twilio.messages[0];
    expect(text.to).toBe("+919847012345");
    expect(text.encoding).toBe("UCS-2");
    expect(text.body).toMatch(/[\u0D00-\u0D7F]/);
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.locale).toBe("ml");
    expect(message.segments).toBe(text.segments);
    expect(message.status).toBe("SENT");
    expect(message.providerMessageId).toBe(text.sid);
  });

  it("skips, with a reason, a phone number that is not valid for the customer's country", async () => {
    await deliver("orders/create", orderPayload({ ...malayali, phone: "12345" }));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message.status).toBe("SKIPPED");
    expect(message.reason).toBe("invalid_phone");
    expect(fakes.twilio.messages).toHaveLength(0);
  });

  it("suppresses the number when Twilio says the recipient opted out (21610), and texts it no more", async () => {
    // GIVEN a customer who replied STOP to the shop's number at Twilio (Herald never heard of it)
    fakes.twilio.optOut("+919847012345");
    // WHEN their order ships
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN the text is skipped for the opt-out, once, and the number is suppressed as a 21610 callback would
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(message).toMatchObject({ status: "SKIPPED", reason: "suppressed_carrier_opt_out", attempts: 1 });
    expect(message.error).toContain("21610");
    expect(await db.suppression.findMany({ select: { channel: true, address: true, reason: true } })).toEqual([
      { channel: "sms", address: "+919847012345", reason: "carrier_opt_out" },
    ]);
    // ...and the next text to that number is skipped without asking Twilio
    await deliver("fulfillments/update", fulfillmentPayload({ shipment_status: "delivered", updated_at: "2026-11-22T09:00:00-05:00" }));
    await runAllJobs();
    const delivered = await db.message.findFirstOrThrow({ where: { trigger: "shipping", step: "delivered" } });
    expect(delivered).toMatchObject({ status: "SKIPPED", reason: "suppressed_carrier_opt_out", attempts: 0 });
    expect(fakes.twilio.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(fakes.twilio.messages).toHaveLength(0);
  });

  it("retries a Twilio outage and sends once", async () => {
    fakes.twilio.failNext(2, { status: 503 });
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    expect(fakes.twilio.messages).toHaveLength(1);
    expect((await db.message.findFirstOrThrow({ where: { trigger: "shipping" } })).attempts).toBe(3);
  });
});

// Twilio keeps no idempotency key: a text whose answer never came is looked up in Twilio's
// message list before it is sent again.
describe("a send whose outcome is unknown", () => {
  // Twilio dates its messages by its own clock: here the fake's Date follows the queue's virtual clock.
  let restoreDate: () => void;
  beforeEach(() => {
    useVirtualTime(new Date("2026-11-23T12:00:00+05:30"));
    restoreDate = followClock(() => virtualNow()!.getTime());
  });
  afterEach(() => {
    restoreDate();
    useRealTime();
  });

  async function shipToAnjali() {
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    return db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
  }
  const lookups = () => fakes.twilio.requests.filter((r) => r.method === "GET" && r.path.endsWith("/Messages.json"));

  it("sends once when the connection is cut after Twilio accepted the text: the retry finds it and records its sid", async () => {
    fakes.twilio.loseNextResponse(1);
    const message = await shipToAnjali();
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(fakes.twilio.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
    expect(message).toMatchObject({ status: "SENT", providerMessageId: fakes.twilio.messages[0].sid, attempts: 1, error: null });
    expect(message.attemptsLog.map((a) => [a.outcome, a.providerMessageId])).toEqual([["SENT", fakes.twilio.messages[0].sid]]);
  });

  it("sends once when Twilio answers 201 with a body that cannot be read", async () => {
    fakes.twilio.garbleNextResponse(1);
    const message = await shipToAnjali();
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(fakes.twilio.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(message).toMatchObject({ status: "SENT", providerMessageId: fakes.twilio.messages[0].sid, attempts: 1 });
  });

  it("sends once when recording SENT fails after Twilio accepted: the retry finds the text and records it", async () => {
    // GIVEN a database that refuses to mark a message SENT (a lost connection, a full disk)
    await refuseSentWrites(true);
    try {
      await deliver("orders/create", orderPayload(malayali));
      await deliver("fulfillments/create", fulfillmentPayload());
      await runAllJobs({ maxRounds: 1 });
      expect(fakes.twilio.messages).toHaveLength(1);
      expect((await db.message.findFirstOrThrow({ where: { trigger: "shipping" } })).status).toBe("SENDING");
    } finally {
      await refuseSentWrites(false);
    }
    // WHEN the database is back and the job runs again
    await runAllJobs();
    // THEN Twilio still holds one text, and the row is SENT with its sid
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: true } });
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(message).toMatchObject({ status: "SENT", providerMessageId: fakes.twilio.messages[0].sid, attempts: 1 });
    expect(message.attemptsLog.map((a) => [a.outcome, a.providerMessageId])).toEqual([["SENT", fakes.twilio.messages[0].sid]]);
  });

  it("sends again when the lost request never reached Twilio, once", async () => {
    fakes.twilio.dropNextRequest(1);
    const message = await shipToAnjali();
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
    expect(message).toMatchObject({ status: "SENT", providerMessageId: fakes.twilio.messages[0].sid, attempts: 2 });
    expect(message.attemptsLog.map((a) => a.outcome)).toEqual(["RETRYABLE", "SENT"]);
    expect(message.attemptsLog[0].error).toContain("twilio holds no such message");
  });
});

describe("quiet hours", () => {
  afterEach(useRealTime);

  it("holds a text due at 23:00 the customer's time until 08:00, then sends it", async () => {
    // 23:00 in Kerala (UTC+05:30)
    useVirtualTime(new Date("2026-11-23T23:00:00+05:30"));
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs({ until: new Date("2026-11-23T23:30:00+05:30") });
    const waiting = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(waiting.status).toBe("DEFERRED");
    expect(waiting.reason).toBe("quiet_hours");
    expect(fakes.twilio.messages).toHaveLength(0);
    await runAllJobs({ until: new Date("2026-11-24T09:00:00+05:30") });
    const sent = await db.message.findFirstOrThrow({ where: { trigger: "shipping" }, include: { attemptsLog: true } });
    expect(sent.status).toBe("SENT");
    expect(fakes.twilio.messages).toHaveLength(1);
    expect(sent.attemptsLog[0].startedAt.getTime()).toBeGreaterThanOrEqual(new Date("2026-11-24T08:00:00+05:30").getTime());
  });

  it("drops a held text that went stale overnight: no 'out for delivery' after 'delivered'", async () => {
    useVirtualTime(new Date("2026-11-23T12:00:00+05:30"));
    await deliver("orders/create", orderPayload(malayali));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs({ until: new Date("2026-11-23T12:30:00+05:30") });
    setClock(new Date("2026-11-23T22:31:00+05:30"));
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9201, status: "out_for_delivery", happened_at: "2026-11-23T22:30:00+05:30" }));
    await runAllJobs({ until: new Date("2026-11-23T22:40:00+05:30") });
    setClock(new Date("2026-11-24T07:01:00+05:30"));
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9202, status: "delivered", happened_at: "2026-11-24T07:00:00+05:30" }));
    await runAllJobs({ until: new Date("2026-11-24T09:00:00+05:30") });
    const byStep = Object.fromEntries((await db.message.findMany({ where: { trigger: "shipping" } })).map((m) => [m.step, m]));
    expect(byStep.out_for_delivery.status).toBe("SKIPPED");
    expect(byStep.out_for_delivery.reason).toBe("superseded_by_delivered");
    expect(byStep.delivered.status).toBe("SENT");
    expect(fakes.twilio.messages.map((m) => m.body).some((b) => b.includes("#1001"))).toBe(true);
    expect(fakes.twilio.messages).toHaveLength(2); // shipped (noon) and delivered (08:00)
  });
});

/** A trigger that makes the database refuse any write that marks a Message SENT (true), or drops it (false). */
async function refuseSentWrites(on: boolean): Promise<void> {
  const postgres = dialect === "postgresql";
  if (!on) {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS herald_test_refuse_sent${postgres ? ' ON "Message"' : ""}`);
    return;
  }
  if (postgres) {
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION herald_test_refuse_sent() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'the database refused the write'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER herald_test_refuse_sent BEFORE UPDATE ON "Message" FOR EACH ROW
      WHEN (NEW."status" = 'SENT') EXECUTE FUNCTION herald_test_refuse_sent()`);
  } else {
    await db.$executeRawUnsafe(`CREATE TRIGGER herald_test_refuse_sent BEFORE UPDATE ON "Message"
      WHEN NEW."status" = 'SENT' BEGIN SELECT RAISE(ABORT, 'the database refused the write'); END`);
  }
}
