// The admin's own translations. Each screen keeps its texts in one namespace file (app/i18n/<name>.ts)
// holding every admin locale, so a screen and its words change together. Leaves are strings with
// {placeholders}, or plural forms ({ one, other }, plus Intl.PluralRules' other categories when a
// language needs them).

/** Languages the admin speaks. Add one: add it here, then to every namespace (the compiler lists them). */
export const ADMIN_LOCALES = ["en", "es", "fr", "de", "hi"] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

/** A plural text: Intl.PluralRules picks the form; `other` is required. */
export interface Plural {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type MessageTree = { readonly [key: string]: string | Plural | MessageTree };

/** The same keys as the English tree, any wording. */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : T[K] extends Plural ? Plural : Translation<T[K]>;
};

/** "a.b.c" for every leaf (string or plural) of a tree. */
export type MessageKey<T> = {
  [K in keyof T & string]: T[K] extends string | Plural ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

export type Namespace<T extends MessageTree> = { readonly [L in AdminLocale]: Translation<T> };

/** One namespace: English first (it defines the keys), then every other admin locale. */
export function defineMessages<T extends MessageTree>(en: T, others: { readonly [L in Exclude<AdminLocale, "en">]: Translation<T> }): Namespace<T> {
  return { en, ...others } as Namespace<T>;
}
