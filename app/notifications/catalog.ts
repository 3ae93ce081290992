import type { Channel, TemplateVariables, Trigger } from "./types";

// The variables catalogue: what a template may use, per trigger, with a description and an example.
// The editor's variable picker shows it, validation checks templates against it (validate.ts), and
// README's "Templates" section lists the same entries. It is typed against TemplateVariables, so a
// new variable does not compile until it is documented here.

/** How a variable's value looks, for the picker and the docs. */
/** "money": an amount whose currency code is the `currency` beside it; written with `| money: <root>.currency`. */
export type VariableKind = "text" | "number" | "money" | "yes/no" | "date" | "link" | "email" | "phone" | "list";

/** One documented variable. */
export interface VariableDoc {
  /** Liquid path, e.g. "order.name"; line item fields are "item.title" (inside `{% for item in line_items %}`). */
  path: string;
  kind: VariableKind;
  description: string;
  /** A value as a customer would see it. */
  example: string;
  /** May be empty (null): guard with `{% if %}` or `| default:`. */
  optional: boolean;
}

/** A group of variables under one root object (shop, order, fulfillment...). */
export interface VariableGroup {
  /** The root name in Liquid: "shop", "line_items"... */
  root: keyof TemplateVariables;
  label: string;
  /** When the whole object can be null for this trigger (e.g. no fulfillment yet). */
  note: string | null;
  variables: VariableDoc[];
}

type FieldDocs<T> = { [K in keyof T]-?: Omit<VariableDoc, "path"> };
const docs = <T,>(prefix: string, fields: FieldDocs<T>): VariableDoc[] =>
  Object.entries(fields).map(([name, doc]) => ({ path: `${prefix}.${name}`, ...(doc as Omit<VariableDoc, "path">) }));

const SHOP = docs<TemplateVariables["shop"]>("shop", {
  name: { kind: "text", description: "Your store's name", example: "Maple & Moss", optional: false },
  email: { kind: "email", description: "Your store's contact email", example: "hello@maplemoss.com", optional: true },
  domain: { kind: "text", description: "Your store's myshopify domain", example: "maple-moss.myshopify.com", optional: false },
  contact_url: { kind: "link", description: "Your store's contact page", example: "https://maple-moss.myshopify.com/pages/contact", optional: false },
});

const CUSTOMER = docs<TemplateVariables["customer"]>("customer", {
  first_name: { kind: "text", description: 'First name; empty when unknown (use `| default: "there"`)', example: "Anjali", optional: false },
  last_name: { kind: "text", description: "Last name", example: "Nair", optional: true },
  email: { kind: "email", description: "Email on the order", example: "anjali@example.com", optional: true },
  phone: { kind: "phone", description: "Phone on the order", example: "+919876543210", optional: true },
});

const ORDER = docs<TemplateVariables["order"]>("order", {
  name: { kind: "text", description: "Order number as the customer knows it", example: "#1001", optional: false },
  status_url: { kind: "link", description: "Shopify's order status page for the customer", example: "https://maple-moss.myshopify.com/…/orders/…", optional: true },
  total_price: { kind: "money", description: "Order total, as Shopify formats it (use `| money: order.currency`)", example: "3597.00", optional: true },
  currency: { kind: "text", description: "Currency code of the order", example: "INR", optional: true },
});

const ITEMS: VariableDoc[] = [
  { path: "line_items", kind: "list", description: "Items in this package (or in the order, before it ships): loop with {% for item in line_items %}", example: "2 items", optional: false },
  ...docs<TemplateVariables["line_items"][number]>("item", {
    title: { kind: "text", description: "Product title", example: "Linen shirt", optional: false },
    variant_title: { kind: "text", description: "Variant (size, colour…)", example: "M / Indigo", optional: true },
    quantity: { kind: "number", description: "Quantity ordered", example: "2", optional: false },
    image_url: { kind: "link", description: "Product image (use in <img src>)", example: "https://cdn.shopify.com/…/shirt.jpg", optional: true },
    sku: { kind: "text", description: "SKU", example: "LS-M", optional: true },
  }),
];

const FULFILLMENT = docs<NonNullable<TemplateVariables["fulfillment"]>>("fulfillment", {
  name: { kind: "text", description: "Shipment name", example: "#1001.1", optional: true },
  carrier: { kind: "text", description: "Carrier", example: "UPS", optional: true },
  tracking_number: { kind: "text", description: "Tracking number", example: "1Z999AA10123456784", optional: true },
  tracking_url: { kind: "link", description: "Carrier's tracking page", example: "https://www.ups.com/track?tracknum=1Z999…", optional: true },
  estimated_delivery_at: { kind: "date", description: 'Estimated delivery day, "YYYY-MM-DD": write it with `| local_date`', example: "2025-06-13", optional: true },
  status: { kind: "text", description: "Latest carrier status (in_transit, out_for_delivery, delivered…) or Shopify's fulfillment status", example: "in_transit", optional: false },
});

const DELAY = docs<NonNullable<TemplateVariables["delay"]>>("delay", {
  kind: { kind: "text", description: "What kind of delay: unfulfilled, carrier_delay, stalled, not_picked_up, eta_passed, on_hold, rescheduled", example: "stalled", optional: false },
  reason: { kind: "text", description: 'Why: a carrier status ("delayed", "failure"), a hold reason ("incorrect_address", "inventory_out_of_stock"…) or a code per kind', example: "delayed", optional: true },
  new_estimate: { kind: "date", description: 'The day the customer can now expect, "YYYY-MM-DD" (use `| local_date`)', example: "2025-06-18", optional: true },
  since: { kind: "date", description: 'Day of the fact the notice is about (order date, last scan, missed estimate, hold), "YYYY-MM-DD"', example: "2025-06-09", optional: true },
  follow_up: { kind: "yes/no", description: "A second notice of the same kind (e.g. a new estimate missed again)", example: "false", optional: false },
});

const PRODUCT = docs<NonNullable<TemplateVariables["product"]>>("product", {
  title: { kind: "text", description: "Product title", example: "Linen shirt", optional: false },
  variant_title: { kind: "text", description: "Variant (size, colour…); empty for a product without options", example: "M / Indigo", optional: true },
  image_url: { kind: "link", description: "Variant or product image (use in <img src>)", example: "https://cdn.shopify.com/…/shirt.jpg", optional: true },
  price: { kind: "money", description: "Price, as Shopify formats it (use `| money: product.currency`)", example: "49.00", optional: true },
  currency: { kind: "text", description: "Your store's currency code", example: "USD", optional: false },
  url: { kind: "link", description: "The product page with this variant selected", example: "https://maple-moss.myshopify.com/products/linen-shirt?variant=4242", optional: false },
  cart_url: { kind: "link", description: "A cart with one of this variant in it, one click from checkout", example: "https://maple-moss.myshopify.com/cart/4242:1", optional: false },
});

const SIGNUP = docs<NonNullable<TemplateVariables["signup"]>>("signup", {
  confirm_by_reply: { kind: "yes/no", description: "Texts only: the customer must reply YES before alerts go to their phone (your SMS double opt-in policy)", example: "true", optional: false },
});

const UNSUBSCRIBE: VariableDoc[] = [
  {
    path: "unsubscribe_url",
    kind: "link",
    description: "The customer's one-click unsubscribe page for this kind of email (the footer already links it; empty in texts and previews)",
    example: "https://maple-moss.myshopify.com/apps/herald/unsubscribe?t=…",
    optional: true,
  },
];

const GROUPS: Record<keyof TemplateVariables, Omit<VariableGroup, "note">> = {
  unsubscribe_url: { root: "unsubscribe_url", label: "Unsubscribe", variables: UNSUBSCRIBE },
  shop: { root: "shop", label: "Store", variables: SHOP },
  customer: { root: "customer", label: "Customer", variables: CUSTOMER },
  order: { root: "order", label: "Order", variables: ORDER },
  line_items: { root: "line_items", label: "Items", variables: ITEMS },
  fulfillment: { root: "fulfillment", label: "Shipment and tracking", variables: FULFILLMENT },
  delay: { root: "delay", label: "Delay", variables: DELAY },
  product: { root: "product", label: "Product", variables: PRODUCT },
  signup: { root: "signup", label: "Sign-up", variables: SIGNUP },
};

/** Which variable groups each trigger's templates get, and when a group can be empty. */
const BY_TRIGGER: { readonly [T in Trigger]: ReadonlyArray<{ root: keyof TemplateVariables; note: string | null }> } = {
  shipping: [
    { root: "shop", note: null },
    { root: "customer", note: null },
    { root: "order", note: null },
    { root: "line_items", note: null },
    { root: "fulfillment", note: null },
  ],
  delay: [
    { root: "shop", note: null },
    { root: "customer", note: null },
    { root: "order", note: null },
    { root: "line_items", note: null },
    { root: "fulfillment", note: "Empty before the order ships (unfulfilled, on hold, rescheduled): guard with {% if fulfillment %}." },
    { root: "delay", note: null },
  ],
  back_in_stock: [
    { root: "shop", note: null },
    { root: "customer", note: "Only the email or phone the customer signed up with: no name is known." },
    { root: "product", note: null },
    { root: "signup", note: null },
  ],
};

/** The variables a template of `trigger` may use, grouped for the picker. */
export function variableCatalog(trigger: Trigger): VariableGroup[] {
  return BY_TRIGGER[trigger].map(({ root, note }) => ({ ...GROUPS[root], note }));
}

/** Root names a template of `trigger` may read (shop, customer, ...). */
export function variableRoots(trigger: Trigger): Array<keyof TemplateVariables> {
  return BY_TRIGGER[trigger].map((g) => g.root);
}



/**
 * Where a Liquid path is documented: the dotted path ("order.name", "fulfillment.carrier") is known for
 * the trigger. `path` is the root followed by property names; indexes (line_items[0]) are skipped.
 */
export function isDocumentedPath(trigger: Trigger, path: readonly string[]): boolean {
  const [root, field] = path;
  if (!variableRoots(trigger).includes(root as keyof TemplateVariables)) return false;
  if (field === undefined) return true;
  if (root === "line_items") return ITEM_FIELDS.has(field) || LIST_PROPERTIES.has(field);
  const group = GROUPS[root as keyof TemplateVariables];
  const known = group.variables.some((v) => v.path === `${root}.${field}`);
  // Nothing in Herald's variables is nested deeper than root.field, except Liquid's own properties of text.
  return known && (path.length === 2 || (path.length === 3 && LIST_PROPERTIES.has(path[2])));
}

const ITEM_FIELDS = new Set(ITEMS.filter((v) => v.path.startsWith("item.")).map((v) => v.path.slice("item.".length)));
// Liquid's built-in properties of arrays and strings: `line_items.size`, `line_items.first.title`...
const LIST_PROPERTIES = new Set(["size", "first", "last"]);

/** Fields of one line item (for `item.x` inside a loop). */
export function lineItemFields(): string[] {
  return [...ITEM_FIELDS];
}

/** Every documented path of a trigger, for "did you mean" suggestions. */
export function documentedPaths(trigger: Trigger): string[] {
  return variableCatalog(trigger).flatMap((g) => g.variables.map((v) => v.path).filter((p) => !p.startsWith("item.")));
}

// ---- the parts of a template ----------------------------------------------------------------------

/** The parts of a template a merchant edits. Email: subject, preheader, html, text. SMS: body. */
export type TemplatePart = "subject" | "preheader" | "html" | "text" | "body";

const EMAIL_PARTS = ["subject", "preheader", "html", "text"] as const;
const SMS_PARTS = ["body"] as const;

/** The parts a channel's template has, in editor order (WhatsApp sends approved templates instead). */
export function partsOf(channel: Channel): readonly TemplatePart[] {
  return channel === "email" ? EMAIL_PARTS : SMS_PARTS;
}

/** How the editor names each part. */
export const PART_LABELS: Record<TemplatePart, string> = {
  subject: "subject",
  preheader: "preheader",
  html: "HTML body",
  text: "plain-text body",
  body: "SMS text",
};

/** Longest SMS body Twilio accepts. */
export const MAX_SMS_CHARACTERS = 1600;
