import { describe, expect, it } from "vitest";
import { resolveLocale, textDirection } from "~/notifications/locale";

const AVAILABLE = ["en", "es", "hi", "ml", "sw", "pt-BR"] as const;

describe("resolveLocale", () => {
  it.each<[string | null, string, string]>([
    ["ml", "en", "ml"],
    ["ml-IN", "en", "ml"],
    ["pt-BR", "en", "pt-BR"],
    ["pt-br", "en", "pt-BR"],
    ["pt_BR", "en", "pt-BR"],
    ["ES", "en", "es"],
    ["es-MX", "en", "es"],
    ["gu-IN", "hi", "hi"],
    ["gu", "hi-IN", "hi"],
    [null, "sw", "sw"],
    ["", "sw", "sw"],
    ["gu", "te", "en"],
    [null, "fr-CA", "en"],
  ])("GIVEN customer locale %j and shop locale %j THEN renders in %s", (customer, shop, expected) => {
    expect(resolveLocale(customer, shop, AVAILABLE)).toBe(expected);
  });

  // Their language, then the shop's, then English: a template in the customer's language from
  // another region comes before the shop's language.
  it.each<[string | null, string, readonly string[], string]>([
    ["pt-PT", "en", ["en", "pt-BR"], "pt-BR"],
    ["pt", "en", ["en", "pt-BR"], "pt-BR"],
    ["pt-PT", "es", ["en", "es", "pt-BR"], "pt-BR"],
    ["es", "en", ["en", "es-MX"], "es-MX"],
    ["es", "fr", ["en", "fr", "es-MX"], "es-MX"],
    ["es-AR", "en", ["en", "es-MX"], "es-MX"],
    ["es_ar", "en", ["en", "es-MX"], "es-MX"],
    ["es-AR", "en", ["en", "es-MX", "es-ES"], "es-MX"],
    ["es-AR", "en", ["en", "es-ES", "es"], "es"],
    ["es-MX", "en", ["en", "es", "es-MX"], "es-MX"],
    ["de-AT", "pt-PT", ["en", "pt-BR"], "pt-BR"],
    ["de", "fr-CA", ["en", "fr-FR"], "fr-FR"],
    ["de", "fr", ["en-GB", "es"], "en-GB"],
    ["de", "fr", ["es"], "en"],
    // Same language, another script: no match (Traditional Chinese readers do not get Simplified).
    ["zh-TW", "en", ["en", "zh-CN"], "en"],
    ["zh-HK", "en", ["en", "zh-CN"], "en"],
    ["zh-Hant-TW", "en", ["en", "zh-CN"], "en"],
    ["zh-MO", "en", ["en", "zh"], "en"],
    ["zh-TW", "zh-CN", ["en", "zh-CN"], "zh-CN"],
    ["zh-HK", "en", ["en", "zh-CN", "zh-TW"], "zh-TW"],
    ["zh-SG", "en", ["en", "zh-TW", "zh-CN"], "zh-CN"],
    ["zh-Hans", "en", ["en", "zh-CN"], "zh-CN"],
    ["sr-Latn", "en", ["en", "sr"], "en"],
    ["sr-Latn-RS", "en", ["en", "sr-Cyrl", "sr-Latn"], "sr-Latn"],
    ["sr", "en", ["en", "sr-Latn", "sr-Cyrl"], "sr-Cyrl"],
  ])("GIVEN customer %j, shop %j and templates %j THEN renders in %s", (customer, shop, available, expected) => {
    expect(resolveLocale(customer, shop, available)).toBe(expected);
  });
});

describe("textDirection", () => {
  it.each([
    ["ar", "rtl"],
    ["ar-EG", "rtl"],
    ["he", "rtl"],
    ["fa-IR", "rtl"],
    ["ur", "rtl"],
    ["en", "ltr"],
    ["ml-IN", "ltr"],
    ["hi", "ltr"],
  ])("writes %s %s", (locale, dir) => {
    expect(textDirection(locale)).toBe(dir);
  });
});
