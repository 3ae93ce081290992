import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOCK_FILE, DEFAULT_LOCALE_FILE, LOCALES_DIR, blockSchema, localeOf, readLocale, renderNotifyMe, storefrontLocaleFiles } from "../../support/storefront";

// The back-in-stock block's texts: every locale says everything the default says, nothing is left
// empty, and every key the block asks for exists.

const REQUIRED_LOCALES = ["en", "es", "fr", "de", "pt-BR", "it", "nl", "ja", "hi", "ar", "ml", "gu", "sw", "te"];

/** "a.b.c" -> value for every string leaf. */
function leaves(tree: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === "object" && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree)) for (const [key, value] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, value);
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const source = fs.readFileSync(BLOCK_FILE, "utf8");
const defaults = leaves(readLocale(DEFAULT_LOCALE_FILE));
const files = storefrontLocaleFiles();

describe("back-in-stock block locales", () => {
  it("has a storefront file for each of the 14 template locales, English as the default", () => {
    expect(files).toContain(DEFAULT_LOCALE_FILE);
    expect(files.map(localeOf).sort()).toEqual([...REQUIRED_LOCALES].sort());
  });

  it.each(files)("%s has exactly the default's keys, each a non-empty string without markup", (file) => {
    const strings = leaves(readLocale(file));
    expect([...strings.keys()].sort()).toEqual([...defaults.keys()].sort());
    for (const [key, value] of strings) {
      expect(typeof value, `${file}: ${key}`).toBe("string");
      expect((value as string).trim(), `${file}: ${key}`).not.toBe("");
      // The texts go into HTML attributes and elements: no characters that need escaping.
      expect(value as string, `${file}: ${key}`).not.toMatch(/[<>&"]/);
    }
  });

  it.each(files.filter((f) => f !== DEFAULT_LOCALE_FILE))("%s is translated, not a copy of English", (file) => {
    const strings = leaves(readLocale(file));
    const same = [...strings].filter(([key, value]) => value === defaults.get(key) && !/^(E-?mail|SMS)$/i.test(String(value)));
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it("defines every key the block translates with `| t`", () => {
    const used = [...source.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    for (const key of used) expect(defaults.has(key), key).toBe(true);
  });

  it("uses every storefront key (no stale texts)", () => {
    const used = new Set([...source.matchAll(/'([\w.]+)'\s*\|\s*t\b/g)].map((m) => m[1]));
    expect([...defaults.keys()].filter((k) => !used.has(k))).toEqual([]);
  });

  it("labels every schema setting through the default schema locale", () => {
    const schema = blockSchema(source);
    const labels = leaves(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, "en.default.schema.json"), "utf8")));
    const refs = [schema.name, ...schema.settings.flatMap((s) => [s.label, (s as { info?: string }).info])].filter((v): v is string => Boolean(v));
    expect(refs.length).toBeGreaterThan(4);
    for (const ref of refs) {
      expect(ref.startsWith("t:"), ref).toBe(true);
      expect(labels.has(ref.slice(2)), ref).toBe(true);
    }
    // Shopify limits an app block's name to 25 characters.
    expect(String(labels.get(schema.name.slice(2))).length).toBeLessThanOrEqual(25);
  });

  it.each(REQUIRED_LOCALES)("renders in %s with no missing translation", async (locale) => {
    const html = await renderNotifyMe({ locale, variant: "44100002" });
    expect(html).not.toContain("Translation missing");
    const file = files.find((f) => localeOf(f) === locale)!;
    expect(html).toContain(String(leaves(readLocale(file)).get("back_in_stock.form.heading")));
  });
});

describe("back-in-stock block markup", () => {
  it("is an app block for product pages, with its script and stylesheet", () => {
    const schema = blockSchema(source);
    expect(schema.target).toBe("section");
    expect(schema.enabled_on?.templates).toEqual(["product"]);
    for (const asset of [schema.javascript, schema.stylesheet]) expect(fs.existsSync(path.join(LOCALES_DIR, "..", "assets", String(asset))), asset).toBe(true);
  });

  it("starts hidden for an available variant and shown for a sold-out one", async () => {
    expect(await renderNotifyMe({ variant: "44100001" })).toMatch(/data-herald-bis[^>]*\shidden\s/);
    expect(await renderNotifyMe({ variant: "44100002" })).not.toMatch(/data-herald-bis[^>]*\shidden\s/);
  });

  it("asks for a phone number only when the merchant allows it, and uses the heading override", async () => {
    const withPhone = await renderNotifyMe({ variant: "44100002", settings: { show_phone: true } });
    const withoutPhone = await renderNotifyMe({ variant: "44100002", settings: { show_phone: false, heading: "Want it? <Tell us>" } });
    expect(withPhone).toContain('name="phone"');
    expect(withoutPhone).not.toContain('name="phone"');
    expect(withoutPhone).toContain("Want it? &lt;Tell us&gt;");
  });
});
