import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_LOCALES, type MessageTree, type Namespace } from "../../../app/i18n/define";
import { pickAdminLocale, requestAdminLocale, translator } from "../../../app/i18n/translate";
import { homeMessages } from "../../../app/i18n/home";

// Every namespace file in app/i18n (anything exporting a defineMessages() value) is checked here:
// a new screen's texts are covered without registering them anywhere.
const DIR = path.resolve("app/i18n");
const MACHINERY = new Set(["define.ts", "translate.ts", "react.tsx"]);

async function namespaces(): Promise<[string, Namespace<MessageTree>][]> {
  const found: [string, Namespace<MessageTree>][] = [];
  for (const file of fs.readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && !MACHINERY.has(f))) {
    const module = (await import(path.join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "object" && value !== null && ADMIN_LOCALES.every((l) => l in value)) found.push([`${file}:${name}`, value as Namespace<MessageTree>]);
    }
  }
  return found;
}

/** leaf path -> text (plural forms as path#form). */
function leaves(tree: MessageTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else if ("other" in value && typeof value.other === "string") for (const [form, text] of Object.entries(value)) out.set(`${at}#${form}`, text as string);
    else for (const [k, v] of leaves(value as MessageTree, at)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const withoutForms = (keys: Iterable<string>) => [...new Set([...keys].map((k) => k.split("#")[0]))].sort();

describe("admin translations", () => {
  it("finds the namespaces", async () => {
    const names = (await namespaces()).map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(["home.ts:homeMessages", "nav.ts:navMessages", "common.ts:commonMessages"]));
  });

  it("every locale has English's keys, no empty text, and the same placeholders", async () => {
    const problems: string[] = [];
    for (const [name, ns] of await namespaces()) {
      const en = leaves(ns.en);
      for (const locale of ADMIN_LOCALES) {
        const other = leaves(ns[locale]);
        const missing = withoutForms(en.keys()).filter((k) => !withoutForms(other.keys()).includes(k));
        const extra = withoutForms(other.keys()).filter((k) => !withoutForms(en.keys()).includes(k));
        if (missing.length) problems.push(`${name} ${locale}: missing ${missing.join(", ")}`);
        if (extra.length) problems.push(`${name} ${locale}: unknown ${extra.join(", ")}`);
        for (const [key, text] of other) {
          if (!text.trim()) problems.push(`${name} ${locale}: ${key} is empty`);
          const english = en.get(key) ?? en.get(`${key.split("#")[0]}#other`);
          if (english !== undefined && placeholders(text).join() !== placeholders(english).join()) {
            problems.push(`${name} ${locale}: ${key} has {${placeholders(text).join(", ")}}, English has {${placeholders(english).join(", ")}}`);
          }
        }
        for (const key of withoutForms(other.keys())) if (other.has(`${key}#one`) && !other.has(`${key}#other`)) problems.push(`${name} ${locale}: ${key} lacks "other"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("translator", () => {
  it("fills placeholders, formats numbers in the locale and picks plural forms", () => {
    expect(translator(homeMessages, "en")("recent.attempts", { count: 1 })).toBe("1 attempt");
    expect(translator(homeMessages, "en")("recent.attempts", { count: 1200 })).toBe("1,200 attempts");
    expect(translator(homeMessages, "de")("recent.attempts", { count: 1200 })).toBe("1.200 Versuche");
    expect(translator(homeMessages, "fr")("subtitle", { shop: "Maple & Moss" })).toBe("Notifications clients de Maple & Moss");
  });

  it("answers in the staff member's admin language, else the browser's, else English", () => {
    const req = (url: string, lang?: string) => new Request(url, { headers: lang ? { "accept-language": lang } : {} });
    expect(requestAdminLocale(req("https://herald.test/app?locale=es-MX"))).toBe("es");
    expect(requestAdminLocale(req("https://herald.test/app?locale=ja", "hi-IN,hi;q=0.9,en;q=0.8"))).toBe("hi");
    expect(requestAdminLocale(req("https://herald.test/app", "de-CH,de;q=0.9"))).toBe("de");
    expect(requestAdminLocale(req("https://herald.test/app"))).toBe("en");
    expect(pickAdminLocale(["pt-BR", "sv"])).toBe("en");
  });
});
