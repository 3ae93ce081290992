import { getCountry } from "countries-and-timezones";
import { localDate, zonedParts, zonedTimeToInstant, addDays } from "./time";

// Texts respect the recipient's night: no SMS or WhatsApp between the shop's quiet-hours start and
// end in the customer's own timezone (default 21:00-08:00, common practice and several laws).

/** The zone most of a multi-zone country's people live in, for addresses without a province. */
const MAIN_ZONE: Record<string, string> = {
  US: "America/New_York",
  CA: "America/Toronto",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  AU: "Australia/Sydney",
  RU: "Europe/Moscow",
  ID: "Asia/Jakarta",
  AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago",
  KZ: "Asia/Almaty",
  CD: "Africa/Kinshasa",
  ES: "Europe/Madrid",
  PT: "Europe/Lisbon",
  NZ: "Pacific/Auckland",
};

/** US and Canadian provinces whose zone differs from the country's main one. */
const PROVINCE_ZONE: Record<string, string> = {
  "US-CA": "America/Los_Angeles", "US-WA": "America/Los_Angeles", "US-OR": "America/Los_Angeles", "US-NV": "America/Los_Angeles",
  "US-AZ": "America/Phoenix", "US-CO": "America/Denver", "US-UT": "America/Denver", "US-NM": "America/Denver", "US-MT": "America/Denver",
  "US-WY": "America/Denver", "US-ID": "America/Boise", "US-TX": "America/Chicago", "US-IL": "America/Chicago", "US-MN": "America/Chicago",
  "US-WI": "America/Chicago", "US-IA": "America/Chicago", "US-MO": "America/Chicago", "US-LA": "America/Chicago", "US-AL": "America/Chicago",
  "US-MS": "America/Chicago", "US-AR": "America/Chicago", "US-OK": "America/Chicago", "US-KS": "America/Chicago", "US-NE": "America/Chicago",
  "US-SD": "America/Chicago", "US-ND": "America/Chicago", "US-TN": "America/Chicago", "US-AK": "America/Anchorage", "US-HI": "Pacific/Honolulu",
  "CA-BC": "America/Vancouver", "CA-AB": "America/Edmonton", "CA-SK": "America/Regina", "CA-MB": "America/Winnipeg",
  "CA-NS": "America/Halifax", "CA-NB": "America/Moncton", "CA-NL": "America/St_Johns", "CA-PE": "America/Halifax", "CA-YT": "America/Whitehorse",
};

/**
 * The recipient's timezone from the shipping address: the province's zone where a country spans
 * several; the shop's own zone when the customer is in the shop's country and no better is known;
 * the country's main zone; the shop's zone when the country is unknown.
 */
export function recipientTimeZone(country: string | null, province: string | null, shopTimeZone: string): string {
  const code = country?.toUpperCase() ?? null;
  if (!code) return shopTimeZone;
  const byProvince = province ? PROVINCE_ZONE[`${code}-${province.toUpperCase()}`] : undefined;
  if (byProvince) return byProvince;
  const zones: readonly string[] = getCountry(code as Parameters<typeof getCountry>[0])?.timezones ?? [];
  if (zones.length === 0) return shopTimeZone;
  if (code === "US" || code === "CA") return MAIN_ZONE[code];
  if (zones.includes(shopTimeZone)) return shopTimeZone;
  return MAIN_ZONE[code] ?? zones[0];
}

export interface QuietHours {
  /** Local hour quiet time starts (inclusive), e.g. 21. */
  start: number;
  /** Local hour it ends (exclusive), e.g. 8. */
  end: number;
}

/** When quiet hours end, if `now` falls inside them in `timeZone`; null when a text may go now. */
export function quietHoursEnd(now: Date, timeZone: string, quiet: QuietHours): Date | null {
  if (quiet.start === quiet.end) return null;
  const { hour } = zonedParts(now, timeZone);
  const overnight = quiet.start > quiet.end;
  const inside = overnight ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
  if (!inside) return null;
  const today = localDate(now, timeZone);
  const endDay = overnight && hour >= quiet.start ? addDays(today, 1) : today;
  return zonedTimeToInstant(endDay, quiet.end * 3_600_000, timeZone);
}
