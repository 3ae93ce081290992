import { describe, expect, it } from "vitest";
import { ADMIN_LOCALES } from "~/i18n/define";
import { translateIssue } from "~/i18n/template-issues";
import { validateTemplate, type TemplateDraft } from "~/notifications/validate";

// The editor translates the validator's sentences by matching them: these are the sentences the
// validator really produces, so a change of wording there fails here rather than silently showing English.
const NOW = new Date("2025-06-10T12:00:00Z");
const base = { subject: "Your order {{ order.name }}", html: "<p>Hi</p>", text: "Hi" };
const email = (draft: Partial<TemplateDraft>) =>
  validateTemplate({ trigger: "shipping", step: "shipped", channel: "email", locale: "en", draft: { ...base, ...draft }, now: NOW }).issues.map((i) => i.message);
const sms = (body: string) => validateTemplate({ trigger: "shipping", step: "shipped", channel: "sms", locale: "en", draft: { body }, now: NOW }).issues.map((i) => i.message);

const sentences = [
  ...email({ subject: " " }),
  ...email({ text: "{{ order.nme }}" }),
  ...email({ html: "{% for item in line_items %}{{ item.titel }}{% endfor %}" }),
  ...email({ html: "{{ order.name | shout }}" }),
  ...email({ subject: "{% if false %}x{% endif %}" }),
  ...email({ preheader: "y".repeat(300) }),
  ...sms(`{{ order.name }} ${"x".repeat(1700)}`),
  ...sms(""),
];

describe("the template editor's sentences in the admin's language", () => {
  it("covers what the validator says", () => {
    expect(sentences).toHaveLength(8);
    for (const locale of ADMIN_LOCALES.filter((l) => l !== "en")) {
      const untranslated = sentences.filter((s) => translateIssue(s, locale) === s);
      expect(untranslated, locale).toEqual([]);
    }
  });

  it("keeps names, numbers and suggestions, and English exactly as it came", () => {
    const unknown = '"order.nme" is not a variable of shipping messages. Did you mean "order.name"?';
    expect(translateIssue(unknown, "en")).toBe(unknown);
    expect(translateIssue(unknown, "es")).toBe("«order.nme» no es una variable de los mensajes de «Actualizaciones de envío». ¿Querías decir «order.name»?");
    expect(translateIssue("The output is 1300 characters long; the limit is 250.", "de")).toBe("Die Ausgabe ist 1.300 Zeichen lang; das Limit ist 250.");
    expect(translateIssue("The SMS text is empty.", "fr")).toBe("Le champ « texte du SMS » est vide.");
    expect(translateIssue("Fix the template's problems before sending a test.", "hi")).toBe("टेस्ट भेजने से पहले टेम्पलेट की समस्याएँ ठीक करें।");
    // A render past JavaScript's string length limit (render.ts), as the validator passes it on
    expect(translateIssue("The output is too large (string length limit)", "es")).toBe(translateIssue("The output is too large.", "es"));
    expect(translateIssue("The output is too large (string length limit)", "de")).not.toContain("string length");
    // Liquid's own parse errors are not Herald's words: shown as they came
    expect(translateIssue("Tag {% if %} not closed", "es")).toBe("Tag {% if %} not closed");
  });
});
