import { z } from "zod";
import { carrierDay } from "../notifications/delay/carrier";

// Payload schemas per topic. Lenient about fields Herald does not use (Shopify adds fields
// across API versions), strict about the ones it does. Ids arrive as numbers or, when larger
// than 2^53, as strings (see json.ts); both become strings.

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const optionalId = z.union([z.string(), z.number().int()]).nullish().transform((v) => (v == null ? null : String(v)));
const date = z.coerce.date();
const optionalDate = z.preprocess((v) => (v === "" ? null : v), z.coerce.date().nullish()).transform((v) => v ?? null);
const optionalString = z.string().nullish().transform((v) => (v == null || v.trim() === "" ? null : v));

const lineItem = z.object({
  id,
  title: z.string().default(""),
  name: z.string().nullish(),
  variant_title: optionalString,
  quantity: z.number().int().nonnegative().default(1),
  sku: optionalString,
  price: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))),
  variant_id: optionalId,
  product_id: optionalId,
});

const address = z
  .object({
    first_name: optionalString,
    last_name: optionalString,
    phone: optionalString,
    country_code: optionalString,
    country: optionalString,
    province_code: optionalString,
  })
  .nullish();

/** orders/create, orders/updated, orders/cancelled */
export const orderPayload = z.object({
  id,
  name: z.string(),
  email: optionalString,
  contact_email: optionalString,
  phone: optionalString,
  customer_locale: optionalString,
  order_status_url: optionalString,
  test: z.boolean().default(false),
  cancelled_at: optionalDate,
  closed_at: optionalDate,
  created_at: date,
  updated_at: date,
  currency: optionalString,
  total_price: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))),
  financial_status: optionalString,
  fulfillment_status: optionalString,
  customer: z
    .object({
      first_name: optionalString,
      last_name: optionalString,
      email: optionalString,
      phone: optionalString,
    })
    .nullish(),
  shipping_address: address,
  billing_address: address,
  line_items: z.array(lineItem).default([]),
  /** "vip, gift": Shopify's comma-separated tags. */
  tags: optionalString,
  shipping_lines: z.array(z.object({ title: optionalString })).nullish().transform((lines) => lines ?? []),
});
export type OrderPayload = z.infer<typeof orderPayload>;

/** fulfillments/create, fulfillments/update */
export const fulfillmentPayload = z.object({
  id,
  order_id: id,
  name: optionalString,
  status: z.string(),
  shipment_status: optionalString,
  tracking_company: optionalString,
  tracking_number: optionalString,
  tracking_numbers: z.array(z.string()).default([]),
  tracking_url: optionalString,
  tracking_urls: z.array(z.string()).default([]),
  created_at: date,
  updated_at: date,
  email: optionalString,
  destination: address,
  origin_address: z.object({ country_code: optionalString }).passthrough().nullish(),
  line_items: z.array(lineItem).default([]),
});
export type FulfillmentPayload = z.infer<typeof fulfillmentPayload>;

/** fulfillment_events/create */
export const fulfillmentEventPayload = z.object({
  id,
  fulfillment_id: id,
  order_id: id,
  status: z.string(),
  message: optionalString,
  happened_at: date,
  // The carrier's day as sent, not the instant: "2026-06-13T20:00-04:00" is June 13 (carrierDay).
  estimated_delivery_at: z.preprocess((v) => (v === "" ? null : v), z.union([z.string(), z.date()]).nullish()).transform((v) => carrierDay(v)),
  city: optionalString,
  country: optionalString,
});
export type FulfillmentEventPayload = z.infer<typeof fulfillmentEventPayload>;

/** app/uninstalled (the shop object) */
export const appUninstalledPayload = z.object({ id: id.optional(), domain: z.string().optional() }).passthrough();

/** app/scopes_update */
export const scopesUpdatePayload = z.object({
  id: id.optional(),
  previous: z.array(z.string()).default([]),
  current: z.array(z.string()).default([]),
});

/** customers/data_request */
export const customersDataRequestPayload = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer: z.object({ id: optionalId, email: optionalString, phone: optionalString }),
  orders_requested: z.array(id).default([]),
  data_request: z.object({ id }).passthrough().optional(),
});

/** customers/redact */
export const customersRedactPayload = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer: z.object({ id: optionalId, email: optionalString, phone: optionalString }),
  orders_to_redact: z.array(id).default([]),
});

/** shop/redact */
export const shopRedactPayload = z.object({ shop_id: id, shop_domain: z.string() });

const gidNumber = z
  .string()
  .regex(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/, "expected gid://shopify/FulfillmentOrder/<id>")
  .transform((gid) => gid.slice(gid.lastIndexOf("/") + 1));

const fulfillmentHold = z.object({ reason: optionalString, reason_notes: optionalString });

/** fulfillment_orders/placed_on_hold, /hold_released, /rescheduled (no order id in these payloads). */
export const fulfillmentOrderPayload = z.object({
  fulfillment_order: z.object({
    id: gidNumber,
    status: z.string(),
    fulfill_at: optionalDate.optional().transform((v) => v ?? null),
    fulfillment_holds: z.array(fulfillmentHold).default([]),
  }),
  created_fulfillment_hold: fulfillmentHold.nullish(),
});
export type FulfillmentOrderPayload = z.infer<typeof fulfillmentOrderPayload>;

// Shopify's REST consent states are lower-case ("subscribed"); GraphQL's marketingState is upper-case
// ("SUBSCRIBED"). Herald stores GraphQL's spelling.
const consentState = z
  .object({ state: z.string().min(1).transform((s) => s.toUpperCase()) })
  .passthrough()
  .nullish()
  .transform((v) => v?.state ?? null);

/** customers/create, customers/update: contact details and marketing consent. */
export const customerPayload = z.object({
  id,
  email: optionalString,
  phone: optionalString,
  updated_at: date,
  email_marketing_consent: consentState,
  sms_marketing_consent: consentState,
  default_address: z.object({ country_code: optionalString }).passthrough().nullish(),
});
export type CustomerPayload = z.infer<typeof customerPayload>;

const quantity = z.number().int().nullish().transform((v) => v ?? null);
const money = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v)));

/** inventory_levels/update: one inventory item at one location. */
export const inventoryLevelPayload = z.object({
  inventory_item_id: id,
  location_id: optionalId,
  available: quantity,
  updated_at: date,
});
export type InventoryLevelPayload = z.infer<typeof inventoryLevelPayload>;

const variantFields = {
  id,
  product_id: id,
  title: z.string().default(""),
  price: money,
  sku: optionalString,
  /** "deny" stops selling at zero; "continue" keeps selling (never out of stock). */
  inventory_policy: optionalString,
  /** Absent in product payloads of newer API versions: then the payload says nothing of stock. */
  inventory_quantity: quantity.optional(),
  inventory_item_id: optionalId.optional(),
  image_id: optionalId.optional(),
  updated_at: optionalDate.optional(),
};

/** variants/in_stock, variants/out_of_stock */
export const variantPayload = z.object({ ...variantFields, updated_at: date });
export type VariantPayload = z.infer<typeof variantPayload>;

/** products/update: the product, its images and its variants. */
export const productPayload = z.object({
  id,
  title: z.string(),
  handle: optionalString,
  updated_at: date,
  image: z.object({ src: z.string() }).passthrough().nullish(),
  images: z.array(z.object({ id, src: z.string() }).passthrough()).default([]),
  variants: z.array(z.object(variantFields)).default([]),
});
export type ProductPayload = z.infer<typeof productPayload>;
