import { getCountry } from "countries-and-timezones";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { PROVINCE_ZONES } from "./province-zones";
import { MS_PER_DAY, MS_PER_HOUR, addDays, offsetMinutes, safeTimeZone, zonedParts, zonedTimeToInstant } from "./time";

const MS_PER_MINUTE = 60_000;

// Texts respect the recipient's night: no SMS or WhatsApp between the shop's quiet-hours start and
// end in the customer's own time zone (default 21:00-08:00, common practice and several laws).
// Where that zone is not known for sure (a country of several zones and no province, or no address
// at all), a text goes only at a time that is outside quiet hours in every zone the recipient could
// be in: a Hawaii customer of a US order without a province is never texted at 03:00 Honolulu time
// because the message was due at 08:00 in New York.

/** Where a text's recipient is, as far as Herald knows. */
export interface RecipientPlace {
  /** ISO country code of the order's address (shipping, else billing); null when there is none. */
  country: string | null;
  /** Shopify's province code of that same address ("HI", "BC", "NSW"); null when it has none. */
  province: string | null;
  /** The number the text goes to (E.164, "whatsapp:" prefix allowed); its country stands in when there is no address. */
  phone: string | null;
}

/**
 * Every time zone the recipient could be in: the province's zones when the address names one
 * Herald knows; else all the zones of the address's country; with no address, all the zones of
 * the phone number's country; the shop's zone when neither says where the recipient is.
 */
export function recipientZones(place: RecipientPlace, shopTimeZone: string): string[] {
  const byAddress = place.country ? zonesOf(place.country, place.province) : [];
  if (byAddress.length > 0) return byAddress;
  const byPhone = zonesOf(phoneCountry(place.phone), null);
  if (byPhone.length > 0) return byPhone;
  return [shopTimeZone];
}

/**
 * The recipient's time zone for the days a message names ("should arrive by", "since"): the one zone
 * the order's address is in (a one-zone country, or a province Herald knows), else the shop's.
 */
export function recipientTimeZone(place: Pick<RecipientPlace, "country" | "province">, shopTimeZone: string): string {
  const zones = place.country ? zonesOf(place.country, place.province) : [];
  return zones.length === 1 ? zones[0] : shopTimeZone;
}

function zonesOf(country: string | null, province: string | null): string[] {
  const code = country?.trim().toUpperCase();
  if (!code) return [];
  const byProvince = province ? PROVINCE_ZONES[`${code}-${province.trim().toUpperCase()}`] : undefined;
  const zones = byProvince ?? getCountry(code as Parameters<typeof getCountry>[0])?.timezones ?? [];
  // A zone this runtime's Intl does not know would be read as UTC: leave it out rather than guess.
  return zones.filter((zone) => safeTimeZone(zone) === zone);
}

function phoneCountry(phone: string | null): string | null {
  if (!phone?.trim()) return null;
  return parsePhoneNumberFromString(phone.trim().replace(/^whatsapp:/i, ""))?.country ?? null;
}

export interface QuietHours {
  /** Local hour quiet time starts (inclusive), e.g. 21. */
  start: number;
  /** Local hour it ends (exclusive), e.g. 8. */
  end: number;
}

/**
 * When a text due at `now` may go to a recipient who could be in any of `zones`: null when `now` is
 * outside quiet hours in all of them, else the first instant that is (the latest of their
 * mornings, when their nights overlap). Zones so far apart that every hour is quiet in one of
 * them (a long quiet window across a wide country) get the earliest instant that wakes the fewest.
 */
export function quietHoursEnd(now: Date, zones: readonly string[], quiet: QuietHours): Date | null {
  if (quiet.start === quiet.end) return null;
  const from = now.getTime();
  const clocks = zones.map((zone) => new ZoneClock(zone, from, from + HORIZON_MS));
  // Quiet time only ever ends at some zone's local end hour, so the answer is now or one of those instants.
  const candidates = [from, ...new Set(clocks.flatMap((clock) => clock.instantsAt(quiet.end)))].sort((a, b) => a - b);
  let best = from;
  let fewestAsleep = Infinity;
  for (const at of candidates) {
    const asleep = clocks.filter((clock) => isQuietHour(clock.hourAt(at), quiet)).length;
    if (asleep < fewestAsleep) {
      best = at;
      fewestAsleep = asleep;
    }
    if (asleep === 0) break;
  }
  return best === from ? null : new Date(best);
}

/** Quiet hours repeat daily: within two days every pattern of the zones' nights has come round. */
const HORIZON_MS = 2 * MS_PER_DAY;

function isQuietHour(hour: number, quiet: QuietHours): boolean {
  return quiet.start > quiet.end ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
}

/**
 * A zone's wall clock between two instants two days apart. An Intl reading costs tens of
 * microseconds and a US address without a province has 29 zones, so a zone whose UTC offset is
 * the same at both ends (no DST switch between them: no zone switches twice within two days) is
 * read by arithmetic; a zone that switches is asked of Intl at each instant.
 */
class ZoneClock {
  /** The zone's UTC offset throughout, or null when it switches (DST) between `from` and `until`. */
  private readonly offsetMs: number | null;
  /** The zone's civil date at `from`. */
  private readonly today: string;

  constructor(
    private readonly zone: string,
    private readonly from: number,
    private readonly until: number,
  ) {
    const start = zonedParts(new Date(from), zone);
    const offsetAtStart = Date.UTC(start.year, start.month - 1, start.day) + start.msOfDay - from;
    this.today = start.date;
    this.offsetMs = offsetAtStart === offsetMinutes(new Date(until), zone) * MS_PER_MINUTE ? offsetAtStart : null;
  }

  /** The local hour at `at`. */
  hourAt(at: number): number {
    if (this.offsetMs === null) return zonedParts(new Date(at), this.zone).hour;
    return Math.floor(((((at + this.offsetMs) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
  }

  /** The instants after `from`, up to `until`, at which the zone's clock shows `hour`:00. */
  instantsAt(hour: number): number[] {
    const instants = [0, 1, 2].map((days) => {
      const date = addDays(this.today, days);
      return this.offsetMs === null
        ? zonedTimeToInstant(date, hour * MS_PER_HOUR, this.zone).getTime()
        : Date.parse(`${date}T00:00:00Z`) + hour * MS_PER_HOUR - this.offsetMs;
    });
    return instants.filter((at) => at > this.from && at <= this.until);
  }
}
