import type { VariantUpdate } from "../models/variants.server";
import type { InventoryLevelPayload, ProductPayload, VariantPayload } from "../webhooks/schemas";

// Stock webhooks -> what they say about variants. Pure: the topics registry calls these and the
// worker applies the result (app/backinstock/restock.server.ts).

/** What a stock webhook says, before Herald knows which variant an inventory item is. */
export type StockNews =
  | { kind: "variant"; update: VariantUpdate }
  | { kind: "inventory_item"; inventoryItemId: string; available: number | null; at: Date };

/** inventory_levels/update */
export function inventoryLevelNews(p: InventoryLevelPayload): StockNews[] {
  return [{ kind: "inventory_item", inventoryItemId: p.inventory_item_id, available: p.available, at: p.updated_at }];
}

/** variants/in_stock and variants/out_of_stock: the topic says which; the payload adds units. */
export function variantStockNews(p: VariantPayload, available: boolean): StockNews[] {
  return [
    {
      kind: "variant",
      update: {
        id: p.id,
        productId: p.product_id,
        inventoryItemId: p.inventory_item_id ?? undefined,
        title: p.title,
        price: p.price,
        sku: p.sku,
        available,
        inventoryQuantity: available ? positive(p.inventory_quantity) : 0,
        at: p.updated_at,
      },
    },
  ];
}

/** products/update: every variant whose stock the payload reports, with the product's title, handle and image. */
export function productNews(p: ProductPayload): StockNews[] {
  return p.variants
    .filter((v) => typeof v.inventory_quantity === "number")
    .map((v) => {
      const image = p.images.find((i) => v.image_id && i.id === v.image_id)?.src ?? p.image?.src ?? null;
      const quantity = v.inventory_quantity ?? 0;
      const keepsSelling = v.inventory_policy === "continue";
      return {
        kind: "variant" as const,
        update: {
          id: v.id,
          productId: p.id,
          inventoryItemId: v.inventory_item_id ?? undefined,
          productTitle: p.title,
          productHandle: p.handle,
          title: v.title,
          price: v.price,
          sku: v.sku,
          imageUrl: image,
          available: quantity > 0 || keepsSelling,
          inventoryQuantity: keepsSelling ? null : Math.max(quantity, 0),
          at: v.updated_at ?? p.updated_at,
        },
      };
    });
}

function positive(value: number | null | undefined): number | null {
  return typeof value === "number" && value > 0 ? value : null;
}
