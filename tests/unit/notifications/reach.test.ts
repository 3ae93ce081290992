import { describe, expect, it } from "vitest";
import { decide } from "../../../app/notifications/decide";
import type { DecisionInput } from "../../../app/notifications/types";
import { fulfillment, input, order, settings } from "./fixtures";

// Texts need a WhatsApp template (WhatsApp) and, by the shop's policy, SMS consent (SMS and WhatsApp).
// Both are checked before channel preference, so "first_available" falls through to the next channel.

function shipped(overrides: Partial<DecisionInput>, shipping: Parameters<typeof settings>[0]): Array<[string, string | null]> {
  const base = input({ order: order({ phone: "+14155550123" }), fulfillments: [fulfillment({ status: "success" })], settings: settings(shipping), ...overrides });
  return decide(base).map((i) => [i.channel, i.skipReason]);
}

const preferWhatsApp = { channels: ["whatsapp", "sms", "email"] as Array<"whatsapp" | "sms" | "email">, channelMode: "first_available" as const };
const all = { channels: ["email", "sms", "whatsapp"] as Array<"whatsapp" | "sms" | "email">, channelMode: "all" as const };

describe("who can be reached by text", () => {
  it("uses WhatsApp when the step has a template and the customer subscribed to SMS", () => {
    const reach = { whatsappLocales: new Map([["shipping:shipped", ["en"]]]), smsMarketing: "SUBSCRIBED", suppressions: [] };
    expect(shipped({ reach }, preferWhatsApp)).toEqual([["whatsapp", null]]);
  });

  it("falls through to SMS when the step has no WhatsApp template", () => {
    const reach = { whatsappLocales: new Map([["shipping:delivered", ["en"]]]), smsMarketing: "SUBSCRIBED", suppressions: [] };
    expect(shipped({ reach }, preferWhatsApp)).toEqual([["sms", null]]);
  });

  it("falls through to email without SMS consent, and records why when every channel is wanted", () => {
    const reach = { whatsappLocales: new Map([["shipping:shipped", ["en"]]]), smsMarketing: "NOT_SUBSCRIBED", suppressions: [] };
    expect(shipped({ reach }, preferWhatsApp)).toEqual([["email", null]]);
    expect(shipped({ reach: { ...reach, whatsappLocales: new Map() } }, all)).toEqual([
      ["email", null],
      ["sms", "no_sms_consent"],
      ["whatsapp", "whatsapp_not_configured"],
    ]);
  });

  it("treats unknown consent as no consent, unless the shop does not require it", () => {
    const reach = { whatsappLocales: new Map<string, string[]>(), smsMarketing: null, suppressions: [] };
    expect(shipped({ reach }, { channels: ["sms", "email"], channelMode: "first_available" })).toEqual([["email", null]]);
    const noPolicy = input({
      order: order({ phone: "+14155550123" }),
      fulfillments: [fulfillment({ status: "success" })],
      settings: { ...settings({ channels: ["sms", "email"], channelMode: "first_available" }), consent: { smsRequiresConsent: false } },
      reach,
    });
    expect(decide(noPolicy).map((i) => i.channel)).toEqual(["sms"]);
  });

  it("keeps WhatsApp off for a customer whose language, and the shop's, has no template", () => {
    const reach = { whatsappLocales: new Map([["shipping:shipped", ["es"]]]), smsMarketing: "SUBSCRIBED", suppressions: [] };
    expect(shipped({ reach, order: order({ phone: "+14155550123", customerLocale: "de" }) }, preferWhatsApp)).toEqual([["sms", null]]);
    expect(shipped({ reach, order: order({ phone: "+14155550123", customerLocale: "es-MX" }) }, preferWhatsApp)).toEqual([["whatsapp", null]]);
  });

  it("passes over a channel whose address is suppressed, to the next one", () => {
    // GIVEN a subscribed customer who texted STOP, in a shop preferring SMS then email
    const stop = { channel: "sms" as const, address: "+14155550123", scope: "all", reason: "sms_stop" };
    const reach = { whatsappLocales: new Map([["shipping:shipped", ["en"]]]), smsMarketing: "SUBSCRIBED", suppressions: [stop] };
    // THEN the email goes, and WhatsApp to the same number is off too
    expect(shipped({ reach }, { channels: ["sms", "email"], channelMode: "first_available" })).toEqual([["email", null]]);
    expect(shipped({ reach }, preferWhatsApp)).toEqual([["email", null]]);
    expect(shipped({ reach }, all)).toEqual([
      ["email", null],
      ["sms", "suppressed_sms_stop"],
      ["whatsapp", "suppressed_sms_stop"],
    ]);
  });

  it("passes over an unsubscribed email to a text, and keeps every reason when nothing is left", () => {
    const unsubscribed = { channel: "email" as const, address: "ana@example.com", scope: "shipping", reason: "unsubscribe" };
    const reach = { whatsappLocales: new Map<string, string[]>(), smsMarketing: "SUBSCRIBED", suppressions: [unsubscribed] };
    const ana = order({ phone: "+14155550123", email: "Ana@Example.com" });
    expect(shipped({ reach, order: ana }, { channels: ["email", "sms"], channelMode: "first_available" })).toEqual([["sms", null]]);
    const stop = { channel: "sms" as const, address: "+14155550123", scope: "all", reason: "sms_stop" };
    expect(shipped({ reach: { ...reach, suppressions: [unsubscribed, stop] }, order: ana }, { channels: ["email", "sms"], channelMode: "first_available" })).toEqual([
      ["email", "suppressed_unsubscribe"],
      ["sms", "suppressed_sms_stop"],
    ]);
  });

  it("ignores a suppression of another kind of message or another address", () => {
    const reach = {
      whatsappLocales: new Map<string, string[]>(),
      smsMarketing: "SUBSCRIBED",
      suppressions: [
        { channel: "email" as const, address: "ana@example.com", scope: "delay", reason: "unsubscribe" },
        { channel: "sms" as const, address: "+14155550199", scope: "all", reason: "sms_stop" },
      ],
    };
    const ana = order({ phone: "+14155550123", email: "ana@example.com" });
    expect(shipped({ reach, order: ana }, { channels: ["email", "sms"], channelMode: "first_available" })).toEqual([["email", null]]);
    expect(shipped({ reach, order: ana }, { channels: ["sms", "email"], channelMode: "first_available" })).toEqual([["sms", null]]);
  });

  it("keeps a missing phone's own reason", () => {
    const reach = { whatsappLocales: new Map<string, string[]>(), smsMarketing: "SUBSCRIBED", suppressions: [] };
    expect(shipped({ reach, order: order({ phone: null }) }, all).map(([c, r]) => `${c}:${r}`)).toEqual(["email:null", "sms:no_phone", "whatsapp:no_phone"]);
  });
});
