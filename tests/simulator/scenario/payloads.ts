import type { Tracking } from "./carriers";
import { CUSTOMERS, PRODUCTS, type Customer, type CustomerKey, type ProductKey } from "./cast";
import type { Random } from "./random";
import { isoInZone } from "./time";

type Json = Record<string, unknown>;

/** Shopify's published samples, one per topic; every payload starts as a copy of one. */
export interface BasePayloads {
  order: Json;
  fulfillment: Json;
  fulfillmentEvent: Json;
}

export interface StoreContext {
  shop: string;
  shopId: number;
  timezone: string;
  currency: string;
  random: Random;
  base: BasePayloads;
  /** Product/variant ids, stable within one story. */
  catalog: Record<ProductKey, { productId: number; variantId: number; inventoryItemId: number }>;
  customerIds: Record<CustomerKey, number>;
}

export interface OrderLine {
  id: number;
  product: ProductKey;
  quantity: number;
}

export interface StoryOrder {
  id: number;
  name: string;
  number: number;
  token: string;
  customer: Customer;
  lines: OrderLine[];
  createdAt: Date;
  confirmationNumber: string;
}

export interface StoryFulfillment {
  id: number;
  /** "#1002.2" */
  name: string;
  order: StoryOrder;
  lineIds: number[];
  tracking: Tracking;
  createdAt: Date;
  locationId: number;
}

/** The catalog and customer ids for one story. */
export function storeContext(input: Omit<StoreContext, "catalog" | "customerIds">): StoreContext {
  const catalog = Object.fromEntries(
    Object.keys(PRODUCTS).map((k) => [k, { productId: input.random.shopifyId(), variantId: input.random.shopifyId(), inventoryItemId: input.random.shopifyId() }]),
  ) as StoreContext["catalog"];
  const customerIds = Object.fromEntries(Object.keys(CUSTOMERS).map((k) => [k, input.random.shopifyId()])) as StoreContext["customerIds"];
  return { ...input, catalog, customerIds };
}

export function newOrder(ctx: StoreContext, number: number, customer: Customer, items: Array<[ProductKey, number]>, createdAt: Date): StoryOrder {
  return {
    id: ctx.random.shopifyId(),
    name: `#${number}`,
    number,
    token: ctx.random.chars(32, "0123456789abcdef"),
    customer,
    lines: items.map(([product, quantity]) => ({ id: ctx.random.shopifyId(), product, quantity })),
    createdAt,
    confirmationNumber: ctx.random.chars(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
  };
}

export function newFulfillment(ctx: StoreContext, order: StoryOrder, sequence: number, lineIds: number[], tracking: Tracking, createdAt: Date): StoryFulfillment {
  return { id: ctx.random.shopifyId(), name: `${order.name}.${sequence}`, order, lineIds, tracking, createdAt, locationId: 71_234_567_890 };
}

const money = (amount: number) => amount.toFixed(2);
const priceSet = (amount: string, currency: string) => ({
  shop_money: { amount, currency_code: currency },
  presentment_money: { amount, currency_code: currency },
});

function addressOf(customer: Customer): Json {
  return {
    first_name: customer.firstName,
    last_name: customer.lastName,
    name: `${customer.firstName} ${customer.lastName}`,
    company: null,
    phone: customer.phone,
    latitude: null,
    longitude: null,
    ...customer.address,
  };
}

function lineItem(ctx: StoreContext, line: OrderLine, fulfilled: boolean): Json {
  const template = structuredClone((ctx.base.order.line_items as Json[])[0]);
  const product = PRODUCTS[line.product];
  const ids = ctx.catalog[line.product];
  return {
    ...template,
    id: line.id,
    admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
    attributed_staffs: [],
    current_quantity: line.quantity,
    quantity: line.quantity,
    fulfillable_quantity: fulfilled ? 0 : line.quantity,
    fulfillment_status: fulfilled ? "fulfilled" : null,
    grams: product.grams,
    name: product.variantTitle ? `${product.title} - ${product.variantTitle}` : product.title,
    title: product.title,
    variant_title: product.variantTitle,
    price: product.price,
    price_set: priceSet(product.price, ctx.currency),
    product_exists: true,
    product_id: ids.productId,
    variant_id: ids.variantId,
    variant_inventory_management: "shopify",
    sku: product.sku,
    vendor: "Herald Demo Goods",
    requires_shipping: true,
    sales_line_item_group_id: null,
    total_discount: "0.00",
    total_discount_set: priceSet("0.00", ctx.currency),
    discount_allocations: [],
    tax_lines: [],
    duties: [],
  };
}

export interface OrderState {
  updatedAt: Date;
  fulfillments?: StoryFulfillment[];
  /** Set for orders/cancelled and the orders/updated that goes with it. */
  cancelledAt?: Date;
}

/**
 * An orders/* payload from Shopify's sample. The sample is a cancelled test order (cancelled_at set,
 * test: true, financial_status voided): a live order has none of that.
 */
export function orderPayload(ctx: StoreContext, order: StoryOrder, state: OrderState): Json {
  const customer = order.customer;
  const fulfillments = state.fulfillments ?? [];
  const fulfilledLines = new Set(fulfillments.flatMap((f) => f.lineIds));
  const subtotal = order.lines.reduce((sum, l) => sum + Number(PRODUCTS[l.product].price) * l.quantity, 0);
  const shipping = subtotal >= 100 ? 0 : 9.5;
  const total = money(subtotal + shipping);
  const at = (d: Date) => isoInZone(d, ctx.timezone);
  const fulfillmentStatus = fulfilledLines.size === 0 ? null : fulfilledLines.size === order.lines.length ? "fulfilled" : "partial";
  const base = structuredClone(ctx.base.order);
  const sampleShipping = (base.shipping_lines as Json[])[0];
  return {
    ...base,
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    token: order.token,
    confirmation_number: order.confirmationNumber,
    confirmed: true,
    test: false,
    created_at: at(order.createdAt),
    processed_at: at(order.createdAt),
    updated_at: at(state.updatedAt),
    cancelled_at: state.cancelledAt ? at(state.cancelledAt) : null,
    cancel_reason: state.cancelledAt ? "customer" : null,
    closed_at: null,
    financial_status: state.cancelledAt ? "refunded" : "paid",
    fulfillment_status: fulfillmentStatus,
    email: customer.email,
    contact_email: customer.email,
    phone: customer.phone,
    customer_locale: customer.locale,
    buyer_accepts_marketing: customer.emailMarketing === "SUBSCRIBED",
    browser_ip: null,
    currency: ctx.currency,
    presentment_currency: ctx.currency,
    order_status_url: `https://${ctx.shop}/${ctx.shopId}/orders/${order.token}/authenticate?key=${order.token.slice(0, 16)}`,
    tags: "",
    note: null,
    discount_codes: [],
    discount_applications: [],
    total_discounts: "0.00",
    total_discounts_set: priceSet("0.00", ctx.currency),
    current_total_discounts: "0.00",
    current_total_discounts_set: priceSet("0.00", ctx.currency),
    subtotal_price: money(subtotal),
    subtotal_price_set: priceSet(money(subtotal), ctx.currency),
    current_subtotal_price: money(subtotal),
    current_subtotal_price_set: priceSet(money(subtotal), ctx.currency),
    total_line_items_price: money(subtotal),
    total_line_items_price_set: priceSet(money(subtotal), ctx.currency),
    total_shipping_price_set: priceSet(money(shipping), ctx.currency),
    current_shipping_price_set: priceSet(money(shipping), ctx.currency),
    total_price: total,
    total_price_set: priceSet(total, ctx.currency),
    current_total_price: state.cancelledAt ? "0.00" : total,
    current_total_price_set: priceSet(state.cancelledAt ? "0.00" : total, ctx.currency),
    total_outstanding: "0.00",
    total_weight: order.lines.reduce((sum, l) => sum + PRODUCTS[l.product].grams * l.quantity, 0),
    billing_address: addressOf(customer),
    shipping_address: addressOf(customer),
    customer: {
      ...(base.customer as Json),
      id: ctx.customerIds[customer.key],
      admin_graphql_api_id: `gid://shopify/Customer/${ctx.customerIds[customer.key]}`,
      first_name: customer.firstName,
      last_name: customer.lastName,
      email: customer.email,
      phone: customer.phone,
      state: "enabled",
      verified_email: customer.email !== null,
      currency: ctx.currency,
      created_at: at(new Date(order.createdAt.getTime() - 86_400_000 * 30)),
      updated_at: at(order.createdAt),
      default_address: {
        ...((base.customer as Json).default_address as Json),
        ...addressOf(customer),
        id: ctx.customerIds[customer.key] + 1,
        customer_id: ctx.customerIds[customer.key],
        country_name: customer.address.country,
        default: true,
      },
    },
    line_items: order.lines.map((l) => lineItem(ctx, l, fulfilledLines.has(l.id))),
    fulfillments: fulfillments.map((f) => fulfillmentPayload(ctx, f, { updatedAt: f.createdAt, shipmentStatus: null })),
    shipping_lines: [
      {
        ...sampleShipping,
        id: order.id + 7,
        title: shipping === 0 ? "Free shipping" : "Standard",
        price: money(shipping),
        price_set: priceSet(money(shipping), ctx.currency),
        discounted_price: money(shipping),
        discounted_price_set: priceSet(money(shipping), ctx.currency),
        current_discounted_price_set: priceSet(money(shipping), ctx.currency),
      },
    ],
    refunds: [],
    returns: [],
    line_item_groups: [],
  };
}

export interface FulfillmentState {
  updatedAt: Date;
  /** Latest carrier status on the fulfillment (fulfillments/update carries it). */
  shipmentStatus: string | null;
}

/** A fulfillments/create or /update payload: status "success" once a label/tracking exists. */
export function fulfillmentPayload(ctx: StoreContext, f: StoryFulfillment, state: FulfillmentState): Json {
  const base = structuredClone(ctx.base.fulfillment);
  const at = (d: Date) => isoInZone(d, ctx.timezone);
  const lines = f.order.lines.filter((l) => f.lineIds.includes(l.id));
  return {
    ...base,
    id: f.id,
    admin_graphql_api_id: `gid://shopify/Fulfillment/${f.id}`,
    order_id: f.order.id,
    name: f.name,
    status: "success",
    service: "manual",
    created_at: at(f.createdAt),
    updated_at: at(state.updatedAt),
    tracking_company: f.tracking.company,
    tracking_number: f.tracking.number,
    tracking_numbers: [f.tracking.number],
    tracking_url: f.tracking.url,
    tracking_urls: [f.tracking.url],
    shipment_status: state.shipmentStatus,
    location_id: f.locationId,
    email: f.order.customer.email,
    destination: addressOf(f.order.customer),
    line_items: lines.map((l) => {
      const full = lineItem(ctx, l, true);
      // Fulfillment line items carry no admin-only fields like attributed_staffs.
      delete full.attributed_staffs;
      delete full.current_quantity;
      delete full.sales_line_item_group_id;
      return full;
    }),
    receipt: {},
  };
}

/** Where carriers scan a parcel: a city in the customer's country. */
export interface ScanPlace {
  city: string | null;
  province: string | null;
  country: string;
  zip: string | null;
}

export interface CarrierEvent {
  id: number;
  fulfillment: StoryFulfillment;
  status: string;
  message: string;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
  place: ScanPlace;
}

export function newCarrierEvent(ctx: StoreContext, fulfillment: StoryFulfillment, status: string, happenedAt: Date, message: string, place: ScanPlace, estimatedDeliveryAt: Date | null = null): CarrierEvent {
  return { id: ctx.random.shopifyId(), fulfillment, status, message, happenedAt, estimatedDeliveryAt, place };
}

/** fulfillment_events/create. created_at is when Shopify learnt of it, a few minutes after the scan. */
export function carrierEventPayload(ctx: StoreContext, event: CarrierEvent): Json {
  const base = structuredClone(ctx.base.fulfillmentEvent);
  const at = (d: Date) => isoInZone(d, ctx.timezone);
  const learnt = new Date(event.happenedAt.getTime() + 4 * 60_000);
  return {
    ...base,
    id: event.id,
    admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${event.id}`,
    fulfillment_id: event.fulfillment.id,
    order_id: event.fulfillment.order.id,
    shop_id: ctx.shopId,
    status: event.status,
    message: event.message,
    happened_at: at(event.happenedAt),
    created_at: at(learnt),
    updated_at: at(learnt),
    estimated_delivery_at: event.estimatedDeliveryAt ? at(event.estimatedDeliveryAt) : null,
    city: event.place.city,
    province: event.place.province,
    country: event.place.country,
    zip: event.place.zip,
    address1: null,
    latitude: null,
    longitude: null,
  };
}
