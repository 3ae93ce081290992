import { useCallback, useMemo } from "react";
import { useAdminLocale } from "./react";

/** A language's name in the admin user's language, with its code: "Arabic (ar)", "Árabe (ar)", "अरबी (ar)". */
export function useLanguageNames(): (code: string) => string {
  const locale = useAdminLocale();
  const names = useMemo(() => new Intl.DisplayNames([locale], { type: "language" }), [locale]);
  return useCallback(
    (code: string) => {
      try {
        return `${names.of(code) ?? code} (${code})`;
      } catch {
        return code;
      }
    },
    [names],
  );
}
