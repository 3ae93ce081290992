/**
 * `npm run demo`: Herald end to end on one machine, offline.
 *   fresh demo database -> build if stale -> fake Resend/Twilio + inbox -> store simulator -> Herald
 *   (node build/main.js) -> install "herald-demo.myshopify.com" -> play `scenario shipping`, then
 *   `scenario restock` -> print the inbox and admin URLs and keep running until Ctrl-C.
 * A second run starts from a new database, so it never shows the previous run's messages.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startProviderFakes, type ProviderFakes } from "../fakes/cli";
import { buildIsStale } from "../support/build";
import { BROWSER_USER_AGENT, installShop } from "./install";
import { CUSTOMERS } from "./scenario/cast";
import { expectedBackInStock, expectedShippingMessages, HERALD_DEFAULTS, type ExpectedBackInStock, type ExpectedMessage } from "./scenario/expected";
import { playScenario } from "./scenario/player";
import type { Scenario } from "./scenario/types";
import { startSimulator, type RunningSimulator } from "./server";
import { mintSessionToken } from "./session-token";
import { readAppToml } from "./webhooks/subscriptions";

const ROOT = process.cwd();
const DEMO_DB = path.join(ROOT, "prisma", "demo.db");
const LOG_DIR = path.join(ROOT, "tmp", "demo");
const SHOP = "herald-demo.myshopify.com";
const DEMO_KEY = process.env.HERALD_DEMO_API_KEY ?? "herald-demo-key";
const DEMO_SECRET = process.env.HERALD_DEMO_API_SECRET ?? "herald-demo-secret-not-for-production";

const OPTIONS = {
  port: { type: "string", default: "3000" },
  "simulator-port": { type: "string", default: "4100" },
  "resend-port": { type: "string", default: "4020" },
  "twilio-port": { type: "string", default: "4030" },
  "inbox-port": { type: "string", default: "4040" },
  seed: { type: "string", default: "2026" },
  speed: { type: "string", default: "1" },
  rebuild: { type: "boolean", default: false },
  exit: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const HELP = `Usage: npm run demo -- [options]

Runs Herald offline with a simulated Shopify store and fake email/SMS providers, plays the
"shipping" scenario, then the "restock" one (back-in-stock sign-ups on the storefront, then a
restock), then keeps everything running so you can look around. Ctrl-C stops it all.

Options:
  --port <P>             Herald (default 3000)
  --simulator-port <P>   store simulator + admin frame (default 4100)
  --resend-port <P>      fake Resend (default 4020)
  --twilio-port <P>      fake Twilio (default 4030)
  --inbox-port <P>       inbox page (default 4040)
  --seed <N>             scenario seed (default 2026)
  --speed <F>            scenario speed: 1 real pauses (~15 s), 0 no pauses (default 1)
  --rebuild              build Herald even if build/ looks current
  --exit                 stop after the scenarios instead of staying up (exit 1 if Herald's
                         messages differ from what the scenarios predict)
  -h, --help             this help`;

const children: ChildProcess[] = [];
const closers: Array<() => Promise<void>> = [];

async function main(): Promise<number> {
  const { values: flags } = parseArgs({ options: OPTIONS, strict: true, allowPositionals: false });
  if (flags.help) {
    console.log(HELP);
    return 0;
  }
  const port = (name: keyof typeof OPTIONS) => {
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new DemoError(`--${name} must be a port number, got "${String(flags[name])}"`);
    return n;
  };
  const ports = {
    herald: port("port"),
    simulator: port("simulator-port"),
    resend: port("resend-port"),
    twilio: port("twilio-port"),
    inbox: port("inbox-port"),
  };
  await ensurePortsFree(ports);

  if (!fs.existsSync(path.join(ROOT, "node_modules", ".prisma", "client", "default.js"))) {
    step("Generating the Prisma client (npm run setup)");
    run("npm", ["run", "setup", "--silent"], "npm run setup");
  }

  step("Preparing a fresh demo database (prisma/demo.db)");
  freshDatabase();

  if (flags.rebuild || buildIsStale()) {
    step("Building Herald (npm run build; about 10 s)");
    run("npm", ["run", "build", "--silent"], "the build");
  } else {
    step("Herald's build is current (use --rebuild to force)");
  }

  step("Starting fake Resend, fake Twilio and the inbox page");
  const fakes: ProviderFakes = await startProviderFakes({ resendPort: ports.resend, twilioPort: ports.twilio, inboxPort: ports.inbox });
  closers.push(() => fakes.close());

  const appUrl = `http://127.0.0.1:${ports.herald}`;
  const toml = readAppToml();
  const scopes = toml.scopes ?? "read_orders,read_fulfillments,read_customers";
  step("Starting the store simulator");
  const sim: RunningSimulator = await startSimulator({
    apiKey: DEMO_KEY,
    apiSecret: DEMO_SECRET,
    appUrl,
    scopes,
    port: ports.simulator,
    log: (line) => appendLog("simulator.log", line),
  });
  closers.push(() => sim.close());

  step(`Starting Herald on ${appUrl} (log: ${path.relative(ROOT, path.join(LOG_DIR, "herald.log"))})`);
  const herald = startHerald({
    PORT: String(ports.herald),
    NODE_ENV: "production",
    DATABASE_URL: `file:${DEMO_DB}`,
    SHOPIFY_API_KEY: DEMO_KEY,
    SHOPIFY_API_SECRET: DEMO_SECRET,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: scopes,
    SHOPIFY_API_BASE_URL: sim.url,
    // The bounce page (/auth/session-token) renders App Bridge from this URL (shopify-app-remix's node adapter).
    APP_BRIDGE_URL: `${sim.url}/cdn/app-bridge.js`,
    EMAIL_FROM: "Herald Demo <updates@herald-demo.example.com>",
    // Delay notices wait for late webhooks before going out (10 min by default); the demo's
    // story plays in seconds, so a short window shows them while the demo is being looked at.
    HERALD_DELAY_SETTLE_SECONDS: "15",
    ...fakes.env,
  });
  await waitForHerald(appUrl, herald);

  step(`Installing ${SHOP} through Herald's embedded auth`);
  const report = await installShop({
    shop: SHOP,
    appUrl,
    simulatorUrl: sim.url,
    apiKey: DEMO_KEY,
    apiSecret: DEMO_SECRET,
    name: "Herald Demo Goods",
    email: "owner@herald-demo.example.com",
    timezone: "America/New_York",
    locale: "en",
    locales: ["es", "hi", "ml", "sw"],
    currency: "USD",
  });
  // Remix runs the layout's and the page's loaders at once, so a first load usually exchanges twice.
  console.log(`    ${report.exchanges.length} token exchange(s) (${[...new Set(report.exchanges.map((e) => e.outcome))].join(", ")}); Herald read ${[...new Set(report.graphqlCalls.map((g) => g.operation))].join(", ") || "nothing"} from the simulator`);

  step("Switching the demo shop to email + SMS + WhatsApp (quiet hours off, so texts show at once whatever the hour)");
  applyDemoSettings(DEMO_SETTINGS);
  step(`Mapping an approved WhatsApp template to "out for delivery" in Spanish, as a merchant would on Herald's WhatsApp screen`);
  await mapDemoWhatsAppTemplate(appUrl);
  fakes.twilio.registerContentTemplate(DEMO_WHATSAPP.contentSid, DEMO_WHATSAPP.text);

  const play = (name: "shipping" | "restock") =>
    playScenario(name, {
      appUrl,
      secret: DEMO_SECRET,
      shop: SHOP,
      seed: Number(flags.seed),
      speed: Number(flags.speed),
      toml,
      simulatorUrl: sim.url,
      log: (line) => console.log(`  ${line}`),
    });

  step("Playing the shipping scenario");
  const played = await play("shipping");

  step("Waiting for Herald's worker to finish sending");
  const settled = await waitForMessages(fakes);
  console.log(`    Herald sent ${settled.emails} email(s) and ${settled.texts} text(s).`);
  const comparison = compareWithExpected(fakes, expectedShippingMessages(played.scenario, DEMO_OUTCOME));
  for (const line of comparison.lines) console.log(`    ${line}`);
  if (!comparison.ok) console.log(`    Not what the scenario predicts: see ${path.relative(ROOT, path.join(LOG_DIR, "herald.log"))} (and the shop's settings).`);
  step("Waiting for delay notices (they settle for 15 s in the demo, 10 min by default)");
  const notices = await waitForDelayNotices(fakes);
  console.log(`    ${notices.length} delay notice(s)${notices.length ? ":" : "."}`);
  for (const line of notices) console.log(`      ${line}`);

  step("Playing the restock scenario: shoppers ask to be told on the storefront, then the mug comes back");
  const before = { emails: fakes.resend.emails.length, texts: fakes.twilio.messages.length };
  const restock = await play("restock");
  step("Waiting for Herald's worker to send the confirmations and alerts");
  await waitForMessages(fakes);
  const stock = compareBackInStock(fakes, before, restock.scenario, expectedBackInStock(restock.scenario));
  for (const line of stock.lines) console.log(`    ${line}`);
  if (!stock.ok || restock.failed > 0) console.log(`    Not what the scenario predicts: see ${path.relative(ROOT, path.join(LOG_DIR, "herald.log"))} (and the shop's settings).`);
  console.log("");
  console.log("Herald demo is running:");
  console.log(`  Inbox (emails and texts customers got):  ${fakes.inbox?.url ?? "(off)"}/`);
  console.log(`  Herald's admin in a local admin frame:   ${sim.url}/admin/store/herald-demo/apps/herald`);
  console.log(`  Herald:                                  ${appUrl}`);
  console.log(`  Simulator state:                         ${sim.url}/_sim/state`);
  console.log("  Try more, in another shell:");
  console.log(`    SHOPIFY_APP_URL=${appUrl} SHOPIFY_API_KEY=${DEMO_KEY} SHOPIFY_API_SECRET=${DEMO_SECRET} SHOPIFY_API_BASE_URL=${sim.url} \\`);
  console.log("      npm run simulate -- scenario shipping --seed 7      # or: scenario restock --seed 7, send fulfillment_events/create");
  if (flags.exit) return comparison.ok && stock.ok && restock.failed === 0 ? 0 : 1;
  console.log("Ctrl-C stops everything.");
  // Runs until Ctrl-C (the signal handlers below shut everything down) or until Herald dies.
  const code = await new Promise<number>((resolve) =>
    herald.once("exit", (exitCode) => {
      if (stopping) return;
      console.error(`Herald exited (code ${exitCode}); see ${path.join(LOG_DIR, "herald.log")}`);
      resolve(1);
    }),
  );
  return code;
}

class DemoError extends Error {}

/** The demo shop's settings, as a merchant would set them in Herald's admin. SMS consent is required (the default). */
const DEMO_SETTINGS = { shipping: { channels: ["email", "sms", "whatsapp"] }, quietHours: { enabled: false } };

/**
 * One approved WhatsApp template (Twilio Content API), in Spanish: Sofía, who shops in es-MX, gets her
 * "out for delivery" update on WhatsApp too; customers in other languages have no template in theirs.
 * The fake Twilio knows its text, so the inbox shows it filled in.
 */
const DEMO_WHATSAPP = {
  trigger: "shipping",
  step: "out_for_delivery",
  locale: "es",
  contentSid: "HX5e1a7c2b9d0f4e3a8b6c1d2e3f4a5b6c",
  variables: "1: customer.first_name\n2: order.name\n3: fulfillment.tracking_url",
  text: "Hola {{1}}, tu pedido {{2}} sale hoy a reparto. Síguelo aquí: {{3}}",
};

const DEMO_OUTCOME = {
  ...HERALD_DEFAULTS,
  channels: ["email", "sms", "whatsapp"] as Array<"email" | "sms" | "whatsapp">,
  whatsapp: [{ step: "out_for_delivery" as const, locale: DEMO_WHATSAPP.locale }],
};

/** Save the demo's WhatsApp mapping through the WhatsApp screen's action, with a session token as App Bridge sends it. */
async function mapDemoWhatsAppTemplate(appUrl: string): Promise<void> {
  const token = await mintSessionToken({ shop: SHOP, apiKey: DEMO_KEY, apiSecret: DEMO_SECRET });
  const { text: _text, ...mapping } = DEMO_WHATSAPP;
  const response = await fetch(`${appUrl}/app/whatsapp?_data=routes%2Fapp.whatsapp`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json", "User-Agent": BROWSER_USER_AGENT },
    body: JSON.stringify({ intent: "save", ...mapping }),
  });
  const answer = (await response.json().catch(() => null)) as { ok?: boolean } | null;
  if (!response.ok || !answer?.ok) throw new DemoError(`Herald did not save the demo's WhatsApp template (${response.status}: ${JSON.stringify(answer)}).`);
}

/** The demo owns its database: store the shop's settings there directly. */
function applyDemoSettings(settings: object): void {
  const db = new Database(DEMO_DB);
  const changed = db.prepare(`UPDATE "Shop" SET "settings" = ? WHERE "domain" = ?`).run(JSON.stringify(settings), SHOP).changes;
  db.close();
  if (changed !== 1) throw new DemoError(`the demo shop ${SHOP} is not in ${DEMO_DB}: did the install reach Herald?`);
}

function step(text: string): void {
  console.log(`\n▸ ${text}`);
}

/** A taken port is the most common failure of a second demo: say which and how to move it. */
async function ensurePortsFree(ports: Record<string, number>): Promise<void> {
  const flag: Record<string, string> = { herald: "--port", simulator: "--simulator-port", resend: "--resend-port", twilio: "--twilio-port", inbox: "--inbox-port" };
  const seen = new Map<number, string>();
  for (const [name, p] of Object.entries(ports)) {
    if (seen.has(p)) throw new DemoError(`${flag[name]} ${p} is also used for ${seen.get(p)}: give each a different port.`);
    seen.set(p, name);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(p, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (!free) {
      throw new DemoError(`Port ${p} (${name}) is taken — is another demo still running? Stop it, or pick another with ${flag[name]} <port>.`);
    }
  }
}

function freshDatabase(): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(DEMO_DB + suffix, { force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  for (const f of ["herald.log", "simulator.log"]) fs.rmSync(path.join(LOG_DIR, f), { force: true });
  run("npx", ["prisma", "migrate", "deploy"], "prisma migrate deploy", { DATABASE_URL: `file:${DEMO_DB}` });
}

function run(command: string, args: string[], what: string, env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new DemoError(`${what} failed (exit ${result.status ?? result.signal}).`);
  }
}

function appendLog(file: string, line: string): void {
  fs.appendFileSync(path.join(LOG_DIR, file), `${new Date().toISOString()} ${line}\n`);
}

function startHerald(env: Record<string, string>): ChildProcess {
  const log = fs.openSync(path.join(LOG_DIR, "herald.log"), "a");
  // Herald's own env only: a developer's SHOPIFY_* or DATABASE_URL must not leak into the demo.
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(SHOPIFY_|DATABASE_URL|RESEND_|TWILIO_|REDIS_URL|SCOPES|PORT$|HERALD_|APP_BRIDGE_URL)/.test(k)) base[k] = v;
  }
  const child = spawn(process.execPath, ["build/main.js"], { cwd: ROOT, env: { ...base, ...env } as NodeJS.ProcessEnv, stdio: ["ignore", log, log] });
  children.push(child);
  return child;
}

async function waitForHerald(appUrl: string, herald: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited: number | null = null;
  herald.once("exit", (code) => (exited = code ?? 1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new DemoError(`Herald exited during start-up (code ${exited}):\n${tail(path.join(LOG_DIR, "herald.log"))}`);
    try {
      const response = await fetch(`${appUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new DemoError(`Herald did not answer ${appUrl}/healthz within 30 s:\n${tail(path.join(LOG_DIR, "herald.log"))}`);
}

/** Wait until no new email or text arrived for 3 s (at most 45 s): the worker sends asynchronously. */
async function waitForMessages(fakes: ProviderFakes): Promise<{ emails: number; texts: number }> {
  const count = () => fakes.resend.emails.length + fakes.twilio.messages.length;
  const deadline = Date.now() + 45_000;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const now = count();
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 3000) {
      break;
    }
    await sleep(250);
  }
  return { emails: fakes.resend.emails.length, texts: fakes.twilio.messages.length };
}

/** Per recipient: what Herald's default settings predict vs what reached the fake providers. */
function compareWithExpected(fakes: ProviderFakes, expected: ExpectedMessage[]): { ok: boolean; lines: string[] } {
  const got = new Map<string, number>();
  for (const email of fakes.resend.emails.filter(isShippingUpdate)) {
    for (const to of email.to) got.set(`email ${to.toLowerCase()}`, (got.get(`email ${to.toLowerCase()}`) ?? 0) + 1);
  }
  for (const text of fakes.twilio.messages) {
    const key = text.channel === "whatsapp" ? `whatsapp ${text.to.replace(/^whatsapp:/, "")}` : `sms ${text.to}`;
    got.set(key, (got.get(key) ?? 0) + 1);
  }
  const want = new Map<string, { count: number; who: string }>();
  for (const m of expected) {
    if (m.outcome !== "sent" || !m.recipient) continue;
    const key = `${m.channel} ${m.recipient}`;
    want.set(key, { count: (want.get(key)?.count ?? 0) + 1, who: `${CUSTOMERS[m.customer].firstName} [${m.locale}]` });
  }
  const lines: string[] = [];
  for (const [key, { count, who }] of want) {
    const n = got.get(key) ?? 0;
    lines.push(`${n === count ? "✓" : "✗"} ${who} ${key.split(" ")[0]}: ${n} received, ${count} expected`);
  }
  for (const [key, n] of got) if (!want.has(key)) lines.push(`? ${n} ${key.split(" ")[0]}(s) to a recipient the default settings do not predict (SMS on? settings changed?)`);
  return { ok: lines.every((l) => l.startsWith("✓")), lines };
}

/** Herald tags every email with its trigger ("shipping", "delay"...). */
function isShippingUpdate(email: { tags: Array<{ name: string; value: string }> }): boolean {
  return email.tags.some((t) => t.name === "herald_trigger" && t.value === "shipping");
}

/**
 * The back-in-stock messages that arrived since `before`, per shopper, against the prediction: each
 * confirmation and alert once, in the predicted language (the email's <html lang>), nothing for the
 * shoppers the restock must not alert.
 */
function compareBackInStock(
  fakes: ProviderFakes,
  before: { emails: number; texts: number },
  scenario: Scenario,
  expected: ExpectedBackInStock,
): { ok: boolean; lines: string[] } {
  const got = new Map<string, number>();
  const count = (key: string) => got.set(key, (got.get(key) ?? 0) + 1);
  for (const email of fakes.resend.emails.slice(before.emails)) {
    if (!email.tags.some((t) => t.name === "herald_trigger" && t.value === "back_in_stock")) continue;
    // Alerts go in batch calls; a confirmation is a single send.
    const kind = email.batchIndex === null ? "confirmation" : "alert";
    const lang = /<html lang="([^"]+)"/.exec(email.html ?? "")?.[1] ?? "?";
    for (const to of email.to) count(`${kind} email ${to.toLowerCase()} ${lang}`);
  }
  for (const text of fakes.twilio.messages.slice(before.texts)) count(`confirmation ${text.channel} ${text.to}`);
  const lines: string[] = [];
  let ok = true;
  const keyOf = (m: ExpectedBackInStock["messages"][number]) => (m.channel === "email" ? `${m.step} email ${m.recipient} ${m.language}` : `${m.step} ${m.channel} ${m.recipient}`);
  for (const shopper of scenario.backInStock?.signups ?? []) {
    const mine = expected.messages.filter((m) => m.shopper === shopper.key);
    let fine = true;
    const parts = mine.map((m) => {
      const n = got.get(keyOf(m)) ?? 0;
      got.delete(keyOf(m));
      if (n !== 1) fine = ok = false;
      return `${m.step} by ${m.channel} [${m.language}] ${n === 1 ? "received" : `${n} received, 1 expected`}`;
    });
    const not = expected.notAlerted.find((n) => n.shopper === shopper.key);
    lines.push(`${fine ? "✓" : "✗"} ${shopper.firstName} [${shopper.locale}]: ${parts.join(", ")}${not ? `; no alert (${not.why})` : ""}`);
  }
  for (const [key, n] of got) {
    ok = false;
    lines.push(`? ${n} ${key.split(" ").slice(0, 2).join(" ")} the prediction does not have (wrong language, or someone who should not be told)`);
  }
  return { ok, lines };
}

/** Delay notices go out after the settle window; wait for it and list what arrived. */
async function waitForDelayNotices(fakes: ProviderFakes): Promise<string[]> {
  await sleep(20_000);
  return fakes.resend.emails
    .filter((e) => e.tags.some((t) => t.name === "herald_trigger" && t.value === "delay"))
    .map((e) => `${e.to.join(", ")}: "${e.subject}"`);
}

function tail(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return "(no log)";
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill("SIGTERM");
      const exited = await Promise.race([new Promise((r) => child.once("exit", r)).then(() => true), sleep(8000).then(() => false)]);
      if (!exited) child.kill("SIGKILL");
    }
    await Promise.allSettled(closers.reverse().map((close) => close()));
  }
  process.exit(code);
}

// Ctrl-C at any point stops Herald (our child) and closes the in-process servers.
process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

main().then(
  (code) => shutdown(code),
  (error: unknown) => {
    const known = error instanceof DemoError || (error instanceof Error && /InstallError|PlayError|AppTomlError|FixtureError/.test(error.constructor.name));
    console.error(`\nDemo stopped: ${known ? (error as Error).message : (error as Error)?.stack ?? error}`);
    return shutdown(1);
  },
);
