/**
 * Structured, one-line JSON logs. Never pass customer emails, phone numbers or names here:
 * log ids (shop, message, order) instead — logs leave the database's access controls.
 * Text that comes from elsewhere (a provider's error message echoes the address it was given) is
 * scrubbed of email addresses and international phone numbers before it is written.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const configured = (process.env.HERALD_LOG_LEVEL as Level | undefined) ?? (process.env.NODE_ENV === "test" ? "warn" : "info");
  return ORDER[configured] ?? ORDER.info;
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const PHONE = /\+\d[\d ().-]{5,}\d/g;

/** A string with its email addresses and +-prefixed phone numbers replaced by placeholders. */
export function scrubPii(text: string): string {
  return text.replace(EMAIL, "[email]").replace(PHONE, "[phone]");
}

function scrub(value: unknown): unknown {
  if (typeof value === "string") return scrubPii(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

function write(level: Level, event: string, fields: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(scrub(fields) as Record<string, unknown>) });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const log = {
  debug: (event: string, fields: Record<string, unknown> = {}) => write("debug", event, fields),
  info: (event: string, fields: Record<string, unknown> = {}) => write("info", event, fields),
  warn: (event: string, fields: Record<string, unknown> = {}) => write("warn", event, fields),
  error: (event: string, fields: Record<string, unknown> = {}) => write("error", event, fields),
};
