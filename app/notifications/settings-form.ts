import type { ZodIssue } from "zod";
import { shopSettingsSchema, type ShopSettings } from "./settings";
import { DELAY_STEPS, SHIPPING_STEPS } from "./types";

// The settings screen's form: each field is a path into ShopSettings ("delay.stalled.businessDaysDomestic")
// and a kind saying how the text the merchant typed becomes a setting. Shared by the page (initial
// values) and the server (conversion and validation), so both speak of the same field names.

export type FieldKind = "text" | "number" | "boolean" | "list" | "countries" | "channels" | "mode";
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

const TRIGGER_FIELDS = (trigger: "shipping" | "delay"): Record<string, FieldKind> => ({
  [`${trigger}.enabled`]: "boolean",
  [`${trigger}.channels`]: "channels",
  [`${trigger}.channelMode`]: "mode",
  [`${trigger}.conditions.tagsInclude`]: "list",
  [`${trigger}.conditions.tagsExclude`]: "list",
  [`${trigger}.conditions.minOrderValue`]: "number",
  [`${trigger}.conditions.shippingMethodContains`]: "text",
  [`${trigger}.conditions.countries`]: "countries",
});

/** Every field of the settings screen. */
export const SETTINGS_FIELDS: Readonly<Record<string, FieldKind>> = {
  "sender.fromName": "text",
  "sender.replyTo": "text",
  ...TRIGGER_FIELDS("shipping"),
  ...Object.fromEntries(SHIPPING_STEPS.map((step) => [`shipping.steps.${step}`, "boolean" as const])),
  ...TRIGGER_FIELDS("delay"),
  ...Object.fromEntries(DELAY_STEPS.map((step) => [`delay.${step}.enabled`, "boolean" as const])),
  "delay.unfulfilled.businessHours": "number",
  "delay.stalled.businessDaysDomestic": "number",
  "delay.stalled.businessDaysInternational": "number",
  "delay.not_picked_up.businessDays": "number",
  "delay.eta_passed.graceHours": "number",
  "delay.maxNoticesPerOrder": "number",
  "delay.minHoursBetweenNotices": "number",
  "quietHours.enabled": "boolean",
  "quietHours.start": "number",
  "quietHours.end": "number",
  "consent.smsRequiresConsent": "boolean",
  "digest.enabled": "boolean",
  "digest.email": "text",
  "digest.hour": "number",
};

/** Why a field was refused; the page words it in the merchant's language. */
export interface FieldError {
  code: "required" | "number" | "email" | "too_small" | "above" | "too_big" | "too_long" | "country" | "channels" | "invalid";
  min?: number;
  max?: number;
}

function get(object: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), object);
}

function set(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = object;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** The form as it opens: the shop's settings, numbers and lists as the text fields show them. */
export function formValues(settings: ShopSettings): FormValues {
  const values: FormValues = {};
  for (const [path, kind] of Object.entries(SETTINGS_FIELDS)) {
    const value = get(settings, path);
    if (kind === "boolean") values[path] = value === true;
    else if (kind === "channels") values[path] = [...(value as string[])];
    else if (kind === "list" || kind === "countries") values[path] = (value as string[]).join(", ");
    else values[path] = value === null || value === undefined ? "" : String(value);
  }
  return values;
}

const splitList = (text: string) =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

type Converted = { ok: true; value: unknown } | { ok: false; error: FieldError };

function convert(kind: FieldKind, raw: FormValue | undefined): Converted {
  const text = typeof raw === "string" ? raw.trim() : "";
  switch (kind) {
    case "boolean":
      return typeof raw === "boolean" ? { ok: true, value: raw } : { ok: false, error: { code: "invalid" } };
    case "channels":
      return Array.isArray(raw) ? { ok: true, value: raw } : { ok: false, error: { code: "channels" } };
    case "list":
      return { ok: true, value: splitList(text) };
    case "countries":
      return { ok: true, value: splitList(text).map((code) => code.toUpperCase()) };
    case "number": {
      if (text === "") return { ok: true, value: null };
      const number = Number(text.replace(",", "."));
      return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, error: { code: "number" } };
    }
    default:
      return { ok: true, value: text === "" ? null : text };
  }
}

/** The settings field a schema issue is about: the longest form path its path starts with. */
function fieldOf(issuePath: readonly PropertyKey[]): string | null {
  for (let length = issuePath.length; length > 0; length--) {
    const path = issuePath.slice(0, length).map(String).join(".");
    if (SETTINGS_FIELDS[path]) return path;
  }
  return null;
}

function errorOf(issue: ZodIssue, value: unknown, kind: FieldKind): FieldError {
  if (value === null || value === undefined) return { code: "required" };
  if (kind === "countries") return { code: "country" };
  if (kind === "channels") return { code: "channels" };
  if (issue.code === "invalid_format" && issue.format === "email") return { code: "email" };
  if (issue.code === "invalid_type" && issue.expected === "number") return { code: "number" };
  if (issue.code === "too_small") {
    if (typeof value === "string") return { code: "required" };
    return issue.inclusive === false ? { code: "above", min: Number(issue.minimum) } : { code: "too_small", min: Number(issue.minimum) };
  }
  if (issue.code === "too_big") return typeof value === "string" ? { code: "too_long", max: Number(issue.maximum) } : { code: "too_big", max: Number(issue.maximum) };
  return { code: "invalid" };
}

export type FormResult = { ok: true; settings: ShopSettings } | { ok: false; errors: Record<string, FieldError> };

/**
 * The shop's settings with the form applied, validated by the settings schema. Keys the form does
 * not show (holidays, other features' sections) keep their stored values. Errors name form fields.
 */
export function applyForm(current: ShopSettings, values: Record<string, unknown>): FormResult {
  const next = structuredClone(current) as unknown as Record<string, unknown>;
  const errors: Record<string, FieldError> = {};
  for (const [path, kind] of Object.entries(SETTINGS_FIELDS)) {
    const converted = convert(kind, values[path] as FormValue | undefined);
    if (converted.ok) set(next, path, converted.value);
    else errors[path] = converted.error;
  }
  // A field that could not be read keeps its stored value, so the schema still reports every other field.
  const parsed = shopSettingsSchema.safeParse(next);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, settings: parsed.data };
  if (parsed.success) return { ok: false, errors };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = errorOf(issue, get(next, field), SETTINGS_FIELDS[field]);
  }
  // An issue outside the form (a stored value the screen does not show) should not block the save silently.
  if (Object.keys(errors).length === 0) errors.form = { code: "invalid" };
  return { ok: false, errors };
}
