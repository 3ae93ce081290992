import { buildDelaysScenario } from "./delays";
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
};
