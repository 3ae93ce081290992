import { describe, expect, it } from "vitest";
import { decide } from "~/notifications/decide";
import { defaultSettings, parseSettings, type ShopSettings, type TriggerConditions } from "~/notifications/settings";
import type { Intent, OrderFacts } from "~/notifications/types";
import { input, order } from "./fixtures";
import { facts } from "./delay-fixtures";

// The merchant's conditions on a trigger (order tags, minimum value, shipping method, destination).
// An order outside them gets no message: each one that would have gone is recorded as SKIPPED with
// the unmet condition as the reason, so the message log says why the customer heard nothing.

const summary = (intents: Intent[]) => intents.map((i) => `${i.trigger} ${i.step} ${i.channel} ${i.skipReason ?? "send"}`);

function withConditions(trigger: "shipping" | "delay", conditions: Partial<TriggerConditions>, base: ShopSettings = defaultSettings()): ShopSettings {
  return { ...base, [trigger]: { ...base[trigger], conditions: { ...base[trigger].conditions, ...conditions } } };
}

interface Row {
  name: string;
  conditions: Partial<TriggerConditions>;
  order?: Partial<OrderFacts>;
  then: string;
}

// The fixture order: total 3597.00 INR, shipped to IN by "Standard", no tags.
const rows: Row[] = [
  { name: "sends with no conditions set", conditions: {}, then: "send" },
  { name: "sends when the order has one of the included tags, whatever its case", conditions: { tagsInclude: ["VIP", "wholesale"] }, order: { tags: ["vip"] }, then: "send" },
  { name: "skips an order without any included tag", conditions: { tagsInclude: ["vip"] }, order: { tags: ["gift"] }, then: "condition_tags_include" },
  { name: "skips an order without tags when tags are required", conditions: { tagsInclude: ["vip"] }, then: "condition_tags_include" },
  { name: "skips an order with an excluded tag", conditions: { tagsExclude: ["no-notify"] }, order: { tags: ["gift", "No-Notify"] }, then: "condition_tags_exclude" },
  { name: "sends an order without the excluded tag", conditions: { tagsExclude: ["no-notify"] }, order: { tags: ["gift"] }, then: "send" },
  { name: "lets the exclusion win over an inclusion", conditions: { tagsInclude: ["vip"], tagsExclude: ["no-notify"] }, order: { tags: ["vip", "no-notify"] }, then: "condition_tags_exclude" },
  { name: "sends an order at exactly the minimum value", conditions: { minOrderValue: 3597 }, then: "send" },
  { name: "skips an order below the minimum value", conditions: { minOrderValue: 3597.01 }, then: "condition_min_value" },
  { name: "skips an order whose total is unknown when a minimum is set", conditions: { minOrderValue: 10 }, order: { totalPrice: null }, then: "condition_min_value" },
  { name: "sends when the shipping method contains the words, whatever their case", conditions: { shippingMethodContains: "express" }, order: { shippingMethod: "DHL Express, Gift wrap" }, then: "send" },
  { name: "skips another shipping method", conditions: { shippingMethodContains: "express" }, then: "condition_shipping_method" },
  { name: "skips an order without a shipping line when a method is required", conditions: { shippingMethodContains: "express" }, order: { shippingMethod: null }, then: "condition_shipping_method" },
  { name: "sends to a listed destination country", conditions: { countries: ["US", "IN"] }, then: "send" },
  { name: "skips a destination that is not listed", conditions: { countries: ["US", "CA"] }, then: "condition_country" },
  { name: "skips an order without a known destination when countries are listed", conditions: { countries: ["US"] }, order: { shippingCountry: null }, then: "condition_country" },
];

describe("conditions on shipping updates", () => {
  it.each(rows)("$name", ({ conditions, order: patch, then }) => {
    const intents = decide(input({ settings: withConditions("shipping", conditions), order: order(patch) }));
    expect(summary(intents)).toEqual([`shipping shipped email ${then}`]);
  });

  it("records the condition on every channel, and it takes precedence over a missing recipient", () => {
    const base = defaultSettings();
    const settings = withConditions("shipping", { tagsInclude: ["vip"] }, { ...base, shipping: { ...base.shipping, channels: ["email", "sms"] } });
    const intents = decide(input({ settings, order: order({ phone: null }) }));
    expect(summary(intents)).toEqual(["shipping shipped email condition_tags_include", "shipping shipped sms condition_tags_include"]);
  });

  it("does not hold back the delay notices, whose conditions are their own", () => {
    const given = facts({ zone: "America/New_York", placedAt: "2026-03-06T23:00:00Z", now: "2026-03-11T22:00:00Z", shipTo: { country: "IN", province: "KL" } });
    const intents = decide({ ...given, settings: withConditions("shipping", { countries: ["US"] }, given.settings) });
    expect(summary(intents)).toEqual(["delay unfulfilled email send"]);
  });
});

describe("conditions on delay notices", () => {
  // An order not fulfilled 72 business hours after it was placed: one notice due.
  const unfulfilled = facts({ zone: "America/New_York", placedAt: "2026-03-06T23:00:00Z", now: "2026-03-11T22:00:00Z", shipTo: { country: "IN", province: "KL" } });

  it.each(rows)("$name", ({ conditions, order: patch, then }) => {
    const intents = decide({ ...unfulfilled, order: { ...unfulfilled.order, ...patch }, settings: withConditions("delay", conditions, unfulfilled.settings) });
    expect(summary(intents)).toEqual([`delay unfulfilled email ${then}`]);
  });

  it("records a skipped notice once: a later evaluation finds it in the history", () => {
    const settings = withConditions("delay", { minOrderValue: 5000 }, unfulfilled.settings);
    const [skipped] = decide({ ...unfulfilled, settings });
    const history = [{ trigger: skipped.trigger, subject: skipped.subject, step: skipped.step, channel: skipped.channel, status: "SKIPPED" as const, createdAt: unfulfilled.now }];
    expect(decide({ ...unfulfilled, settings, now: new Date("2026-03-12T22:00:00Z"), history })).toEqual([]);
  });
});

describe("stored conditions", () => {
  it("default to letting every order through", () => {
    expect(defaultSettings().shipping.conditions).toEqual({ tagsInclude: [], tagsExclude: [], minOrderValue: null, shippingMethodContains: null, countries: [] });
    expect(defaultSettings().delay.conditions).toEqual(defaultSettings().shipping.conditions);
  });

  it("keep what the merchant saved and drop repeated countries", () => {
    const settings = parseSettings(JSON.stringify({ shipping: { conditions: { tagsInclude: ["vip"], countries: ["US", "US", "CA"], minOrderValue: 50 } } }));
    expect(settings.shipping.conditions).toEqual({ tagsInclude: ["vip"], tagsExclude: [], minOrderValue: 50, shippingMethodContains: null, countries: ["US", "CA"] });
  });
});
