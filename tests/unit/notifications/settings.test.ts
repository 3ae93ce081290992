import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings } from "~/notifications/settings";

describe("delay settings", () => {
  it("gives a shop that never saved delay settings the merchant-typical defaults", () => {
    // GIVEN settings stored before delay notices existed
    const stored = JSON.stringify({ shipping: { channels: ["sms"] } });
    // THEN the delay section takes its defaults and the shipping choice is kept
    const settings = parseSettings(stored);
    expect(settings.shipping.channels).toEqual(["sms"]);
    expect(settings.delay).toEqual({
      enabled: true,
      channels: ["email"],
      channelMode: "all",
      maxNoticesPerOrder: 2,
      minHoursBetweenNotices: 24,
      maxLateDays: 7,
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      sendForTestOrders: false,
      unfulfilled: { enabled: true, businessHours: 72 },
      carrier_delay: { enabled: true },
      stalled: { enabled: true, businessDaysDomestic: 3, businessDaysInternational: 5 },
      not_picked_up: { enabled: true, businessDays: 4 },
      eta_passed: { enabled: true, graceHours: 12 },
      on_hold: { enabled: true, skipReasons: ["high_risk_of_fraud"] },
      rescheduled: { enabled: true },
      conditions: { tagsInclude: [], tagsExclude: [], minOrderValue: null, shippingMethodContains: null, countries: [] },
    });
  });

  it("keeps a merchant's thresholds and fills the rest of a section with defaults", () => {
    const settings = parseSettings(JSON.stringify({ delay: { stalled: { businessDaysDomestic: 2 }, holidays: ["2026-12-25"] } }));
    expect(settings.delay.stalled).toEqual({ enabled: true, businessDaysDomestic: 2, businessDaysInternational: 5 });
    expect(settings.delay.holidays).toEqual(["2026-12-25"]);
  });

  it("sorts working days and drops repeats", () => {
    expect(parseSettings(JSON.stringify({ delay: { workingDays: [7, 1, 1, 4] } })).delay.workingDays).toEqual([1, 4, 7]);
  });

  it.each([
    ["no working day", { workingDays: [] }],
    ["a weekday out of range", { workingDays: [0, 1] }],
    ["a holiday that is not a date", { holidays: ["2026-02-30"] }],
    ["a negative threshold", { unfulfilled: { businessHours: -1 } }],
  ])("falls back to defaults for %s", (_label, delay) => {
    expect(parseSettings(JSON.stringify({ delay })).delay).toEqual(defaultSettings().delay);
  });

  it("hands out defaults that a caller cannot change for everyone", () => {
    const first = defaultSettings();
    first.delay.workingDays.push(6);
    first.delay.on_hold.skipReasons.length = 0;
    const second = defaultSettings();
    expect(second.delay.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(second.delay.on_hold.skipReasons).toEqual(["high_risk_of_fraud"]);
  });
});

describe("consent and getting started", () => {
  it("asks for SMS consent and has no storefront block marked until the merchant says so", () => {
    const settings = parseSettings(JSON.stringify({ sender: { fromName: "Maple & Moss" } }));
    expect(settings.consent).toEqual({ smsRequiresConsent: true });
    expect(settings.onboarding).toEqual({ storefrontBlockAdded: false });
  });

  it("keeps a shop's choice to text without recorded consent", () => {
    expect(parseSettings(JSON.stringify({ consent: { smsRequiresConsent: false } })).consent.smsRequiresConsent).toBe(false);
  });
});
