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

  it("does not pick a regional variant for a bare language (pt is not pt-BR)", () => {
    expect(resolveLocale("pt", "en", AVAILABLE)).toBe("en");
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
