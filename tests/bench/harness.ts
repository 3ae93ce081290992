/**
 * What the benchmarks and the soak need to run Herald for real on loopback: a production build
 * (rebuilt when stale), fresh SQLite databases under tmp/, installed shops, Herald's web and
 * worker processes (`node build/main.js [worker]`) with their logs in files, and the machine's
 * description for the report. Nothing here is imported by app/.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { migratePostgres } from "../../app/db/migrate";
import { buildTemplateDatabase } from "../setup/database";
import { build, buildIsStale, freePort } from "../support/build";


export const ROOT = process.cwd();
/** The app credentials every bench/soak process shares (loopback only, never real). */
export const BENCH_API_KEY = "herald-bench-key";
export const BENCH_API_SECRET = "herald-bench-secret-not-for-production";

export class HarnessError extends Error {}

/** `npm run build` when build/ is stale (or `force`); returns whether it built. */
export function ensureBuild(force: boolean, say: (line: string) => void): boolean {
  if (!force && !buildIsStale()) return false;
  say("building Herald (npm run build) ...");
  try {
    build();
  } catch (error) {
    throw new HarnessError(error instanceof Error ? error.message : String(error));
  }
  return true;
}

let buildEntry = path.join(ROOT, "build", "main.js");

/**
 * Copy build/ to `dir`/build and run Herald from the copy: other people rebuild build/ on a shared
 * machine, and a process started mid-build would find half a build.
 */
export async function snapshotBuild(dir: string): Promise<void> {
  const from = path.join(ROOT, "build");
  const to = path.join(dir, "build");
  for (let attempt = 1; ; attempt++) {
    const ready = ["main.js", path.join("server", "index.js")].every((f) => fs.existsSync(path.join(from, f)));
    if (ready) {
      fs.rmSync(to, { recursive: true, force: true });
      try {
        fs.cpSync(from, to, { recursive: true });
        if (fs.existsSync(path.join(to, "main.js")) && fs.existsSync(path.join(to, "server", "index.js"))) break;
      } catch {
        /* build/ changed while copying: try again */
      }
    }
    if (attempt > 120) throw new HarnessError("build/ stayed incomplete for 2 minutes (someone else building?)");
    await sleep(1000);
  }
  buildEntry = path.join(to, "main.js");
}

/** A folder under tmp/ for one tool's databases and logs, emptied first. */
export function workDir(name: string, { clean = true } = {}): string {
  const dir = path.join(ROOT, "tmp", name);
  if (clean) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

let templateFile: string | null = null;

/**
 * A fresh SQLite database at `file`: every committed migration applied (the same SQL
 * `prisma migrate deploy` applies), in WAL mode as `npm run setup` leaves it.
 */
export function freshDatabase(file: string): string {
  if (!templateFile || !fs.existsSync(templateFile)) {
    templateFile = path.join(path.dirname(file), "template.db");
    buildTemplateDatabase(templateFile);
    const db = new Database(templateFile);
    db.pragma("journal_mode = WAL");
    db.close();
  }
  removeDatabase(file);
  fs.copyFileSync(templateFile, file);
  return file;
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/** Copy a database whose writers have all stopped (the WAL is folded in first). */
export function copyDatabase(from: string, to: string): void {
  const db = new Database(from);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  removeDatabase(to);
  fs.copyFileSync(from, to);
}

/** A Prisma client on one SQLite file, or a postgresql:// URL (the bench's own reads and set-up writes). */
export function prismaFor(fileOrUrl: string): PrismaClient {
  if (/^postgres(ql)?:\/\//.test(fileOrUrl)) {
    // The PostgreSQL client `npm run setup` generates beside the SQLite one (same models).
    const load = createRequire(path.join(ROOT, "package.json"));
    const { PrismaClient: PostgresClient } = load("./node_modules/.prisma/client-postgresql/index.js") as {
      PrismaClient: new (options: { adapter: PrismaPg }) => PrismaClient;
    };
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: fileOrUrl }) });
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: fileOrUrl, timeout: 10_000 }) });
}

/**
 * A loopback PostgreSQL from tests/scripts/postgres.sh (fsync and synchronous_commit off: fast,
 * not durable), or null when it cannot start here. Returns the server's base URL.
 */
export function startPostgres(): string | null {
  if (!fs.existsSync("/usr/lib/postgresql/15/bin/initdb")) return null;
  try {
    const out = execFileSync("bash", ["tests/scripts/postgres.sh", "start"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return /DATABASE_URL=(\S+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The URL of database `db` on the server of `url`. */
function databaseUrl(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** (Re)create database `name` on the server of `url` (dropped first, `template` copied if given); its URL. */
async function recreateDatabase(url: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: databaseUrl(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, name);
}

/** A new, migrated PostgreSQL database `name` on the server of `baseUrl` (dropped first). */
export async function freshPostgres(baseUrl: string, name: string): Promise<string> {
  const url = await recreateDatabase(baseUrl, name);
  await migratePostgres(url);
  return url;
}

/** A copy of PostgreSQL database `from` (no one connected to it) as `to` (dropped first); its URL. */
export function copyPostgres(fromUrl: string, to: string): Promise<string> {
  return recreateDatabase(fromUrl, to, new URL(fromUrl).pathname.slice(1));
}

/**
 * CPU time (ms, user + system) used so far by the loopback PostgreSQL server of tests/scripts/postgres.sh
 * listening on `url`'s port: its postmaster and every backend. Null when that server is not ours to see.
 */
export function postgresCpuMs(url: string): number | null {
  const pidFile = path.join(ROOT, "tmp", "postgres", "data", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  if (port?.trim() !== new URL(url).port) return null;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      // fields[1] is the parent pid; user and system time in clock ticks of 10 ms.
      if (entry === pid.trim() || fields[1] === pid.trim()) total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      /* the process has gone */
    }
  }
  return total;
}

/** A loopback Redis from tests/scripts/redis.sh, or null when it cannot start here. Returns its URL. */
export function startRedis(): string | null {
  try {
    const out = execFileSync("bash", ["tests/scripts/redis.sh", "start"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return /REDIS_URL=(\S+)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

export interface ShopInput {
  domain: string;
  name?: string;
  email?: string;
  timezone?: string;
  primaryLocale?: string;
  settings?: object;
}

/**
 * Herald answers 200 and keeps nothing for a shop that never installed; a bench shop is
 * installed by writing its Shop row (the columns tests/support/db.ts installShop writes).
 */
export async function installShops(file: string, shops: ShopInput[]): Promise<void> {
  // `file` may also be a postgresql:// URL.
  const db = prismaFor(file);
  try {
    for (const s of shops) {
      await db.shop.create({
        data: {
          domain: s.domain,
          name: s.name ?? "Bench Goods",
          email: s.email ?? `owner@${s.domain.replace(/\.myshopify\.com$/, "")}.example`,
          timezone: s.timezone ?? "America/New_York",
          primaryLocale: s.primaryLocale ?? "en",
          currency: "USD",
          settings: JSON.stringify(s.settings ?? {}),
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
}


export interface HeraldOptions {
  role: "web" | "worker";
  /** A SQLite file, or a postgresql:// URL. */
  dbFile: string;
  logFile: string;
  /** web only; a free port when omitted. */
  port?: number;
  /** web only: inline (embedded default: the web process runs jobs too) or off. */
  worker?: "inline" | "off";
  /** RESEND_BASE_URL and friends, HERALD_* overrides. */
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export interface HeraldProcess {
  readonly child: ChildProcess;
  readonly role: "web" | "worker";
  /** http://127.0.0.1:<port> (web), or "" for a worker. */
  readonly url: string;
  readonly logFile: string;
  readonly pid: number;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** kill -9: no cleanup, exactly like a crash. */
  kill9(): Promise<void>;
  exited(): boolean;
}

/** Herald's env only: a developer's SHOPIFY_* or DATABASE_URL must not leak into a bench process. */
function cleanEnv(): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(SHOPIFY_|DATABASE_URL|RESEND_|TWILIO_|REDIS_URL|SCOPES|PORT$|HERALD_|APP_BRIDGE_URL|NODE_ENV)/.test(k)) base[k] = v;
  }
  return base;
}

/** Start `node build/main.js` (web) or `node build/main.js worker` and wait until it is ready. */
export async function startHerald(opts: HeraldOptions): Promise<HeraldProcess> {
  const port = opts.role === "web" ? (opts.port ?? (await freePort())) : 0;
  const url = opts.role === "web" ? `http://127.0.0.1:${port}` : "";
  const env: Record<string, string> = {
    ...cleanEnv(),
    NODE_ENV: "production",
    DATABASE_URL: /^postgres(ql)?:\/\//.test(opts.dbFile) ? opts.dbFile : `file:${opts.dbFile}`,
    SHOPIFY_API_KEY: BENCH_API_KEY,
    SHOPIFY_API_SECRET: BENCH_API_SECRET,
    SHOPIFY_APP_URL: url || "http://127.0.0.1:9",
    HERALD_WORKER: opts.worker ?? "inline",
    ...(opts.role === "web" ? { PORT: String(port) } : {}),
    ...opts.env,
  };
  const fd = fs.openSync(opts.logFile, "a");
  const profile = process.env.HERALD_BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.HERALD_BENCH_CPU_PROF}`] : [];
  const args = [...profile, ...(opts.nodeArgs ?? []), buildEntry, ...(opts.role === "worker" ? ["worker"] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  let exitCode: number | string | null = null;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? signal ?? "exit";
      resolve();
    }),
  );
  const herald: HeraldProcess = {
    child,
    role: opts.role,
    url,
    logFile: opts.logFile,
    pid: child.pid ?? -1,
    exited: () => exitCode !== null,
    async stop() {
      if (exitCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exitPromise.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill("SIGKILL");
        await exitPromise;
      }
    },
    async kill9() {
      if (exitCode !== null) return;
      child.kill("SIGKILL");
      await exitPromise;
    },
  };
  const startedAt = fs.existsSync(opts.logFile) ? fs.statSync(opts.logFile).size : 0;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new HarnessError(`Herald (${opts.role}) exited during start-up (${String(exitCode)}):\n${tail(opts.logFile)}`);
    // A web process with its worker beside it is ready once both are: the worker's start-up (loading
    // the build) would otherwise take a core from the first seconds of a measurement.
    const workerUp = () => readFrom(opts.logFile, startedAt).includes('"event":"worker.started"');
    if (opts.role === "web") {
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (response.ok && (env.HERALD_WORKER !== "inline" || workerUp())) return herald;
      } catch {
        /* not up yet */
      }
    } else if (workerUp()) {
      return herald;
    }
    await sleep(50);
  }
  await herald.kill9();
  throw new HarnessError(`Herald (${opts.role}) was not ready within 30 s:\n${tail(opts.logFile)}`);
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= offset) return "";
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

export function tail(file: string, lines = 25): string {
  if (!fs.existsSync(file)) return "(no log)";
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export interface MachineInfo {
  nproc: number;
  cpu: string;
  node: string;
  memoryGiB: number;
  os: string;
  sqlite: string;
}

export function machineInfo(): MachineInfo {
  const db = new Database(":memory:");
  const sqlite = (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  db.close();
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    sqlite,
  };
}

/** Poll `probe` until it returns a truthy value or `timeoutMs` passes (then null). */
export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number, everyMs = 100): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(everyMs);
  }
}
