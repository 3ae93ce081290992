import type { TriggerConditions } from "./settings";
import type { OrderFacts } from "./types";

/**
 * The SKIPPED reason of a message for an order outside the merchant's conditions on a trigger
 * (tags, minimum value, shipping method, destination), or null when the order qualifies. The first
 * unmet condition names the reason, in the order the settings screen lists them.
 */
export function conditionSkipReason(order: OrderFacts, conditions: TriggerConditions): string | null {
  const tags = new Set(order.tags.map((t) => t.toLowerCase()));
  const has = (tag: string) => tags.has(tag.trim().toLowerCase());
  if (conditions.tagsInclude.length > 0 && !conditions.tagsInclude.some(has)) return "condition_tags_include";
  if (conditions.tagsExclude.some(has)) return "condition_tags_exclude";
  if (conditions.minOrderValue !== null) {
    const total = order.totalPrice === null ? Number.NaN : Number(order.totalPrice);
    // An order whose total is unknown cannot be shown to reach the minimum.
    if (!(total >= conditions.minOrderValue)) return "condition_min_value";
  }
  const method = conditions.shippingMethodContains?.trim().toLowerCase();
  if (method && !(order.shippingMethod ?? "").toLowerCase().includes(method)) return "condition_shipping_method";
  if (conditions.countries.length > 0 && !conditions.countries.includes((order.shippingCountry ?? "").toUpperCase())) return "condition_country";
  return null;
}
