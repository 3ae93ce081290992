import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A phone number as E.164 ("+919847012345"), read in the context of the customer's country
 * (shipping or billing address) when it has no international prefix; null when it is not a
 * valid number for that country.
 */
export function toE164(raw: string | null | undefined, country: string | null | undefined): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw.trim(), (country?.toUpperCase() as CountryCode | undefined) ?? undefined);
  return parsed && parsed.isValid() ? parsed.number : null;
}
