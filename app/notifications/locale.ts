// Shopify sends customer_locale as the storefront language the customer used: "en", "ml-IN", "pt-BR",
// sometimes lower-cased ("pt-br") or with an underscore from older themes ("pt_BR").

/**
 * The locale to render in: the customer's language, else the shop's primary language, else English.
 * Each is matched in three steps: the exact locale, then the bare language ("es" for "es-MX"), then
 * the same language in another region ("pt-BR" for "pt-PT", "es-MX" for "es"), the first listed.
 * The last two steps need the same script too: a Traditional Chinese reader (zh-TW, zh-HK, zh-Hant)
 * gets no zh-CN template, a sr-Latn reader no Cyrillic sr one.
 * The result is spelled as in `available`; "en" when nothing matches.
 */
export function resolveLocale(customerLocale: string | null, shopPrimaryLocale: string, available: readonly string[]): string {
  return matchLocale(customerLocale, available) ?? matchLocale(shopPrimaryLocale, available) ?? matchLocale("en", available) ?? "en";
}

function matchLocale(wanted: string | null | undefined, available: readonly string[]): string | null {
  const tag = normalize(wanted);
  if (!tag) return null;
  const exact = available.find((a) => normalize(a) === tag);
  if (exact) return exact;
  const language = languageOf(tag);
  const script = scriptOf(tag);
  const sameWriting = (a: string) => languageOf(normalize(a)) === language && scriptOf(normalize(a)) === script;
  return available.find((a) => normalize(a) === language && sameWriting(a)) ?? available.find(sameWriting) ?? null;
}

/** The script a locale is written in, its likely one when not spelled out ("zh-TW" -> "Hant", "zh" -> "Hans"). */
function scriptOf(normalized: string): string | undefined {
  try {
    return new Intl.Locale(normalized).maximize().script;
  } catch {
    return undefined; // not a well-formed tag: matched on its language alone
  }
}

/**
 * The locale dates and prices are written in: the customer's own one ("en-IN", "ar-JO") when it is the
 * language and script of the locale the message is rendered in ("en", "ar"), so a customer in India reads
 * "Saturday, 13 June" and one in Jordan "حزيران"; else the rendered locale. The template stays the
 * one resolveLocale chose.
 */
export function formattingLocale(customerLocale: string | null | undefined, rendered: string): string {
  const own = normalize(customerLocale);
  const target = normalize(rendered);
  if (!own || languageOf(own) !== languageOf(target) || scriptOf(own) !== scriptOf(target)) return rendered;
  try {
    return Intl.getCanonicalLocales(own)[0] ?? rendered;
  } catch {
    return rendered; // not a well-formed tag
  }
}

function languageOf(normalized: string): string {
  return normalized.split("-")[0];
}

function normalize(locale: string | null | undefined): string {
  return (locale ?? "").trim().replace(/_/g, "-").toLowerCase();
}

// Languages written right to left. "iw" is the old code for Hebrew that some systems still send.
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** Writing direction of a locale, for `dir` in email HTML. */
export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(languageOf(normalize(locale))) ? "rtl" : "ltr";
}
