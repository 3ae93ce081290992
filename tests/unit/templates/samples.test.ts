import { describe, expect, it } from "vitest";
import { sampleVariables } from "~/notifications/samples";

const NOW = new Date("2025-06-10T12:00:00Z");

describe("sampleVariables", () => {
  it("gives a shipped update a package with tracking, greeting the customer in the preview's language", () => {
    const vars = sampleVariables("shipping", "shipped", "ml", { now: NOW });
    expect(vars.customer.first_name).toBe("Anjali");
    expect(vars.fulfillment).toMatchObject({ carrier: "UPS", status: "success" });
    expect(vars.fulfillment?.tracking_url).toMatch(/^https:\/\//);
    expect(vars.delay).toBeNull();
    expect(vars.line_items).toHaveLength(2);
  });

  it("follows the carrier status of the step", () => {
    expect(sampleVariables("shipping", "out_for_delivery", "en", { now: NOW }).fulfillment?.status).toBe("out_for_delivery");
    expect(sampleVariables("shipping", "in_transit", "en", { now: NOW }).fulfillment?.estimated_delivery_at).toBe("2025-06-13");
  });

  it("gives a delay notice about an unshipped order no package, unless complete data is asked for", () => {
    const vars = sampleVariables("delay", "unfulfilled", "en", { now: NOW });
    expect(vars.fulfillment).toBeNull();
    expect(vars.delay).toMatchObject({ kind: "unfulfilled", reason: "not_fulfilled", since: "2025-06-06" });
    expect(sampleVariables("delay", "unfulfilled", "en", { now: NOW, complete: true }).fulfillment).not.toBeNull();
  });

  it("gives a rescheduled notice its new date", () => {
    expect(sampleVariables("delay", "rescheduled", "es", { now: NOW }).delay).toMatchObject({ new_estimate: "2025-06-15", follow_up: false });
  });

  it("uses the merchant's store when given", () => {
    const vars = sampleVariables("shipping", "delivered", "en", {
      now: NOW,
      shop: { domain: "chai.myshopify.com", name: "Chai Corner", email: null, timezone: "Asia/Kolkata", primaryLocale: "hi", currency: "INR" },
    });
    expect(vars.shop).toEqual({ name: "Chai Corner", email: null, domain: "chai.myshopify.com", contact_url: "https://chai.myshopify.com/pages/contact" });
    expect(vars.order?.currency).toBe("INR");
  });
});
