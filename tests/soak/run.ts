/**
 * `npm run soak [-- --small] [-- --stack scale-out]` (10,000 events by default; --small: 400)
 *
 * Exactly-once under abuse, on loopback: Herald's web process (HERALD_WORKER=off) and two separate
 * worker processes (`node build/main.js worker`) on one SQLite database (scale-out: PostgreSQL and
 * BullMQ on Redis); the store simulator's payloads for many orders across several shops and
 * customers; 30% of deliveries duplicated (same X-Shopify-Webhook-Id, sometimes racing, sometimes
 * seconds later); stories interleaved at random;
 * a worker killed with kill -9 every few seconds and restarted; the fake Resend answering 429, 500
 * and 503 in bursts, cutting connections after sending, and rate limiting in windows.
 *
 * At the end (queue drained): every expected email reached the fake exactly once, nothing else was
 * sent, no customer email/phone/name appears in Herald's logs. Prints the counts; exits 1 on any
 * loss, double, unexpected message, PII hit or undrained queue; 3 when all that holds but the time
 * budget ran out before every event was sent; 2 if it could not run.
 */
import { execFileSync } from "node:child_process";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@prisma/client";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { startFakeResend, type FakeResend } from "../fakes/resend-fake";
import {
  BENCH_API_SECRET,
  HarnessError,
  ROOT,
  ensureBuild,
  freshDatabase,
  freshPostgres,
  installShops,
  machineInfo,
  prismaFor,
  snapshotBuild,
  startHerald,
  startPostgres,
  workDir,
  type HeraldProcess,
} from "../bench/harness";
import type { Delivery } from "../bench/payloads";
import { expectedKey, generateStories, type Story } from "./stories";

const HELP = `Usage: npm run soak -- [options]

Options:
  --events <N>        unique webhook events to deliver (default 10000); duplicates come on top
  --seconds <S>       time budget for sending them (default 3000): sending stops then even if
                      Herald has not kept up (the report says how many were sent)
  --rate <R>          events per second offered (default events / (0.4 x seconds)); stories
                      also wait for Herald, so the real rate may be lower
  --small             CI preset: --events 400 --rate 6.7 --seconds 240 --shops 2 (the run ends as
                      soon as every story is played; the budget leaves room for stories held
                      up by several crashes)
  --stack <S>         embedded (default: SQLite, queue in the database) or scale-out (PostgreSQL and
                      BullMQ on Redis, both started on loopback by tests/scripts/*.sh)
  --shops <N>         shops (default 4)
  --duplicates <F>    share of deliveries sent twice (default 0.3)
  --kill-every <S>    kill -9 one worker every S seconds (default 4; 0 = never)
  --drain <S>         how long to wait for the queue to drain at the end (default 420: longer
                      than the longest delivery backoff, 5 min, plus a crashed worker's lease)
  --seed <N>          story seed (default 2026)
  --rebuild           npm run build even if build/ looks current
  -h, --help          this help`;

interface Counters {
  deliveries: number;
  duplicates: number;
  /** Answers other than 2xx, by status (or network error code), each resent. */
  heraldNon2xx: Record<string, number>;
  kills: number;
  unexpectedExits: number;
  /** Worker starts given up because they took too long (retried). */
  slowStarts: number;
  faults: Record<string, number>;
}

const cleanups: Array<() => Promise<void>> = [];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const { values: flags } = parseArgs({
    options: {
      events: { type: "string" },
      seconds: { type: "string" },
      rate: { type: "string" },
      small: { type: "boolean", default: false },
      stack: { type: "string", default: "embedded" },
      shops: { type: "string" },
      duplicates: { type: "string", default: "0.3" },
      "kill-every": { type: "string" },
      drain: { type: "string", default: "420" },
      seed: { type: "string", default: "2026" },
      rebuild: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (flags.help) {
    say(HELP);
    return 0;
  }
  const small = flags.small;
  const events = Number(flags.events ?? (small ? 400 : 10_000));
  const seconds = Number(flags.seconds ?? (small ? 240 : 3000));
  const shopCount = Number(flags.shops ?? (small ? 2 : 4));
  const duplicateShare = Number(flags.duplicates);
  const killEvery = Number(flags["kill-every"] ?? 4);
  // Offer everything within the first 40% of the budget (the small preset: its first quarter): the
  // rest is for stories whose next step waits on a killed worker's lease (60 s) or a provider backoff.
  const rate = Number(flags.rate ?? (small ? 6.7 : events / (0.4 * seconds)));
  const drainS = Number(flags.drain);
  const seed = Number(flags.seed);
  for (const [name, v] of Object.entries({ events, seconds, rate, shopCount, duplicateShare, killEvery, drainS, seed })) {
    if (!Number.isFinite(v) || v < 0) throw new HarnessError(`--${name} must be a non-negative number`);
  }

  const t0 = performance.now();
  const machine = machineInfo();
  say(`Herald soak (${flags.stack}) — ${new Date().toISOString()} — ${machine.nproc} CPU(s), ${machine.cpu}, node ${machine.node}`);
  if (ensureBuild(flags.rebuild, (l) => say(`  ${l}`))) say("  build done");
  const dir = workDir("soak");
  await snapshotBuild(dir);

  const generated = generateStories({ events, shops: shopCount, seed, secret: BENCH_API_SECRET });
  const { stories, shops, customers, expected } = generated;
  say(
    `  ${generated.events} events in ${stories.length} stories (orders) across ${shops.length} shops and ${customers.length} customers; ${expected.length} emails expected`,
  );

  const stack = await prepareStack(flags.stack, dir);
  const dbFile = stack.database;
  await installShops(dbFile, shops.map((domain, i) => ({ domain, name: `Soak Shop ${i + 1}` })));

  const fake = await startFakeResend();
  cleanups.push(() => fake.close());
  const heraldEnv: Record<string, string> = { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url, ...stack.env };
  const web = await startHerald({ role: "web", worker: "off", dbFile, logFile: path.join(dir, "web.log"), env: heraldEnv });
  cleanups.push(() => web.stop());

  const strays = (await stack.queueWorkers?.()) ?? [];
  if (strays.length) {
    throw new HarnessError(`worker process(es) ${strays.join(", ")} already take jobs from Herald's queue on this Redis (left from an earlier run?): stop them first`);
  }
  const counters: Counters = { deliveries: 0, duplicates: 0, heraldNon2xx: {}, kills: 0, unexpectedExits: 0, slowStarts: 0, faults: {} };
  const workers = new Workers(dbFile, dir, heraldEnv, counters);
  await workers.start(2);
  cleanups.push(() => workers.stopAll());

  const db = prismaFor(dbFile);
  cleanups.push(() => db.$disconnect());

  // ---- traffic ------------------------------------------------------------------------------
  const sender = new Sender(web.url, counters);
  const chaos = new Chaos(fake, counters);
  const trafficStart = performance.now();
  const budgetEnd = trafficStart + seconds * 1000;
  const stopKilling = killEvery > 0 ? workers.killEvery(killEvery) : () => {};
  chaos.start();
  const runner = new StoryRunner(stories, db, sender, { duplicateShare, seed, budgetEnd, rate });
  const progress = setInterval(() => {
    const done = stories.filter((s) => runner.isDone(s)).length;
    say(
      `  ${((performance.now() - trafficStart) / 1000).toFixed(0)} s: ${counters.deliveries} deliveries (${counters.duplicates} duplicates), ${done}/${stories.length} stories done, ${fake.emails.length} emails at the fake, ${counters.kills} kills`,
    );
  }, 10_000);
  await runner.run();
  clearInterval(progress);
  stopKilling();
  chaos.stop();
  const trafficS = (performance.now() - trafficStart) / 1000;
  await sender.idle();
  const unsent = stories.reduce((n, s) => n + s.groups.length - runner.sentGroups(s), 0);
  say(`  traffic done in ${trafficS.toFixed(0)} s${unsent ? `; ${unsent} groups not sent within --seconds ${seconds}` : ""}; draining ...`);

  // ---- drain ------------------------------------------------------------------------------
  const drainStart = performance.now();
  const drained = await drain(db, shops, drainS * 1000, stack.dueInQueue);
  await sleep(1500);
  const drainedS = (performance.now() - drainStart) / 1000;

  // ---- verdict ------------------------------------------------------------------------------
  const ours = workers.pids();
  const foreign = ((await stack.queueWorkers?.()) ?? []).filter((pid) => !ours.includes(pid));
  await workers.stopAll();
  await web.stop();
  const verdict = await verify({ db, fake, stories, runner, customers: customers.flatMap((c) => c.pii), dir });
  const deadJobs = await stack.deadJobs(db);

  const f = counters.faults;
  say("");
  say(`Soak results (${((performance.now() - t0) / 1000).toFixed(0)} s in all: traffic ${trafficS.toFixed(0)} s, drain ${drainedS.toFixed(0)} s${drained ? "" : " — NOT DRAINED"})`);
  say(`  events sent            ${runner.eventsSent} of ${generated.events} (+${counters.duplicates} duplicate deliveries = ${(100 * counters.duplicates / Math.max(1, runner.eventsSent)).toFixed(0)}%), ${counters.deliveries} deliveries in all`);
  say(`  stories                ${stories.length} orders, ${shops.length} shops, ${customers.length} customers; ${stories.filter((s) => runner.isDone(s)).length} played to the end`);
  const non2xx = Object.entries(counters.heraldNon2xx);
  say(`  Herald non-2xx (resent) ${non2xx.reduce((n, [, c]) => n + c, 0)}${non2xx.length ? ` (${non2xx.map(([k, c]) => `${k}: ${c}`).join(", ")})` : ""}`);
  say(`  kill -9 of a worker    ${counters.kills} (unexpected worker exits: ${counters.unexpectedExits}; slow starts retried: ${counters.slowStarts})`);
  say(
    `  provider faults        ${f["429"] ?? 0} x 429, ${f["500"] ?? 0} x 500, ${f["503"] ?? 0} x 503 scripted; ${f.lost ?? 0} responses lost after sending; ${f.rateWindows ?? 0} rate-limit windows (${verdict.rateLimited} requests answered 429)`,
  );
  say(`  provider requests      ${verdict.requests} (${verdict.replayed} idempotent replays: a retry after a crash or lost answer got the first send back)`);
  say(`  expected emails        ${verdict.expected}`);
  say(`  received               ${verdict.received}`);
  say(`  lost                   ${verdict.lost}`);
  say(`  doubled                ${verdict.doubled}`);
  say(`  unexpected             ${verdict.unexpected}`);
  say(`  PII hits in logs       ${verdict.piiHits}${verdict.piiExamples.length ? ` (${verdict.piiExamples.join("; ")})` : ""}`);
  say(`  Message rows           ${Object.entries(verdict.rows).map(([k, v]) => `${k} ${v}`).join(", ")}; dead jobs ${deadJobs}`);
  for (const line of verdict.details.slice(0, 15)) say(`    ${line}`);
  if (foreign.length) say(`  workers not started by this soak took jobs: process(es) ${foreign.join(", ")}`);
  const ok = drained && verdict.lost === 0 && verdict.doubled === 0 && verdict.unexpected === 0 && verdict.piiHits === 0 && deadJobs === 0 && foreign.length === 0;
  const complete = runner.eventsSent === generated.events;
  say(`  throughput             ${(runner.eventsSent / trafficS).toFixed(1)} events/s offered and handled (offered rate ${rate.toFixed(1)}/s); ${(verdict.received / (trafficS + drainedS)).toFixed(1)} emails/s`);
  say(`  worker restarts        ${workers.restarts} after kill -9, ready in ${workers.meanStartS().toFixed(1)} s on average`);
  if (!ok) say("FAIL");
  else if (!complete) say(`INCOMPLETE: correct so far (every expected message exactly once, nothing else, no PII), but only ${runner.eventsSent} of ${generated.events} events were sent within --seconds ${seconds}`);
  else say("PASS: every expected message exactly once, nothing else, no PII in logs");
  say(`(logs and database: ${path.relative(ROOT, dir)}/)`);
  return ok ? (complete ? 0 : 3) : 1;
}

// ---------------------------------------------------------------------------------------------

/** Two worker slots; each holds one `node build/main.js worker` process at a time. */
class Workers {
  private readonly slots: Array<HeraldProcess | null> = [];
  private readonly generation: number[] = [];
  private stopping = false;

  constructor(
    private readonly dbFile: string,
    private readonly dir: string,
    private readonly env: Record<string, string>,
    private readonly counters: Counters,
  ) {}

  async start(n: number): Promise<void> {
    await Promise.all(Array.from({ length: n }, (_, i) => this.spawn(i)));
  }

  restarts = 0;
  private readonly startTimes: number[] = [];

  meanStartS(): number {
    return this.startTimes.length ? this.startTimes.reduce((a, b) => a + b, 0) / this.startTimes.length / 1000 : 0;
  }

  /** Starts under way: stopAll() waits for them, so no worker outlives the run. */
  private readonly starting = new Set<Promise<void>>();

  private spawn(slot: number): Promise<void> {
    const start = this.startIn(slot).finally(() => this.starting.delete(start));
    this.starting.add(start);
    return start;
  }

  private async startIn(slot: number): Promise<void> {
    this.generation[slot] = (this.generation[slot] ?? 0) + 1;
    if (this.generation[slot] > 1) this.restarts++;
    const logFile = path.join(this.dir, `worker-${slot + 1}.log`);
    const t0 = performance.now();
    const proc = await startHerald({ role: "worker", dbFile: this.dbFile, logFile, env: this.env });
    if (this.stopping) {
      // The run ended while this worker was starting (a restart after a kill): a worker left
      // running here would keep taking the next run's jobs with this run's dead provider URL.
      await proc.stop();
      return;
    }
    this.startTimes.push(performance.now() - t0);
    this.slots[slot] = proc;
    proc.child.once("exit", (code, signal) => {
      if (this.stopping || signal === "SIGKILL" || signal === "SIGTERM") return;
      // A worker that dies on its own is a finding: count it and bring the slot back.
      this.counters.unexpectedExits++;
      fs.appendFileSync(path.join(this.dir, "soak.log"), `worker ${slot + 1} exited on its own (code ${code})\n`);
      if (this.slots[slot] === proc) void this.spawn(slot).catch(() => {});
    });
  }

  /** Every `seconds`, kill -9 one worker at random and start a new one in its slot. */
  killEvery(seconds: number): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || this.stopping) return;
      busy = true;
      const slot = Math.floor(Math.random() * this.slots.length);
      const proc = this.slots[slot];
      void (async () => {
        try {
          if (proc && !proc.exited()) {
            await proc.kill9();
            this.counters.kills++;
          }
          // A machine this busy can take more than the harness's 30 s to start a worker: that start is
          // given up (and its process killed); try again rather than abandon the run.
          for (let attempt = 1; !this.stopping; attempt++) {
            try {
              await this.spawn(slot);
              break;
            } catch (error) {
              this.counters.slowStarts++;
              fs.appendFileSync(path.join(this.dir, "soak.log"), `worker ${slot + 1} start ${attempt} failed: ${String(error)}\n`);
            }
          }
        } finally {
          busy = false;
        }
      })();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }

  /** Process ids of the workers running now. */
  pids(): number[] {
    return this.slots.filter((p): p is HeraldProcess => p !== null && !p.exited()).map((p) => p.pid);
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.starting]);
    await Promise.all(this.slots.map((p) => p?.stop()));
  }
}

/**
 * The fake provider misbehaving in bursts, paced by its traffic (every 10-40 sending requests,
 * one burst) so the share of failed calls is about the same whatever Herald's speed.
 */
class Chaos {
  private timer: NodeJS.Timeout | null = null;
  private nextAt = 5;

  constructor(
    private readonly fake: FakeResend,
    private readonly counters: Counters,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      const sends = this.fake.requests.length;
      if (sends < this.nextAt) return;
      this.nextAt = sends + 10 + Math.floor(Math.random() * 31);
      const roll = Math.random();
      const f = this.counters.faults;
      const count = (key: string, n: number) => (f[key] = (f[key] ?? 0) + n);
      if (roll < 0.35) {
        const n = 2 + Math.floor(Math.random() * 4);
        this.fake.failNext(n, { status: 429, retryAfterSeconds: 1 });
        count("429", n);
      } else if (roll < 0.55) {
        const n = 1 + Math.floor(Math.random() * 2);
        this.fake.failNext(n, { status: 500 });
        count("500", n);
      } else if (roll < 0.7) {
        const n = 1 + Math.floor(Math.random() * 2);
        this.fake.failNext(n, { status: 503 });
        count("503", n);
      } else if (roll < 0.85) {
        // The email is sent, the answer never arrives: Herald must retry with the same key.
        this.fake.loseNextResponse(1);
        count("lost", 1);
      } else {
        // Resend's real limit is 2 requests/s per team: a window of it.
        this.fake.setRateLimit({ requestsPerSecond: 2 });
        setTimeout(() => this.fake.setRateLimit(null), 1500);
        count("rateWindows", 1);
      }
    }, 200);
  }

  /** The provider is healthy from now on: no new burst, and none still queued. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.fake.clearFaults();
  }
}

/** Sends deliveries like Shopify: a non-2xx answer or a network error is retried (same webhook id). */
class Sender {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly url: URL;
  private inFlight = 0;

  constructor(
    baseUrl: string,
    readonly counters: Counters,
  ) {
    this.url = new URL(baseUrl);
  }

  async deliver(d: Delivery): Promise<void> {
    this.inFlight++;
    this.counters.deliveries++;
    try {
      for (let attempt = 1; ; attempt++) {
        const status = await this.post(d);
        if (typeof status === "number" && status >= 200 && status < 300) return;
        this.counters.heraldNon2xx[status] = (this.counters.heraldNon2xx[status] ?? 0) + 1;
        await sleep(Math.min(5000, 500 * attempt));
      }
    } finally {
      this.inFlight--;
    }
  }

  /** The answer's status, or the network error's code. */
  private post(d: Delivery): Promise<number | string> {
    return new Promise((resolve) => {
      const body = Buffer.from(d.body);
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method: "POST", path: d.path, agent: this.agent, headers: { ...d.headers, "Content-Length": body.length }, timeout: 30_000 },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end(body);
    });
  }

  async idle(): Promise<void> {
    while (this.inFlight > 0) await sleep(50);
  }
}

/**
 * Plays the stories: up to `maxActive` at a time, each group only after Herald has processed the
 * previous one and sent its message; ready stories go in random order; duplicates are scheduled
 * 0-20 s after their original (a third of them at once, racing it).
 */
class StoryRunner {
  private readonly next = new Map<number, number>();
  private readonly waiting = new Map<number, { webhookIds: string[]; expects: string | null; since: number }>();
  private readonly sending = new Set<number>();
  private readonly duplicates: Array<{ at: number; d: Delivery }> = [];
  private readonly random: () => number;
  eventsSent = 0;

  constructor(
    private readonly stories: Story[],
    private readonly db: PrismaClient,
    private readonly sender: Sender,
    private readonly opts: { duplicateShare: number; seed: number; budgetEnd: number; rate: number },
  ) {
    let state = opts.seed >>> 0;
    this.random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  sentGroups(s: Story): number {
    return this.next.get(s.id) ?? 0;
  }

  isDone(s: Story): boolean {
    return this.sentGroups(s) >= s.groups.length && !this.waiting.has(s.id) && !this.sending.has(s.id);
  }

  async run(): Promise<void> {
    const maxActive = 400;
    const pending = [...this.stories];
    const active: Story[] = [];
    let tokens = 20;
    let last = performance.now();
    let lastGateCheck = 0;
    while (performance.now() < this.opts.budgetEnd) {
      const now = performance.now();
      tokens = Math.min(50, tokens + ((now - last) / 1000) * this.opts.rate);
      last = now;
      while (active.length < maxActive && pending.length) active.push(pending.shift()!);
      if (now - lastGateCheck > 300) {
        lastGateCheck = now;
        await this.checkGates(active);
      }
      // Ready stories, shuffled.
      const ready = active.filter((s) => !this.waiting.has(s.id) && !this.sending.has(s.id) && this.sentGroups(s) < s.groups.length);
      for (let i = ready.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [ready[i], ready[j]] = [ready[j], ready[i]];
      }
      for (const story of ready) {
        const group = story.groups[this.sentGroups(story)];
        if (tokens < group.deliveries.length) break;
        tokens -= group.deliveries.length;
        this.sendGroup(story);
      }
      for (let i = this.duplicates.length - 1; i >= 0; i--) {
        if (this.duplicates[i].at <= now) {
          const { d } = this.duplicates.splice(i, 1)[0];
          this.sender.counters.duplicates++;
          void this.sender.deliver(d);
        }
      }
      for (let i = active.length - 1; i >= 0; i--) if (this.isDone(active[i])) active.splice(i, 1);
      if (!active.length && !pending.length && !this.duplicates.length) break;
      await sleep(20);
    }
    // Out of time: duplicates already promised still go (they are no-ops for Herald).
    for (const { d } of this.duplicates.splice(0)) {
      this.sender.counters.duplicates++;
      void this.sender.deliver(d);
    }
    await this.checkGates(this.stories.filter((s) => this.waiting.has(s.id)));
  }

  private sendGroup(story: Story): void {
    const index = this.sentGroups(story);
    const group = story.groups[index];
    this.sending.add(story.id);
    this.eventsSent += group.deliveries.length;
    for (const d of group.deliveries) {
      if (this.random() < this.opts.duplicateShare) {
        const racing = this.random() < 1 / 3;
        this.duplicates.push({ at: performance.now() + (racing ? 0 : 500 + this.random() * 20_000), d });
      }
    }
    void Promise.all(group.deliveries.map((d) => this.sender.deliver(d))).then(() => {
      this.sending.delete(story.id);
      this.next.set(story.id, index + 1);
      this.waiting.set(story.id, {
        webhookIds: group.deliveries.map((d) => d.headers["X-Shopify-Webhook-Id"]),
        expects: group.expects ? expectedKey(group.expects) : null,
        since: performance.now(),
      });
    });
  }

  /** Open the gate of every story whose last group Herald has processed (and whose message went out). */
  private async checkGates(active: Story[]): Promise<void> {
    const waitingStories = active.filter((s) => this.waiting.has(s.id));
    if (!waitingStories.length) return;
    const byShop = new Map<string, Story[]>();
    for (const s of waitingStories) byShop.set(s.shop, [...(byShop.get(s.shop) ?? []), s]);
    for (const [shop, list] of byShop) {
      const ids = list.flatMap((s) => this.waiting.get(s.id)!.webhookIds);
      const processed = new Set(
        (await this.db.webhookEvent.findMany({ where: { shop, webhookId: { in: ids }, status: { not: "RECEIVED" } }, select: { webhookId: true } })).map((e) => e.webhookId),
      );
      const wantMessage = list.filter((s) => this.waiting.get(s.id)!.expects);
      const sent = new Set<string>();
      if (wantMessage.length) {
        const rows = await this.db.message.findMany({
          where: { shop, orderId: { in: wantMessage.map((s) => s.orderId) }, status: "SENT" },
          select: { fulfillmentId: true, step: true },
        });
        for (const r of rows) sent.add(expectedKey({ shop, fulfillmentId: r.fulfillmentId ?? "", step: r.step }));
      }
      for (const s of list) {
        const w = this.waiting.get(s.id)!;
        if (w.webhookIds.every((id) => processed.has(id)) && (!w.expects || sent.has(w.expects))) this.waiting.delete(s.id);
      }
    }
  }
}

/** Wait until Herald has nothing left to do for the soak's shops now (future wake-ups aside). */
async function drain(db: PrismaClient, shops: string[], timeoutMs: number, dueInQueue: Stack["dueInQueue"]): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let lastReport = 0;
  while (performance.now() < deadline) {
    const received = await db.webhookEvent.count({ where: { shop: { in: shops }, status: "RECEIVED" } });
    const unsettled = await db.message.count({ where: { shop: { in: shops }, status: { in: ["PENDING", "SENDING", "DEFERRED"] } } });
    const due = await dueInQueue(db);
    if (received === 0 && unsettled === 0 && due === 0) return true;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const next = await db.job.findFirst({ where: { status: "QUEUED" }, orderBy: { runAt: "asc" }, select: { runAt: true, name: true } });
      say(`  draining: ${received} events unprocessed, ${unsettled} messages unsettled, ${due} jobs due or running${next ? ` (next queued: ${next.name} at ${next.runAt.toISOString()})` : ""}`);
    }
    await sleep(500);
  }
  return false;
}

interface Stack {
  /** A SQLite file or a postgresql:// URL. */
  database: string;
  /** What Herald's processes need besides the database. */
  env: Record<string, string>;
  /** Jobs due now or running, wherever the queue keeps them. */
  dueInQueue: (db: PrismaClient) => Promise<number>;
  /** Jobs in the dead letter (out of attempts, or failed by the queue itself). */
  deadJobs: (db: PrismaClient) => Promise<number>;
  /**
   * Process ids of the workers consuming the queue now, when the queue can tell (BullMQ names its
   * Redis connections). A worker the soak did not start (one left from an earlier run, with that
   * run's provider URL) would take this run's jobs and spoil its figures.
   */
  queueWorkers?: () => Promise<number[]>;
}

/** A fresh database (and, for scale-out, a flushed Redis) for this run. */
async function prepareStack(kind: string | undefined, dir: string): Promise<Stack> {
  if (kind === "embedded") {
    return {
      database: freshDatabase(path.join(dir, "herald.db")),
      env: {},
      dueInQueue: (db) => db.job.count({ where: { OR: [{ status: "QUEUED", runAt: { lte: new Date() } }, { status: "RUNNING" }] } }),
      deadJobs: (db) => db.job.count({ where: { status: "DEAD" } }),
    };
  }
  if (kind !== "scale-out") throw new HarnessError(`--stack must be embedded or scale-out, not ${kind}`);
  const pgBase = startPostgres();
  if (!pgBase) throw new HarnessError("PostgreSQL could not be started (tests/scripts/postgres.sh start)");
  const database = await freshPostgres(pgBase, "herald_soak");
  const redisUrl = /REDIS_URL=(\S+)/.exec(execFileSync("bash", ["tests/scripts/redis.sh", "start"], { cwd: ROOT, encoding: "utf8" }))?.[1];
  if (!redisUrl) throw new HarnessError("Redis could not be started (tests/scripts/redis.sh start)");
  // Herald's queue keys live under the "herald" prefix; a previous run's must not leak into this one.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  cleanups.push(async () => void (await redis.quit()));
  for (const key of await redis.keys("herald:*")) await redis.del(key);
  const queue = new Queue("herald", { connection: redis, prefix: "herald" });
  cleanups.push(() => queue.close());
  return {
    database,
    env: { REDIS_URL: redisUrl },
    // BullMQ's failed set is the dead letter (the sweeper's own runs aside: the next one redoes them).
    deadJobs: async () => (await queue.getFailed(0, -1)).filter((j) => j.name !== "sweep-orphans").length,
    // Herald's workers are named worker-<pid>-<random> (app/jobs/bullmq-queue.server.ts).
    queueWorkers: async () => [...new Set((await queue.getWorkers()).map((c) => Number(/:w:worker-(\d+)-/.exec(c.rawname ?? "")?.[1] ?? -1)))],
    dueInQueue: async () => {
      const counts = await queue.getJobCounts("waiting", "active", "prioritized", "waiting-children");
      // BullMQ scores a delayed job by when it is due (ms x 4096 + a counter); a retry's due time is
      // not its creation timestamp plus its delay.
      const due = await redis.zcount("herald:herald:delayed", 0, Date.now() * 4096);
      return Object.values(counts).reduce((a, b) => a + b, 0) + due;
    },
  };
}

interface Verdict {
  expected: number;
  received: number;
  lost: number;
  doubled: number;
  unexpected: number;
  piiHits: number;
  piiExamples: string[];
  rows: Record<string, number>;
  requests: number;
  replayed: number;
  rateLimited: number;
  details: string[];
}

async function verify(input: { db: PrismaClient; fake: FakeResend; stories: Story[]; runner: StoryRunner; customers: string[]; dir: string }): Promise<Verdict> {
  const { db, fake, stories, runner } = input;
  const details: string[] = [];
  // What should exist: the message of every group that was sent (a story cut short by the time
  // budget expects only what it was told).
  const expected = new Map<string, string>();
  for (const s of stories) {
    for (const g of s.groups.slice(0, runner.sentGroups(s))) if (g.expects) expected.set(expectedKey(g.expects), g.expects.recipient);
  }
  const shops = [...new Set(stories.map((s) => s.shop))];
  const messages = await db.message.findMany({
    where: { shop: { in: shops } },
    select: { id: true, shop: true, fulfillmentId: true, step: true, trigger: true, status: true, reason: true, recipient: true },
  });
  const byId = new Map(messages.map((m) => [m.id, m]));
  const rows: Record<string, number> = {};
  for (const m of messages) {
    const k = m.status === "SKIPPED" ? `SKIPPED(${m.reason})` : m.status;
    rows[k] = (rows[k] ?? 0) + 1;
  }

  // What the provider received, by (shop, fulfillment, step), from the email's herald_message tag,
  // checked against the email's own recipient and X-Herald-Message-Id header.
  const received = new Map<string, number>();
  let unexpected = 0;
  for (const email of fake.emails) {
    const tag = email.tags.find((t) => t.name === "herald_message")?.value;
    const row = tag ? byId.get(tag) : undefined;
    if (!row || email.headers["X-Herald-Message-Id"] !== tag) {
      unexpected++;
      details.push(`unexpected: an email to a recipient with no matching Message row (tag ${tag ?? "none"})`);
      continue;
    }
    const key = expectedKey({ shop: row.shop, fulfillmentId: row.fulfillmentId ?? "", step: row.step });
    received.set(key, (received.get(key) ?? 0) + 1);
    const want = expected.get(key);
    if (want === undefined) {
      unexpected++;
      details.push(`unexpected: ${row.trigger} ${row.step} for fulfillment ${row.fulfillmentId} (${row.shop})`);
    } else if (email.to.length !== 1 || email.to[0].toLowerCase() !== want) {
      unexpected++;
      details.push(`wrong recipient for ${key}`);
    }
  }
  let lost = 0;
  let doubled = 0;
  for (const key of expected.keys()) {
    const n = received.get(key) ?? 0;
    if (n === 0) {
      lost++;
      const m = messages.find((r) => expectedKey({ shop: r.shop, fulfillmentId: r.fulfillmentId ?? "", step: r.step }) === key);
      details.push(`lost: ${key} (${m ? `row ${m.status}${m.reason ? ` ${m.reason}` : ""}` : "no Message row"})`);
    }
    if (n > 1) {
      doubled += n - 1;
      details.push(`doubled: ${key} received ${n} times`);
    }
  }

  // Logs: no customer email, phone or name, whatever the process and the level.
  const logs = fs
    .readdirSync(input.dir)
    .filter((f) => f.endsWith(".log"))
    .map((f) => fs.readFileSync(path.join(input.dir, f), "utf8"))
    .join("\n");
  let piiHits = 0;
  const piiExamples: string[] = [];
  for (const value of new Set(input.customers)) {
    let at = logs.indexOf(value);
    while (at !== -1) {
      piiHits++;
      if (piiExamples.length < 3) piiExamples.push(`"${value.replace(/^(.).*(.)$/, "$1…$2")}" at ${at}`);
      at = logs.indexOf(value, at + value.length);
    }
  }
  const sends = fake.requests.filter((r) => r.method === "POST");
  return {
    expected: expected.size,
    received: [...received.values()].reduce((a, b) => a + b, 0),
    lost,
    doubled,
    unexpected,
    piiHits,
    piiExamples,
    rows,
    requests: sends.length,
    replayed: sends.filter((r) => r.outcome === "replayed").length,
    rateLimited: sends.filter((r) => r.outcome === "rate_limited").length,
    details,
  };
}

async function cleanup(): Promise<void> {
  for (const c of cleanups.reverse()) await c().catch(() => {});
}

process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(`\nsoak stopped: ${error instanceof HarnessError ? error.message : error instanceof Error ? error.stack : String(error)}`);
    await cleanup();
    process.exit(2);
  },
);
