import fs from "node:fs";
import path from "node:path";
import { isSafeNumber, parse } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "../../../app/webhooks/json";
import { fixturesDir } from "../../simulator/webhooks/fixtures";

/** The reference: lossless-json with unsafe numbers kept as strings. */
const reference = (text: string): unknown => parse(text, null, (v: string) => (isSafeNumber(v) ? Number(v) : v));

describe("parseShopifyJson", () => {
  it("keeps 64-bit ids exact as strings and safe numbers as numbers", () => {
    const parsed = parseShopifyJson('{"id":820982911946154508,"n":-9007199254740993,"small":42,"price":"19.99","ratio":0.5}');
    expect(parsed).toEqual({ id: "820982911946154508", n: "-9007199254740993", small: 42, price: "19.99", ratio: 0.5 });
  });

  it("leaves digits inside strings and escaped quotes alone; decimals and exponents parse as JSON.parse does", () => {
    const text = String.raw`{"note":"call 12345678901234567890 \"or\" 820982911946154508","f":1.12345678901234567,"e":12345678901234567e3,"arr":[9007199254740991,9007199254740992]}`;
    expect(parseShopifyJson(text)).toEqual({
      note: 'call 12345678901234567890 "or" 820982911946154508',
      f: Number("1.12345678901234567"),
      e: Number("12345678901234567e3"),
      arr: [9007199254740991, "9007199254740992"],
    });
  });

  it("answers what lossless-json answers for every Shopify sample payload", () => {
    const dir = fixturesDir();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      expect(parseShopifyJson(text), file).toEqual(reference(text));
    }
  });

  it("answers what lossless-json answers for generated documents", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = [() => Math.floor(rand() * 1e6), () => `x${Math.floor(rand() * 1e18)}"\\q`, () => rand() - 0.5, () => null, () => true];
    for (let i = 0; i < 200; i++) {
      const bigs = Array.from({ length: 3 }, () => `${rand() < 0.5 ? "-" : ""}${String(Math.floor(rand() * 9) + 1)}${String(Math.floor(rand() * 1e17)).padStart(17, "0")}`);
      const obj = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`k${k}`, values[Math.floor(rand() * values.length)]()]));
      const text = JSON.stringify(obj).replace(/}$/, `,"ids":[${bigs.join(",")}],"nested":{"id":${bigs[0]}}}`);
      expect(parseShopifyJson(text), text).toEqual(reference(text));
    }
  });

  it("throws on text that is not JSON", () => {
    expect(() => parseShopifyJson('{"id": 820982911946154508')).toThrow();
    expect(() => parseShopifyJson("not json")).toThrow();
  });
});
