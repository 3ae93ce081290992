import { buildDelaysScenario } from "./delays";
import { buildRestockScenario } from "./restock";
import { buildShippingScenario } from "./shipping";
import type { Scenario, ScenarioInput } from "./types";

export interface ScenarioEntry {
  title: string;
  build(input: ScenarioInput): Scenario;
}

/** Every scenario `simulate scenario <name>` can play. Add new stories here. */
export const SCENARIOS: Record<string, ScenarioEntry> = {
  shipping: {
    title: "Five customers (en, es-MX, hi-IN, ml-IN, sw-KE), split shipments, carrier events, duplicates, retries, out-of-order, a delayed and a cancelled order",
    build: buildShippingScenario,
  },
  delays: {
    title: "Two weeks in the shop's zone: unfulfilled, carrier delay, stalled (domestic and international), not picked up, estimate passed twice, on hold, rescheduled, and orders whose delay clears in time",
    build: buildDelaysScenario,
  },
  restock: {
    title: "Back in stock: seven shoppers (ml, hi, sw, es, en, de, ar) sign up through the storefront's app proxy for a sold-out mug (a text-only sign-up, a double submit, a repeat); 2 units come back (inventory_levels/update twice, variants/in_stock): the 4 oldest reachable are told",
    build: buildRestockScenario,
  },
};
