/**
 * Parse a webhook body. Shopify ids are 64-bit integers (e.g. 820982911946154508) that plain
 * JSON.parse silently rounds; here any integer beyond Number.MAX_SAFE_INTEGER stays a string.
 *
 * One scan finds the JSON strings (skipped whole, escapes included) and the integer literals of 16
 * or more digits outside them; only the unsafe ones are quoted, then the built-in JSON.parse does
 * the rest. Decimals and exponents are left to JSON.parse (Shopify sends amounts as strings). For
 * integers it answers what lossless-json answers (tests/unit/webhooks/json.test.ts compares them)
 * at a third of the cost, on every webhook.
 */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d{16,}(?![\d.eE])/g;

export function parseShopifyJson(text: string): unknown {
  let out = "";
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    if (token.charCodeAt(0) === 34 /* " */ || Number.isSafeInteger(Number(token))) continue;
    out += `${text.slice(last, m.index)}"${token}"`;
    last = m.index + token.length;
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last));
}
