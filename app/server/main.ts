// Herald's process entry. `node build/main.js` serves the app and starts one worker process beside
// it (embedded default; HERALD_WORKER=off to serve only); `node build/main.js worker` runs only the
// worker (scale-out). `tsx app/server/main.ts --dev` serves through Vite in development.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { parseEnv } from "../env.server";
import { CpuBudget } from "./cpu-budget";
import { watchWebLoad } from "./web-load";
import { exitWithParent, onParentMessage, superviseWorker } from "./worker-child";

type Entry = {
  startWorker: (opts?: { concurrency?: number; beforeJob?: () => Promise<void> }) => { stop(): Promise<void> };
  onDueJob: (listener: () => void) => () => void;
  wakeWorkers: () => void;
  handleWebhookHttp: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  leaveWriteLockGaps: (ms: number) => void;
};
/** A worker's pause between its SQLite transactions (app/db/sqlite-direct.server.ts). */
const WORKER_WRITE_LOCK_GAP_MS = 0.25;
/**
 * The share of one core the embedded worker process keeps to while its web process is busy
 * (web-load.ts), on a machine of one or two cores: a worker with a backlog takes a whole core, and
 * the web process would wait for one before it could accept and acknowledge each webhook. The
 * backlog waits instead; it is drained at full speed once webhooks slow down. A quarter, because
 * half a core was still too much at 1,000 webhooks a second (README, Performance). With more cores
 * the web process has one of its own and the worker keeps to none.
 */
const WORKER_SHARE_WHILE_WEB_BUSY = os.availableParallelism() <= 2 ? 0.25 : null;
const entryOf = (build: ServerBuild) => build.entry.module as unknown as Entry;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dev = args.includes("--dev");
  const role = args.includes("worker") ? "worker" : "web";

  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }

  const here = path.dirname(fileURLToPath(import.meta.url));
  let loadBuild: () => Promise<ServerBuild>;
  let vite: ViteDevServer | undefined;
  if (dev) {
    const { createServer } = await import("vite");
    vite = await createServer({ server: { middlewareMode: true } });
    loadBuild = () => vite!.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    // build/main.js sits next to build/server/index.js.
    const file = pathToFileURL(path.join(here, "server", "index.js")).href;
    const build = (await import(file)) as ServerBuild;
    loadBuild = async () => build;
  }

  const stops: Array<() => Promise<void>> = [];
  if (role === "worker") {
    const entry = entryOf(await loadBuild());
    // On SQLite the web process must get the write lock promptly to answer webhooks.
    entry.leaveWriteLockGaps(WORKER_WRITE_LOCK_GAP_MS);
    const budget = new CpuBudget();
    const worker = entry.startWorker({ beforeJob: () => budget.wait() });
    stops.push(() => worker.stop());
    onParentMessage({
      wake: () => entry.wakeWorkers(),
      webBusy: (busy) => {
        const share = busy ? WORKER_SHARE_WHILE_WEB_BUSY : null;
        if (share === budget.limited) return;
        budget.limit(share);
        console.log(JSON.stringify({ level: "info", event: "worker.cpu_share", share }));
      },
    });
  } else if (env.HERALD_WORKER === "inline") {
    const worker = superviseWorker({ dev });
    stops.push(() => worker.stop());
    entryOf(await loadBuild()).onDueJob(() => worker.wake());
    if (WORKER_SHARE_WHILE_WEB_BUSY !== null) {
      const unwatch = watchWebLoad((busy) => worker.webBusy(busy));
      stops.push(async () => unwatch());
    }
  }

  if (role === "web") {
    const app = express();
    app.disable("x-powered-by");
    if (vite) app.use(vite.middlewares);
    else {
      app.use("/assets", express.static(path.join(here, "client", "assets"), { immutable: true, maxAge: "1y" }));
      app.use(express.static(path.join(here, "client"), { maxAge: "1h" }));
    }
    app.get("/healthz", (_req, res) => {
      res.json({ ok: true });
    });
    app.all("*", createRequestHandler({ build: dev ? loadBuild : await loadBuild(), mode: dev ? "development" : "production" }));
    // Webhooks skip Express and Remix: see handleWebhookHttp. Everything else is the Remix app.
    const entry = dev ? null : entryOf(await loadBuild());
    const server = http.createServer((req, res) => {
      if (!req.url?.startsWith("/webhooks/")) return app(req, res);
      if (entry) return entry.handleWebhookHttp(req, res);
      loadBuild().then(
        (build) => entryOf(build).handleWebhookHttp(req, res),
        (error: unknown) => {
          console.error(error);
          res.writeHead(500).end();
        },
      );
    });
    // Senders (Shopify, a load balancer) reuse an idle connection for the next delivery: closing it
    // just as a request is sent on it resets that request. Keep idle connections longer than the
    // usual 60 s idle timeout of the proxies in front, and the headers' deadline past that.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.listen(env.PORT, () => {
      console.log(JSON.stringify({ level: "info", event: "web.listening", port: env.PORT, url: env.SHOPIFY_APP_URL }));
    });
    server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(error.code === "EADDRINUSE" ? `Port ${env.PORT} is already in use: set PORT to a free port.` : error);
      process.exit(1);
    });
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: "info", event: "shutdown", signal }));
    const timer = setTimeout(() => process.exit(0), 10_000);
    await Promise.allSettled(stops.map((s) => s()));
    await vite?.close();
    clearTimeout(timer);
    process.exit(0);
  };
  if (role === "worker") exitWithParent(() => void shutdown("parent exited"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

void main();
