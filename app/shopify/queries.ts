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

/**
 * The marketing consent of an order's customer, asked when a text is due and Herald has not heard of
 * the customer yet (no customers/* webhook). Customer.defaultPhoneNumber / defaultEmailAddress exist
 * from API 2025-04 (../shared/fixtures/shopify-graphql/order_for_notification.graphql uses the same).
 */
export const ORDER_CUSTOMER_CONSENT_QUERY = `#graphql
  query OrderCustomerConsent($id: ID!) {
    order(id: $id) {
      id
      customer {
        id
        updatedAt
        defaultEmailAddress { emailAddress marketingState }
        defaultPhoneNumber { phoneNumber marketingState }
      }
    }
  }
`;
