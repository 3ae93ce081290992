import { useCallback } from "react";
import type { AdminLocale, Namespace } from "./define";
import { useAdminLocale } from "./react";
import { stepMessages } from "./steps";
import { templateEditorMessages } from "./template-editor";
import { translator, type Translate } from "./translate";

// The validator (app/notifications/validate.ts) and the test sender (app/models/templates.server.ts)
// answer in English sentences, which logs and the API keep. The editor shows them in the admin user's
// language: each known sentence maps to a key of template-editor.ts with its values; a sentence that
// is not known here (Liquid's own parse errors) is shown as it came.

type EditorTexts = typeof templateEditorMessages extends Namespace<infer T> ? T : never;
type Rule = [RegExp, (m: RegExpExecArray, t: Translate<EditorTexts>, trigger: (key: string) => string) => string];

const PART_BY_LABEL: Record<string, keyof typeof templateEditorMessages.en.partNames> = {
  subject: "subject",
  preheader: "preheader",
  "HTML body": "html",
  "plain-text body": "text",
  "SMS text": "body",
};

const RULES: Rule[] = [
  [/^The (subject|preheader|HTML body|plain-text body|SMS text) is empty\.$/, (m, t) => t("issues.empty", { part: t(`partNames.${PART_BY_LABEL[m[1]]}`) })],
  [
    /^"(.+)" is not a variable of (\w+) messages\.(?: Did you mean "(.+)"\?)?$/,
    (m, t, trigger) => [t("issues.unknownVariable", { name: m[1], trigger: trigger(m[2]) }), m[3] ? t("issues.didYouMean", { hint: m[3] }) : ""].join(" ").trim(),
  ],
  [/^"(.+)" is not defined \(a line item has (.+)\)\.$/, (m, t) => t("issues.undefinedItem", { name: m[1], fields: m[2] })],
  [/^"(.+)" is not defined\.$/, (m, t) => t("issues.undefinedVariable", { name: m[1] })],
  [/^The template takes too long to render/, (_, t) => t("issues.tooSlow")],
  [/^The template builds too much data/, (_, t) => t("issues.tooMuchData")],
  [/^The template is too long\.$/, (_, t) => t("issues.tooLong")],
  [/^Unknown filter "(.+)"\.$/, (m, t) => t("issues.unknownFilter", { name: m[1] })],
  // The validator says "the output is too large"; a render that meets JavaScript's string length limit
  // adds why (app/notifications/render.ts).
  [/^The output is too large(?: \(string length limit\))?\.?$/, (_, t) => t("issues.outputTooLarge")],
  [/^The subject renders empty\.$/, (_, t) => t("issues.subjectEmpty")],
  [/^The plain-text part renders empty\.$/, (_, t) => t("issues.textEmpty")],
  [/^The message renders empty\.$/, (_, t) => t("issues.bodyEmpty")],
  [/^The message is (\d+) characters long; at most (\d+) can be sent\.$/, (m, t) => t("issues.smsTooLong", { count: Number(m[1]), max: Number(m[2]) })],
  [/^The output is (\d+) characters long; the limit is (\d+)\.$/, (m, t) => t("issues.outputTooLong", { count: Number(m[1]), max: Number(m[2]) })],
  [/^There is no version (\d+) of this template\.$/, (m, t) => t("issues.noVersion", { version: Number(m[1]) })],
  [/^This store is not installed\.$/, (_, t) => t("testErrors.notInstalled")],
  [/^Enter a valid email address\.$/, (_, t) => t("testErrors.invalidEmail")],
  [/^Enter a mobile number with its country code/, (_, t) => t("testErrors.invalidPhone")],
  [/^Fix the template's problems before sending a test\.$/, (_, t) => t("testErrors.fixFirst")],
  [/^You can send (\d+) tests an hour\./, (m, t) => t("testErrors.rateLimit", { count: Number(m[1]) })],
  [/^Herald may not message (.+): it unsubscribed, bounced or replied STOP \((.+)\)\.$/, (m, t) => t("testErrors.suppressed", { recipient: m[1], reason: m[2] })],
  [/^The provider refused the test: (.*)$/s, (m, t) => t("testErrors.refused", { error: m[1] })],
];

/** A validator or test-send sentence in an admin locale (English: exactly as it came). */
export function translateIssue(message: string, locale: AdminLocale): string {
  if (locale === "en") return message;
  const t = translator(templateEditorMessages, locale);
  const steps = translator(stepMessages, locale) as (key: string) => string;
  const trigger = (key: string) => (Object.hasOwn(stepMessages.en.triggers, key) ? steps(`triggers.${key}`) : key);
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(match, t, trigger);
  }
  return message;
}

/** translateIssue in the admin user's language. */
export function useIssueText(): (message: string) => string {
  const locale = useAdminLocale();
  return useCallback((message: string) => translateIssue(message, locale), [locale]);
}
