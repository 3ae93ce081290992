/**
 * Shopify's REST-style webhook payloads write times in the shop's time zone with its offset
 * ("2026-11-20T10:15:00-05:00"); X-Shopify-Triggered-At is UTC. Keep both honest.
 */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - wholeSeconds) / 60000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A point in the story, `hours` before (negative) or after (positive) its "now". */
export function storyTime(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/** UTC offset of `timeZone` at `at`, in minutes (New York -300 or -240, Kolkata +330). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const local = isoInZone(at, timeZone);
  const match = /([+-])(\d{2}):(\d{2})$/.exec(local)!;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The instant a wall clock in `timeZone` shows `date` ("YYYY-MM-DD") at `time` ("HH:MM"). Stories are
 * written in the shop's wall-clock time because that is how merchants count ("72 business hours from
 * Friday 18:00"). Times inside a DST gap or overlap are not supported: stories avoid 01:00-03:00.
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let at = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  // The offset at the first guess may be the one before a DST change: correct once with the offset there.
  at = wall - zoneOffsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}

/** The civil date `days` after `date` ("YYYY-MM-DD"). */
export function addCivilDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" of `at` on the wall calendar of `timeZone`. */
export function civilDateInZone(at: Date, timeZone: string): string {
  return isoInZone(at, timeZone).slice(0, 10);
}

/** ISO weekday of a civil date: Monday 1 ... Sunday 7. */
export function isoWeekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
