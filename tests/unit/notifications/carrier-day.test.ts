import { describe, expect, it } from "vitest";
import { carrierDay } from "~/notifications/delay/carrier";
import { buildVariables, renderMessage } from "~/notifications/render";
import { fulfillmentEventPayload } from "~/webhooks/schemas";
import { at, event, fulfillment, order, shop } from "./fixtures";

// Carriers promise days. The day a customer is told is the one the carrier wrote, in the offset it
// sent, not the UTC date of the instant nor the date in the shop's zone.

function estimateEvent(estimated_delivery_at: unknown) {
  return fulfillmentEventPayload.parse({ id: 1, fulfillment_id: 7001, order_id: 5001, status: "in_transit", happened_at: "2026-06-11T09:00:00-04:00", estimated_delivery_at });
}

function told(estimate: Date | null, shopZone: string, shipTo: { country: string | null; province: string | null }) {
  const f = fulfillment({ events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: estimate }] });
  const variables = buildVariables({ shop: shop({ timezone: shopZone }), order: order({ shippingCountry: shipTo.country, shippingProvince: shipTo.province }), fulfillment: f });
  const sms = renderMessage({ trigger: "shipping", step: "in_transit", channel: "email", locale: "en", variables });
  if (!sms.ok) throw new Error(sms.error);
  return { day: variables.fulfillment?.estimated_delivery_at, text: sms.message.text };
}

describe("a carrier's estimated delivery day", () => {
  it.each([
    ["2026-06-13T20:00:00-04:00", "2026-06-13"], // 8 pm EDT: 00:00 UTC the next day
    ["2026-06-13T18:00:00-04:00", "2026-06-13"],
    ["2026-06-13T00:30:00+05:30", "2026-06-13"], // the evening before in UTC
    ["2026-06-13T23:59:59Z", "2026-06-13"],
    ["2026-06-13", "2026-06-13"],
  ])("is the day %s names: %s", (sent, day) => {
    expect(estimateEvent(sent).estimated_delivery_at).toEqual(new Date(`${day}T00:00:00Z`));
  });

  it.each([null, "", "soon", "2026-13-45T10:00:00Z", "2026-02-30"])("is no estimate for %j", (sent) => {
    expect(estimateEvent(sent).estimated_delivery_at).toBeNull();
    expect(carrierDay(sent)).toBeNull();
  });

  it("tells a New York shop's customer the day the carrier promised, for an estimate of 8 pm", () => {
    const { day, text } = told(estimateEvent("2026-06-13T20:00:00-04:00").estimated_delivery_at, "America/New_York", { country: "US", province: "NY" });
    expect(day).toBe("2026-06-13");
    expect(text).toContain("It should arrive by Saturday, June 13.");
  });

  it("tells a Kolkata shop's customer in New York the day a New York carrier promised", () => {
    const estimate = estimateEvent("2026-06-13T18:00:00-04:00").estimated_delivery_at;
    expect(told(estimate, "Asia/Kolkata", { country: "US", province: "NY" }).day).toBe("2026-06-13");
    expect(told(estimate, "Asia/Kolkata", { country: "IN", province: "KL" }).day).toBe("2026-06-13");
  });

  it("reads an estimate stored with a time of day where the customer is, else where the shop is", () => {
    // Stored before estimates were kept as the carrier's day: 20:00 UTC is already the next day in Kolkata.
    const instant = new Date("2026-06-13T20:00:00Z");
    expect(told(instant, "America/New_York", { country: "IN", province: "KL" }).day).toBe("2026-06-14");
    expect(told(instant, "America/New_York", { country: "US", province: "NY" }).day).toBe("2026-06-13");
    expect(told(instant, "Asia/Kolkata", { country: "US", province: null }).day).toBe("2026-06-14");
  });
});
