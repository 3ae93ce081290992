import type { Intent } from "./types";

/**
 * The deterministic key under the unique index of Message rows: a retried webhook, a duplicate delivery or
 * a second worker deciding the same thing produces the same key, so the second insert is a no-op.
 * A missing recipient is spelled "-" so SKIPPED rows are deduplicated too.
 */
export function dedupKey(shop: string, intent: Intent): string {
  return [shop, intent.trigger, intent.subject, intent.step, intent.recipient ?? "-", intent.channel].join("|");
}
