import { useSearchParams } from "@remix-run/react";
import { ChoiceList, InlineStack, TextField, type FilterInterface } from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { commonMessages } from "../i18n/common";
import { messagesLogMessages } from "../i18n/messages-log";
import { useCommonLabels, useT } from "../i18n/react";

// The message log's filters live in the URL (reloads, shared links, back and forward keep them).
// Typed values wait a moment before they go to the URL, so each keystroke is not a page load.

const LISTS = {
  trigger: Object.keys(commonMessages.en.trigger),
  channel: Object.keys(commonMessages.en.channel),
  status: Object.keys(commonMessages.en.status),
} as const;
type ListKey = keyof typeof LISTS;
const TEXT_KEYS = ["customer", "order", "from", "to"] as const;
type TextKey = (typeof TEXT_KEYS)[number];
const ALL_KEYS = [...TEXT_KEYS, "match", ...(Object.keys(LISTS) as ListKey[])];

const TYPING_DELAY_MS = 400;

/** The log's filter state, read from and written to the URL's search params. */
export function useLogFilters() {
  const [params, setParams] = useSearchParams();
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const inUrl = JSON.stringify(TEXT_KEYS.map((k) => params.get(k) ?? ""));
  const fromUrl = () => Object.fromEntries(TEXT_KEYS.map((k) => [k, params.get(k) ?? ""])) as Record<TextKey, string>;
  const [text, setText] = useState<Record<TextKey, string>>(fromUrl);
  const [seen, setSeen] = useState(inUrl);
  // Typed values wait together: every field's latest value goes to the URL in one change when the
  // typing stops (one timer per change would drop an earlier field's edit for a later one's).
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; changes: Record<string, string | null> }>({ changes: {} });

  // Back and forward change the URL: the fields follow it.
  if (seen !== inUrl) {
    setSeen(inUrl);
    setText(fromUrl());
  }

  const commit = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          // A new filter starts from the newest messages.
          next.delete("after");
          next.delete("before");
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  // The timer runs the newest commit: it reads the URL as it is then, not as it was at the keystroke.
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  }, [commit]);
  const setTextValue = useCallback((key: TextKey, value: string) => {
    setText((current) => ({ ...current, [key]: value }));
    const batch = pending.current;
    batch.changes[key] = value.trim() || null;
    clearTimeout(batch.timer);
    batch.timer = setTimeout(() => {
      const changes = batch.changes;
      batch.changes = {};
      latestCommit.current(changes, true);
    }, TYPING_DELAY_MS);
  }, []);
  useEffect(() => () => clearTimeout(pending.current.timer), []);

  const list = (key: ListKey) => (params.get(key) ?? "").split(",").filter(Boolean);
  const setList = (key: ListKey, values: string[]) => commit({ [key]: values.join(",") || null });
  const match = params.get("match") === "exact" ? "exact" : "contains";

  const applied = useMemo(() => {
    const items: Array<{ key: string; label: string; onRemove: () => void }> = [];
    const add = (key: string, name: string, value: string) => items.push({ key, label: t("filters.applied", { filter: name, value }), onRemove: () => commit({ [key]: null }) });
    const order = params.get("order");
    if (order) add("order", t("filters.order"), order);
    if (params.get("match") === "exact") add("match", t("filters.match"), t("filters.exact"));
    for (const key of Object.keys(LISTS) as ListKey[]) {
      const values = (params.get(key) ?? "").split(",").filter(Boolean);
      if (values.length) add(key, t(`filters.${key}`), values.map((v) => label(key, v)).join(", "));
    }
    const from = params.get("from");
    const to = params.get("to");
    if (from || to) {
      items.push({ key: "date", label: t("filters.applied", { filter: t("filters.date"), value: `${from ?? "…"} – ${to ?? "…"}` }), onRemove: () => commit({ from: null, to: null }) });
    }
    return items;
  }, [params, t, label, commit]);

  const clearAll = useCallback(() => {
    clearTimeout(pending.current.timer);
    pending.current.changes = {};
    setText(Object.fromEntries(TEXT_KEYS.map((k) => [k, ""])) as Record<TextKey, string>);
    commit(Object.fromEntries(ALL_KEYS.map((k) => [k, null])));
  }, [commit]);

  return {
    query: text.customer,
    setQuery: (value: string) => setTextValue("customer", value),
    text,
    setTextValue,
    list,
    setList,
    match,
    setMatch: (value: string) => commit({ match: value === "exact" ? "exact" : null }),
    applied,
    clearAll,
  };
}

export type LogFiltersState = ReturnType<typeof useLogFilters>;

/** The filter panels of the log (IndexFilters' `filters`). */
export function useMessageFilterFields(f: LogFiltersState): FilterInterface[] {
  const t = useT(messagesLogMessages);
  const label = useCommonLabels();
  const choices = (key: ListKey) => LISTS[key].map((value) => ({ label: label(key, value), value }));
  const listFilter = (key: ListKey): FilterInterface => ({
    key,
    label: t(`filters.${key}`),
    shortcut: true,
    filter: <ChoiceList title={t(`filters.${key}`)} titleHidden choices={choices(key)} selected={f.list(key)} onChange={(v) => f.setList(key, v)} allowMultiple />,
  });
  return [
    {
      key: "order",
      label: t("filters.order"),
      shortcut: true,
      filter: <TextField label={t("filters.order")} labelHidden helpText={t("filters.orderHelp")} value={f.text.order} onChange={(v) => f.setTextValue("order", v)} autoComplete="off" />,
    },
    {
      key: "match",
      label: t("filters.match"),
      filter: (
        <ChoiceList
          title={t("filters.match")}
          titleHidden
          choices={[
            { label: t("filters.contains"), value: "contains" },
            { label: t("filters.exact"), value: "exact" },
          ]}
          selected={[f.match]}
          onChange={([v]) => f.setMatch(v)}
        />
      ),
    },
    listFilter("trigger"),
    listFilter("channel"),
    listFilter("status"),
    {
      key: "date",
      label: t("filters.date"),
      shortcut: true,
      filter: (
        <InlineStack gap="200" wrap={false}>
          <TextField label={t("filters.from")} type="date" value={f.text.from} onChange={(v) => f.setTextValue("from", v)} autoComplete="off" />
          <TextField label={t("filters.to")} type="date" value={f.text.to} onChange={(v) => f.setTextValue("to", v)} autoComplete="off" />
        </InlineStack>
      ),
    },
  ];
}
