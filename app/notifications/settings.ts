import { z } from "zod";
import { isCivilDate } from "./time/zone";
import { SHIPPING_STEPS, type ShippingStep } from "./types";

/** The longest back-in-stock attribution window a shop can set, in days. */
export const MAX_ATTRIBUTION_DAYS = 90;

const DEFAULT_STEPS: Record<ShippingStep, boolean> = {
  shipped: true,
  in_transit: false,
  out_for_delivery: true,
  attempted_delivery: true,
  ready_for_pickup: true,
  delivered: true,
  failure: true,
};

const stepsSchema = z
  .object(Object.fromEntries(SHIPPING_STEPS.map((s) => [s, z.boolean().default(DEFAULT_STEPS[s])])) as Record<
    ShippingStep,
    z.ZodDefault<z.ZodBoolean>
  >)
  .default(DEFAULT_STEPS);

/** Tags as typed by the merchant; compared without regard to case. */
const tagsSchema = z.array(z.string().trim().min(1).max(255)).max(50);

const CONDITION_DEFAULTS = {
  /** Only orders with at least one of these tags (none: every order). */
  tagsInclude: [] as string[],
  /** No order with any of these tags. */
  tagsExclude: [] as string[],
  /** Only orders whose total is at least this much, in the shop's currency (null: any total). */
  minOrderValue: null as number | null,
  /** Only orders with a shipping line whose title contains this, without regard to case (null: any). */
  shippingMethodContains: null as string | null,
  /** Only orders shipped to one of these countries, ISO codes such as "US" (none: every country). */
  countries: [] as string[],
};

/** Which orders a trigger's messages are for. Messages for other orders are recorded as skipped. */
const conditionsSchema = z
  .object({
    tagsInclude: tagsSchema.default(() => []),
    tagsExclude: tagsSchema.default(() => []),
    minOrderValue: z.number().min(0).max(1_000_000_000).nullable().default(null),
    shippingMethodContains: z.string().trim().min(1).max(100).nullable().default(null),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, "expected a two-letter country code"))
      .max(250)
      .transform((codes) => [...new Set(codes)])
      .default(() => []),
  })
  .default(() => structuredClone(CONDITION_DEFAULTS));

export type TriggerConditions = z.infer<typeof conditionsSchema>;

const channelsSchema = z.array(z.enum(["email", "sms", "whatsapp"])).min(1);
/**
 * "all": every listed channel. "first_available": the listed order is a preference, and only the
 * first channel the customer can be reached on is used (e.g. SMS if there is a valid phone, else email).
 */
const channelModeSchema = z.enum(["all", "first_available"]).default("all");

// Delay notices (issue 5). Thresholds are what merchants use (DESIGN.md §6): unfulfilled after 72-96 h,
// stalled after 3 business days domestic / 5 international, no carrier pickup after 4 business days.
// Keys of the per-kind sections are the DelayStep names, so `settings.delay[step].enabled` works for all.
const DELAY_DEFAULTS = {
  enabled: true,
  channels: ["email"] as ("email" | "sms" | "whatsapp")[],
  channelMode: "all" as "all" | "first_available",
  /** Delay notices one order can receive in all, across every kind (FAILED and SKIPPED rows do not count). */
  maxNoticesPerOrder: 2,
  /** Two delay notices to one order are at least this far apart; the most specific due notice goes first. */
  minHoursBetweenNotices: 24,
  /** A notice that would go out more than this long after its condition became true is not sent any more. */
  maxLateDays: 7,
  /** ISO weekdays the shop works (Monday 1 ... Sunday 7): business hours and days only run on these. */
  workingDays: [1, 2, 3, 4, 5],
  /** Days off, "YYYY-MM-DD" in the shop's time zone. */
  holidays: [] as string[],
  sendForTestOrders: false,
  /** Not fulfilled this many business hours after the order was placed (a working day = 24 business hours). */
  unfulfilled: { enabled: true, businessHours: 72 },
  /** The carrier reports "delayed", or "failure" when the shipping "failure" update is off. */
  carrier_delay: { enabled: true },
  /** No carrier scan for this many business days after the last one (domestic: same origin and destination country). */
  stalled: { enabled: true, businessDaysDomestic: 3, businessDaysInternational: 5 },
  /** A label was created but the carrier has not picked the parcel up after this many business days. */
  not_picked_up: { enabled: true, businessDays: 4 },
  /** Hours after the end of the estimated delivery day (shop's zone): 12 = noon the next day. */
  eta_passed: { enabled: true, graceHours: 12 },
  /** Hold reasons that never produce a customer notice (a fraud review is not the customer's business). */
  on_hold: { enabled: true, skipReasons: ["high_risk_of_fraud"] as string[] },
  rescheduled: { enabled: true },
  conditions: CONDITION_DEFAULTS,
};

const enabledOnly = z.object({ enabled: z.boolean().default(true) });
const D = DELAY_DEFAULTS;

// Defaults are cloned on use: a caller that edits its settings object must not edit everyone's defaults.
const delaySchema = z
  .object({
    enabled: z.boolean().default(D.enabled),
    channels: channelsSchema.default(() => structuredClone(D.channels)),
    channelMode: channelModeSchema,
    maxNoticesPerOrder: z.number().int().min(0).max(10).default(D.maxNoticesPerOrder),
    minHoursBetweenNotices: z.number().min(0).max(24 * 14).default(D.minHoursBetweenNotices),
    maxLateDays: z.number().min(1).max(60).default(D.maxLateDays),
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b))
      .default(() => structuredClone(D.workingDays)),
    holidays: z
      .array(z.string().refine(isCivilDate, "expected a date as YYYY-MM-DD"))
      .max(500)
      .default(() => structuredClone(D.holidays)),
    sendForTestOrders: z.boolean().default(D.sendForTestOrders),
    unfulfilled: z
      .object({ enabled: z.boolean().default(true), businessHours: z.number().positive().max(24 * 60).default(D.unfulfilled.businessHours) })
      .default(() => structuredClone(D.unfulfilled)),
    carrier_delay: enabledOnly.default(() => structuredClone(D.carrier_delay)),
    stalled: z
      .object({
        enabled: z.boolean().default(true),
        businessDaysDomestic: z.number().positive().max(60).default(D.stalled.businessDaysDomestic),
        businessDaysInternational: z.number().positive().max(60).default(D.stalled.businessDaysInternational),
      })
      .default(() => structuredClone(D.stalled)),
    not_picked_up: z
      .object({ enabled: z.boolean().default(true), businessDays: z.number().positive().max(60).default(D.not_picked_up.businessDays) })
      .default(() => structuredClone(D.not_picked_up)),
    eta_passed: z
      .object({ enabled: z.boolean().default(true), graceHours: z.number().min(0).max(24 * 7).default(D.eta_passed.graceHours) })
      .default(() => structuredClone(D.eta_passed)),
    on_hold: z
      .object({ enabled: z.boolean().default(true), skipReasons: z.array(z.string()).default(() => [...D.on_hold.skipReasons]) })
      .default(() => structuredClone(D.on_hold)),
    rescheduled: enabledOnly.default(() => structuredClone(D.rescheduled)),
    conditions: conditionsSchema,
  })
  .default(() => structuredClone(D));

/** Per-shop settings, stored as JSON on the Shop row; missing keys take their defaults. */
export const shopSettingsSchema = z.object({
  sender: z
    .object({
      fromName: z.string().max(80).nullable().default(null),
      replyTo: z.string().email().nullable().default(null),
    })
    .default({ fromName: null, replyTo: null }),
  shipping: z
    .object({
      enabled: z.boolean().default(true),
      steps: stepsSchema,
      channels: channelsSchema.default(["email"]),
      channelMode: channelModeSchema,
      sendForCancelledOrders: z.boolean().default(false),
      sendForTestOrders: z.boolean().default(false),
      conditions: conditionsSchema,
    })
    .default(() => ({
      enabled: true,
      steps: { ...DEFAULT_STEPS },
      channels: ["email" as const],
      channelMode: "all" as const,
      sendForCancelledOrders: false,
      sendForTestOrders: false,
      conditions: structuredClone(CONDITION_DEFAULTS),
    })),
  delay: delaySchema,
  /** No SMS or WhatsApp between these local hours of the recipient; due texts wait until the end. */
  quietHours: z
    .object({
      enabled: z.boolean().default(true),
      start: z.number().int().min(0).max(23).default(21),
      end: z.number().int().min(0).max(23).default(8),
    })
    .default({ enabled: true, start: 21, end: 8 }),
  /** Back-in-stock alerts for customers who asked on a sold-out product page. */
  backInStock: z
    .object({
      enabled: z.boolean().default(true),
      /** Subscribers told per unit restocked (oldest sign-up first): a few more than units, as not everyone buys. */
      perUnit: z.number().int().min(1).max(100).default(2),
      /** Texts: alerts go to a phone only after the customer replies YES to the confirmation. */
      smsDoubleOptIn: z.boolean().default(true),
      /** An order of the variant by the same email or phone this many days after the alert counts as a conversion. */
      attributionDays: z.number().int().min(1).max(MAX_ATTRIBUTION_DAYS).default(7),
      /** Stock that comes back within this many minutes of the last restock of the variant is the same restock (no second alert). */
      flapMinutes: z.number().int().min(0).max(24 * 60).default(30),
      /**
       * Sign-ups by text only for numbers of these countries (ISO codes such as "US"). None: the
       * country of the shop's time zone and the countries the shop has shipped orders to.
       */
      smsCountries: z
        .array(z.string().regex(/^[A-Z]{2}$/, "expected a two-letter country code"))
        .max(250)
        .transform((codes) => [...new Set(codes)])
        .default(() => []),
    })
    .default({ enabled: true, perUnit: 2, smsDoubleOptIn: true, attributionDays: 7, flapMinutes: 30, smsCountries: [] }),
  /** A morning email to the shop's staff listing at-risk orders (off until the merchant asks). */
  digest: z
    .object({
      enabled: z.boolean().default(false),
      /** Where it goes; the shop's contact email when null. */
      email: z.string().email().nullable().default(null),
      /** Local hour (shop's timezone) it is sent at. */
      hour: z.number().int().min(0).max(23).default(8),
    })
    .default({ enabled: false, email: null, hour: 8 }),
  /**
   * Where the law asks for it (e.g. TCPA in the US), texts go only to customers whose SMS marketing
   * state is SUBSCRIBED; the others get the email instead when the channel order allows it.
   */
  consent: z
    .object({
      /** SMS and WhatsApp only to customers who agreed to receive texts. */
      smsRequiresConsent: z.boolean().default(true),
    })
    .default({ smsRequiresConsent: true }),
  /** Getting started: what the shop told Herald it has done that Herald cannot see itself. */
  onboarding: z
    .object({
      /** The merchant marked the storefront block (back-in-stock form) as added to their theme. */
      storefrontBlockAdded: z.boolean().default(false),
    })
    .default({ storefrontBlockAdded: false }),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** Settings with every default applied. */
export function defaultSettings(): ShopSettings {
  return shopSettingsSchema.parse({});
}

/** Parse stored settings JSON; unknown or invalid stored values fall back to defaults key by key. */
export function parseSettings(json: string | null | undefined): ShopSettings {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = shopSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}
