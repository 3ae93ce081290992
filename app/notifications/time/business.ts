import { MS_PER_DAY, MS_PER_HOUR, addDays, isoWeekday, zonedParts, zonedTimeToInstant } from "./zone";

// Business time, the way merchants count it: "72 business hours" means three working days, so a working
// day is worth 24 business hours and a weekend or holiday is worth none.
//
// Business hours are wall-clock hours in the shop's zone. An order placed on Friday at 18:00 with a
// 72-business-hour promise is late on Wednesday at 18:00 local time, also when a DST change happened in
// between (the real elapsed time is then 71 or 73 hours) — that is what the merchant and the customer
// read on their clocks. On the DST day itself the wall clock rules as well: from 00:00 to 04:00 on the
// spring-forward day is 4 business hours (3 real ones).

/** Where and when a shop works. */
export interface BusinessCalendar {
  /** IANA zone, e.g. "America/New_York". */
  timeZone: string;
  /** ISO weekdays the shop works: Monday 1 ... Sunday 7. */
  workingDays: readonly number[];
  /** Days off, "YYYY-MM-DD" on the shop's calendar. */
  holidays: readonly string[];
}

// A calendar without a working day would loop forever; settings forbid it, this guards the arithmetic.
const MAX_DAYS_SCANNED = 3_700;

/** True when the civil date is one of the shop's working days and not a holiday. */
export function isWorkingDay(date: string, calendar: BusinessCalendar): boolean {
  return calendar.workingDays.includes(isoWeekday(date)) && !calendar.holidays.includes(date);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, calendar: BusinessCalendar): string {
  let day = date;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    if (isWorkingDay(day, calendar)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError("The business calendar has no working day.");
}

/**
 * The first instant at which `hours` business hours have passed since `start`. Time on non-working days
 * does not count, so a start on a Saturday begins counting at Monday 00:00. Zero hours is `start` itself.
 * A result that falls in a DST gap moves forward by the gap; one in an overlap takes the earlier instant.
 */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  if (!(hours > 0)) return start;
  const begin = zonedParts(start, calendar.timeZone);
  let remaining = Math.round(hours * MS_PER_HOUR);
  let day = begin.date;
  let offset = begin.msOfDay;
  if (!isWorkingDay(day, calendar)) {
    day = nextWorkingDay(day, calendar);
    offset = 0;
  }
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    const available = MS_PER_DAY - offset;
    if (remaining < available) return zonedTimeToInstant(day, offset + remaining, calendar.timeZone);
    remaining -= available;
    // Exactly at the end of a working day: the deadline is the next local midnight, working day or not.
    if (remaining === 0) return zonedTimeToInstant(addDays(day, 1), 0, calendar.timeZone);
    day = nextWorkingDay(addDays(day, 1), calendar);
    offset = 0;
  }
  throw new RangeError("Business time beyond ten years.");
}

/** `days` business days after `start`: the same local time on the `days`-th working day after it. */
export function addBusinessDays(start: Date, days: number, calendar: BusinessCalendar): Date {
  return addBusinessHours(start, days * 24, calendar);
}

/** Business hours between two instants (0 when `to` is not after `from`); the inverse of addBusinessHours. */
export function businessHoursBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const a = zonedParts(from, calendar.timeZone);
  const b = zonedParts(to, calendar.timeZone);
  let total = 0;
  let day = a.date;
  for (let i = 0; i < MAX_DAYS_SCANNED * 3 && day <= b.date; i++) {
    if (isWorkingDay(day, calendar)) {
      const start = day === a.date ? a.msOfDay : 0;
      const end = day === b.date ? b.msOfDay : MS_PER_DAY;
      total += Math.max(0, end - start);
    }
    day = addDays(day, 1);
  }
  return total / MS_PER_HOUR;
}
