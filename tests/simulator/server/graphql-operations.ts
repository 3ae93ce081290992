import { fulfillmentByGid, orderByGid, ordersConnection } from "./graphql-orders";
import type { SimShop, SimulatorState, SimVariant } from "./state";

/** What an operation's resolver gets. */
export interface OperationContext {
  shop: SimShop;
  state: SimulatorState;
  variables: Record<string, unknown>;
}

/**
 * One Admin GraphQL operation Herald runs, answered by operation name (Herald's queries are named;
 * see app/shopify/queries.ts). `resolve` returns the full root objects; the endpoint then keeps only
 * the fields the query selected. Add Orders/Variants/Customer consent operations here.
 */
export interface OperationHandler {
  /**
   * Points taken from the shop's rate-limit bucket (Shopify: 1 per object, 2 plus `first` times the
   * node's cost per connection, 10 per mutation...); a function when it depends on page sizes.
   */
  cost: number | ((variables: Record<string, unknown>) => number);
  resolve(ctx: OperationContext): Record<string, unknown>;
}

export const operations: Record<string, OperationHandler> = {
  ShopInfo: {
    cost: 2,
    resolve: ({ shop }) => ({ shop: shopObject(shop), shopLocales: shopLocales(shop) }),
  },
  // The shop's languages: a query of its own, since shopLocales needs read_locales.
  ShopLocales: {
    cost: 1,
    resolve: ({ shop }) => ({ shopLocales: shopLocales(shop) }),
  },
  // Reconciliation: orders updated since a moment, from the store's own order data. Cost as
  // Shopify requests it for Herald's selection: per order 1 + line items (2 + 20 x 2, each with its
  // variant) + 3 fulfillments x (1 + tracking 1 + line items 2 + 10 x 2 + scans 2 + 10) +
  // fulfillment orders (2 + 5 x 2).
  ReconcileOrders: {
    cost: (variables) => 2 + Math.max(1, Number(variables.first ?? 50)) * 163,
    resolve: ({ shop, state, variables }) => ({ orders: ordersConnection(state.orders, shop.domain, variables) }),
  },
  // The rest of an order's or a fulfillment's line items, when ReconcileOrders' first page was not all.
  OrderLineItems: {
    cost: (variables) => 3 + Math.max(1, Number(variables.first ?? 50)),
    resolve: ({ shop, state, variables }) => ({ order: orderByGid(state.orders, shop.domain, variables.id) }),
  },
  FulfillmentLineItems: {
    cost: (variables) => 3 + Math.max(1, Number(variables.first ?? 50)),
    resolve: ({ shop, state, variables }) => ({ fulfillment: fulfillmentByGid(state.orders, shop.domain, variables.id) }),
  },
  // fulfillment_orders/* webhooks carry no order id; Herald asks which order a fulfillment order is of.
  FulfillmentOrderOrder: {
    cost: 2,
    resolve: ({ shop, state, variables }) => {
      const fo = typeof variables.id === "string" ? state.findFulfillmentOrder(shop.domain, variables.id) : null;
      return {
        fulfillmentOrder: fo ? { __typename: "FulfillmentOrder", id: fo.id, status: fo.status.toUpperCase(), order: { __typename: "Order", id: fo.orderId } } : null,
      };
    },
  },
  // Texts need SMS consent: Herald asks for the consent of an order's customer it has not heard of.
  OrderCustomerConsent: {
    cost: 2,
    resolve: ({ shop, state, variables }) => {
      const orderId = typeof variables.id === "string" ? variables.id : "";
      const c = state.customerOfOrder(shop.domain, orderId);
      const marketing = (address: string | null, field: string, value: string | null) =>
        address ? { __typename: "CustomerMarketingContact", [field]: address, marketingState: value ?? "NOT_SUBSCRIBED" } : null;
      return {
        order: /^gid:\/\/shopify\/Order\/\d+$/.test(orderId)
          ? {
              __typename: "Order",
              id: orderId,
              customer: c
                ? {
                    __typename: "Customer",
                    id: c.id,
                    updatedAt: c.updatedAt,
                    defaultEmailAddress: marketing(c.email, "emailAddress", c.emailMarketing),
                    defaultPhoneNumber: marketing(c.phone, "phoneNumber", c.smsMarketing),
                  }
                : null,
            }
          : null,
      };
    },
  },
  // Back-in-stock: a variant Herald has not recorded (a sign-up, a stock webhook).
  StockVariant: {
    cost: 3,
    resolve: ({ shop, state, variables }) => {
      const v = typeof variables.id === "string" ? state.findVariant(shop.domain, variables.id) : null;
      return { productVariant: v ? variantObject(v) : null };
    },
  },
  // inventory_levels/update names only the inventory item.
  InventoryItemVariant: {
    cost: 3,
    resolve: ({ shop, state, variables }) => {
      const v = typeof variables.id === "string" ? state.findVariantByInventoryItem(shop.domain, variables.id) : null;
      return { inventoryItem: v ? { __typename: "InventoryItem", id: v.inventoryItemId, tracked: true, variant: variantObject(v) } : null };
    },
  },
};

function shopObject(shop: SimShop): Record<string, unknown> {
  return {
    __typename: "Shop",
    id: `gid://shopify/Shop/${shop.id}`,
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.domain,
    currencyCode: shop.currency,
    ianaTimezone: shop.timezone,
    timezoneAbbreviation: timezoneAbbreviation(shop.timezone),
    primaryDomain: { __typename: "Domain", url: `https://${shop.domain}`, host: shop.domain },
  };
}

function shopLocales(shop: SimShop): Array<Record<string, unknown>> {
  return shop.locales.map((locale) => ({ __typename: "ShopLocale", locale, primary: locale === shop.locale, published: true }));
}

function variantObject(v: SimVariant): Record<string, unknown> {
  return {
    __typename: "ProductVariant",
    id: v.id,
    title: v.title,
    price: v.price,
    sku: v.sku,
    availableForSale: v.inventoryQuantity > 0 || v.inventoryPolicy === "CONTINUE",
    inventoryQuantity: v.inventoryQuantity,
    inventoryPolicy: v.inventoryPolicy,
    updatedAt: v.updatedAt,
    image: v.imageUrl ? { __typename: "Image", url: v.imageUrl } : null,
    inventoryItem: { __typename: "InventoryItem", id: v.inventoryItemId, tracked: true },
    product: {
      __typename: "Product",
      id: v.product.id,
      title: v.product.title,
      handle: v.product.handle,
      featuredImage: v.product.imageUrl ? { __typename: "Image", url: v.product.imageUrl } : null,
    },
  };
}

function timezoneAbbreviation(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? "UTC";
  } catch {
    return "UTC";
  }
}
