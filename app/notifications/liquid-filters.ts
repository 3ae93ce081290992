// Herald's own Liquid filters. They are pure and synchronous, so compiled templates call them as
// liquidjs does (liquid.ts lists them to liquid-compile.ts). Each writes for the render's globals
// `locale`: the customer's own when it is the template's language (locale.ts formattingLocale).

type FilterThis = { context: { globals: unknown } };

function localeOf(filter: FilterThis): string {
  const globals = filter.context.globals as { locale?: unknown } | undefined;
  const locale = typeof globals?.locale === "string" ? globals.locale : "en";
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en";
  } catch {
    return "en"; // a malformed tag is written in English
  }
}

/**
 * `{{ date | local_date }}` / `{{ date | local_date: "short" }}`: a calendar date ("2025-06-12") written the
 * way the message's language writes it ("Thursday, June 12", "jueves, 12 de junio", "Jun 12"), and its
 * region's way when the customer's locale names one ("en-IN": "Thursday, 12 June").
 */
function localDate(this: FilterThis, value: unknown, style: unknown = "long"): string {
  if (typeof value !== "string" && !(value instanceof Date)) return value == null ? "" : String(value);
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const short = style === "short";
  const options: Intl.DateTimeFormatOptions = short
    ? { day: "numeric", month: "short", timeZone: "UTC" }
    : { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" };
  const locale = localeOf(this);
  return cached(`date:${short ? "short" : "long"}:${locale}`, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

/**
 * `{{ product.price | money: product.currency }}`: an amount ("1299.00", as Shopify writes prices) in a
 * currency (ISO 4217 code) written the way the message's language writes money: "1.299,00 €" (de),
 * "￥1,500" (ja), "₹1,29,999.00" (hi). Without a currency, or with a value that is not an amount or a
 * code Intl refuses, the value is written as it came ("1299.00", "1299.00 ABCD").
 */
function money(this: FilterThis, value: unknown, currency: unknown): string {
  const text = value == null ? "" : String(value).trim();
  const amount = typeof value === "number" ? value : AMOUNT.test(text) ? Number(text) : Number.NaN;
  const code = typeof currency === "string" ? currency.trim().toUpperCase() : "";
  if (!Number.isFinite(amount) || !code) return code && text ? `${text} ${code}` : text;
  const locale = localeOf(this);
  let format: Intl.NumberFormat;
  try {
    format = cached(`money:${code}:${locale}`, () => new Intl.NumberFormat(locale, { style: "currency", currency: code }));
  } catch {
    return `${text} ${code}`; // not a currency code
  }
  return format.format(amount);
}

// Building an Intl formatter costs far more than formatting with one: one per kind, locale (and currency).
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = build();
    // Locales and currencies come from a bounded set; the bound keeps a bad caller from growing the cache.
    if (formats.size < 1000) formats.set(key, format);
  }
  return format;
}

/** The filters Herald registers on both engines, by name. */
export const HERALD_FILTERS = { local_date: localDate, money } as const;
