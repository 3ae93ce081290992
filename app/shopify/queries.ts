/** Admin GraphQL operations Herald runs. Names matter: the simulator answers by operation name. */
export const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop { name email contactEmail currencyCode ianaTimezone primaryDomain { url host } }
  }
`;

/**
 * The shop's languages (the primary one is the default of templates and language tabs). Asked on
 * its own: shopLocales needs the read_locales scope, and a shop that granted Herald's scopes before
 * it asked for that one answers ACCESS_DENIED, which must not stop the install.
 */
export const SHOP_LOCALES_QUERY = `#graphql
  query ShopLocales {
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

/** How many orders one reconciliation page asks for: keeps a page's requested cost well under 1000. */
export const RECONCILE_PAGE_SIZE = 5;

// An order's line items, as reconciliation records them.
const LINE_ITEM_FIELDS = "id title name variantTitle quantity sku variant { id } originalUnitPriceSet { shopMoney { amount } }";

/** How many line items the follow-up queries ask for at a time (Shopify's maximum page). */
export const NESTED_PAGE_SIZE = 250;

/**
 * Orders updated since the last check, oldest change first, with what the shipping and delay
 * decisions read: the same facts the orders/*, fulfillments/*, fulfillment_events/* and
 * fulfillment_orders/* webhooks carry (mapped in app/reconcile/map.ts). Nested lists are capped
 * (latest 10 scans per parcel) so a page stays cheap; the line item lists, which replace what is
 * stored, say whether more follow (pageInfo) and are then read to the end with
 * ORDER_LINE_ITEMS_QUERY and FULFILLMENT_LINE_ITEMS_QUERY. Fields checked against the Admin API
 * reference (Order, Fulfillment, FulfillmentEvent, FulfillmentOrder, FulfillmentHold, PageInfo).
 */
export const RECONCILE_ORDERS_QUERY = `#graphql
  query ReconcileOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id name email phone customerLocale statusPageUrl test cancelledAt closedAt createdAt updatedAt tags
        shippingLines(first: 3) { nodes { title } }
        currencyCode displayFinancialStatus displayFulfillmentStatus
        totalPriceSet { shopMoney { amount } }
        customer { firstName lastName defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } }
        shippingAddress { firstName lastName phone countryCodeV2 provinceCode }
        billingAddress { firstName lastName phone countryCodeV2 provinceCode }
        lineItems(first: 20) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM_FIELDS} } }
        fulfillments(first: 3) {
          id name status displayStatus createdAt updatedAt
          trackingInfo(first: 1) { company number url }
          originAddress { countryCode }
          fulfillmentLineItems(first: 10) { pageInfo { hasNextPage endCursor } nodes { lineItem { id } } }
          events(first: 10, sortKey: HAPPENED_AT, reverse: true) {
            nodes { id status message happenedAt estimatedDeliveryAt city country }
          }
        }
        fulfillmentOrders(first: 5) {
          nodes { id status fulfillAt updatedAt fulfillmentHolds { reason reasonNotes } }
        }
      }
    }
  }
`;

/** The rest of an order's line items, after the first page ReconcileOrders read. */
export const ORDER_LINE_ITEMS_QUERY = `#graphql
  query OrderLineItems($id: ID!, $first: Int!, $after: String) {
    order(id: $id) { id lineItems(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM_FIELDS} } } }
  }
`;

/** The rest of a fulfillment's line items, after the first page ReconcileOrders read. */
export const FULFILLMENT_LINE_ITEMS_QUERY = `#graphql
  query FulfillmentLineItems($id: ID!, $first: Int!, $after: String) {
    fulfillment(id: $id) { id fulfillmentLineItems(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { lineItem { id } } } }
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
