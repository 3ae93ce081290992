import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  isWorkingDay,
  type BusinessCalendar,
} from "~/notifications/time/business";
import { addDays, isCivilDate, isoWeekday, localDate, offsetMinutes, startOfLocalDay, zonedParts, zonedTimeToInstant } from "~/notifications/time/zone";

// 2026: US DST starts Sunday 2026-03-08 (02:00 EST -> 03:00 EDT) and ends Sunday 2026-11-01 (02:00 EDT -> 01:00 EST).
// Kolkata is UTC+05:30 all year, Nairobi UTC+03:00 all year (no DST in either).

const weekdays = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({ timeZone, workingDays: [1, 2, 3, 4, 5], holidays });
const everyDay = (timeZone: string): BusinessCalendar => ({ timeZone, workingDays: [1, 2, 3, 4, 5, 6, 7], holidays: [] });
const iso = (d: Date) => d.toISOString();

describe("zone arithmetic", () => {
  it.each([
    ["Asia/Kolkata", "2026-01-15T12:00:00Z", 330],
    ["Asia/Kolkata", "2026-07-15T12:00:00Z", 330],
    ["Africa/Nairobi", "2026-01-15T12:00:00Z", 180],
    ["Africa/Nairobi", "2026-07-15T12:00:00Z", 180],
    ["America/New_York", "2026-03-08T06:59:59Z", -300],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["America/New_York", "2026-11-01T05:59:59Z", -240],
    ["America/New_York", "2026-11-01T06:00:00Z", -300],
    ["Not/AZone", "2026-07-15T12:00:00Z", 0],
  ])("gives %s an offset of %s at %s", (zone, at, minutes) => {
    expect(offsetMinutes(new Date(at as string), zone as string)).toBe(minutes);
  });

  it("reads the local date on either side of a half-hour zone's midnight (Kolkata)", () => {
    expect(localDate(new Date("2026-11-20T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-20");
    expect(localDate(new Date("2026-11-20T18:30:00Z"), "Asia/Kolkata")).toBe("2026-11-21");
  });

  it("reads the wall clock and ISO weekday of an instant", () => {
    expect(zonedParts(new Date("2026-03-06T23:00:00Z"), "America/New_York")).toMatchObject({ date: "2026-03-06", hour: 18, minute: 0, weekday: 5 });
    expect(zonedParts(new Date("2026-03-08T12:00:00Z"), "Africa/Nairobi")).toMatchObject({ date: "2026-03-08", hour: 15, weekday: 7 });
  });

  it.each([
    ["a normal time", "2026-03-07", 12, "2026-03-07T17:00:00.000Z"],
    ["a time in the spring-forward gap (moves forward by the gap)", "2026-03-08", 2.5, "2026-03-08T07:30:00.000Z"],
    ["the first time after the gap", "2026-03-08", 3.5, "2026-03-08T07:30:00.000Z"],
    ["a time in the fall-back overlap (the earlier one, EDT)", "2026-11-01", 1.5, "2026-11-01T05:30:00.000Z"],
    ["a time after the overlap (EST)", "2026-11-01", 2.5, "2026-11-01T07:30:00.000Z"],
  ])("turns a New York wall-clock time into an instant: %s", (_label, date, hours, expected) => {
    expect(iso(zonedTimeToInstant(date as string, (hours as number) * 3_600_000, "America/New_York"))).toBe(expected);
  });

  it("finds the start of local days in half-hour and DST zones", () => {
    expect(iso(startOfLocalDay("2026-11-25", "Asia/Kolkata"))).toBe("2026-11-24T18:30:00.000Z");
    expect(iso(startOfLocalDay("2026-03-08", "America/New_York"))).toBe("2026-03-08T05:00:00.000Z");
    expect(iso(startOfLocalDay("2026-03-09", "America/New_York"))).toBe("2026-03-09T04:00:00.000Z");
  });

  it("does civil date arithmetic across months and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(isoWeekday("2026-03-09")).toBe(1);
    expect(isCivilDate("2026-02-29")).toBe(false);
    expect(isCivilDate("2028-02-29")).toBe(true);
    expect(isCivilDate("2026-2-1")).toBe(false);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["a Monday", "2026-11-23", weekdays("UTC"), true],
    ["a Saturday", "2026-11-21", weekdays("UTC"), false],
    ["a Sunday", "2026-11-22", weekdays("UTC"), false],
    ["a holiday on a Thursday", "2026-11-26", weekdays("UTC", ["2026-11-26"]), false],
    ["a Sunday when the shop works Sunday to Thursday", "2026-11-22", { timeZone: "UTC", workingDays: [7, 1, 2, 3, 4], holidays: [] }, true],
    ["a Friday when the shop works Sunday to Thursday", "2026-11-27", { timeZone: "UTC", workingDays: [7, 1, 2, 3, 4], holidays: [] }, false],
  ])("says %s is %s", (_label, date, calendar, expected) => {
    expect(isWorkingDay(date as string, calendar as BusinessCalendar)).toBe(expected);
  });
});

interface Row {
  name: string;
  start: string;
  hours: number;
  calendar: BusinessCalendar;
  expected: string;
  /** The wall-clock result does not exist (DST gap) and was moved forward. */
  movedByGap?: boolean;
}

// Business hours are wall-clock hours on working days (a working day = 24 business hours).
const rows: Row[] = [
  {
    name: "Friday 18:00 in New York + 72 h lands on Wednesday 18:00 across the March DST change (71 real hours)",
    start: "2026-03-06T23:00:00Z", // Fri 18:00 EST
    hours: 72,
    calendar: weekdays("America/New_York"),
    expected: "2026-03-11T22:00:00.000Z", // Wed 18:00 EDT
  },
  {
    name: "Friday 18:00 in New York + 72 h lands on Wednesday 18:00 across the November DST change (73 real hours)",
    start: "2026-10-30T22:00:00Z", // Fri 18:00 EDT
    hours: 72,
    calendar: weekdays("America/New_York"),
    expected: "2026-11-04T23:00:00.000Z", // Wed 18:00 EST
  },
  {
    name: "Saturday noon + 24 h on a seven-day calendar is Sunday noon, 23 real hours later (spring forward)",
    start: "2026-03-07T17:00:00Z",
    hours: 24,
    calendar: everyDay("America/New_York"),
    expected: "2026-03-08T16:00:00.000Z",
  },
  {
    name: "Saturday 02:30 + 24 h lands in the gap and moves to 03:30 EDT",
    start: "2026-03-07T07:30:00Z",
    hours: 24,
    calendar: everyDay("America/New_York"),
    expected: "2026-03-08T07:30:00.000Z",
    movedByGap: true,
  },
  {
    name: "Saturday 01:30 + 24 h lands in the overlap and takes the earlier 01:30 (EDT)",
    start: "2026-10-31T05:30:00Z",
    hours: 24,
    calendar: everyDay("America/New_York"),
    expected: "2026-11-01T05:30:00.000Z",
  },
  {
    name: "Sunday 00:00 + 4 h on the spring-forward day is 04:00 EDT (3 real hours)",
    start: "2026-03-08T05:00:00Z",
    hours: 4,
    calendar: everyDay("America/New_York"),
    expected: "2026-03-08T08:00:00.000Z",
  },
  {
    name: "Friday 18:30 in Kolkata + 72 h is Wednesday 18:30 IST",
    start: "2026-11-20T13:00:00Z",
    hours: 72,
    calendar: weekdays("Asia/Kolkata"),
    expected: "2026-11-25T13:00:00.000Z",
  },
  {
    name: "Friday 23:45 in Kolkata (18:15 UTC) + 1 h is Monday 00:45 IST",
    start: "2026-11-20T18:15:00Z",
    hours: 1,
    calendar: weekdays("Asia/Kolkata"),
    expected: "2026-11-22T19:15:00.000Z",
  },
  {
    name: "Friday 20:00 in Nairobi + 72 h is Wednesday 20:00 EAT, untouched by DST elsewhere",
    start: "2026-03-06T17:00:00Z",
    hours: 72,
    calendar: weekdays("Africa/Nairobi"),
    expected: "2026-03-11T17:00:00.000Z",
  },
  {
    name: "a Monday holiday in Nairobi pushes the deadline a day",
    start: "2026-03-06T17:00:00Z",
    hours: 72,
    calendar: weekdays("Africa/Nairobi", ["2026-03-09"]),
    expected: "2026-03-12T17:00:00.000Z",
  },
  {
    name: "an order placed on Saturday starts counting on Monday 00:00",
    start: "2026-03-07T07:00:00Z", // Sat 10:00 EAT
    hours: 72,
    calendar: weekdays("Africa/Nairobi"),
    expected: "2026-03-11T21:00:00.000Z", // Thu 00:00 EAT
  },
  {
    name: "a whole working day from Friday 00:00 ends at Saturday 00:00",
    start: "2026-03-05T21:00:00Z", // Fri 00:00 EAT
    hours: 24,
    calendar: weekdays("Africa/Nairobi"),
    expected: "2026-03-06T21:00:00.000Z",
  },
  {
    name: "half an hour is half an hour",
    start: "2026-03-04T09:00:00Z",
    hours: 0.5,
    calendar: weekdays("UTC"),
    expected: "2026-03-04T09:30:00.000Z",
  },
  {
    name: "zero hours is the start itself, even on a weekend",
    start: "2026-03-07T09:00:00Z",
    hours: 0,
    calendar: weekdays("UTC"),
    expected: "2026-03-07T09:00:00.000Z",
  },
  {
    name: "an unknown zone counts in UTC",
    start: "2026-03-06T18:00:00Z",
    hours: 24,
    calendar: weekdays("Mars/Olympus_Mons"),
    expected: "2026-03-09T18:00:00.000Z",
  },
];

describe("addBusinessHours", () => {
  it.each(rows)("$name", ({ start, hours, calendar, expected }) => {
    expect(iso(addBusinessHours(new Date(start), hours, calendar))).toBe(expected);
  });

  it("is the inverse of businessHoursBetween for every row that starts on a working day (and misses no gap)", () => {
    for (const { start, hours, calendar, movedByGap } of rows) {
      const from = new Date(start);
      if (!isWorkingDay(localDate(from, calendar.timeZone), calendar) || hours === 0 || movedByGap) continue;
      expect(businessHoursBetween(from, addBusinessHours(from, hours, calendar), calendar)).toBeCloseTo(hours, 6);
    }
  });

  it("refuses a calendar without working days instead of looping forever", () => {
    expect(() => addBusinessHours(new Date("2026-03-04T09:00:00Z"), 1, { timeZone: "UTC", workingDays: [], holidays: [] })).toThrow(RangeError);
  });
});

describe("addBusinessDays", () => {
  it("counts 3 business days from a Thursday scan as the next Tuesday, same local time", () => {
    const thursday = new Date("2026-11-19T10:15:00Z"); // 15:45 IST
    expect(iso(addBusinessDays(thursday, 3, weekdays("Asia/Kolkata")))).toBe("2026-11-24T10:15:00.000Z");
  });

  it("skips a Thanksgiving holiday in New York", () => {
    const tuesday = new Date("2026-11-24T15:00:00Z"); // 10:00 EST
    expect(iso(addBusinessDays(tuesday, 3, weekdays("America/New_York", ["2026-11-26", "2026-11-27"])))).toBe("2026-12-01T15:00:00.000Z");
  });
});

describe("businessHoursBetween", () => {
  it("counts only working days' wall-clock hours", () => {
    const calendar = weekdays("America/New_York");
    // Friday 18:00 EST to Monday 06:00 EDT: 6 h on Friday + 6 h on Monday.
    expect(businessHoursBetween(new Date("2026-03-06T23:00:00Z"), new Date("2026-03-09T10:00:00Z"), calendar)).toBe(12);
  });

  it("is zero when the end is not after the start", () => {
    const at = new Date("2026-03-04T09:00:00Z");
    expect(businessHoursBetween(at, at, weekdays("UTC"))).toBe(0);
    expect(businessHoursBetween(at, new Date("2026-03-03T09:00:00Z"), weekdays("UTC"))).toBe(0);
  });
});
