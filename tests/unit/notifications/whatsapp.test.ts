import { describe, expect, it } from "vitest";
import { renderContentVariables, storedWhatsAppContent, validateWhatsAppMapping, whatsappVariablePaths } from "../../../app/notifications/whatsapp";
import type { TemplateVariables } from "../../../app/notifications/types";

const SID = "HX" + "0123456789abcdef".repeat(2);

const values: TemplateVariables = {
  unsubscribe_url: null,
  shop: { name: "Maple & Moss", email: null, domain: "maple-moss.myshopify.com", contact_url: "https://maple-moss.myshopify.com/pages/contact" },
  customer: { first_name: "Sofía\nMaría", last_name: null, email: null, phone: null },
  order: { name: "#1001", status_url: null, total_price: "28.00", currency: "MXN" },
  line_items: [],
  fulfillment: { name: "#1001.1", carrier: "DHL", tracking_number: "x".repeat(2000), tracking_url: null, estimated_delivery_at: "2026-06-12", status: "in_transit" },
  delay: null,
  product: null,
  signup: null,
};

describe("validating a WhatsApp template mapping", () => {
  it("accepts a Content SID and placeholders 1..n mapped to documented variables, trimmed and in order", () => {
    const result = validateWhatsAppMapping("shipping", { contentSid: ` ${SID} `, variables: { "2": " order.name ", "1": "customer.first_name" } });
    expect(result).toEqual({ ok: true, value: { contentSid: SID, variables: { "1": "customer.first_name", "2": "order.name" } } });
  });

  it.each([
    ["an SMS sid", "SM" + "0".repeat(32)],
    ["upper-case hex", "HX" + "ABCDEF0123456789".repeat(2)],
    ["too short", "HX1234"],
    ["empty", ""],
  ])("refuses a Content SID that is %s", (_, contentSid) => {
    const result = validateWhatsAppMapping("shipping", { contentSid, variables: {} });
    expect(result).toEqual({ ok: false, errors: [{ field: "contentSid", code: "sid_format" }] });
  });

  it("refuses placeholders with a gap or a name, and variables Herald does not document for the trigger", () => {
    expect(validateWhatsAppMapping("shipping", { contentSid: SID, variables: { "1": "order.name", "3": "shop.name" } })).toMatchObject({
      ok: false,
      errors: [{ field: "variables", code: "numbering", expected: "1, 2" }],
    });
    expect(validateWhatsAppMapping("shipping", { contentSid: SID, variables: { "1": "delay.kind", "2": "line_items", "3": "order.nme" } })).toEqual({
      ok: false,
      errors: [
        { field: "variables", code: "unknown_variable", key: "1", path: "delay.kind" },
        { field: "variables", code: "unknown_variable", key: "2", path: "line_items" },
        { field: "variables", code: "unknown_variable", key: "3", path: "order.nme" },
      ],
    });
    expect(validateWhatsAppMapping("delay", { contentSid: SID, variables: { "1": "delay.new_estimate" } }).ok).toBe(true);
  });

  it("offers single values only: no lists, no loop fields", () => {
    const paths = whatsappVariablePaths("shipping");
    expect(paths).toContain("fulfillment.tracking_url");
    expect(paths).not.toContain("line_items");
    expect(paths.some((p) => p.startsWith("item."))).toBe(false);
  });
});

describe("filling the placeholders for one message", () => {
  it("follows WhatsApp's rules: one line, never empty, at most 1024 characters, dates in the message's language", () => {
    const filled = renderContentVariables(
      { "1": "customer.first_name", "2": "fulfillment.tracking_url", "3": "fulfillment.tracking_number", "4": "fulfillment.estimated_delivery_at", "5": "order.name" },
      values,
      "es",
    );
    expect(filled["1"]).toBe("Sofía María");
    expect(filled["2"]).toBe("-");
    expect([...filled["3"]]).toHaveLength(1024);
    expect(filled["3"].endsWith("…")).toBe(true);
    expect(filled["4"]).toBe("viernes, 12 de junio");
    expect(filled["5"]).toBe("#1001");
  });

  it("reads back what a Message row stores, and nothing from a row that is not a template message", () => {
    expect(storedWhatsAppContent(SID, '{"1":"#1001"}')).toEqual({ sid: SID, variables: { "1": "#1001" } });
    expect(storedWhatsAppContent(null, "Your order shipped")).toBeNull();
    expect(storedWhatsAppContent(SID, "[1]")).toBeNull();
  });
});
