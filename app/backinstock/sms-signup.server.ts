import crypto from "node:crypto";
import { getTimezone } from "countries-and-timezones";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { db } from "../db.server";
import { withinRateLimit, type WindowLimit } from "./proxy-guard.server";

// The sign-up form takes any phone number from anyone, and a sign-up with a phone makes Herald send
// a text at the shop's cost: a way to pump SMS traffic to premium numbers or to pester someone. So a
// number gets at most one confirmation text per shop per day, whatever the variants, and none while
// it already has a sign-up waiting at the shop (the other sign-ups wait on that same YES); and only
// numbers of the countries the shop sells to are taken.

/** Confirmation texts (the YES prompt, or "you're subscribed" without double opt-in) per number and shop. */
export const SMS_CONFIRMATION_LIMIT: WindowLimit = { limit: 1, windowMs: 24 * 3600_000 };

/**
 * Whether the shop texts numbers of `phone`'s country: the merchant's list when set
 * (`backInStock.smsCountries`); otherwise the country of the shop's time zone, or a country the
 * shop has shipped an order to (any, when the time zone names no country).
 */
export async function textsAccepted(shop: { domain: string; timezone: string }, smsCountries: readonly string[], phone: string): Promise<boolean> {
  const countries = parsePhoneNumberFromString(phone)?.getPossibleCountries() ?? [];
  if (countries.length === 0) return false;
  if (smsCountries.length > 0) return countries.some((c) => smsCountries.includes(c));
  const home: readonly string[] = getTimezone(shop.timezone)?.countries ?? [];
  // A shop whose time zone names no country ("UTC") has no home to go by: its sign-ups are not
  // refused until the merchant sets the list.
  if (home.length === 0 || countries.some((c) => home.includes(c))) return true;
  const shipped = await db.order.findFirst({ where: { shop: shop.domain, shippingCountry: { in: countries } }, select: { id: true } });
  return shipped !== null;
}

/** How a sign-up's number starts: its double opt-in state, and whether this sign-up sends it a confirmation text. */
export interface SmsStart {
  smsConfirmed: boolean | null;
  text: boolean;
}

/**
 * A number joining a sign-up (`subscriptionId` when it is added to one that exists). Another
 * waiting sign-up of the number at this shop means it was asked already: under double opt-in this
 * one waits for the same YES (or is confirmed, when the YES came), and nothing is sent. Otherwise
 * the number is texted once a day at most.
 */
export async function smsStart(shop: string, phone: string, doubleOptIn: boolean, now: Date, subscriptionId?: string): Promise<SmsStart> {
  const others = await db.stockSubscription.findMany({
    where: { shop, phone, status: "WAITING", ...(subscriptionId ? { id: { not: subscriptionId } } : {}) },
    select: { smsConfirmed: true },
  });
  if (doubleOptIn && others.some((o) => o.smsConfirmed === true)) return { smsConfirmed: true, text: false };
  if (doubleOptIn && others.some((o) => o.smsConfirmed === false)) return { smsConfirmed: false, text: false };
  if (!doubleOptIn && others.length > 0) return { smsConfirmed: null, text: false };
  // The number is hashed: rate-limit rows are not customer data.
  const key = `bis:sms-confirm:${shop}:${crypto.createHash("sha256").update(phone).digest("hex").slice(0, 32)}`;
  return { smsConfirmed: doubleOptIn ? false : null, text: await withinRateLimit(key, SMS_CONFIRMATION_LIMIT, now) };
}
