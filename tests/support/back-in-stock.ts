import { db } from "../../app/db.server";
import { appProxyQuery } from "./app-proxy";

// Back-in-stock test support: the storefront's signed sign-up request, a recorded variant, and the
// stock webhooks' payloads.

export const VARIANT_ID = "642667041472713922";
export const PRODUCT_ID = "788032119674292922";
export const INVENTORY_ITEM_ID = "271878346596884015";

/**
 * What Shopify's app proxy sends Herald for a POST to https://{shop}/apps/herald/back-in-stock: the
 * query signed (hex HMAC-SHA256 of the sorted key=value pairs, app secret), the form as the body.
 */
export function signupRequest(
  form: Record<string, string>,
  opts: { shop?: string; at?: Date; secret?: string; ip?: string } = {},
): Request {
  const params = appProxyQuery(new URLSearchParams(), { shop: opts.shop ?? "herald-test.myshopify.com", at: opts.at, secret: opts.secret });
  return new Request(`${process.env.SHOPIFY_APP_URL}/proxy/back-in-stock?${params}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": opts.ip ?? "203.0.113.7" },
    body: new URLSearchParams(form).toString(),
  });
}

/** A complete sign-up form for the sold-out variant. */
export function signupForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { variant_id: VARIANT_ID, product_id: PRODUCT_ID, email: "ana@example.com", phone: "", locale: "en", consent: "1", ...overrides };
}

/** POST the request to the route as Remix would. */
export async function postSignup(request: Request): Promise<{ status: number; body: Record<string, unknown> }> {
  const { action } = await import("../../app/routes/proxy.back-in-stock");
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Record the variant as Herald would know it (sold out unless told otherwise). */
export async function seedVariant(shop = "herald-test.myshopify.com", overrides: Partial<{ available: boolean; inventoryQuantity: number | null; at: Date }> = {}) {
  return db.variant.create({
    data: {
      shop,
      id: VARIANT_ID,
      productId: PRODUCT_ID,
      inventoryItemId: INVENTORY_ITEM_ID,
      productTitle: "Example T-Shirt",
      title: "Small",
      price: "19.99",
      imageUrl: "https://cdn.shopify.com/s/files/example-t-shirt.jpg",
      productHandle: "example-t-shirt",
      available: overrides.available ?? false,
      inventoryQuantity: overrides.inventoryQuantity ?? 0,
      shopifyUpdatedAt: overrides.at ?? new Date("2026-11-20T00:00:00Z"),
    },
  });
}

/** `count` email subscribers waiting for the test variant, one a minute, the last a minute before `before`. */
export async function seedWaitingSubscribers(shop: string, count: number, before: Date) {
  return db.stockSubscription.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shop,
      variantId: VARIANT_ID,
      productId: PRODUCT_ID,
      email: `w${i}@example.com`,
      locale: "en",
      waitingKey: `${shop}|${VARIANT_ID}|w${i}@example.com`,
      createdAt: new Date(before.getTime() - (count - i) * 60_000),
    })),
  });
}

/**
 * The JSON body as Shopify writes it: ids are bare numbers, some beyond 2^53 (a JS number would
 * round them), so they are given as digit strings here and written unquoted.
 */
function rawJson(body: Record<string, unknown>): string {
  return JSON.stringify(body).replace(/"(id|product_id|inventory_item_id|location_id)":"(\d+)"/g, '"$1":$2');
}

/** variants/in_stock or variants/out_of_stock for the test variant (raw JSON). */
export function variantPayload(updatedAt: Date, quantity: number): string {
  return rawJson({
    id: VARIANT_ID,
    product_id: PRODUCT_ID,
    title: "Small",
    price: "19.99",
    inventory_policy: "deny",
    inventory_quantity: quantity,
    old_inventory_quantity: 0,
    sku: null,
    updated_at: updatedAt.toISOString(),
    admin_graphql_api_id: `gid://shopify/ProductVariant/${VARIANT_ID}`,
  });
}

/** inventory_levels/update for the test variant's inventory item. */
export function inventoryLevelPayload(updatedAt: Date, available: number, inventoryItemId = INVENTORY_ITEM_ID): string {
  return rawJson({ inventory_item_id: inventoryItemId, location_id: "24826418", available, updated_at: updatedAt.toISOString() });
}
