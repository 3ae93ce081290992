/**
 * `npm run bench [-- p1 p3 ...] [--seconds N] [--rebuild] [--json FILE] [--strict]`
 *
 * Issue 10's benchmarks on the embedded default (SQLite + the queue in the database), each figure
 * next to a baseline measured in the same run on the same machine. They print figures and ratios;
 * they are not tests (exit 0 unless a benchmark could not run; --strict also fails on a missed
 * target). Everything runs on loopback: fresh databases under tmp/bench/, Herald's production build
 * (rebuilt when stale) started as `node build/main.js`, the fake Resend, the bare baseline server.
 *
 *   P1 ingest throughput: verified, deduplicated, durably recorded webhooks/s (HERALD_WORKER=off)
 *      vs a bare http server that checks the HMAC and inserts one SQLite row.       target >= 40%
 *      p1pg: the same on PostgreSQL (tests/scripts/postgres.sh), when it can start here.
 *   P2 ack latency at a fixed 1,000 webhooks/s, embedded default (inline worker) and web only.
 *                                                                                   target p99 <= 25 ms
 *   P3 end to end at 200 events/s: fulfillments/create received -> fake Resend called.
 *                                                                          target p50 <= 250 ms, p99 <= 1 s
 *   P4 back-in-stock fan-out: 10,000 subscribers of one variant restocked, against the fake Resend
 *      limited to 2 requests/s x 100 emails per batch: time vs the rate-limit optimum, peak memory. target >= 95%
 *   P5 cached template renders/s on one core (email, 5 locales x 3 steps).          target >= 20,000/s
 *   P6 scale-out: 2 worker processes vs 1 on the same backlog, on PostgreSQL + BullMQ (when they can
 *      start here, tests/scripts/postgres.sh and redis.sh) and on SQLite; CPU per job; with the fake
 *      provider answering at once (CPU-bound) and after 100 ms (provider-bound).      target >= 1.7x
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import Database from "better-sqlite3";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import {
  BENCH_API_SECRET,
  HarnessError,
  ROOT,
  copyDatabase,
  copyPostgres,
  ensureBuild,
  freshDatabase,
  freshPostgres,
  installShops,
  machineInfo,
  postgresCpuMs,
  prismaFor,
  snapshotBuild,
  startHerald,
  startPostgres,
  startRedis,
  waitUntil,
  workDir,
  type HeraldProcess,
} from "./harness";
import { freePort } from "../support/build";
import { closedLoop, machineBusy, openLoop, percentile, sendAll, type OpenLoopResult, type ThroughputResult } from "./load";
import { parcelTemplates, signedDelivery, Store, type Delivery, type ParcelTemplates } from "./payloads";

const HELP = `Usage: npm run bench -- [p1 p1pg p2 p3 p4 p5 p6 ...] [options]

Runs issue 10's benchmarks (all of them when none is named) and prints a table: figure,
baseline measured in the same run, ratio, target, pass/fail, and the machine.

Options:
  --seconds <N>    measured window of each load run (default 10)
  --parcels <N>    P6 backlog: orders shipped in one parcel each (default 500)
  --rebuild        npm run build even if build/ looks current
  --json <file>    also write the results as JSON
  --strict         exit 1 when a target is missed
  --quiet <P>      before each benchmark, wait until other processes use under P% of
                   the CPUs (default 25)...
  --max-wait <S>   ...but at most S seconds (default 20; the table says what it saw)
  -h, --help       this help

HERALD_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every Herald process it starts into <dir>.`;

interface Row {
  id: string;
  name: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  result: "pass" | "FAIL" | "-";
  notes: string[];
}

const SHOP = "bench-goods.myshopify.com";
const cleanups: Array<() => Promise<void>> = [];
let dir = "";
let seconds = 10;

function say(line: string): void {
  process.stdout.write(`  ${line}\n`);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "n/a");
const ms = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : "n/a");

// ---------------------------------------------------------------------------------------------
// Request streams

/**
 * Webhooks as a store's life produces them: per order, orders/create, fulfillments/create,
 * orders/updated, three carrier events and fulfillments/update (about 7 KB a request on average).
 * Every request has a new X-Shopify-Webhook-Id and new object ids.
 */
function parcelStream(t: ParcelTemplates, shop: string, firstOrder = 0): () => Delivery {
  const cycle: Array<[string, (ids: Array<string | number>) => string]> = [
    ["orders/create", (ids) => t.ordersCreate.fill(ids)],
    ["fulfillments/create", (ids) => t.fulfillmentsCreate.fill(ids)],
    ["orders/updated", (ids) => t.ordersUpdated.fill(ids)],
    ["fulfillment_events/create", (ids) => t.event.in_transit.fill(ids)],
    ["fulfillment_events/create", (ids) => t.event.out_for_delivery.fill(ids)],
    ["fulfillment_events/create", (ids) => t.event.delivered.fill(ids)],
    ["fulfillments/update", (ids) => t.fulfillmentsUpdate.fill(ids)],
  ];
  let n = 0;
  return () => {
    const k = firstOrder + Math.floor(n / cycle.length);
    const [topic, body] = cycle[n % cycle.length];
    n++;
    const ids = [7_000_000_000_000 + k, 7_100_000_000_000 + k, 7_200_000_000_000 + n, `bench.c${k}@customers.example`];
    return signedDelivery(topic, shop, body(ids), BENCH_API_SECRET, randomUUID());
  };
}

/** orders/create for order i (seeding), then fulfillments/create for order i (the measured event). */
function orderBody(t: ParcelTemplates, i: number, tag: string): string {
  return t.ordersCreate.fill([8_000_000_000_000 + i, 8_100_000_000_000 + i, 8_200_000_000_000 + i, `${tag}.c${i}@customers.example`]);
}
function fulfillmentBody(t: ParcelTemplates, i: number, tag: string): string {
  return t.fulfillmentsCreate.fill([8_000_000_000_000 + i, 8_100_000_000_000 + i, 8_200_000_000_000 + i, `${tag}.c${i}@customers.example`]);
}

// ---------------------------------------------------------------------------------------------
// Processes

async function herald(name: string, opts: { worker: "inline" | "off"; db?: string; install?: boolean; env?: Record<string, string> }): Promise<HeraldProcess> {
  const db = opts.db ?? freshDatabase(path.join(dir, `${name}.db`));
  if (!opts.db || opts.install) await installShops(db, [{ domain: SHOP }]);
  const h = await startHerald({ role: "web", worker: opts.worker, dbFile: db, logFile: path.join(dir, `${name}.log`), env: opts.env });
  cleanups.push(() => h.stop());
  return h;
}

interface Bare {
  url: string;
  db: string;
  pid: number;
  stop(): Promise<void>;
}

async function bare(name: string, opts: { relayUrl?: string; pgUrl?: string } = {}): Promise<Bare> {
  const db = opts.pgUrl ?? path.join(dir, `${name}.db`);
  if (!opts.pgUrl) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "tests/bench/bare-server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      BARE_SECRET: BENCH_API_SECRET,
      ...(opts.pgUrl ? { BARE_PG_URL: opts.pgUrl } : { BARE_DB: db }),
      ...(opts.relayUrl ? { BARE_RELAY_URL: opts.relayUrl } : {}),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += String(d);
      if (out.includes("bare.listening")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new HarnessError(`bare server exited (${code})`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  cleanups.push(stop);
  say(`bare server: ${ready}`);
  return { url: `http://127.0.0.1:${port}`, db, pid: child.pid ?? -1, stop };
}

/** User plus system CPU time a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU of a process and its live descendants (the embedded default's worker is a child of the web process). */
function treeCpuMs(pid: number): number {
  let children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      children = children.concat(fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number));
    }
  } catch {
    // the process is gone: nothing more to count
  }
  return processCpuMs(pid) + children.reduce((sum, child) => sum + treeCpuMs(child), 0);
}

const clients = new Map<string, ReturnType<typeof prismaFor>>();

/** One Prisma client per database for the bench's own polling (a new client per poll costs CPU). */
function clientFor(db: string): ReturnType<typeof prismaFor> {
  let client = clients.get(db);
  if (!client) {
    client = prismaFor(db);
    clients.set(db, client);
    const c = client;
    cleanups.push(() => c.$disconnect());
  }
  return client;
}

/** Due work left in a Herald database: queued or running jobs due now, and messages not settled. */
async function pendingWork(db: string): Promise<{ due: number; unsettled: number }> {
  const client = clientFor(db);
  const due = await client.job.count({ where: { status: { in: ["QUEUED", "RUNNING"] }, runAt: { lte: new Date() } } });
  const unsettled = await client.message.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
  return { due, unsettled };
}

// ---------------------------------------------------------------------------------------------
// P1 ingest throughput

async function p1(templates: ParcelTemplates, database: "sqlite" | "postgresql"): Promise<Row[]> {
  const connections = 32;
  const measure = async (label: string, url: string, pid: number, count: () => Promise<number>, dbServerCpuMs: () => number | null = () => null): Promise<ThroughputResult & { cpuUs: number; dbCpuUs: number | null }> => {
    const next = parcelStream(templates, SHOP);
    const warm = await closedLoop({ baseUrl: url, connections, durationS: 2, next });
    const cpuBefore = processCpuMs(pid);
    const dbBefore = dbServerCpuMs();
    const result = await closedLoop({ baseUrl: url, connections, durationS: seconds, next });
    // CPU time of the server process (and of the database server, when it is one) per answered
    // request: unlike requests per second, it hardly depends on what else the machine is doing.
    const perWebhook = (cpuMs: number) => (cpuMs * 1000) / Math.max(1, result.ok);
    const cpuUs = perWebhook(processCpuMs(pid) - cpuBefore);
    const dbAfter = dbServerCpuMs();
    const dbCpuUs = dbBefore === null || dbAfter === null ? null : perWebhook(dbAfter - dbBefore);
    const stored = await count();
    const answered = warm.ok + result.ok;
    // Requests still in flight when autocannon stops are stored but not counted as answered.
    say(
      `${label}: ${fmt(result.perSecond)} webhooks/s (p50 ${ms(result.latencyP50)}, p99 ${ms(result.latencyP99)}), ${fmt(cpuUs)} µs CPU per webhook${dbCpuUs === null ? "" : ` (PostgreSQL ${fmt(dbCpuUs)} µs)`}, ${result.non2xx} non-2xx, ${result.errors} errors; ${stored} rows for ${answered} 2xx answers`,
    );
    if (stored < answered) throw new HarnessError(`${label}: ${answered} webhooks answered 2xx but only ${stored} recorded`);
    return { ...result, cpuUs, dbCpuUs };
  };

  let heraldDb: string;
  let bareDb: string | undefined;
  if (database === "postgresql") {
    const server = startPostgres();
    if (!server) {
      say("not measured: PostgreSQL unavailable (tests/scripts/postgres.sh start failed or postgresql-15 is not installed)");
      return [{ id: "P1", name: "ingest, webhooks/s (PostgreSQL)", figure: "not measured: no PostgreSQL", baseline: "-", ratio: "-", target: ">= 40% of bare", result: "-", notes: [] }];
    }
    heraldDb = await freshPostgres(server, "herald_bench_p1");
    bareDb = await freshPostgres(server, "herald_bench_p1_bare");
  } else {
    heraldDb = freshDatabase(path.join(dir, "p1-herald.db"));
  }
  const h = await herald(`p1-herald-${database}`, { worker: "off", db: heraldDb, install: true });
  const herald1 = await measure(`Herald (web only, ${database})`, h.url, h.pid, async () => {
    const db = prismaFor(heraldDb);
    const n = await db.webhookEvent.count();
    await db.$disconnect();
    return n;
  }, () => (database === "postgresql" ? postgresCpuMs(heraldDb) : null));
  await h.stop();

  const b = await bare(`p1-bare-${database}`, { pgUrl: bareDb });
  const bare1 = await measure(`bare baseline (${database})`, b.url, b.pid, async () => {
    if (bareDb) {
      const client = new pg.Client({ connectionString: bareDb });
      await client.connect();
      const n = Number((await client.query("select count(*) as n from events")).rows[0].n);
      await client.end();
      return n;
    }
    const db = new Database(b.db, { readonly: true });
    const n = (db.prepare("select count(*) as n from events").get() as { n: number }).n;
    db.close();
    return n;
  }, () => (bareDb ? postgresCpuMs(bareDb) : null));
  await b.stop();

  const ratio = herald1.perSecond / bare1.perSecond;
  const pgNote = database === "postgresql" ? " PostgreSQL from tests/scripts/postgres.sh runs with fsync=off and synchronous_commit=off (not durable: a fast upper bound for both)." : "";
  return [
    {
      id: "P1",
      name: `ingest, webhooks/s (${database === "sqlite" ? "SQLite" : "PostgreSQL"})`,
      figure: `${fmt(herald1.perSecond)}/s`,
      baseline: `${fmt(bare1.perSecond)}/s bare`,
      ratio: `${fmt(ratio * 100)}%`,
      target: ">= 40% of bare",
      result: ratio >= 0.4 ? "pass" : "FAIL",
      notes: [
        `P1 (${database}): ${connections} connections, ${seconds} s after a 2 s warm-up; Herald p50/p99 ${ms(herald1.latencyP50)}/${ms(herald1.latencyP99)}, bare ${ms(bare1.latencyP50)}/${ms(bare1.latencyP99)}; CPU per webhook (server process): Herald ${fmt(herald1.cpuUs)} µs, bare ${fmt(bare1.cpuUs)} µs (${fmt((bare1.cpuUs / herald1.cpuUs) * 100)}% of bare per core)${herald1.dbCpuUs !== null && bare1.dbCpuUs !== null ? `; PostgreSQL's CPU per webhook: Herald ${fmt(herald1.dbCpuUs)} µs, bare ${fmt(bare1.dbCpuUs)} µs` : ""}; every 2xx was a stored row.${pgNote}`,
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// P2 ack latency at 1,000/s

async function p2(templates: ParcelTemplates): Promise<Row[]> {
  const run = async (label: string, url: string, rate = 1000): Promise<OpenLoopResult> => {
    const next = parcelStream(templates, SHOP);
    const warm = await openLoop({ baseUrl: url, rate, durationMs: 2000, next: () => next(), maxInFlight: 1000, drainMs: 10_000 });
    if (warm.overloaded) {
      say(`${label}: overloaded during the 2 s warm-up (${warm.ok} of ${warm.sent} answered 2xx); not measured further`);
      return warm;
    }
    const r = await openLoop({ baseUrl: url, rate, durationMs: seconds * 1000, next: () => next(), maxInFlight: 1000, drainMs: 10_000 });
    say(
      `${label}: p50 ${ms(percentile(r.latencyMs, 50))}, p99 ${ms(percentile(r.latencyMs, 99))}, max ${ms(percentile(r.latencyMs, 100))} at ${fmt(r.achievedRate)}/s sent; ${r.ok}/${r.sent} 2xx, ${r.errors} errors${r.overloaded ? ", OVERLOADED (1,000 requests waiting: stopped)" : ""} (sender lag max ${ms(r.maxSendLagMs)})`,
    );
    return r;
  };

  const b = await bare("p2-bare");
  const bareR = await run("bare baseline", b.url);
  await b.stop();

  // Embedded default: the web process runs the worker too; without provider keys messages go to the
  // local outbox (the default), so no provider is involved.
  const inline = await herald("p2-inline", { worker: "inline" });
  const inlineR = await run("Herald, embedded default (inline worker)", inline.url);
  await inline.stop();
  const backlog = await pendingWork(path.join(dir, "p2-inline.db"));

  const web = await herald("p2-web", { worker: "off" });
  const webR = await run("Herald, web only (HERALD_WORKER=off)", web.url);
  await web.stop();

  // For reference: the same at a rate Herald can sustain here.
  const low = 50;
  const inlineLow = await herald("p2-inline-low", { worker: "inline" });
  const inlineLowR = await run(`Herald, embedded default, at ${low}/s`, inlineLow.url, low);
  await inlineLow.stop();
  const webLow = await herald("p2-web-low", { worker: "off" });
  const webLowR = await run(`Herald, web only, at ${low}/s`, webLow.url, low);
  await webLow.stop();

  const bp99 = percentile(bareR.latencyMs, 99);
  const baseline = bareR.overloaded ? "bare overloaded" : `p50 ${ms(percentile(bareR.latencyMs, 50))} / p99 ${ms(bp99)}`;
  const row = (name: string, r: OpenLoopResult): Row => {
    const p99 = percentile(r.latencyMs, 99);
    const complete = !r.overloaded && r.ok === r.sent;
    return {
      id: "P2",
      name,
      figure: r.overloaded ? `overloaded: 1,000 waiting after ${fmt(r.sent)} sent` : `p50 ${ms(percentile(r.latencyMs, 50))} / p99 ${ms(p99)}`,
      baseline,
      ratio: r.overloaded ? "-" : `p99 x${fmt(p99 / bp99, 1)}`,
      target: "p99 <= 25 ms",
      result: p99 <= 25 && complete ? "pass" : "FAIL",
      notes: complete || r.overloaded ? [] : [`${name}: only ${r.ok} of ${r.sent} answered 2xx (${JSON.stringify(r.statuses)}, errors ${JSON.stringify(r.errorCodes)})`],
    };
  };
  const inlineRow = row("ack latency @1,000/s, embedded default", inlineR);
  inlineRow.notes.push(
    `P2: open loop (request i due at i ms), latency counted from the due time; ${seconds} s after a 2 s warm-up; a run stops as overloaded once 1,000 requests wait. The inline worker left ${backlog.due} due jobs behind (it processes events while it acks).`,
  );
  const info = (name: string, r: OpenLoopResult): Row => ({
    ...row(name, r),
    baseline: "-",
    ratio: "-",
    target: "(reference)",
    result: "-",
  });
  return [
    inlineRow,
    row("ack latency @1,000/s, web only", webR),
    info(`ack latency @${low}/s, embedded default`, inlineLowR),
    info(`ack latency @${low}/s, web only`, webLowR),
  ];
}

// ---------------------------------------------------------------------------------------------
// P3 end to end at 200 events/s

async function p3(templates: ParcelTemplates, fake: FakeResend): Promise<Row[]> {
  const rate = 200;
  const count = rate * seconds;
  const resendEnv = { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url };

  const endToEnd = async (label: string, url: string, tag: string) => {
    fake.reset();
    const sentAt = new Array<number>(count).fill(Number.NaN);
    const r = await openLoop({
      baseUrl: url,
      rate,
      durationMs: seconds * 1000,
      next: (i) => signedDelivery("fulfillments/create", SHOP, fulfillmentBody(templates, i, tag), BENCH_API_SECRET, randomUUID()),
      onSent: (i, at) => (sentAt[i] = at),
      maxInFlight: 1000,
      drainMs: 20_000,
    });
    const waitS = 30;
    await waitUntil(() => fake.emails.length >= r.ok, waitS * 1000, 100);
    const latencies: number[] = [];
    const seen = new Set<number>();
    for (const email of fake.emails) {
      const match = new RegExp(`^${tag}\\.c(\\d+)@`).exec(email.to[0] ?? "");
      if (!match) continue;
      const i = Number(match[1]);
      if (seen.has(i)) continue;
      seen.add(i);
      latencies.push(email.receivedAt.getTime() - sentAt[i]);
    }
    // An event whose email had not arrived when we stopped waiting took longer than that: it
    // counts as +Infinity (so a percentile it reaches prints as "> wait").
    for (let i = seen.size; i < r.sent; i++) latencies.push(Number.POSITIVE_INFINITY);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    // p50 by second of sending: flat means the pipeline keeps up; rising means a backlog builds.
    const bySecond: number[][] = [];
    for (const email of fake.emails) {
      const match = new RegExp(`^${tag}\\.c(\\d+)@`).exec(email.to[0] ?? "");
      if (match) (bySecond[Math.floor(Number(match[1]) / rate)] ??= []).push(email.receivedAt.getTime() - sentAt[Number(match[1])]);
    }
    const trend = bySecond.map((l) => (l ? fmt(percentile(l, 50)) : "-")).join(", ");
    const show = (v: number) => (v === Number.POSITIVE_INFINITY ? `> ${waitS} s` : ms(v));
    const arrived = latencies.filter(Number.isFinite);
    say(
      `${label}: ${seen.size}/${r.sent} events reached the provider${r.overloaded ? " (OVERLOADED: sending stopped once 1,000 waited)" : ""}; p50 ${show(p50)}, p99 ${show(p99)}` +
        (arrived.length < latencies.length ? ` (of those that arrived: p50 ${ms(percentile(arrived, 50))}, max ${ms(percentile(arrived, 100))})` : "") +
        `; ${r.ok} acked 2xx at ${fmt(r.achievedRate)}/s; p50 by second of sending (ms): ${trend}`,
    );
    return { p50, p99, delivered: seen.size, r, show };
  };

  const b = await bare("p3-bare", { relayUrl: fake.url });
  const bareR = await endToEnd("bare baseline (relays at once)", b.url, "p3bare");
  await b.stop();

  const h = await herald("p3-herald", { worker: "inline", env: resendEnv });
  const heraldDb = path.join(dir, "p3-herald.db");
  // The orders exist first (a parcel ships hours after the order): only fulfillments/create is timed.
  say(`seeding ${count} orders ...`);
  const seeded = await sendAll({ baseUrl: h.url, count, next: (i) => signedDelivery("orders/create", SHOP, orderBody(templates, i, "p3"), BENCH_API_SECRET, randomUUID()) });
  if (seeded.ok !== count) throw new HarnessError(`P3 seeding: ${seeded.ok}/${count} orders recorded`);
  const idle = await waitUntil(async () => (await pendingWork(heraldDb)).due === 0, 180_000, 250);
  if (!idle) throw new HarnessError("P3 seeding: the worker did not catch up within 180 s");
  const cpuBefore = treeCpuMs(h.pid);
  const heraldR = await endToEnd("Herald, embedded default", h.url, "p3");
  // CPU of the web process and its worker process per event, once every event has been sent to the
  // provider (otherwise part of it went to events still queued): hardly depends on other load.
  const cpuPerEventUs = heraldR.delivered === count ? ((treeCpuMs(h.pid) - cpuBefore) * 1000) / count : Number.NaN;
  say(`Herald CPU per event, web and worker processes (webhook recorded, decided, sent): ${Number.isFinite(cpuPerEventUs) ? `${fmt(cpuPerEventUs)} µs` : "n/a (not every event arrived)"}`);
  await h.stop();

  const complete = !heraldR.r.overloaded && heraldR.delivered === count;
  const ok = heraldR.p50 <= 250 && heraldR.p99 <= 1000 && complete;
  return [
    {
      id: "P3",
      name: "end to end @200/s (webhook -> provider)",
      figure: `p50 ${heraldR.show(heraldR.p50)} / p99 ${heraldR.show(heraldR.p99)}${complete ? "" : ` (${heraldR.delivered}/${count} sent)`}`,
      baseline: `p50 ${bareR.show(bareR.p50)} / p99 ${bareR.show(bareR.p99)} relay`,
      ratio: Number.isFinite(heraldR.p50) ? `p50 x${fmt(heraldR.p50 / bareR.p50, 0)}` : "-",
      target: "p50 <= 250 ms, p99 <= 1 s",
      result: ok ? "pass" : "FAIL",
      notes: [
        `P3: ${count} fulfillments/create at ${rate}/s (open loop) to Herald (web process plus the worker process it supervises, concurrency 4) and the fake Resend, the orders recorded beforehand; time from sending the webhook to the fake receiving the email; ${heraldR.delivered}/${count} arrived; ${Number.isFinite(cpuPerEventUs) ? `CPU of Herald's web and worker processes per event ${fmt(cpuPerEventUs)} µs` : "CPU per event not measured (not every event arrived)"}. Baseline: the bare server relaying each webhook to the fake at once.`,
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// P4 back-in-stock fan-out

async function p4(fake: FakeResend): Promise<Row[]> {
  const subscribers = 10_000;
  const variantId = "4400000001";
  const db = freshDatabase(path.join(dir, "p4.db"));
  await installShops(db, [{ domain: SHOP, settings: { backInStock: { perUnit: 1 } } }]);
  const client = prismaFor(db);
  const signedUpAt = Date.now() - 86_400_000;
  await client.variant.create({
    data: { shop: SHOP, id: variantId, productId: "4400", productTitle: "Linen shirt", title: "M / Indigo", price: "49.00", productHandle: "linen-shirt", available: false, inventoryQuantity: 0, shopifyUpdatedAt: new Date(signedUpAt) },
  });
  for (let i = 0; i < subscribers; i += 1000) {
    await client.stockSubscription.createMany({
      data: Array.from({ length: Math.min(1000, subscribers - i) }, (_, k) => ({
        shop: SHOP,
        variantId,
        productId: "4400",
        email: `waiting${i + k}@example.com`,
        locale: ["en", "es", "hi", "ml", "fr"][(i + k) % 5],
        waitingKey: `${SHOP}|${variantId}|waiting${i + k}@example.com`,
        createdAt: new Date(signedUpAt + i + k),
      })),
    });
  }
  await client.$disconnect();
  say(`${subscribers} subscribers waiting for one variant`);

  fake.reset();
  fake.setRateLimit({ requestsPerSecond: 2 });
  const web = await herald("p4", { worker: "inline", db, env: { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url } });
  let peakKiB = 0;
  const sample = setInterval(() => {
    const status = fs.readFileSync(`/proc/${web.pid}/status`, "utf8");
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKiB = Math.max(peakKiB, hwm);
  }, 500);
  const body = JSON.stringify({ id: variantId, product_id: "4400", title: "M / Indigo", price: "49.00", inventory_policy: "deny", inventory_quantity: subscribers, updated_at: new Date().toISOString() });
  const started = performance.now();
  const sent = await sendAll({ baseUrl: web.url, count: 1, next: () => signedDelivery("variants/in_stock", SHOP, body, BENCH_API_SECRET, randomUUID()) });
  if (sent.ok !== 1) throw new HarnessError("P4: the restock webhook was not accepted");
  const done = await waitUntil(() => fake.emails.length >= subscribers, 600_000, 200);
  const wallS = (performance.now() - started) / 1000;
  clearInterval(sample);
  await web.stop();
  fake.setRateLimit(null);
  if (!done) throw new HarnessError(`P4: ${fake.emails.length}/${subscribers} alerts in 600 s`);

  const calls = fake.requests.filter((r) => r.path === "/emails/batch" && r.outcome === "accepted");
  const limited = fake.requests.filter((r) => r.outcome === "rate_limited").length;
  const spanS = (calls[calls.length - 1].at.getTime() - calls[0].at.getTime()) / 1000;
  const batches = Math.ceil(subscribers / 100);
  // At 2 requests/s, batch k can start at k x 0.5 s at the earliest: the last one at (batches - 1) x 0.5 s.
  const optimumS = (batches - 1) / 2;
  const ratio = optimumS / spanS;
  const unique = new Set(fake.emails.flatMap((e) => e.to)).size;
  say(`${calls.length} batch calls, ${fake.emails.length} emails (${unique} distinct recipients), ${limited} answered 429; first to last batch ${spanS.toFixed(1)} s (optimum ${optimumS.toFixed(1)} s), ${wallS.toFixed(1)} s from the webhook; peak RSS ${(peakKiB / 1024).toFixed(0)} MiB`);
  return [
    {
      id: "P4",
      name: "back-in-stock fan-out, 10,000 subscribers",
      figure: `${spanS.toFixed(1)} s, peak RSS ${(peakKiB / 1024).toFixed(0)} MiB`,
      baseline: `${optimumS.toFixed(1)} s optimum`,
      ratio: `${fmt(ratio * 100)}%`,
      target: ">= 95% of optimum",
      result: ratio >= 0.95 ? "pass" : "FAIL",
      notes: [
        `P4: ${subscribers} subscribers of one variant (5 locales), restocked by one variants/in_stock webhook to Herald with its inline worker; the fake Resend limited to 2 requests/s (sliding 1 s window), 100 emails per batch call; time from the first batch call to the last (${wallS.toFixed(1)} s from the webhook, including detection); ${limited} calls answered 429; peak RSS is the web+worker process's VmHWM.`,
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// P5 template renders

async function p5(): Promise<Row[]> {
  const { renderMessage } = await import("../../app/notifications/render");
  const { sampleVariables } = await import("../../app/notifications/samples");
  const { getDefaultTemplate, localeTemplates } = await import("../../app/notifications/templates");
  const { renderEmailLayout } = await import("../../app/notifications/layout");
  const { htmlEngine, textEngine } = await import("../../app/notifications/liquid");
  const { textDirection } = await import("../../app/notifications/locale");

  const steps = ["shipped", "out_for_delivery", "delivered"] as const;
  const locales = ["en", "es", "hi", "ml", "sw"];
  const now = new Date();
  const cases = steps.flatMap((step) =>
    locales.map((locale) => ({ step, locale, variables: sampleVariables("shipping", step, locale, { now }) })),
  );
  for (const c of cases) {
    const r = renderMessage({ trigger: "shipping", step: c.step, channel: "email", locale: c.locale, variables: c.variables });
    if (!r.ok) throw new HarnessError(`P5: ${c.step}/${c.locale} does not render: ${r.error}`);
  }

  const loop = (fn: (i: number) => void, durationMs: number) => {
    let n = 0;
    const end = performance.now() + durationMs;
    while (performance.now() < end) {
      for (let k = 0; k < 50; k++) fn(n++);
    }
    return n / (durationMs / 1000);
  };
  const herald = (i: number) => {
    const c = cases[i % cases.length];
    renderMessage({ trigger: "shipping", step: c.step, channel: "email", locale: c.locale, variables: c.variables });
  };
  // Baseline: liquidjs alone rendering the same parsed merchant-editable parts (subject, preheader,
  // body, text) with the same engines, plus the same layout function, without Herald's checks,
  // limits and clean-up.
  const parsed = cases.map((c) => {
    const t = getDefaultTemplate("shipping", c.step, "email", c.locale);
    const pack = localeTemplates(c.locale);
    return {
      c,
      lang: pack.locale,
      subject: textEngine.parse(t.subject),
      preheader: textEngine.parse(t.preheader ?? ""),
      html: htmlEngine.parse(t.html),
      labels: pack.layout,
      text: textEngine.parse(t.text),
    };
  });
  let rawFailures = 0;
  const raw = (i: number) => {
    try {
      rawOnce(i);
    } catch {
      // Liquid's 200 ms render limit is wall-clock: a descheduled process can exceed it.
      rawFailures++;
    }
  };
  const rawOnce = (i: number) => {
    const p = parsed[i % parsed.length];
    const globals = { globals: { locale: p.lang } };
    const vars = p.c.variables;
    const subject = textEngine.renderSync(p.subject, vars, globals) as string;
    const preheader = textEngine.renderSync(p.preheader, vars, globals) as string;
    const body = htmlEngine.renderSync(p.html, vars, globals) as string;
    renderEmailLayout(p.labels, { vars, body, subject, preheader, lang: p.lang, dir: textDirection(p.lang) });
    textEngine.renderSync(p.text, vars, globals);
  };

  // Where the time goes: each part alone, in microseconds per render.
  const part = (render: (p: (typeof parsed)[number]) => void) =>
    1e6 /
    loop((i) => {
      try {
        render(parsed[i % parsed.length]);
      } catch {
        rawFailures++;
      }
    }, 400);
  const g = (p: (typeof parsed)[number]) => ({ globals: { locale: p.lang } });
  const breakdown = {
    subject: part((p) => textEngine.renderSync(p.subject, p.c.variables, g(p))),
    preheader: part((p) => textEngine.renderSync(p.preheader, p.c.variables, g(p))),
    body: part((p) => htmlEngine.renderSync(p.html, p.c.variables, g(p))),
    layout: part((p) => renderEmailLayout(p.labels, { vars: p.c.variables, body: "<p>body</p>", subject: "s", preheader: "", lang: p.lang, dir: "ltr" })),
    text: part((p) => textEngine.renderSync(p.text, p.c.variables, g(p))),
  };
  loop(herald, 1000);
  loop(raw, 1000);
  const measureMs = Math.min(5000, Math.max(2000, seconds * 300));
  const heraldRate = loop(herald, measureMs);
  const rawRate = loop(raw, measureMs);
  const sms = loop((i) => {
    const c = cases[i % cases.length];
    renderMessage({ trigger: "shipping", step: c.step, channel: "sms", locale: c.locale, variables: c.variables });
  }, 1000);
  say(`Herald renderMessage (email): ${fmt(heraldRate)}/s; liquidjs alone: ${fmt(rawRate)}/s; SMS: ${fmt(sms)}/s`);
  say(`per part (µs; the layout is a function, the rest liquidjs): ${Object.entries(breakdown).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}`);
  return [
    {
      id: "P5",
      name: "template renders/s, one core (email, cached)",
      figure: `${fmt(heraldRate)}/s`,
      baseline: `${fmt(rawRate)}/s liquidjs + layout alone`,
      ratio: `${fmt((heraldRate / rawRate) * 100)}%`,
      target: ">= 20,000/s",
      result: heraldRate >= 20_000 ? "pass" : "FAIL",
      notes: [
        `P5: one email = subject + preheader + HTML body + layout + text, ${cases.length} step x locale cases in rotation, parse cache warm; SMS bodies: ${fmt(sms)}/s. ` +
          `time per part (the layout is a function, the rest liquidjs): ${Object.entries(breakdown).map(([k, v]) => `${k} ${v.toFixed(0)} µs`).join(", ")}` +
          (rawFailures ? ` (${rawFailures} baseline renders hit Liquid's 200 ms wall-clock limit)` : "") + ".",
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// P6 scale-out

interface DrainResult {
  /** The fake provider's delay before each answer. */
  latencyMs: number;
  jobsPerS: number;
  jobs: number;
  retries: number;
  dead: number;
  /** CPU (user + system) per job: the worker processes, and the database and queue servers when measured. */
  workerCpuUs: number;
  serverCpuUs: Record<string, number>;
}

/** The ratio row of one stack. */
/**
 * The row, and what this machine allows: one worker's jobs/s times the CPU a job costs in every
 * process it uses (worker, database, Redis) is how many cores one worker already keeps busy; a
 * second worker can add at most what is left of the machine's cores (less, as the load generator
 * and the fake provider run here too).
 */
function p6Row(stack: string, one: DrainResult, two: DrainResult, notes: string[]): Row {
  const ratio = two.jobsPerS / one.jobsPerS;
  const row: Row = {
    id: "P6",
    name: `scale-out, 2 workers vs 1${one.latencyMs > 0 ? `, provider answering in ${one.latencyMs} ms` : ""} (${stack})`,
    figure: `${fmt(two.jobsPerS)} jobs/s`,
    baseline: `${fmt(one.jobsPerS)} jobs/s 1 worker`,
    ratio: `x${fmt(ratio, 2)}`,
    target: ">= 1.7x",
    result: ratio >= 1.7 ? "pass" : "FAIL",
    notes,
  };
  // Provider-bound: each worker waits on its calls, so the cores are not what limits it.
  if (one.latencyMs > 0) return row;
  const cpuPerJobUs = one.workerCpuUs + Object.values(one.serverCpuUs).reduce((a, b) => a + b, 0);
  const coresBusy = (one.jobsPerS * cpuPerJobUs) / 1e6;
  const cores = os.cpus().length;
  const ceiling = Math.min(2, cores / coresBusy);
  return {
    ...row,
    ratio: `${row.ratio} (${cores} cores allow x${fmt(ceiling, 2)})`,
    notes: [
      ...notes,
      `P6 (${stack}) on this machine: one worker at ${fmt(one.jobsPerS)} jobs/s x ${fmt(cpuPerJobUs)} µs of CPU per job (all processes) keeps ${fmt(coresBusy, 2)} of ${cores} cores busy, so a second worker can reach at most x${fmt(ceiling, 2)}; 2 workers reached ${fmt((ratio / ceiling) * 100)}% of that.`,
    ],
  };
}

/**
 * What a provider's API takes to answer from a server near it: each email holds one of a worker's
 * 4 job slots that long, so one worker process sends at most 4 / latency emails a second whatever
 * its CPU. This is the case adding worker processes is for: here the second worker must double
 * the rate without any lock or hot row serialising the two.
 */
const PROVIDER_LATENCY_MS = 100;

const latencyNote = (stack: string, one: DrainResult, two: DrainResult) =>
  `P6 (${stack}, fake Resend answering each call after ${one.latencyMs} ms, the same backlog): CPU per job with 1 / 2 workers: ${cpuNote(one)} / ${cpuNote(two)}; ${one.retries}/${two.retries} jobs needed a retry.`;

/** A run's name in its files and databases: `2w`, `2w_100ms`. */
const runName = (workers: number, latencyMs: number) => `${workers}w${latencyMs > 0 ? `_${latencyMs}ms` : ""}`;

const cpuNote = (r: DrainResult) =>
  [`workers ${fmt(r.workerCpuUs)} µs`, ...Object.entries(r.serverCpuUs).map(([k, v]) => `${k} ${fmt(v)} µs`)].join(", ");

/**
 * The same backlog drained by 1, then 2, `node build/main.js worker` processes (concurrency 4
 * each): first on the scale-out stack (PostgreSQL + BullMQ on Redis, what adding workers is for),
 * then on one SQLite file (the embedded default, one writer at a time). Each twice: with the fake
 * provider answering at once, where the figure is bounded by this machine's cores (printed), and
 * answering after PROVIDER_LATENCY_MS, as a real provider does.
 */
async function p6(templates: ParcelTemplates, fake: FakeResend, parcels: number): Promise<Row[]> {
  const resendEnv = { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url };
  const backlog = (i: number) => {
    const k = Math.floor(i / 2);
    return i % 2 === 0
      ? signedDelivery("orders/create", SHOP, orderBody(templates, k, "p6"), BENCH_API_SECRET, randomUUID())
      : signedDelivery("fulfillments/create", SHOP, fulfillmentBody(templates, k, "p6"), BENCH_API_SECRET, randomUUID());
  };
  const what = `backlog = ${parcels} orders/create + ${parcels} fulfillments/create (process-event jobs) and the ${parcels} deliver-message jobs they create (one email each, fake Resend)`;

  /** Start `workers` worker processes on `db` and wait until the backlog is done; CPU from start to done. */
  const drain = async (label: string, db: string, workers: number, latencyMs: number, env: Record<string, string>, done: () => Promise<boolean>, servers: Record<string, () => Promise<number | null>>) => {
    fake.reset();
    fake.setLatency(latencyMs);
    const procs = await Promise.all(
      Array.from({ length: workers }, (_, i) => startHerald({ role: "worker", dbFile: db, logFile: path.join(dir, `p6-${label}-${runName(workers, latencyMs)}-${i}.log`), env: { ...resendEnv, ...env } })),
    );
    for (const p of procs) cleanups.push(() => p.stop());
    const serverBefore = Object.fromEntries(await Promise.all(Object.entries(servers).map(async ([k, f]) => [k, await f()] as const)));
    const cpuBefore = procs.reduce((sum, p) => sum + processCpuMs(p.pid), 0);
    const started = performance.now();
    const finished = await waitUntil(async () => fake.emails.length >= parcels && (await done()), 300_000, 200);
    const cpu = procs.reduce((sum, p) => sum + processCpuMs(p.pid), 0) - cpuBefore;
    const serverCpu = Object.fromEntries(await Promise.all(Object.entries(servers).map(async ([k, f]) => [k, await f()] as const)));
    const wall = (performance.now() - started) / 1000;
    await Promise.all(procs.map((p) => p.stop()));
    if (!finished) throw new HarnessError(`P6 ${label}, ${workers} worker(s): backlog not drained in 300 s (${fake.emails.length}/${parcels} emails)`);
    return { cpu, wall, serverCpu: Object.fromEntries(Object.entries(serverCpu).flatMap(([k, v]) => (v === null || serverBefore[k] === null ? [] : [[k, v - serverBefore[k]!]]))) };
  };

  const report = (label: string, workers: number, r: Omit<DrainResult, "workerCpuUs" | "serverCpuUs">, run: { cpu: number; wall: number; serverCpu: Record<string, number> }): DrainResult => {
    label = r.latencyMs > 0 ? `${label}, provider answering in ${r.latencyMs} ms` : label;
    const result = {
      ...r,
      workerCpuUs: (run.cpu * 1000) / r.jobs,
      serverCpuUs: Object.fromEntries(Object.entries(run.serverCpu).map(([k, v]) => [k, (v * 1000) / r.jobs])),
    };
    say(
      `${label}, ${workers} worker process(es): ${r.jobs} jobs (${r.retries} needed a retry, ${r.dead} dead), ${fake.emails.length} emails, ${fmt(r.jobsPerS)} jobs/s (${run.wall.toFixed(1)} s to drain); CPU per job: ${cpuNote(result)}`,
    );
    return result;
  };

  const rows: Row[] = [];

  // Scale-out: PostgreSQL + BullMQ. One backlog, ingested once (web process, worker off), kept as a
  // template database and a dump of the queue's Redis keys, restored for each run.
  const pgServer = startPostgres();
  const redisUrl = pgServer ? startRedis() : null;
  if (!pgServer || !redisUrl) {
    say("scale-out not measured: PostgreSQL or Redis unavailable (tests/scripts/postgres.sh / redis.sh start failed)");
    rows.push({ id: "P6", name: "scale-out, 2 workers vs 1 (PostgreSQL + BullMQ)", figure: "not measured", baseline: "-", ratio: "-", target: ">= 1.7x", result: "-", notes: [] });
  } else {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue("herald", { connection: redis, prefix: "herald" });
    cleanups.push(async () => {
      await queue.close();
      await redis.quit();
    });
    const flush = async () => {
      for (const key of await redis.keys("herald:*")) await redis.del(key);
    };
    await flush();
    const backlogDb = await freshPostgres(pgServer, "herald_bench_p6_backlog");
    await installShops(backlogDb, [{ domain: SHOP }]);
    const env = { REDIS_URL: redisUrl };
    const web = await herald("p6-pg-backlog", { worker: "off", db: backlogDb, env });
    say(`scale-out: ingesting a backlog of ${parcels} orders + ${parcels} fulfillments ...`);
    const ingest = await sendAll({ baseUrl: web.url, count: 2 * parcels, next: backlog });
    await web.stop();
    if (ingest.ok !== 2 * parcels) throw new HarnessError(`P6 scale-out backlog: ${ingest.ok}/${2 * parcels} recorded`);
    const saved = await Promise.all((await redis.keys("herald:*")).map(async (key) => [key, await redis.dumpBuffer(key)] as const));

    const due = async () => {
      const counts = await queue.getJobCounts("waiting", "active", "prioritized", "waiting-children");
      // A retry waits in the delayed set, scored by when it is due (ms x 4096 + a counter).
      const delayedDue = await redis.zcount("herald:herald:delayed", 0, Date.now() * 4096);
      return Object.values(counts).reduce((a, b) => a + b, 0) + delayedDue === 0;
    };
    const runPg = async (workers: number, latencyMs = 0): Promise<DrainResult> => {
      const db = await copyPostgres(backlogDb, `herald_bench_p6_${runName(workers, latencyMs)}`);
      await flush();
      for (const [key, value] of saved) if (value) await redis.restore(key, 0, value);
      const redisCpuMs = async () => {
        const info = await redis.info("cpu");
        const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN);
        return (field("used_cpu_user") + field("used_cpu_sys")) * 1000;
      };
      const run = await drain("scale-out", db, workers, latencyMs, env, due, { PostgreSQL: async () => postgresCpuMs(db), Redis: redisCpuMs });
      // Rate from the jobs' own finish times: process start-up is not part of the figure.
      const completed = await queue.getCompleted(0, -1);
      const failed = await queue.getFailed(0, -1);
      const finished = completed.map((j) => j.finishedOn ?? 0).filter((t) => t > 0);
      const spanS = (Math.max(...finished) - Math.min(...finished)) / 1000;
      return report("scale-out", workers, { latencyMs, jobs: completed.length, jobsPerS: completed.length / spanS, retries: completed.filter((j) => j.attemptsMade > 1).length, dead: failed.length }, run);
    };
    const one = await runPg(1);
    const two = await runPg(2);
    rows.push(
      p6Row("PostgreSQL + BullMQ", one, two, [
        `P6 (scale-out): ${what}; worker processes on PostgreSQL (tests/scripts/postgres.sh: fsync off) with the queue in BullMQ on Redis; CPU per job with 1 / 2 workers: ${cpuNote(one)} / ${cpuNote(two)}; ${one.retries}/${two.retries} jobs needed a retry.`,
      ]),
    );
    const slowOne = await runPg(1, PROVIDER_LATENCY_MS);
    const slowTwo = await runPg(2, PROVIDER_LATENCY_MS);
    rows.push(p6Row("PostgreSQL + BullMQ", slowOne, slowTwo, [latencyNote("scale-out", slowOne, slowTwo)]));
  }

  // Embedded default: one SQLite file, the queue in it.
  const backlogDb = path.join(dir, "p6-backlog.db");
  const web = await herald("p6-backlog", { worker: "off" });
  say(`SQLite: ingesting a backlog of ${parcels} orders + ${parcels} fulfillments ...`);
  const ingest = await sendAll({ baseUrl: web.url, count: 2 * parcels, next: backlog });
  await web.stop();
  if (ingest.ok !== 2 * parcels) throw new HarnessError(`P6 backlog: ${ingest.ok}/${2 * parcels} recorded`);
  const runSqlite = async (workers: number, latencyMs = 0): Promise<DrainResult> => {
    // A file of its own for each run: the bench's own client of an earlier run's file stays open.
    const db = path.join(dir, `p6-${runName(workers, latencyMs)}.db`);
    copyDatabase(backlogDb, db);
    const run = await drain("sqlite", db, workers, latencyMs, {}, async () => (await pendingWork(db)).due === 0, {});
    // Rate from the jobs' own finish times: process start-up is not part of the figure.
    const client = prismaFor(db);
    const agg = await client.job.aggregate({ where: { status: "DONE" }, _min: { finishedAt: true }, _max: { finishedAt: true }, _count: { _all: true } });
    const retries = await client.job.count({ where: { status: "DONE", attempts: { gt: 1 } } });
    const dead = await client.job.count({ where: { status: "DEAD" } });
    await client.$disconnect();
    const spanS = (agg._max.finishedAt!.getTime() - agg._min.finishedAt!.getTime()) / 1000;
    return report("SQLite", workers, { latencyMs, jobs: agg._count._all, jobsPerS: agg._count._all / spanS, retries, dead }, run);
  };
  const one = await runSqlite(1);
  const two = await runSqlite(2);
  rows.push(
    p6Row("SQLite", one, two, [
      `P6 (SQLite): ${what}; worker processes on one SQLite file (one writer at a time); CPU per job with 1 / 2 workers: ${cpuNote(one)} / ${cpuNote(two)}; ${one.retries}/${two.retries} jobs needed a retry.`,
    ]),
  );
  const slowOne = await runSqlite(1, PROVIDER_LATENCY_MS);
  const slowTwo = await runSqlite(2, PROVIDER_LATENCY_MS);
  rows.push(p6Row("SQLite", slowOne, slowTwo, [latencyNote("SQLite", slowOne, slowTwo)]));
  return rows;
}

// ---------------------------------------------------------------------------------------------

function printTable(rows: Row[]): void {
  const headers = ["", "benchmark", "figure", "baseline (same run)", "ratio", "target", "result"];
  const data = rows.map((r) => [r.id, r.name, r.figure, r.baseline, r.ratio, r.target, r.result]);
  const widths = headers.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(" | ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const d of data) console.log(line(d));
}

async function main(): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    options: {
      seconds: { type: "string", default: "10" },
      parcels: { type: "string", default: "500" },
      rebuild: { type: "boolean", default: false },
      json: { type: "string" },
      strict: { type: "boolean", default: false },
      quiet: { type: "string", default: "25" },
      "max-wait": { type: "string", default: "20" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
  });
  if (flags.help) {
    console.log(HELP);
    return 0;
  }
  const all = ["p1", "p1pg", "p2", "p3", "p4", "p5", "p6"];
  const chosen = positionals.length ? positionals.map((p) => p.toLowerCase()) : all;
  const unknown = chosen.filter((c) => !all.includes(c));
  if (unknown.length) throw new HarnessError(`unknown benchmark(s): ${unknown.join(", ")} (known: ${all.join(" ")})`);
  seconds = Number(flags.seconds);
  const parcels = Number(flags.parcels);
  const quiet = Number(flags.quiet) / 100;
  const maxWaitS = Number(flags["max-wait"]);
  if (!(seconds > 0) || !(parcels > 0)) throw new HarnessError("--seconds and --parcels must be positive numbers");

  const machine = machineInfo();
  const startedAt = performance.now();
  console.log(`Herald benchmarks — ${new Date().toISOString()}`);
  const loadBefore = os.loadavg()[0];
  console.log(`machine: ${machine.nproc} CPU(s), ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}; node ${machine.node}; SQLite ${machine.sqlite}; load average ${loadBefore.toFixed(1)}`);
  if (ensureBuild(flags.rebuild, say)) say("build done");
  dir = workDir("bench");
  await snapshotBuild(dir);
  const templates = parcelTemplates(new Store(SHOP, 10));
  const needsFake = chosen.includes("p3") || chosen.includes("p4") || chosen.includes("p6");
  const fake = needsFake ? await startFakeResend() : null;
  if (fake) cleanups.push(() => fake.close());

  const rows: Row[] = [];
  const busySeen: string[] = [];
  for (const id of all.filter((b) => chosen.includes(b))) {
    console.log(`\n${id.toUpperCase()}`);
    {
      // Other work on the machine skews every figure: wait (a bounded time) for a quiet moment.
      const deadline = performance.now() + maxWaitS * 1000;
      let busy = await machineBusy();
      while (busy > quiet && performance.now() < deadline) busy = await machineBusy(2000);
      busySeen.push(`${id.toUpperCase()} ${fmt(busy * 100)}%`);
      say(`other processes used ${fmt(busy * 100)}% of the CPUs just before${busy > quiet ? ` (still above ${fmt(quiet * 100)}% after waiting ${maxWaitS} s)` : ""}`);
    }
    const t0 = performance.now();
    if (id === "p1") rows.push(...(await p1(templates, "sqlite")));
    if (id === "p1pg") rows.push(...(await p1(templates, "postgresql")));
    if (id === "p2") rows.push(...(await p2(templates)));
    if (id === "p3") rows.push(...(await p3(templates, fake!)));
    if (id === "p4") rows.push(...(await p4(fake!)));
    if (id === "p5") rows.push(...(await p5()));
    if (id === "p6") rows.push(...(await p6(templates, fake!, parcels)));
    say(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }

  console.log(`\nResults (${((performance.now() - startedAt) / 1000).toFixed(0)} s in all; logs and databases in ${path.relative(ROOT, dir)}/)`);
  console.log(`machine: ${machine.nproc} CPU(s), ${machine.cpu}; node ${machine.node}; SQLite ${machine.sqlite}; 1-min load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after; CPU used by other processes just before each benchmark: ${busySeen.join(", ")}\n`);
  printTable(rows);
  const notes = rows.flatMap((r) => r.notes);
  if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join("\n")}`);
  if (flags.json) fs.writeFileSync(flags.json, JSON.stringify({ machine, at: new Date().toISOString(), seconds, rows }, null, 2));
  return flags.strict && rows.some((r) => r.result === "FAIL") ? 1 : 0;
}

async function cleanup(): Promise<void> {
  await Promise.allSettled(cleanups.reverse().map((c) => c()));
}

process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(`\nbench stopped: ${error instanceof HarnessError ? error.message : error instanceof Error ? error.stack : String(error)}`);
    await cleanup();
    process.exit(2);
  },
);
