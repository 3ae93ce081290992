import { documentedPaths, variableCatalog } from "./catalog";
import type { TemplateVariables, Trigger } from "./types";

// WhatsApp outside the 24-hour customer-service window only takes templates WhatsApp approved. Through
// Twilio, an approved template is a Content SID ("HX" + 32 hex digits) plus ContentVariables: its
// numbered placeholders {{1}}, {{2}}... filled in per message. The merchant maps each placeholder to
// one of Herald's documented variables; Herald renders the values, never the text around them.

/** Twilio's Content SID: "HX" and 32 lower-case hex digits. */
export const CONTENT_SID = /^HX[0-9a-f]{32}$/;

/** A template has at most 100 variables (Twilio Content API). */
export const MAX_WHATSAPP_VARIABLES = 100;

/**
 * WhatsApp's template body holds at most 1024 characters, placeholders filled in, so no single value
 * may be longer. Twilio takes up to 1600 per value; the smaller limit decides.
 */
export const MAX_WHATSAPP_VALUE = 1024;

/** Placeholder -> Herald variable path, e.g. { "1": "customer.first_name", "2": "order.name" }. */
export type WhatsAppVariables = Record<string, string>;

/** A mapping the merchant entered, before validation. */
export interface WhatsAppMappingInput {
  contentSid: string;
  variables: WhatsAppVariables;
}

/** Why a mapping is refused; the screen words it in the merchant's language. */
export type WhatsAppMappingError =
  | { field: "contentSid"; code: "sid_format" }
  | { field: "variables"; code: "too_many"; max: number }
  | { field: "variables"; code: "numbering"; expected: string }
  | { field: "variables"; code: "unknown_variable"; key: string; path: string }
  | { field: "variables"; code: "line_format"; line: number };

export type WhatsAppMappingResult = { ok: true; value: WhatsAppMappingInput } | { ok: false; errors: WhatsAppMappingError[] };

/**
 * The Herald variables a WhatsApp placeholder can take for a trigger: every documented single value
 * (lists such as line_items cannot fill one placeholder).
 */
export function whatsappVariablePaths(trigger: Trigger): string[] {
  const lists = new Set(variableCatalog(trigger).flatMap((g) => g.variables.filter((v) => v.kind === "list").map((v) => v.path)));
  return documentedPaths(trigger).filter((p) => !lists.has(p));
}

/**
 * Check a mapping: the SID's format, placeholders numbered 1..n without gaps (WhatsApp numbers them so),
 * and every placeholder mapped to a documented Herald variable of this trigger. Trims what it keeps.
 */
export function validateWhatsAppMapping(trigger: Trigger, input: WhatsAppMappingInput): WhatsAppMappingResult {
  const errors: WhatsAppMappingError[] = [];
  const contentSid = input.contentSid.trim();
  if (!CONTENT_SID.test(contentSid)) errors.push({ field: "contentSid", code: "sid_format" });

  const entries = Object.entries(input.variables).map(([k, v]) => [k.trim(), v.trim()] as const);
  if (entries.length > MAX_WHATSAPP_VARIABLES) errors.push({ field: "variables", code: "too_many", max: MAX_WHATSAPP_VARIABLES });
  const keys = entries.map(([k]) => k);
  const expected = keys.map((_, i) => String(i + 1));
  if ([...keys].sort((a, b) => Number(a) - Number(b)).join(",") !== expected.join(",")) {
    errors.push({ field: "variables", code: "numbering", expected: expected.join(", ") });
  }
  const allowed = new Set(whatsappVariablePaths(trigger));
  for (const [key, path] of entries) {
    if (!allowed.has(path)) errors.push({ field: "variables", code: "unknown_variable", key, path });
  }
  if (errors.length) return { ok: false, errors };
  const variables = Object.fromEntries(entries.sort(([a], [b]) => Number(a) - Number(b)));
  return { ok: true, value: { contentSid, variables } };
}

/** The screen's placeholder lines ("1: customer.first_name", one per line; "=" works too) as a mapping. */
export function parseVariableLines(text: string): { ok: true; variables: WhatsAppVariables } | { ok: false; errors: WhatsAppMappingError[] } {
  const variables: WhatsAppVariables = {};
  const errors: WhatsAppMappingError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const match = /^\s*\{*\s*(\w+)\s*\}*\s*[:=]\s*(\S+)\s*$/.exec(raw);
    if (!match || match[1] in variables) errors.push({ field: "variables", code: "line_format", line: index + 1 });
    else variables[match[1]] = match[2];
  });
  return errors.length ? { ok: false, errors } : { ok: true, variables };
}

/** The mapping as the screen writes it back into its text field. */
export function variableLines(variables: WhatsAppVariables): string {
  return Object.entries(variables).map(([k, v]) => `${k}: ${v}`).join("\n");
}

/** Shown for a variable with no value: WhatsApp refuses an empty parameter. */
export const EMPTY_VALUE = "-";

/**
 * Fill the placeholders for one message. Values follow WhatsApp's rules for template parameters: no
 * line breaks or tabs, no more than four spaces in a row, not empty, at most MAX_WHATSAPP_VALUE
 * characters. Dates ("YYYY-MM-DD") are written the way the message's language writes them.
 */
export function renderContentVariables(variables: WhatsAppVariables, values: TemplateVariables, locale: string): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).map(([key, path]) => [key, parameter(lookup(values, path), locale)]));
}

function lookup(values: TemplateVariables, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function parameter(value: unknown, locale: string): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  const raw = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? longDate(value, locale) : String(value);
  const flat = raw.replace(/[\r\n\t]+/g, " ").replace(/ {5,}/g, "    ").trim();
  if (!flat) return EMPTY_VALUE;
  const chars = [...flat];
  return chars.length <= MAX_WHATSAPP_VALUE ? flat : `${chars.slice(0, MAX_WHATSAPP_VALUE - 1).join("")}…`;
}

function longDate(date: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" };
  const at = new Date(`${date}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, options).format(at);
  } catch {
    return new Intl.DateTimeFormat("en", options).format(at);
  }
}

/** What a WhatsApp Message row carries (see renderWhatsApp): the Content SID and the filled placeholders; null when it is not a template message. */
export function storedWhatsAppContent(renderedSubject: string | null, renderedText: string | null): { sid: string; variables: Record<string, string> } | null {
  if (!renderedSubject || !CONTENT_SID.test(renderedSubject)) return null;
  try {
    const parsed: unknown = JSON.parse(renderedText ?? "{}");
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    return { sid: renderedSubject, variables: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])) };
  } catch {
    return null;
  }
}
