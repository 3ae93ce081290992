import { createContext, useCallback, useContext, useMemo } from "react";
import { commonLabel, commonMessages } from "./common";
import type { AdminLocale, MessageTree, Namespace } from "./define";
import { translator, type Translate } from "./translate";

const LocaleContext = createContext<AdminLocale>("en");

/** Provided once by the admin layout (app/routes/app.tsx) with the locale its loader resolved. */
export const AdminLocaleProvider = LocaleContext.Provider;

/** The admin user's language. */
export function useAdminLocale(): AdminLocale {
  return useContext(LocaleContext);
}

/** `const t = useT(homeMessages); t("figures.sent")`. */
export function useT<T extends MessageTree>(namespace: Namespace<T>): Translate<T> {
  const locale = useAdminLocale();
  return useMemo(() => translator(namespace, locale), [namespace, locale]);
}

/** Numbers and dates in the admin user's language; dates in the shop's time zone. */
export function useFormat(timeZone = "UTC") {
  const locale = useAdminLocale();
  return useMemo(() => {
    const number = new Intl.NumberFormat(locale);
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
    return {
      number: (n: number) => number.format(n),
      dateTime: (iso: string | Date) => dateTime.format(new Date(iso)),
      date: (iso: string | Date) => date.format(new Date(iso)),
      money: (amount: number | string, currency: string) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount)),
    };
  }, [locale, timeZone]);
}

/** Statuses, channels and triggers in the admin user's language: `label("status", m.status)`. */
export function useCommonLabels(): (group: "status" | "channel" | "trigger", value: string) => string {
  const t = useT(commonMessages) as (key: string) => string;
  return useCallback((group, value) => commonLabel(t, group, value), [t]);
}
