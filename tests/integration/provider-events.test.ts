import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { resetEnv } from "../../app/env.server";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import { startFakeTwilio, type FakeTwilio } from "../fakes/twilio-fake";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { postResendEvent, postTwilioInbound, postTwilioStatus, resendEvent, twilioRequest } from "../support/providers";
import { deliver } from "../support/webhooks";

const SECRET = "whsec_" + Buffer.from("herald-test-signing-secret-0123456789").toString("base64");
let resend: FakeResend;
let twilio: FakeTwilio;

beforeAll(async () => {
  [resend, twilio] = await Promise.all([startFakeResend(), startFakeTwilio()]);
  Object.assign(process.env, {
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    RESEND_WEBHOOK_SECRET: SECRET,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: "+15005550006",
    TWILIO_BASE_URL: twilio.url,
  });
  resetEnv();
  resetChannels();
});

afterAll(async () => {
  await Promise.all([resend.close(), twilio.close()]);
  for (const k of ["RESEND_API_KEY", "RESEND_BASE_URL", "RESEND_WEBHOOK_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_BASE_URL"]) {
    delete process.env[k];
  }
  resetEnv();
  resetChannels();
});

// The stories are dated: run them on a virtual clock, whatever day the suite runs.
beforeEach(() => useVirtualTime(new Date("2026-11-21T09:30:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  resend.reset();
  twilio.reset();
});

async function shipOneEmail() {
  await installShop();
  await deliver("orders/create", orderPayload());
  await deliver("fulfillments/create", fulfillmentPayload());
  await runAllJobs();
  return db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
}

describe("Resend status webhooks", () => {
  it("moves a message forward only: a late 'sent' after 'delivered' changes nothing, a repeat is a no-op", async () => {
    const message = await shipOneEmail();
    const delivered = resendEvent(message.providerMessageId!, "email.delivered", { secret: SECRET, id: "evt_delivered" });
    expect((await postResendEvent(delivered)).headers.get("X-Herald-Outcome")).toBe("recorded");
    const again = resendEvent(message.providerMessageId!, "email.delivered", { secret: SECRET, id: "evt_delivered" });
    expect((await postResendEvent(again)).headers.get("X-Herald-Outcome")).toBe("duplicate");
    await postResendEvent(resendEvent(message.providerMessageId!, "email.sent", { secret: SECRET, id: "evt_sent" }));
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).deliveryStatus).toBe("delivered");
    await postResendEvent(resendEvent(message.providerMessageId!, "email.opened", { secret: SECRET, id: "evt_opened" }));
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).deliveryStatus).toBe("opened");
    expect(await db.messageEvent.count()).toBe(3);
  });

  it("refuses a forged signature and a stale timestamp with 401", async () => {
    const message = await shipOneEmail();
    const forged = resendEvent(message.providerMessageId!, "email.delivered", { secret: "whsec_" + Buffer.from("someone-else").toString("base64") });
    expect((await postResendEvent(forged)).status).toBe(401);
    const stale = resendEvent(message.providerMessageId!, "email.delivered", { secret: SECRET, at: new Date(Date.now() - 3600_000) });
    expect((await postResendEvent(stale)).status).toBe(401);
    expect(await db.messageEvent.count()).toBe(0);
  });

  it("suppresses a hard-bounced address: the next email to it is skipped with the reason", async () => {
    const message = await shipOneEmail();
    await postResendEvent(resendEvent(message.providerMessageId!, "email.bounced", { secret: SECRET, bounceType: "Permanent" }));
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).deliveryStatus).toBe("bounced");
    await deliver("fulfillment_events/create", carrierEventPayload({ status: "delivered", happened_at: "2026-11-23T12:00:00-05:00" }));
    await runAllJobs();
    const next = await db.message.findFirstOrThrow({ where: { step: "delivered" } });
    expect(next.status).toBe("SKIPPED");
    expect(next.reason).toBe("suppressed_hard_bounce");
    expect(resend.emails).toHaveLength(1);
  });

  it("records a hard bounce and its suppression together: a failure in between leaves neither, and the retry records both", async () => {
    const message = await shipOneEmail();
    const bounce = () => resendEvent(message.providerMessageId!, "email.bounced", { secret: SECRET, id: "evt_bounce", bounceType: "Permanent" });
    // GIVEN the database refuses the suppression (a real failure of the statement, after the event row's)
    await refuseSuppressions(true);
    try {
      // WHEN Resend delivers the bounce
      await expect(postResendEvent(bounce())).rejects.toThrow();
    } finally {
      await refuseSuppressions(false);
    }
    // THEN nothing of it was kept
    expect(await db.messageEvent.count()).toBe(0);
    expect(await db.suppression.count()).toBe(0);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).deliveryStatus).not.toBe("bounced");
    // AND Resend's retry of the same event records the event and suppresses the address
    expect((await postResendEvent(bounce())).headers.get("X-Herald-Outcome")).toBe("recorded");
    expect(await db.messageEvent.count()).toBe(1);
    expect(await db.suppression.findMany({ select: { channel: true, address: true, reason: true, scope: true } })).toEqual([
      { channel: "email", address: message.recipient.toLowerCase(), reason: "hard_bounce", scope: "all" },
    ]);
    // AND a repeat is still a duplicate
    expect((await postResendEvent(bounce())).headers.get("X-Herald-Outcome")).toBe("duplicate");
  });

  it("does not suppress after a soft (transient) bounce", async () => {
    const message = await shipOneEmail();
    await postResendEvent(resendEvent(message.providerMessageId!, "email.bounced", { secret: SECRET, bounceType: "Transient" }));
    expect(await db.suppression.count()).toBe(0);
  });
});

describe("Twilio callbacks", () => {
  const smsShop = { settings: { shipping: { channels: ["sms"] }, consent: { smsRequiresConsent: false } } };
  const withPhone = { phone: "+14155550123", shipping_address: { country_code: "US" } };

  it("records status callbacks and refuses a forged X-Twilio-Signature", async () => {
    await installShop("herald-test.myshopify.com", smsShop);
    await deliver("orders/create", orderPayload(withPhone));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const message = await db.message.findFirstOrThrow({ where: { trigger: "shipping" } });
    expect(twilio.messages[0].statusCallback).toBe(`${process.env.SHOPIFY_APP_URL}/providers/twilio/status`);
    const params = { MessageSid: message.providerMessageId!, MessageStatus: "delivered", AccountSid: twilio.accountSid };
    expect((await postTwilioStatus(twilioRequest("/providers/twilio/status", params, "wrong-token"))).status).toBe(401);
    expect((await postTwilioStatus(twilioRequest("/providers/twilio/status", params, twilio.authToken))).status).toBe(200);
    await postTwilioStatus(twilioRequest("/providers/twilio/status", { ...params, MessageStatus: "sent" }, twilio.authToken));
    expect((await db.message.findFirstOrThrow({ where: { trigger: "shipping" } })).deliveryStatus).toBe("delivered");
  });

  it("skips the next text, with the reason, after the customer replies STOP; START opts back in", async () => {
    await installShop("herald-test.myshopify.com", smsShop);
    await deliver("orders/create", orderPayload(withPhone));
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    const stop = twilioRequest("/providers/twilio/inbound", { From: "+14155550123", To: "+15005550006", Body: "Stop" }, twilio.authToken);
    expect((await postTwilioInbound(stop)).status).toBe(200);
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9101, status: "out_for_delivery", happened_at: "2026-11-23T08:00:00-05:00" }));
    await runAllJobs();
    const skipped = await db.message.findFirstOrThrow({ where: { step: "out_for_delivery" } });
    expect(skipped.status).toBe("SKIPPED");
    expect(skipped.reason).toBe("suppressed_sms_stop");

    await postTwilioInbound(twilioRequest("/providers/twilio/inbound", { From: "+14155550123", To: "+15005550006", Body: "START" }, twilio.authToken));
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9102, status: "delivered", happened_at: "2026-11-23T15:00:00-05:00" }));
    await runAllJobs();
    expect((await db.message.findFirstOrThrow({ where: { step: "delivered" } })).status).toBe("SENT");
    expect(twilio.messages).toHaveLength(2);
  });
});

/** Make the database itself refuse (or accept again) every new Suppression row. */
async function refuseSuppressions(on: boolean) {
  if (dialect === "postgresql") {
    if (on) {
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION herald_test_refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no suppressions now'; END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`CREATE TRIGGER herald_test_refuse BEFORE INSERT ON "Suppression" FOR EACH ROW EXECUTE FUNCTION herald_test_refuse()`);
    } else {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS herald_test_refuse ON "Suppression"`);
    }
  } else if (on) {
    await db.$executeRawUnsafe(`CREATE TRIGGER herald_test_refuse BEFORE INSERT ON "Suppression" BEGIN SELECT RAISE(ABORT, 'no suppressions now'); END`);
  } else {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS herald_test_refuse`);
  }
}
