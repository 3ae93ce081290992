import { CUSTOMERS, type CustomerKey } from "./cast";
import type { Scenario, ShippingStep } from "./types";

export type Channel = "email" | "sms";

/** The settings that change what Herald should send; defaults mirror app/notifications/settings.ts. */
export interface OutcomeSettings {
  steps: Record<ShippingStep, boolean>;
  channels: Channel[];
  sendForCancelledOrders: boolean;
}

/** Herald's default shop settings as of this writing: email only, no in_transit message. */
export const HERALD_DEFAULTS: OutcomeSettings = {
  steps: {
    shipped: true,
    in_transit: false,
    out_for_delivery: true,
    attempted_delivery: true,
    ready_for_pickup: true,
    delivered: true,
    failure: true,
  },
  channels: ["email"],
  sendForCancelledOrders: false,
};

/** One row Herald should end up with: a message sent, or one recorded as SKIPPED. */
export interface ExpectedMessage {
  customer: CustomerKey;
  locale: string;
  order: string;
  fulfillment: string;
  orderId: string;
  fulfillmentId: string;
  step: ShippingStep;
  channel: Channel;
  outcome: "sent" | "skipped";
  /** Lower-cased email or E.164 phone; null when skipped for lack of one. */
  recipient: string | null;
  skipReason: "no_email" | "no_phone" | null;
}

/**
 * Exactly the shipping messages the scenario should produce under `settings`: one per fulfillment,
 * step and channel, whatever the duplicates, retries and late deliveries. Assumes Herald handles each
 * delivery before the next arrives (the scenario's pauses give its worker the time); a Herald that only
 * catches up at the end rightly sends just each parcel's latest news, the rest being stale by then.
 * Quiet hours and consent may turn an SMS into a deferred or skipped one; this list does not model them.
 */
export function expectedShippingMessages(scenario: Scenario, settings: OutcomeSettings = HERALD_DEFAULTS): ExpectedMessage[] {
  const out: ExpectedMessage[] = [];
  for (const f of scenario.fulfillments) {
    const customer = CUSTOMERS[f.customer];
    for (const step of f.steps) {
      if (!settings.steps[step]) continue;
      for (const channel of settings.channels) {
        const recipient = channel === "email" ? customer.email?.toLowerCase() ?? null : customer.phone;
        out.push({
          customer: f.customer,
          locale: customer.locale,
          order: f.order,
          fulfillment: f.fulfillment,
          orderId: f.orderId,
          fulfillmentId: f.fulfillmentId,
          step,
          channel,
          outcome: recipient ? "sent" : "skipped",
          recipient,
          skipReason: recipient ? null : channel === "email" ? "no_email" : "no_phone",
        });
      }
    }
  }
  return out;
}

/** A printable per-customer summary of expectedShippingMessages. */
export function describeExpected(scenario: Scenario, settings: OutcomeSettings = HERALD_DEFAULTS): string[] {
  const messages = expectedShippingMessages(scenario, settings);
  const lines: string[] = [];
  for (const key of Object.keys(CUSTOMERS) as CustomerKey[]) {
    const mine = messages.filter((m) => m.customer === key);
    const c = CUSTOMERS[key];
    const sent = mine.filter((m) => m.outcome === "sent");
    const skipped = mine.filter((m) => m.outcome === "skipped");
    const parts = [
      sent.length ? `${sent.length} sent (${sent.map((m) => `${m.fulfillment} ${m.step} by ${m.channel}`).join(", ")})` : "nothing sent",
      skipped.length ? `${skipped.length} skipped (${[...new Set(skipped.map((m) => m.skipReason))].join(", ")})` : "",
    ].filter(Boolean);
    lines.push(`${c.firstName} ${c.lastName[0]}. [${c.locale}]: ${parts.join("; ")}`);
  }
  for (const silent of scenario.silentOrders) lines.push(`${silent.order}: no shipping message (${silent.why})`);
  return lines;
}
