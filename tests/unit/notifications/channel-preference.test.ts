import { describe, expect, it } from "vitest";
import { preferChannels } from "../../../app/notifications/decide";
import type { Intent } from "../../../app/notifications/types";

function intent(channel: Intent["channel"], skipReason: string | null = null, step: Intent["step"] = "shipped"): Intent {
  return {
    trigger: "shipping",
    subject: "fulfillment:1",
    step,
    channel,
    orderId: "1",
    fulfillmentId: "1",
    recipient: skipReason ? null : channel === "email" ? "a@example.com" : "+14155550123",
    skipReason,
    detectedAt: null,
    delay: null,
  };
}

describe("channel preference", () => {
  const prefer = { channels: ["sms", "email"], channelMode: "first_available" as const };

  it("texts when the customer has a valid phone, and does not email as well", () => {
    expect(preferChannels([intent("email"), intent("sms")], prefer).map((i) => i.channel)).toEqual(["sms"]);
  });

  it("falls back to email when there is no usable phone", () => {
    expect(preferChannels([intent("email"), intent("sms", "invalid_phone")], prefer).map((i) => i.channel)).toEqual(["email"]);
  });

  it("keeps every skipped intent when no channel reaches the customer, so the log says why", () => {
    expect(preferChannels([intent("email", "no_email"), intent("sms", "no_phone")], prefer).map((i) => i.skipReason)).toEqual(["no_email", "no_phone"]);
  });

  it("chooses per message: each step on its own", () => {
    const out = preferChannels([intent("email"), intent("sms"), intent("email", null, "delivered"), intent("sms", null, "delivered")], prefer);
    expect(out.map((i) => `${i.step}:${i.channel}`)).toEqual(["shipped:sms", "delivered:sms"]);
  });

  it("sends on every channel in 'all' mode", () => {
    expect(preferChannels([intent("email"), intent("sms")], { channels: ["sms", "email"], channelMode: "all" })).toHaveLength(2);
  });
});
