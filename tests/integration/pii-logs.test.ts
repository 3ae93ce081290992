import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_API_KEY, BENCH_API_SECRET, freshDatabase, installShops, prismaFor, snapshotBuild, startHerald, workDir, type HeraldProcess } from "../bench/harness";
import { startProviderFakes, type ProviderFakes } from "../fakes";
import { CUSTOMERS } from "../simulator/scenario/cast";
import { playScenario } from "../simulator/scenario/player";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { buildIsStale } from "../support/build";

// Logs leave the database's access controls: no customer email address or phone number may appear
// in them, whatever the level. Herald's production build runs as a real process (web with its
// in-process worker, as the embedded default does) at debug level, its stdout and stderr going to a
// file; the store simulator plays the shipping and delays scenarios at it (SMS on for the shipping
// shop, so phone numbers travel through the pipeline too); once every job has run, the log file is
// searched for every address and number of the scenarios' cast, in the forms they could be written.

const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";
const SHOPS = {
  shipping: { domain: "pii-shipping.myshopify.com", settings: { shipping: { channels: ["email", "sms"], steps: { in_transit: true } } } },
  delays: { domain: "pii-delays.myshopify.com", settings: {} },
};

let dir: string;
let dbFile: string;
let fakes: ProviderFakes;
let sim: RunningSimulator;
let herald: HeraldProcess | undefined;

/** `npm run build` when build/ is older than the sources, without blocking the test runner meanwhile. */
async function buildIfStale(): Promise<void> {
  if (!buildIsStale()) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build", "--silent"], { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (${code}): ${stderr.slice(-2000)}`))));
  });
}

beforeAll(async () => {
  await buildIfStale();
  dir = workDir(`pii-logs-${process.env.VITEST_POOL_ID ?? "0"}`);
  await snapshotBuild(dir);
  dbFile = freshDatabase(path.join(dir, "herald.db"));
  fakes = await startProviderFakes({ inbox: false });
  sim = await startSimulator({ apiKey: BENCH_API_KEY, apiSecret: BENCH_API_SECRET, scopes: SCOPES });
  await installShops(dbFile, Object.values(SHOPS).map((s) => ({ domain: s.domain, timezone: "America/New_York", settings: s.settings })));
  // Offline sessions, so the worker's Admin API lookups (fulfillment orders) reach the simulator.
  const db = prismaFor(dbFile);
  try {
    for (const { domain } of Object.values(SHOPS)) {
      sim.state.upsertShop({ domain, timezone: "America/New_York" });
      const token = sim.state.issueToken(domain, "offline", SCOPES);
      await db.session.create({ data: { id: `offline_${domain}`, shop: domain, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
    }
  } finally {
    await db.$disconnect();
  }
  herald = await startHerald({
    role: "web",
    dbFile,
    logFile: path.join(dir, "web.log"),
    env: { ...fakes.env, HERALD_LOG_LEVEL: "debug", HERALD_DELAY_SETTLE_SECONDS: "1", SHOPIFY_API_BASE_URL: sim.url, SCOPES },
  });
}, 540_000);

afterAll(async () => {
  await herald?.stop();
  await sim?.close();
  await fakes?.close();
});

/** Wait until no job is queued or running (the settle window and retries included). */
async function drained(timeoutMs = 90_000): Promise<void> {
  const db = prismaFor(dbFile);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const due = await db.job.count({ where: { status: { in: ["QUEUED", "RUNNING"] }, runAt: { lte: new Date(Date.now() + 5_000) } } });
      if (due === 0) return;
      if (Date.now() > deadline) throw new Error(`${due} jobs still due after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await db.$disconnect();
  }
}

/** Each way a cast member's address or number could be written out. */
function castValues(): string[] {
  const values = new Set<string>();
  for (const c of Object.values(CUSTOMERS)) {
    if (c.email) values.add(c.email.toLowerCase());
    if (c.phone) {
      values.add(c.phone);
      values.add(c.phone.replace(/^\+/, ""));
    }
  }
  return [...values];
}

describe("customer data in logs", () => {
  it("has no customer email address or phone number in Herald's log after the shipping and delays scenarios", { timeout: 240_000 }, async () => {
    // GIVEN Herald running at debug level, WHEN both scenarios are played at it and every job has run
    const quiet = () => {};
    const shipping = await playScenario("shipping", { appUrl: herald!.url, secret: BENCH_API_SECRET, shop: SHOPS.shipping.domain, simulatorUrl: sim.url, speed: 0, seed: 3, log: quiet });
    const delays = await playScenario("delays", { appUrl: herald!.url, secret: BENCH_API_SECRET, shop: SHOPS.delays.domain, simulatorUrl: sim.url, speed: 0, seed: 3, log: quiet });
    expect(shipping.failed + delays.failed).toBe(0);
    await drained();

    // THEN the scenario really went through Herald: webhooks handled, emails and texts sent
    const logs = fs.readFileSync(herald!.logFile, "utf8");
    expect(fakes.resend.emails.length).toBeGreaterThan(0);
    expect(fakes.twilio.messages.length).toBeGreaterThan(0);
    expect(logs).toContain('"event":"message.sent"');
    // ...and not one customer address or number is in the log
    const hits = castValues().filter((v) => logs.toLowerCase().includes(v.toLowerCase()));
    expect(hits, `customer data in ${path.relative(process.cwd(), herald!.logFile)}`).toEqual([]);
  });
});
