/** Admin GraphQL operations Herald runs. Names matter: the simulator answers by operation name. */
export const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop { name email contactEmail currencyCode ianaTimezone primaryDomain { url host } }
    shopLocales { locale primary published }
  }
`;

/** Which order a fulfillment order belongs to (fulfillment_orders/* payloads do not say). */
export const FULFILLMENT_ORDER_ORDER_QUERY = `#graphql
  query FulfillmentOrderOrder($id: ID!) {
    fulfillmentOrder(id: $id) { id order { id } }
  }
`;

// Back-in-stock: what Herald shows of a variant, and whether it can be bought now.
const STOCK_VARIANT_FIELDS = `
  id title price sku availableForSale inventoryQuantity inventoryPolicy updatedAt
  image { url }
  inventoryItem { id tracked }
  product { id title handle featuredImage { url } }
`;

/** A variant, for a sign-up or a stock webhook about a variant Herald has not seen yet. */
export const STOCK_VARIANT_QUERY = `#graphql
  query StockVariant($id: ID!) {
    productVariant(id: $id) { ${STOCK_VARIANT_FIELDS} }
  }
`;

/** The variant of an inventory item (inventory_levels/update names only the item). */
export const INVENTORY_ITEM_VARIANT_QUERY = `#graphql
  query InventoryItemVariant($id: ID!) {
    inventoryItem(id: $id) { id variant { ${STOCK_VARIANT_FIELDS} } }
  }
`;
