import fs from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve("tests", "fixtures", "shopify-webhooks");

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"));
}

/** An open, paid order (the published sample is a cancelled one). */
export function orderPayload(overrides: Record<string, unknown> = {}) {
  return {
    ...fixture("orders__create"),
    id: 5001,
    name: "#1001",
    email: "ana.garcia@example.com",
    contact_email: "ana.garcia@example.com",
    customer_locale: "es-MX",
    cancelled_at: null,
    cancel_reason: null,
    financial_status: "paid",
    test: false,
    created_at: "2026-11-20T10:00:00-05:00",
    updated_at: "2026-11-20T10:00:00-05:00",
    customer: { id: 77, first_name: "Ana", last_name: "García", email: "ana.garcia@example.com", phone: null },
    ...overrides,
  };
}

export function fulfillmentPayload(overrides: Record<string, unknown> = {}) {
  return {
    ...fixture("fulfillments__create"),
    id: 7001,
    order_id: 5001,
    name: "#1001.1",
    status: "success",
    shipment_status: null,
    tracking_company: "UPS",
    tracking_number: "1Z999AA10123456784",
    tracking_numbers: ["1Z999AA10123456784"],
    tracking_url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    tracking_urls: ["https://www.ups.com/track?tracknum=1Z999AA10123456784"],
    created_at: "2026-11-21T09:00:00-05:00",
    updated_at: "2026-11-21T09:00:00-05:00",
    ...overrides,
  };
}

export function carrierEventPayload(overrides: Record<string, unknown> = {}) {
  return {
    ...fixture("fulfillment_events__create"),
    id: 9001,
    fulfillment_id: 7001,
    order_id: 5001,
    status: "in_transit",
    happened_at: "2026-11-22T08:00:00-05:00",
    ...overrides,
  };
}
