import type { Variant } from "@prisma/client";
import { db } from "../db.server";
import { applyVariantUpdate, findVariant } from "../models/variants.server";
import { lookupVariant } from "./lookup.server";

/**
 * The variant's facts: recorded ones, else asked of the Admin API once and recorded. Null when
 * Shopify does not know the variant (a forged or stale id from the storefront).
 */
export async function knownVariant(shop: string, variantId: string, now: Date): Promise<Variant | null> {
  const held = await findVariant(shop, variantId);
  if (held) return held;
  const found = await lookupVariant(shop, variantId, now);
  if (!found) return null;
  await db.$transaction((tx) => applyVariantUpdate(tx, shop, found));
  return findVariant(shop, variantId);
}
