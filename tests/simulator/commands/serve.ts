import { need, settingsFrom, UsageError } from "../config";
import { startSimulator } from "../server";
import { isShopDomain, normalizeShop } from "../session-token";
import { readAppToml } from "../webhooks/subscriptions";
import { CONNECTION_OPTIONS, list, num, str, type Command } from "./common";

export const DEFAULT_SIMULATOR_PORT = 4100;

export const serveCommand: Command = {
  name: "serve",
  summary: "Run a fake Shopify on loopback: the OAuth token endpoint, Admin GraphQL, an App Bridge stand-in and a local admin frame.",
  usage: "serve [--port P] [options]",
  details: [
    "Herald reaches it when started with SHOPIFY_API_BASE_URL=<this URL> (its Shopify library then calls {URL}/{shop}/admin/... instead of https://{shop}/admin/...).",
    "Endpoints: POST /{shop}/admin/oauth/access_token · POST /{shop}/admin/api/{version}/graphql.json · GET /cdn/app-bridge.js · GET /admin (local admin frame) · GET /admin/api/session-token?shop= · GET /_sim/health · GET /_sim/state · GET|POST /_sim/shops · POST /_sim/shops/{shop}/revoke · POST /_sim/shops/{shop}/bucket",
    "State lives in memory: restarting the simulator is a fresh platform (Herald keeps its sessions; expired ones are refreshed against the new state, so re-run install after a restart).",
  ],
  options: {
    port: { type: "string", value: "PORT", help: `port to listen on (default: $SHOPIFY_API_BASE_URL's port, else ${DEFAULT_SIMULATOR_PORT}; 0 = any free port)` },
    host: { type: "string", value: "HOST", help: "interface to bind (default: 127.0.0.1)" },
    scopes: { type: "string", value: "LIST", help: "scopes granted to the app (default: $SCOPES, else shopify.app.toml's)" },
    shop: { type: "string", value: "DOMAIN", multiple: true, help: "create this shop at start-up" },
    quiet: { type: "boolean", help: "do not log each platform request" },
    ...CONNECTION_OPTIONS,
  },
  examples: [
    "npm run simulate -- serve --port 4100",
    "SHOPIFY_API_BASE_URL=http://127.0.0.1:4100 npm run simulate -- serve --shop herald-demo",
  ],
  async run(flags) {
    const settings = settingsFrom(flags);
    const apiKey = need(settings, "apiKey");
    const apiSecret = need(settings, "apiSecret");
    let scopes = settings.scopes;
    if (!scopes) {
      try {
        scopes = readAppToml().scopes ?? undefined;
      } catch {
        /* no toml: fall through to the default */
      }
    }
    const fromBase = settings.simulatorUrl ? Number(new URL(settings.simulatorUrl).port) || undefined : undefined;
    const port = num(flags, "port") ?? fromBase ?? DEFAULT_SIMULATOR_PORT;
    if (settings.simulatorUrl && fromBase && fromBase !== port) {
      console.error(`note: SHOPIFY_API_BASE_URL says port ${fromBase} but --port is ${port}: Herald must use this server's URL.`);
    }
    let sim;
    try {
      sim = await startSimulator({
        apiKey,
        apiSecret,
        appUrl: settings.appUrl,
        scopes: scopes ?? "read_orders,read_fulfillments,read_customers,read_products,read_inventory,read_locales",
        host: str(flags, "host"),
        port,
        log: flags.quiet ? undefined : (line) => console.log(`[simulator] ${line}`),
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EADDRINUSE") throw new UsageError(`Port ${port} is taken. Stop what uses it or pass --port <another>.`);
      throw error;
    }
    for (const raw of list(flags, "shop") ?? []) {
      const domain = normalizeShop(raw);
      if (!isShopDomain(domain)) throw new UsageError(`--shop ${raw}: not a <name>.myshopify.com domain`);
      sim.state.upsertShop({ domain });
    }
    console.log(`Herald store simulator listening on ${sim.url}`);
    console.log(`  Start Herald with SHOPIFY_API_BASE_URL=${sim.url} APP_BRIDGE_URL=${sim.url}/cdn/app-bridge.js`);
    console.log(`  Install a shop:  npm run simulate -- install --shop herald-demo.myshopify.com --simulator ${sim.url}`);
    console.log(`  Admin frame:     ${sim.url}/admin${settings.appUrl ? "" : "   (needs SHOPIFY_APP_URL or --app-url)"}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await sim.close();
    return 0;
  },
};
