import type { TemplateVariables } from "./types";

// Order numbers, tracking numbers and SKUs are left-to-right tokens. Inside right-to-left text they
// come out scrambled: in Arabic, digits after an Arabic letter are Arabic numbers and the "#" of
// "#1001" is a neutral that takes the paragraph's direction, so "طلبك #1001" displays as "1001#".
// In a right-to-left message these values are therefore isolated: wrapped in LEFT-TO-RIGHT ISOLATE
// ... POP DIRECTIONAL ISOLATE (U+2066 ... U+2069), which plain text and SMS keep as they are, and
// which the email HTML turns into <span dir="ltr"> elements (renderIsolates). This works for
// merchants' templates as much as for Herald's, whatever filters they pipe the values through.

const LRI = "\u2066";
const PDI = "\u2069";

/** `value` wrapped in a left-to-right isolate (null and "" stay as they are). */
export function isolateLtr<T extends string | null>(value: T): T {
  return (value ? `${LRI}${value}${PDI}` : value) as T;
}

/**
 * The variables with their left-to-right tokens (order and shipment names, tracking number, SKUs,
 * phone numbers) isolated when the message is written right to left; the same object otherwise.
 * Links are never touched: they go into href attributes.
 */
export function isolateLtrValues(vars: TemplateVariables, direction: "ltr" | "rtl"): TemplateVariables {
  if (direction !== "rtl") return vars;
  return {
    ...vars,
    customer: { ...vars.customer, phone: isolateLtr(vars.customer.phone) },
    order: vars.order && { ...vars.order, name: isolateLtr(vars.order.name) },
    line_items: vars.line_items.map((item) => ({ ...item, sku: isolateLtr(item.sku) })),
    fulfillment: vars.fulfillment && {
      ...vars.fulfillment,
      name: isolateLtr(vars.fulfillment.name),
      tracking_number: isolateLtr(vars.fulfillment.tracking_number),
    },
  };
}

// The marks, also as `| url_encode` writes them into a link.
const ISOLATE_MARKS = /[\u2066\u2069]|%E2%81%A[69]/gi;
// An isolate whose text holds no markup and no other isolate: what isolateLtr made, escaped or filtered.
const ISOLATED_TEXT = /\u2066([^\u2066\u2069<>]*)\u2069/g;
// A tag, or a run of text between tags.
const TAG_OR_TEXT = /<[^>]*>|[^<]+/g;
const URL = /\bhttps?:\/\/\S+/g;

/**
 * Rendered email HTML: isolates in text become <span dir="ltr"> (which HTML isolates, and which email
 * clients without Unicode 6.3 bidi support still understand); inside tags (a tracking number in an
 * href or an alt text) the marks are dropped, so a link a template builds from a value still works.
 */
export function renderIsolates(html: string): string {
  if (!html.includes(LRI) && !/%E2%81%A6/i.test(html)) return html;
  return html.replace(TAG_OR_TEXT, (part) =>
    part.startsWith("<") ? part.replace(ISOLATE_MARKS, "") : part.replace(ISOLATED_TEXT, '<span dir="ltr">$1</span>'),
  );
}

/** Plain text and SMS: the marks stay around values, but not inside a link a template built from one. */
export function unisolateLinks(text: string): string {
  if (!text.includes(LRI) && !/%E2%81%A6/i.test(text)) return text;
  return text.replace(URL, (url) => url.replace(ISOLATE_MARKS, ""));
}
