import { db, type Tx } from "../db.server";

// Variant facts for back-in-stock: what a variant is (titles, price, image, handle) and whether it
// can be bought. Webhooks arrive late and out of order: an update older than what is held is dropped.

/** What a stock webhook or the Admin API says about a variant. Fields left undefined are not known from that source. */
export interface VariantUpdate {
  id: string;
  productId?: string;
  inventoryItemId?: string | null;
  productTitle?: string;
  title?: string;
  sku?: string | null;
  price?: string | null;
  imageUrl?: string | null;
  productHandle?: string | null;
  available: boolean;
  /** Units available (null: not tracked, or unknown). */
  inventoryQuantity: number | null;
  /** Shopify's clock for this fact. */
  at: Date;
}

/** The availability change an update made: null when it was older than what is held. */
export interface AvailabilityChange {
  /** Null: Herald had no record of the variant before this update. */
  before: boolean | null;
  after: boolean;
  units: number | null;
}

/**
 * Record a variant update when it is not older than the facts held. A variant Herald has never
 * seen is created only with its descriptive fields (the caller looks them up first).
 * Returns the availability change (`before` null when the row is new), or null when nothing was applied.
 */
export async function applyVariantUpdate(tx: Tx, shop: string, u: VariantUpdate): Promise<{ applied: boolean; change: AvailabilityChange | null }> {
  const held = await tx.variant.findUnique({ where: { shop_id: { shop, id: u.id } } });
  const described = {
    ...(u.productId !== undefined ? { productId: u.productId } : {}),
    ...(u.inventoryItemId ? { inventoryItemId: u.inventoryItemId } : {}),
    ...(u.productTitle !== undefined ? { productTitle: u.productTitle } : {}),
    ...(u.title !== undefined ? { title: u.title } : {}),
    ...(u.sku !== undefined ? { sku: u.sku } : {}),
    ...(u.price !== undefined ? { price: u.price } : {}),
    ...(u.imageUrl !== undefined ? { imageUrl: u.imageUrl } : {}),
    ...(u.productHandle !== undefined ? { productHandle: u.productHandle } : {}),
  };
  if (!held) {
    if (u.productId === undefined || u.productTitle === undefined || u.title === undefined) return { applied: false, change: null };
    await tx.variant.create({
      data: {
        shop,
        id: u.id,
        productId: u.productId,
        productTitle: u.productTitle,
        title: u.title,
        ...described,
        available: u.available,
        inventoryQuantity: u.inventoryQuantity,
        shopifyUpdatedAt: u.at,
      },
    });
    return { applied: true, change: { before: null, after: u.available, units: u.inventoryQuantity } };
  }
  if (u.at.getTime() < held.shopifyUpdatedAt.getTime()) {
    // Older stock news; descriptive fields (titles, image) still fill gaps.
    if (Object.keys(described).length > 0) await tx.variant.update({ where: { shop_id: { shop, id: u.id } }, data: described });
    return { applied: false, change: null };
  }
  await tx.variant.update({
    where: { shop_id: { shop, id: u.id } },
    data: { ...described, available: u.available, inventoryQuantity: u.inventoryQuantity, shopifyUpdatedAt: u.at },
  });
  return { applied: true, change: { before: held.available, after: u.available, units: u.inventoryQuantity } };
}

/** The variant of an inventory item, when Herald has recorded it. */
export async function variantIdOfInventoryItem(shop: string, inventoryItemId: string): Promise<string | null> {
  const row = await db.variant.findFirst({ where: { shop, inventoryItemId }, select: { id: true } });
  return row?.id ?? null;
}

export async function findVariant(shop: string, id: string) {
  return db.variant.findUnique({ where: { shop_id: { shop, id } } });
}
