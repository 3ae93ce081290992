import { ADMIN_LOCALES, type AdminLocale, type MessageKey, type MessageTree, type Namespace, type Plural } from "./define";

export type Vars = Readonly<Record<string, string | number>>;
export type Translate<T> = (key: MessageKey<T>, vars?: Vars) => string;

/** The best admin locale for a list of preferences ("es-MX" -> es, "pt-BR" -> en); English when none fits. */
export function pickAdminLocale(preferences: readonly (string | null | undefined)[]): AdminLocale {
  for (const preference of preferences) {
    if (!preference) continue;
    const lower = preference.toLowerCase();
    const exact = ADMIN_LOCALES.find((l) => l === lower);
    const language = ADMIN_LOCALES.find((l) => l === lower.split(/[-_]/)[0]);
    if (exact ?? language) return (exact ?? language)!;
  }
  return "en";
}

/**
 * The admin user's language: Shopify opens embedded apps with `?locale=` (the staff member's admin
 * language); without it, the browser's Accept-Language.
 */
export function requestAdminLocale(request: Request): AdminLocale {
  const param = new URL(request.url).searchParams.get("locale");
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => part.split(";")[0].trim())
    .filter(Boolean);
  return pickAdminLocale([param, ...accepted]);
}

function lookup(tree: MessageTree, key: string): string | Plural | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as string | Plural | undefined;
}

const isPlural = (value: unknown): value is Plural => typeof value === "object" && value !== null && "other" in value && typeof (value as Plural).other === "string";

/** A translator for one namespace and locale. Missing keys fall back to English, then to the key itself. */
export function translator<T extends MessageTree>(namespace: Namespace<T>, locale: AdminLocale): Translate<T> {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, vars = {}) => {
    const found = lookup(namespace[locale] as MessageTree, key) ?? lookup(namespace.en as MessageTree, key);
    let text: string;
    if (isPlural(found)) {
      const count = Number(vars.count ?? 0);
      text = found[rules.select(count)] ?? found.other;
    } else {
      text = typeof found === "string" ? found : key;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!Object.hasOwn(vars, name)) return whole;
      const value = vars[name];
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
}
