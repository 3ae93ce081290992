// Wall-clock arithmetic in IANA time zones with nothing but Intl (no tz database of our own).
//
// A "civil date" is a "YYYY-MM-DD" string on a zone's calendar; "ms of day" is the wall-clock time since
// local midnight in milliseconds. Converting a wall-clock time back to an instant follows the rule of
// Temporal's "compatible" disambiguation: a time that does not exist (the spring-forward gap, e.g. 02:30 on
// 2026-03-08 in New York) moves forward by the gap (03:30 EDT); a time that exists twice (the fall-back
// overlap, 01:30 on 2026-11-01) takes the earlier of the two (01:30 EDT).

const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** The wall clock of an instant in a zone. `weekday` is ISO: Monday 1 ... Sunday 7. */
export interface ZonedParts {
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  msOfDay: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone when Intl knows it, else "UTC": a shop with a bad zone still gets sensible (UTC) answers. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** Wall clock of `at` in `timeZone` (an unknown zone reads as UTC). */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const ms = at.getTime();
  const parts: Record<string, number> = {};
  for (const part of formatter(safeTimeZone(timeZone)).formatToParts(at)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const { year, month, day, hour, minute, second } = parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  return {
    date: civilDate(year, month, day),
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + millisecond,
    weekday: isoWeekday(civilDate(year, month, day)),
  };
}

/** UTC offset of the zone at `at`, in minutes (Kolkata +330, New York -300 or -240). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - at.getTime()) / MS_PER_MINUTE);
}

/** "YYYY-MM-DD" of `at` on the zone's calendar. */
export function localDate(at: Date, timeZone: string): string {
  return zonedParts(at, timeZone).date;
}

/** The instant at which the zone's wall clock shows `date` + `msOfDay` (see the gap/overlap rule above). */
export function zonedTimeToInstant(date: string, msOfDay: number, timeZone: string): Date {
  const zone = safeTimeZone(timeZone);
  const { year, month, day } = parseCivilDate(date);
  const wall = Date.UTC(year, month - 1, day) + msOfDay;
  // The offsets in force a day either side cover any single transition near this wall time.
  const before = offsetMinutes(new Date(wall - MS_PER_DAY), zone) * MS_PER_MINUTE;
  const after = offsetMinutes(new Date(wall + MS_PER_DAY), zone) * MS_PER_MINUTE;
  const valid = [wall - before, wall - after].filter((t) => offsetMinutes(new Date(t), zone) * MS_PER_MINUTE === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // A gap: read the wall time with the offset from before the jump, which lands just after it.
  return new Date(wall - before);
}

/** The first instant of a civil day in the zone (00:00, or the end of a gap when midnight is skipped). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedTimeToInstant(date, 0, timeZone);
}

/** The civil date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseCivilDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return civilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday of a civil date: Monday 1 ... Sunday 7. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseCivilDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** True for a real "YYYY-MM-DD" date. */
export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const { year, month, day } = parseCivilDate(value);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseCivilDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number);
  return { year, month, day };
}

function civilDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
