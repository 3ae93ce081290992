import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startProviderFakes, type ProviderFakes } from "../../fakes/cli";
import { build, buildIsStale, freePort } from "../build";
import { buildTemplateDatabase } from "../../setup/database";
import { installShop, type InstallOptions, type InstallReport } from "../../simulator/install";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { deliverWebhook, type DeliveryResult } from "../../simulator/webhooks/send";

// Herald as a real process for browser tests: the production build (node build/main.js) on a fresh
// SQLite file, the store simulator as Shopify (token exchange, admin frame, App Bridge stand-in) and the
// provider fakes as Resend and Twilio. Everything listens on 127.0.0.1 and nothing leaves the machine.

const ROOT = process.cwd();

/** Run `npm run build` when build/ is missing or older than a source file. */
export function ensureHeraldBuild(): void {
  if (buildIsStale()) build();
}

export interface RunningHerald {
  url: string;
  process: ChildProcess;
  /** Path of the SQLite file it runs on. */
  database: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Start `node build/main.js` (web + inline worker) with only the environment given: a developer's
 * SHOPIFY_*, DATABASE_URL or provider keys never leak in. The database is a new SQLite file with every
 * committed migration applied.
 */
export async function startHerald(options: { name: string; env: Record<string, string>; port?: number }): Promise<RunningHerald> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const database = path.join(ROOT, "tmp", "browser", `${options.name}-${process.pid}.db`);
  buildTemplateDatabase(database);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(SHOPIFY_|DATABASE_URL|RESEND_|TWILIO_|REDIS_URL|SCOPES|PORT$|HERALD_|APP_BRIDGE_URL|NODE_ENV|VITEST)/.test(k)) base[k] = v;
  }
  const env = {
    ...base,
    NODE_ENV: "production",
    PORT: String(port),
    SHOPIFY_APP_URL: url,
    DATABASE_URL: `file:${database}`,
    HERALD_LOG_LEVEL: "info",
    ...options.env,
  };
  const child = spawn(process.execPath, ["build/main.js"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(database + suffix, { force: true });
      return;
    }
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    if (!(await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]))) child.kill("SIGKILL");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(database + suffix, { force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Herald exited during start-up (code ${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) return { url, process: child, database, output: () => output, stop };
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`Herald did not answer ${url}/healthz within 30 s:\n${output.slice(-3000)}`);
}

export interface HeraldStack {
  herald: RunningHerald;
  sim: RunningSimulator;
  fakes: ProviderFakes;
  apiKey: string;
  apiSecret: string;
  shop: string;
  install: InstallReport;
  /** POST a signed webhook to Herald, as Shopify would. */
  webhook(topic: string, body: unknown): Promise<DeliveryResult>;
  close(): Promise<void>;
}

/**
 * Fakes + simulator + Herald, and one shop installed through Herald's real embedded auth. Close it in
 * afterAll; a failure half-way closes what was started.
 */
export async function startHeraldStack(options: { name: string; shop?: Partial<Omit<InstallOptions, "appUrl" | "simulatorUrl" | "apiKey" | "apiSecret">> & { domain?: string } }): Promise<HeraldStack> {
  const apiKey = `${options.name}-key`;
  const apiSecret = `${options.name}-secret-not-for-production`;
  const scopes = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers,read_products,read_inventory,read_locales,write_app_proxy";
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => {});
  };
  try {
    const fakes = await startProviderFakes({ inbox: false });
    closers.push(() => fakes.close());
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const sim = await startSimulator({ apiKey, apiSecret, appUrl, scopes });
    closers.push(() => sim.close());
    const herald = await startHerald({
      name: options.name,
      port,
      env: {
        SHOPIFY_API_KEY: apiKey,
        SHOPIFY_API_SECRET: apiSecret,
        SCOPES: scopes,
        SHOPIFY_API_BASE_URL: sim.url,
        // The bounce page (/auth/session-token) loads App Bridge from here (shopify-app-remix's node adapter).
        APP_BRIDGE_URL: `${sim.url}/cdn/app-bridge.js`,
        EMAIL_FROM: "Herald Test <updates@herald-test.example.com>",
        ...fakes.env,
      },
    });
    closers.push(() => herald.stop());
    const shop = options.shop?.domain ?? `${options.name}.myshopify.com`;
    const { domain: _domain, ...facts } = options.shop ?? {};
    void _domain;
    const install = await installShop({ shop, appUrl, simulatorUrl: sim.url, apiKey, apiSecret, name: "Maple & Moss", email: "owner@maple-moss.example.com", ...facts });
    const webhook = (topic: string, body: unknown) =>
      deliverWebhook({ url: `${appUrl}/webhooks/${topic}`, topic, shop, rawBody: JSON.stringify(body), secret: apiSecret });
    return { herald, sim, fakes, apiKey, apiSecret, shop, install, webhook, close };
  } catch (error) {
    await close();
    throw error;
  }
}
