import { describe, expect, it } from "vitest";
import { PROVINCE_ZONES } from "../../../app/notifications/province-zones";
import { quietHoursEnd, recipientZones, type RecipientPlace } from "../../../app/notifications/quiet-hours";
import { safeTimeZone } from "../../../app/notifications/time";

const QUIET = { start: 21, end: 8 };
const place = (p: Partial<RecipientPlace>): RecipientPlace => ({ country: null, province: null, phone: null, ...p });
const US_ZONES = recipientZones(place({ country: "US" }), "America/New_York");

describe("quiet hours in one zone", () => {
  it.each([
    ["2026-11-23T22:00:00-05:00", "America/New_York", "2026-11-24T08:00:00-05:00"],
    ["2026-11-24T03:00:00-05:00", "America/New_York", "2026-11-24T08:00:00-05:00"],
    ["2026-11-23T23:00:00+05:30", "Asia/Kolkata", "2026-11-24T08:00:00+05:30"],
    ["2026-11-23T21:00:00+03:00", "Africa/Nairobi", "2026-11-24T08:00:00+03:00"],
    // New York leaves DST on 2026-11-01: the morning after 23:00 EDT is 08:00 EST.
    ["2026-10-31T23:00:00-04:00", "America/New_York", "2026-11-01T08:00:00-05:00"],
  ])("defers a text due at %s in %s to %s", (now, zone, end) => {
    expect(quietHoursEnd(new Date(now), [zone], QUIET)?.toISOString()).toBe(new Date(end).toISOString());
  });

  it.each([
    ["2026-11-23T08:00:00-05:00", "America/New_York"],
    ["2026-11-23T20:59:00-05:00", "America/New_York"],
    ["2026-11-23T12:00:00+05:30", "Asia/Kolkata"],
  ])("lets a text due at %s in %s go at once", (now, zone) => {
    expect(quietHoursEnd(new Date(now), [zone], QUIET)).toBeNull();
  });

  it("handles a window that does not cross midnight", () => {
    expect(quietHoursEnd(new Date("2026-11-23T13:30:00Z"), ["UTC"], { start: 13, end: 14 })?.toISOString()).toBe("2026-11-23T14:00:00.000Z");
  });

  it("never defers when quiet hours start and end at the same hour", () => {
    expect(quietHoursEnd(new Date("2026-11-23T03:00:00Z"), ["UTC"], { start: 8, end: 8 })).toBeNull();
  });
});

describe("the zones a recipient could be in", () => {
  it.each<[string, Partial<RecipientPlace>, string, string[]]>([
    ["Hawaii, by its province", { country: "US", province: "HI" }, "America/New_York", ["Pacific/Honolulu"]],
    ["California, by its province", { country: "US", province: "CA" }, "America/New_York", ["America/Los_Angeles"]],
    ["a province as lower case", { country: "us", province: "hi" }, "America/New_York", ["Pacific/Honolulu"]],
    ["Texas: Central, and Mountain around El Paso", { country: "US", province: "TX" }, "America/New_York", ["America/Chicago", "America/Denver"]],
    ["British Columbia", { country: "CA", province: "BC" }, "America/Toronto", ["America/Vancouver", "America/Dawson_Creek", "America/Fort_Nelson", "America/Creston", "America/Edmonton"]],
    ["a country with one zone", { country: "KE" }, "America/New_York", ["Africa/Nairobi"]],
    ["a one-zone country whose province Herald has no table for", { country: "IN", province: "KL" }, "America/New_York", ["Asia/Kolkata"]],
    ["India by the phone number, with no address", { phone: "+919847012345" }, "America/New_York", ["Asia/Kolkata"]],
    ["a WhatsApp number", { phone: "whatsapp:+919847012345" }, "America/New_York", ["Asia/Kolkata"]],
    ["the address over the phone number", { country: "KE", phone: "+919847012345" }, "America/New_York", ["Africa/Nairobi"]],
    ["the shop's zone when nothing says where", {}, "Europe/Paris", ["Europe/Paris"]],
    ["the shop's zone for a number of no country", { phone: "12345" }, "Europe/Paris", ["Europe/Paris"]],
    ["the shop's zone for an unknown country", { country: "ZZ" }, "Europe/Paris", ["Europe/Paris"]],
  ])("%s", (_name, where, shopZone, expected) => {
    expect(recipientZones(place(where), shopZone)).toEqual(expected);
  });

  it("are every zone of the country for a US address without a province, whatever the shop's zone", () => {
    expect(US_ZONES).toEqual(expect.arrayContaining(["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"]));
    expect(recipientZones(place({ country: "US", province: null }), "America/Chicago")).toEqual(US_ZONES);
    // A province outside the table is no better than none.
    expect(recipientZones(place({ country: "US", province: "AE" }), "America/Chicago")).toEqual(US_ZONES);
  });

  it("are every zone of the phone number's country for a US number with no address", () => {
    expect(recipientZones(place({ phone: "+18085550123" }), "America/New_York")).toEqual(US_ZONES);
  });

  it("come from a table whose every zone this runtime knows", () => {
    const unknown = Object.values(PROVINCE_ZONES).flat().filter((zone) => safeTimeZone(zone) !== zone);
    expect(unknown).toEqual([]);
  });
});

describe("quiet hours where the recipient could be", () => {
  const shopZone = "America/New_York";
  it.each<[string, Partial<RecipientPlace>, string, string | null]>([
    // 08:00 in New York is 03:00 in Honolulu: a US order without a province waits for Hawaii's 08:00.
    ["US without a province, at 08:00 New York", { country: "US" }, "2026-11-24T08:00:00-05:00", "2026-11-24T08:00:00-10:00"],
    // 21:30 in New York: the latest of the mornings is Hawaii's, not New York's.
    ["US without a province, at 21:30 New York", { country: "US" }, "2026-11-23T21:30:00-05:00", "2026-11-24T08:00:00-10:00"],
    ["US without a province, at 16:30 New York (11:30 in Hawaii)", { country: "US" }, "2026-11-24T16:30:00-05:00", null],
    ["Hawaii, at 08:00 New York", { country: "US", province: "HI" }, "2026-11-24T08:00:00-05:00", "2026-11-24T08:00:00-10:00"],
    ["California with its province, at 08:00 New York", { country: "US", province: "CA" }, "2026-11-24T08:00:00-05:00", "2026-11-24T08:00:00-08:00"],
    ["California with its province, at 22:30 New York (19:30 there)", { country: "US", province: "CA" }, "2026-11-23T22:30:00-05:00", null],
    // A New York shop's back-in-stock text at 16:30 Eastern is 03:00 in India.
    ["India by the phone number", { phone: "+919847012345" }, "2026-11-24T16:30:00-05:00", "2026-11-25T08:00:00+05:30"],
    ["Kenya, one zone", { country: "KE" }, "2026-11-24T16:30:00-05:00", "2026-11-25T08:00:00+03:00"],
    ["no address and no number: the shop's zone", {}, "2026-11-24T16:30:00-05:00", null],
  ])("%s", (_name, where, now, expected) => {
    const until = quietHoursEnd(new Date(now), recipientZones(place(where), shopZone), QUIET);
    expect(until?.toISOString() ?? null).toBe(expected && new Date(expected).toISOString());
  });

  it("waits for every zone's morning when the nights overlap, across a DST change in one of them", () => {
    // 2026-03-08: New York springs forward at 02:00; Honolulu keeps no DST. 08:00 EDT = 02:00 HST.
    const until = quietHoursEnd(new Date("2026-03-08T08:00:00-04:00"), ["America/New_York", "Pacific/Honolulu"], QUIET);
    expect(until?.toISOString()).toBe(new Date("2026-03-08T08:00:00-10:00").toISOString());
  });

  it("wakes the fewest when no hour is outside quiet hours in every zone", () => {
    // 18:00-10:00 leaves eight hours a day; Kaliningrad (UTC+2) and Kamchatka (UTC+12) share none of them.
    const zones = ["Europe/Kaliningrad", "Asia/Kamchatka"];
    const until = quietHoursEnd(new Date("2026-11-24T07:00:00Z"), zones, { start: 18, end: 10 });
    // 10:00 in Kaliningrad, the first instant either of them is awake.
    expect(until?.toISOString()).toBe("2026-11-24T08:00:00.000Z");
  });
});
