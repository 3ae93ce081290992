import { describe, expect, it } from "vitest";
import { legacyId, orderFactsFromApi, reconcileOrderNode, type ReconcileOrderNode } from "../../../app/reconcile/map";
import { fulfillmentEventPayload, fulfillmentPayload, orderPayload } from "../../../app/webhooks/schemas";
import { nextReconcileAt, updatedSinceQuery } from "../../../app/reconcile/reconcile.server";

// GIVEN an order as Admin GraphQL's ReconcileOrders returns it
function apiOrder(overrides: Partial<ReconcileOrderNode> = {}): ReconcileOrderNode {
  return reconcileOrderNode.parse({
    id: "gid://shopify/Order/820982911946154508",
    name: "#1004",
    email: null,
    phone: null,
    customerLocale: "ml-IN",
    statusPageUrl: "https://shop.example/orders/abc",
    test: false,
    cancelledAt: null,
    closedAt: null,
    createdAt: "2026-11-18T10:00:00Z",
    updatedAt: "2026-11-20T14:00:00Z",
    currencyCode: "INR",
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "FULFILLED",
    totalPriceSet: { shopMoney: { amount: "2499.00" } },
    customer: { firstName: "Anjali", lastName: "Nair", defaultEmailAddress: { emailAddress: "Anjali@Example.com" }, defaultPhoneNumber: { phoneNumber: "+919447012345" } },
    shippingAddress: { firstName: "Anjali", lastName: "Nair", phone: null, countryCodeV2: "IN", provinceCode: "KL" },
    billingAddress: null,
    lineItems: { pageInfo: { hasNextPage: false, endCursor: "MA" }, nodes: [{ id: "gid://shopify/LineItem/111", title: "Board", name: "Board - Teak", variantTitle: "Teak", quantity: 1, sku: "B-1", variant: { id: "gid://shopify/ProductVariant/4242" }, originalUnitPriceSet: { shopMoney: { amount: "1999.00" } } }] },
    fulfillments: [
      {
        id: "gid://shopify/Fulfillment/222",
        name: "#1004.1",
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: "2026-11-19T09:00:00Z",
        updatedAt: "2026-11-20T14:00:00Z",
        trackingInfo: [{ company: "India Post", number: "EE123456789IN", url: "https://track.example/EE123456789IN" }],
        originAddress: { countryCode: "IN" },
        fulfillmentLineItems: { pageInfo: { hasNextPage: false, endCursor: "MA" }, nodes: [{ lineItem: { id: "gid://shopify/LineItem/111" } }] },
        events: {
          nodes: [
            { id: "gid://shopify/FulfillmentEvent/333", status: "DELIVERED", message: "Item delivered", happenedAt: "2026-11-20T14:00:00Z", estimatedDeliveryAt: null, city: "Kochi", country: "IN" },
            { id: "gid://shopify/FulfillmentEvent/332", status: "IN_TRANSIT", message: null, happenedAt: "2026-11-19T20:00:00Z", estimatedDeliveryAt: "2026-11-21T00:00:00Z", city: null, country: "IN" },
          ],
        },
      },
    ],
    fulfillmentOrders: { nodes: [{ id: "gid://shopify/FulfillmentOrder/444", status: "ON_HOLD", fulfillAt: null, updatedAt: "2026-11-18T11:00:00Z", fulfillmentHolds: [{ reason: "INVENTORY_OUT_OF_STOCK", reasonNotes: "Back next week" }] }] },
    ...overrides,
  });
}

describe("mapping Admin GraphQL orders to webhook facts", () => {
  it("gives the order the fields an orders/updated webhook would carry", () => {
    const { order } = orderFactsFromApi(apiOrder());
    // THEN it is a valid webhook payload with REST's ids and values
    expect(orderPayload.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      id: "820982911946154508",
      name: "#1004",
      email: "Anjali@Example.com",
      customer_locale: "ml-IN",
      order_status_url: "https://shop.example/orders/abc",
      currency: "INR",
      total_price: "2499.00",
      financial_status: "paid",
      fulfillment_status: "fulfilled",
      customer: { first_name: "Anjali", last_name: "Nair", email: "Anjali@Example.com", phone: "+919447012345" },
      shipping_address: { country_code: "IN", province_code: "KL" },
    });
    expect(order.updated_at).toEqual(new Date("2026-11-20T14:00:00Z"));
    expect(order.line_items).toEqual([expect.objectContaining({ id: "111", title: "Board", variant_title: "Teak", variant_id: "4242", quantity: 1, sku: "B-1", price: "1999.00" })]);
  });

  it("maps fulfillments with the shipment status, tracking and destination of a fulfillments/update", () => {
    const { fulfillments } = orderFactsFromApi(apiOrder());
    expect(fulfillments).toHaveLength(1);
    const f = fulfillmentPayload.parse(fulfillments[0]);
    expect(f).toMatchObject({
      id: "222",
      order_id: "820982911946154508",
      name: "#1004.1",
      status: "success",
      shipment_status: "delivered",
      tracking_company: "India Post",
      tracking_number: "EE123456789IN",
      tracking_url: "https://track.example/EE123456789IN",
      destination: { country_code: "IN" },
      origin_address: { country_code: "IN" },
    });
    expect(f.line_items.map((li) => li.id)).toEqual(["111"]);
  });

  it("falls back to the latest scan when the display status is not a shipment status", () => {
    const node = apiOrder();
    node.fulfillments[0].displayStatus = "FULFILLED";
    node.fulfillments[0].events.nodes[0].status = "OUT_FOR_DELIVERY";
    expect(orderFactsFromApi(node).fulfillments[0].shipment_status).toBe("out_for_delivery");
    node.fulfillments[0].events.nodes = [];
    expect(orderFactsFromApi(node).fulfillments[0].shipment_status).toBeNull();
  });

  it("maps every scan as a fulfillment_events/create would", () => {
    const { events } = orderFactsFromApi(apiOrder());
    expect(events.map((e) => fulfillmentEventPayload.parse(e))).toEqual([
      expect.objectContaining({ id: "333", fulfillment_id: "222", order_id: "820982911946154508", status: "delivered", city: "Kochi", estimated_delivery_at: null }),
      expect.objectContaining({ id: "332", status: "in_transit", estimated_delivery_at: new Date("2026-11-21T00:00:00Z") }),
    ]);
  });

  it("maps holds as fulfillment_orders/placed_on_hold would, with the order they belong to", () => {
    const [fo] = orderFactsFromApi(apiOrder()).fulfillmentOrders;
    expect(fo.orderId).toBe("820982911946154508");
    expect(fo.stateAt).toEqual(new Date("2026-11-18T11:00:00Z"));
    expect(fo.payload.fulfillment_order).toEqual({ id: "444", status: "on_hold", fulfill_at: null, fulfillment_holds: [{ reason: "inventory_out_of_stock", reason_notes: "Back next week" }] });
  });

  it("takes the customer's default email when the order has none, and leaves an unfulfilled order's status empty", () => {
    const { order } = orderFactsFromApi(apiOrder({ email: null, displayFulfillmentStatus: "UNFULFILLED", customer: { firstName: null, lastName: null, defaultEmailAddress: { emailAddress: "c@example.com" }, defaultPhoneNumber: null } }));
    expect(order.email).toBe("c@example.com");
    expect(order.fulfillment_status).toBeNull();
  });

  it("keeps the tags and shipping method that notification conditions read", () => {
    const { order } = orderFactsFromApi(apiOrder({ tags: ["vip", "gift"], shippingLines: { nodes: [{ title: "Express" }] } }));
    expect(order.tags).toBe("vip, gift");
    expect(order.shipping_lines).toEqual([{ title: "Express" }]);
    expect(orderFactsFromApi(apiOrder()).order.shipping_lines).toEqual([]);
  });

  it("rejects a response that is not the query's shape, saying which field", () => {
    expect(() => reconcileOrderNode.parse({ ...apiOrder(), updatedAt: undefined })).toThrow(/updatedAt/);
  });

  it("reads gids as the numeric ids webhooks use and refuses anything else", () => {
    expect(legacyId("gid://shopify/LineItem/42")).toBe("42");
    expect(legacyId("gid://shopify/Order/7?x=1")).toBe("7");
    expect(() => legacyId("42")).toThrow(/Not a Shopify gid/);
  });
});

describe("reconciliation schedule and search", () => {
  it("runs at the next quarter hour, strictly after now", () => {
    expect(nextReconcileAt(new Date("2026-11-20T10:07:00Z"))).toEqual(new Date("2026-11-20T10:15:00Z"));
    expect(nextReconcileAt(new Date("2026-11-20T10:15:00Z"))).toEqual(new Date("2026-11-20T10:30:00Z"));
  });

  it("searches orders updated at or after the cursor", () => {
    expect(updatedSinceQuery(new Date("2026-11-20T10:00:00Z"))).toBe("updated_at:>='2026-11-20T10:00:00.000Z'");
  });
});
