import { describe, expect, it } from "vitest";
import { dedupKey } from "~/notifications/dedup";
import { decideShipping } from "~/notifications/shipping/decide";
import type { Intent } from "~/notifications/types";
import { input, order, settings } from "./fixtures";

const intent: Intent = {
  trigger: "shipping",
  subject: "fulfillment:7001",
  step: "delivered",
  channel: "email",
  orderId: "5001",
  fulfillmentId: "7001",
  recipient: "anjali@example.com",
  skipReason: null,
  detectedAt: null,
  delay: null,
};

describe("dedupKey", () => {
  it("joins shop, trigger, subject, step, recipient and channel with |", () => {
    expect(dedupKey("maple-moss.myshopify.com", intent)).toBe(
      "maple-moss.myshopify.com|shipping|fulfillment:7001|delivered|anjali@example.com|email",
    );
  });

  it("spells a missing recipient as -", () => {
    expect(dedupKey("s", { ...intent, recipient: null, skipReason: "no_email" })).toBe("s|shipping|fulfillment:7001|delivered|-|email");
  });

  it("gives the same key when the same webhook is decided twice", () => {
    // GIVEN the same facts decided twice (a duplicate delivery)
    const once = decideShipping(input()).map((i) => dedupKey("s", i));
    const twice = decideShipping(input()).map((i) => dedupKey("s", i));
    // THEN the keys collide, so the database keeps one row
    expect(twice).toEqual(once);
  });

  it("gives the same key whatever the case and spacing of the stored email", () => {
    const a = decideShipping(input({ order: order({ email: "Anjali@Example.com" }) }));
    const b = decideShipping(input({ order: order({ email: " anjali@example.com " }) }));
    expect(dedupKey("s", a[0])).toBe(dedupKey("s", b[0]));
  });

  it("gives different keys per channel, step, recipient and shop", () => {
    const keys = new Set([
      dedupKey("s", intent),
      dedupKey("s", { ...intent, channel: "sms" }),
      dedupKey("s", { ...intent, step: "shipped" }),
      dedupKey("s", { ...intent, recipient: "other@example.com" }),
      dedupKey("t", intent),
    ]);
    expect(keys.size).toBe(5);
  });

  it("gives each channel of one decision its own key", () => {
    const intents = decideShipping(input({ settings: settings({ channels: ["email", "sms"] }) }));
    expect(new Set(intents.map((i) => dedupKey("s", i))).size).toBe(2);
  });
});
