// Shopify sends customer_locale as the storefront language the customer used: "en", "ml-IN", "pt-BR",
// sometimes lower-cased ("pt-br") or with an underscore from older themes ("pt_BR").

/**
 * The locale to render in: the customer's locale (exact, then its language), else the shop's primary
 * locale (same two steps), else "en". The result is spelled as in `available`.
 */
export function resolveLocale(customerLocale: string | null, shopPrimaryLocale: string, available: readonly string[]): string {
  return matchLocale(customerLocale, available) ?? matchLocale(shopPrimaryLocale, available) ?? "en";
}

function matchLocale(wanted: string | null | undefined, available: readonly string[]): string | null {
  const tag = normalize(wanted);
  if (!tag) return null;
  const exact = available.find((a) => normalize(a) === tag);
  if (exact) return exact;
  const language = tag.split("-")[0];
  return available.find((a) => normalize(a) === language) ?? null;
}

function normalize(locale: string | null | undefined): string {
  return (locale ?? "").trim().replace(/_/g, "-").toLowerCase();
}

// Languages written right to left. "iw" is the old code for Hebrew that some systems still send.
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** Writing direction of a locale, for `dir` in email HTML. */
export function textDirection(locale: string): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(normalize(locale).split("-")[0]) ? "rtl" : "ltr";
}
