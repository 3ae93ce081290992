import { z } from "zod";
import type { VariantUpdate } from "../models/variants.server";
import { adminQuery } from "../shopify/admin.server";
import { INVENTORY_ITEM_VARIANT_QUERY, STOCK_VARIANT_QUERY } from "../shopify/queries";

// Admin GraphQL look-ups for variants Herald has not recorded yet (from a background job, never on
// a webhook or storefront request path).

const numericId = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

const stockVariant = z.object({
  id: z.string(),
  title: z.string(),
  price: z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? null : String(v))),
  sku: z.string().nullish(),
  availableForSale: z.boolean(),
  inventoryQuantity: z.number().int().nullish(),
  inventoryPolicy: z.string().nullish(),
  updatedAt: z.coerce.date().nullish(),
  image: z.object({ url: z.string() }).nullish(),
  inventoryItem: z.object({ id: z.string(), tracked: z.boolean().nullish() }).nullish(),
  product: z.object({ id: z.string(), title: z.string(), handle: z.string().nullish(), featuredImage: z.object({ url: z.string() }).nullish() }),
});

function toUpdate(v: z.infer<typeof stockVariant>, now: Date): VariantUpdate {
  const tracked = v.inventoryItem?.tracked !== false && v.inventoryPolicy?.toUpperCase() !== "CONTINUE";
  return {
    id: numericId(v.id),
    productId: numericId(v.product.id),
    inventoryItemId: v.inventoryItem ? numericId(v.inventoryItem.id) : null,
    productTitle: v.product.title,
    title: v.title,
    sku: v.sku ?? null,
    price: v.price,
    imageUrl: v.image?.url ?? v.product.featuredImage?.url ?? null,
    productHandle: v.product.handle ?? null,
    available: v.availableForSale,
    inventoryQuantity: tracked ? (v.inventoryQuantity ?? null) : null,
    at: v.updatedAt ?? now,
  };
}

/** A variant as the Admin API knows it now; null when it does not exist (or the app cannot see it). */
export async function lookupVariant(shop: string, variantId: string, now: Date): Promise<VariantUpdate | null> {
  const data = await adminQuery<{ productVariant: unknown }>(shop, STOCK_VARIANT_QUERY, { id: `gid://shopify/ProductVariant/${variantId}` });
  if (!data.productVariant) return null;
  return toUpdate(stockVariant.parse(data.productVariant), now);
}

/** The variant of an inventory item as the Admin API knows it now; null when unknown. */
export async function lookupInventoryItem(shop: string, inventoryItemId: string, now: Date): Promise<VariantUpdate | null> {
  const data = await adminQuery<{ inventoryItem: { variant: unknown } | null }>(shop, INVENTORY_ITEM_VARIANT_QUERY, {
    id: `gid://shopify/InventoryItem/${inventoryItemId}`,
  });
  if (!data.inventoryItem?.variant) return null;
  return toUpdate(stockVariant.parse(data.inventoryItem.variant), now);
}
