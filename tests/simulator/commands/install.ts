import { need, settingsFrom, UsageError } from "../config";
import { installShop } from "../install";
import { isShopDomain, normalizeShop } from "../session-token";
import { CONNECTION_OPTIONS, list, str, type Command } from "./common";

export const installCommand: Command = {
  name: "install",
  summary: "Install a simulated shop into a running Herald through its real embedded-auth path (session token -> token exchange -> ShopInfo).",
  usage: "install --shop <domain> [options]",
  details: [
    "Needs the simulator (npm run simulate -- serve) and Herald running, Herald with SHOPIFY_API_BASE_URL pointing at the simulator and the same API key and secret.",
    "The shop is created (or updated) in the simulator first; then the app is opened as admin's iframe does: GET {SHOPIFY_APP_URL}/app?embedded=1&shop=&host=&id_token=<fresh session token>.",
  ],
  options: {
    shop: { type: "string", value: "DOMAIN", help: "the shop, e.g. herald-demo.myshopify.com (or just herald-demo)" },
    name: { type: "string", value: "TEXT", help: "store name (default: from the handle, e.g. Herald Demo)" },
    email: { type: "string", value: "EMAIL", help: "store owner's email" },
    timezone: { type: "string", value: "IANA", help: "store time zone (default: America/New_York)" },
    locale: { type: "string", value: "CODE", help: "primary locale (default: en)" },
    locales: { type: "string", value: "LIST", help: "other published locales, comma-separated (e.g. es,hi,ml,sw)" },
    currency: { type: "string", value: "CODE", help: "store currency (default: USD)" },
    ...CONNECTION_OPTIONS,
  },
  examples: [
    "npm run simulate -- install --shop herald-demo.myshopify.com",
    "npm run simulate -- install --shop chai-corner --timezone Asia/Kolkata --locale en --locales hi,ml --currency INR",
  ],
  async run(flags) {
    const raw = str(flags, "shop");
    if (!raw) throw new UsageError("Which shop? Pass --shop <name>.myshopify.com");
    const shop = normalizeShop(raw);
    if (!isShopDomain(shop)) throw new UsageError(`--shop ${raw}: not a <name>.myshopify.com domain`);
    const settings = settingsFrom(flags);
    const report = await installShop({
      shop,
      appUrl: need(settings, "appUrl"),
      simulatorUrl: need(settings, "simulatorUrl"),
      apiKey: need(settings, "apiKey"),
      apiSecret: need(settings, "apiSecret"),
      name: str(flags, "name"),
      email: str(flags, "email"),
      timezone: str(flags, "timezone"),
      locale: str(flags, "locale"),
      locales: list(flags, "locales"),
      currency: str(flags, "currency"),
    });
    const s = report.shop;
    console.log(`Installed ${s.domain} ("${s.name}", ${s.timezone}, ${s.locale}, ${s.currency}) into Herald at ${report.appUrl}.`);
    if (report.exchanges.length) {
      const kinds = new Map<string, number>();
      for (const e of report.exchanges) {
        const kind = `${e.requestedTokenType?.split(":").pop() ?? e.grantType}${e.expiring ? " (expiring)" : ""} -> ${e.outcome}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      // Remix runs the layout's and the page's loaders at once: a first load often exchanges twice.
      for (const [kind, n] of kinds) console.log(`  token exchange${n > 1 ? ` x${n}` : ""}: ${kind}`);
    } else {
      console.log("  Herald already had a live session for this shop (no token exchange needed).");
    }
    const ops = [...new Set(report.graphqlCalls.map((g) => `${g.operation ?? "?"} ${g.outcome}`))];
    if (ops.length) console.log(`  Herald asked Shopify: ${ops.join(", ")}`);
    else if (report.exchanges.length) console.log("  note: Herald made no Admin GraphQL call (its afterAuth hook reads ShopInfo).");
    const sim = settings.simulatorUrl;
    console.log(`  Open the admin: ${sim}/admin/store/${s.domain.replace(/\.myshopify\.com$/, "")}/apps/herald`);
    return 0;
  },
};
