import { useCallback, useMemo, useState } from "react";
import { partsOf } from "../notifications/catalog";
import type { TemplateDraft } from "../notifications/validate";

/** One template of the editor's page (a trigger x step): a channel in a language. */
export interface TemplateRef {
  channel: "email" | "sms";
  locale: string;
}

type Drafts = ReadonlyMap<string, TemplateDraft>;

/** A template's key in the drafts ("sms|es"). */
export const templateKey = (ref: TemplateRef) => `${ref.channel}|${ref.locale}`;

/** The template a key names. */
export function templateOf(key: string): TemplateRef {
  const at = key.indexOf("|");
  return { channel: key.slice(0, at) as TemplateRef["channel"], locale: key.slice(at + 1) };
}

function differs(ref: TemplateRef, a: TemplateDraft, b: TemplateDraft): boolean {
  return partsOf(ref.channel).some((part) => (a[part] ?? "") !== (b[part] ?? ""));
}

function without(drafts: Drafts, keep: (key: string, draft: TemplateDraft) => boolean): Drafts {
  const next = new Map([...drafts].filter(([key, draft]) => keep(key, draft)));
  return next.size === drafts.size ? drafts : next;
}

/**
 * The unsaved drafts of every template of the editor's page, kept while the merchant moves between
 * channels and languages (each tab loads its saved version; its draft, if any, is kept here). Only the
 * template on screen can be compared with what is saved: it stops being a draft as soon as it equals it
 * (typed back, or saved); any other leaves the list when it is saved or discarded.
 */
export function useTemplateDrafts(current: TemplateRef, saved: TemplateDraft) {
  const [drafts, setDrafts] = useState<Drafts>(() => new Map());
  const key = templateKey(current);
  const held = drafts.get(key);
  const dirty = held !== undefined && differs(current, held, saved);

  const { channel, locale } = current;
  /** Change the draft on screen. */
  const edit = useCallback(
    (change: (draft: TemplateDraft) => TemplateDraft) =>
      setDrafts((all) => {
        const next = change(all.get(key) ?? saved);
        if (differs({ channel, locale }, next, saved)) return new Map(all).set(key, next);
        return without(all, (k) => k !== key);
      }),
    [key, channel, locale, saved],
  );

  // A save of the template on screen reloads what is saved: a draft that equals it is no longer one
  // (forgotten while rendering, as React advises for state that follows props).
  if (held !== undefined && !dirty) setDrafts((all) => without(all, (k) => k !== key));

  const pending = useMemo(() => without(drafts, (k) => k !== key || dirty), [drafts, key, dirty]);
  const unsaved = useMemo(() => [...pending.keys()].map(templateOf), [pending]);

  return {
    /** The draft on screen: the unsaved one, or what is saved. */
    draft: held ?? saved,
    dirty,
    edit,
    /** Every template with an unsaved draft, the one on screen included. */
    unsaved,
    /** The unsaved drafts by template key, as they are now: what a save of them all sends. */
    pending,
    /** Forget the drafts of a save that succeeded, unless they were changed while it was on its way. */
    settle: useCallback((sent: Drafts) => setDrafts((all) => without(all, (k, draft) => sent.get(k) !== draft)), []),
    /** Forget the draft on screen (a reset or a restore replaced it with what it saved). */
    drop: useCallback(() => setDrafts((all) => without(all, (k) => k !== key)), [key]),
    /** Forget every draft. */
    discardAll: useCallback(() => setDrafts(new Map()), []),
  };
}

/** Whether a list holds a template of `channel` (in `locale`, when given). */
export function holds(unsaved: readonly TemplateRef[], channel: TemplateRef["channel"], locale?: string): boolean {
  return unsaved.some((ref) => ref.channel === channel && (locale === undefined || ref.locale === locale));
}
