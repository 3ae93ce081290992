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
