import { describe, expect, it } from "vitest";
import { quietHoursEnd, recipientTimeZone } from "../../../app/notifications/quiet-hours";

const QUIET = { start: 21, end: 8 };

describe("quiet hours", () => {
  it.each([
    ["2026-11-23T22:00:00-05:00", "America/New_York", "2026-11-24T08:00:00-05:00"],
    ["2026-11-24T03:00:00-05:00", "America/New_York", "2026-11-24T08:00:00-05:00"],
    ["2026-11-23T23:00:00+05:30", "Asia/Kolkata", "2026-11-24T08:00:00+05:30"],
    ["2026-11-23T21:00:00+03:00", "Africa/Nairobi", "2026-11-24T08:00:00+03:00"],
    // New York leaves DST on 2026-11-01: the morning after 23:00 EDT is 08:00 EST.
    ["2026-10-31T23:00:00-04:00", "America/New_York", "2026-11-01T08:00:00-05:00"],
  ])("defers a text due at %s in %s to %s", (now, zone, end) => {
    expect(quietHoursEnd(new Date(now), zone, QUIET)?.toISOString()).toBe(new Date(end).toISOString());
  });

  it.each([
    ["2026-11-23T08:00:00-05:00", "America/New_York"],
    ["2026-11-23T20:59:00-05:00", "America/New_York"],
    ["2026-11-23T12:00:00+05:30", "Asia/Kolkata"],
  ])("lets a text due at %s in %s go at once", (now, zone) => {
    expect(quietHoursEnd(new Date(now), zone, QUIET)).toBeNull();
  });

  it("handles a window that does not cross midnight", () => {
    expect(quietHoursEnd(new Date("2026-11-23T13:30:00Z"), "UTC", { start: 13, end: 14 })?.toISOString()).toBe("2026-11-23T14:00:00.000Z");
  });
});

describe("the recipient's timezone", () => {
  it.each([
    ["IN", null, "America/New_York", "Asia/Kolkata"],
    ["KE", null, "America/New_York", "Africa/Nairobi"],
    ["US", "CA", "America/New_York", "America/Los_Angeles"],
    ["US", null, "America/Chicago", "America/New_York"],
    ["BR", null, "America/Sao_Paulo", "America/Sao_Paulo"],
    ["AU", null, "Australia/Perth", "Australia/Perth"],
    [null, null, "Europe/Paris", "Europe/Paris"],
  ])("country %s, province %s, shop in %s: %s", (country, province, shopZone, expected) => {
    expect(recipientTimeZone(country, province, shopZone)).toBe(expected);
  });
});
