import { need, settingsFrom, UsageError } from "../config";
import { expectedBackInStock, expectedDelayNotices, expectedShippingMessages } from "../scenario/expected";
import { DEFAULT_SHOP, playScenario } from "../scenario/player";
import { SCENARIOS } from "../scenario/registry";
import { normalizeShop } from "../session-token";
import { fixturesDir } from "../webhooks/fixtures";
import { CONNECTION_OPTIONS, num, str, type Command } from "./common";

export const scenarioCommand: Command = {
  name: "scenario",
  summary: "Play a whole story of webhooks against Herald, with realistic data and timing.",
  usage: "scenario <name> [options]",
  details: [
    `Scenarios: ${Object.entries(SCENARIOS).map(([n, s]) => `${n} — ${s.title}`).join("; ")}.`,
    "Payloads are Shopify's samples with realistic variations; timestamps (X-Shopify-Triggered-At, created_at, happened_at, updated_at) tell the story over four days before --now. The same --seed and --now replay the same bytes. Customers' emails and phones are masked in the log. Install the shop first (npm run simulate -- install).",
  ],
  options: {
    shop: { type: "string", value: "DOMAIN", help: `shop the webhooks come from (default: ${DEFAULT_SHOP})` },
    seed: { type: "string", value: "N", help: "story seed: ids, tracking numbers, webhook ids (default: random, printed)" },
    speed: { type: "string", value: "FACTOR", help: "1 = real pauses (~15 s), 10 = faster, 0 = no pauses (default: 1)" },
    now: { type: "string", value: "ISO", help: "the story's present (default: now)" },
    timezone: { type: "string", value: "IANA", help: "shop time zone for payload timestamps (default: the simulator's, else America/New_York)" },
    currency: { type: "string", value: "CODE", help: "shop currency (default: the simulator's, else USD)" },
    "api-version": { type: "string", value: "VERSION", help: "X-Shopify-API-Version (default: shopify.app.toml's)" },
    config: { type: "string", value: "FILE", help: "shopify.app.toml to read (default: ./shopify.app.toml)" },
    fixtures: { type: "string", value: "DIR", help: "folder of sample payloads" },
    "dry-run": { type: "boolean", help: "print the deliveries without sending them" },
    expected: { type: "boolean", help: "print the expected outcome (JSON) with Herald's default settings and exit" },
    list: { type: "boolean", help: "list the scenarios and exit" },
    "app-url": CONNECTION_OPTIONS["app-url"],
    secret: CONNECTION_OPTIONS.secret,
    simulator: CONNECTION_OPTIONS.simulator,
  },
  examples: [
    "npm run simulate -- scenario shipping",
    "npm run simulate -- scenario shipping --seed 42 --speed 0",
    "npm run simulate -- scenario restock --expected",
    "npm run simulate -- scenario shipping --dry-run --seed 42 --now 2026-11-20T12:00:00Z",
  ],
  async run(flags, positionals) {
    if (flags.list) {
      for (const [name, s] of Object.entries(SCENARIOS)) console.log(`${name}\t${s.title}`);
      return 0;
    }
    const [name, ...extra] = positionals;
    if (!name) throw new UsageError(`Which scenario? Known: ${Object.keys(SCENARIOS).join(", ")} (see --help)`);
    if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
    if (!SCENARIOS[name]) throw new UsageError(`Unknown scenario "${name}". Known: ${Object.keys(SCENARIOS).join(", ")}`);
    const nowText = str(flags, "now");
    const now = nowText ? new Date(nowText) : undefined;
    if (now && Number.isNaN(now.getTime())) throw new UsageError(`--now "${nowText}" is not a date (use ISO 8601, e.g. 2026-11-20T12:00:00Z)`);
    const seed = num(flags, "seed");
    const speed = num(flags, "speed");
    if (speed !== undefined && speed < 0) throw new UsageError("--speed must be 0 or more");
    const shop = normalizeShop(str(flags, "shop") ?? DEFAULT_SHOP);

    if (flags.expected) {
      const scenario = SCENARIOS[name].build({
        shop,
        seed: seed ?? 1,
        now: now ?? new Date(),
        timezone: str(flags, "timezone") ?? "America/New_York",
        currency: str(flags, "currency") ?? "USD",
        fixturesDir: fixturesDir(str(flags, "fixtures")),
      });
      const { steps: _steps, timeline: _timeline, ...story } = scenario;
      const delays = scenario.delays ? { expectedDelayNotices: expectedDelayNotices(scenario) } : {};
      const backInStock = scenario.backInStock ? { expectedBackInStock: expectedBackInStock(scenario) } : {};
      console.log(JSON.stringify({ ...story, expectedWithDefaults: expectedShippingMessages(scenario), ...delays, ...backInStock }, null, 2));
      return 0;
    }

    const settings = settingsFrom(flags);
    const result = await playScenario(name, {
      appUrl: flags["dry-run"] ? (settings.appUrl ?? "http://127.0.0.1:3000") : need(settings, "appUrl"),
      secret: flags["dry-run"] ? (settings.apiSecret ?? "dry-run") : need(settings, "apiSecret"),
      shop,
      seed,
      speed,
      now,
      apiVersion: str(flags, "api-version"),
      tomlPath: str(flags, "config"),
      fixturesDir: str(flags, "fixtures"),
      simulatorUrl: settings.simulatorUrl,
      timezone: str(flags, "timezone"),
      currency: str(flags, "currency"),
      dryRun: Boolean(flags["dry-run"]),
    });
    return result.failed > 0 ? 1 : 0;
  },
};
