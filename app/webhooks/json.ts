import { isSafeNumber, parse } from "lossless-json";

/**
 * Parse a webhook body. Shopify ids are 64-bit integers (e.g. 820982911946154508) that plain
 * JSON.parse silently rounds; here any integer beyond Number.MAX_SAFE_INTEGER stays a string.
 */
export function parseShopifyJson(text: string): unknown {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value));
}
