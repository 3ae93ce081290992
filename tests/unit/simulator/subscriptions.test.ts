import { describe, expect, it } from "vitest";
import { applyIncludeFields, deliveryUrl, findSubscription, parseAppToml } from "../../simulator/webhooks/subscriptions";
import { parse } from "smol-toml";

const TOML = `
client_id = "abc"
application_url = "https://herald.example.com"
[access_scopes]
scopes = "read_orders,read_customers"
[webhooks]
api_version = "2026-07"
  [[webhooks.subscriptions]]
  topics = ["orders/create", "orders/updated"]
  uri = "/webhooks/orders"
  include_fields = ["id", "customer.email", "line_items.sku"]
  [[webhooks.subscriptions]]
  compliance_topics = ["customers/data_request", "customers/redact", "shop/redact"]
  uri = "https://herald.example.com/webhooks/compliance"
`;

describe("shopify.app.toml subscriptions", () => {
  const toml = parseAppToml(parse(TOML) as Record<string, unknown>);

  it("maps each topic, compliance topics included, to its uri", () => {
    expect(findSubscription(toml, "orders/updated")?.uri).toBe("/webhooks/orders");
    expect(findSubscription(toml, "shop/redact")).toMatchObject({ compliance: true, uri: "https://herald.example.com/webhooks/compliance" });
    expect(findSubscription(toml, "products/update")).toBeNull();
    expect(toml).toMatchObject({ apiVersion: "2026-07", scopes: "read_orders,read_customers", clientId: "abc" });
  });

  it("resolves relative uris against Herald's URL and moves application_url ones onto it", () => {
    expect(deliveryUrl("http://127.0.0.1:3000/", "/webhooks/orders")).toBe("http://127.0.0.1:3000/webhooks/orders");
    expect(deliveryUrl("http://127.0.0.1:3000", "https://herald.example.com/webhooks/compliance", toml.applicationUrl)).toBe(
      "http://127.0.0.1:3000/webhooks/compliance",
    );
    expect(() => deliveryUrl("http://127.0.0.1:3000", "pubsub://project:topic")).toThrow(/not simulated/);
  });

  it("keeps only include_fields, reaching into objects and lists", () => {
    const payload = { id: 1, name: "#1001", customer: { email: "a@example.com", phone: "+1" }, line_items: [{ sku: "A", price: "1" }, { sku: "B" }] };
    expect(applyIncludeFields(payload, findSubscription(toml, "orders/create")!.includeFields)).toEqual({
      id: 1,
      customer: { email: "a@example.com" },
      line_items: [{ sku: "A" }, { sku: "B" }],
    });
    expect(applyIncludeFields(payload, ["customer", "customer.email"])).toEqual({ customer: payload.customer });
    expect(applyIncludeFields(payload, null)).toBe(payload);
  });
});
