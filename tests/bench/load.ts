/**
 * Load generation. Throughput (P1) uses autocannon: closed loop, N connections, as fast as the
 * server answers. Latency at a fixed rate (P2, P3) uses the open-loop sender below: autocannon's
 * rate option lets each connection send its whole per-second quota back to back at the start of
 * every second (bursts, not a steady rate), and a closed loop hides queueing behind a slow answer
 * (coordinated omission). Here request i is due at t0 + i/rate whatever happened before, and its
 * latency counts from that moment.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon, { type AutocannonResult } from "autocannon";
import type { Delivery } from "./payloads";

export interface ThroughputResult {
  /** 2xx answers per second over the measured window. */
  perSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  durationS: number;
  raw: AutocannonResult;
}

/** As many requests as `connections` connections can get answered in `durationS`, with autocannon. */
export async function closedLoop(opts: {
  baseUrl: string;
  connections: number;
  durationS: number;
  next: () => Delivery;
}): Promise<ThroughputResult> {
  const raw = await autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: () => {
          const d = opts.next();
          return { method: "POST", path: d.path, headers: d.headers, body: d.body };
        },
      },
    ],
  });
  const ok = raw["2xx"];
  return {
    perSecond: ok / raw.duration,
    ok,
    non2xx: raw.non2xx,
    errors: raw.errors,
    latencyP50: raw.latency.p50,
    latencyP99: raw.latency.p99,
    durationS: raw.duration,
    raw,
  };
}

export interface OpenLoopResult {
  /** Requests sent, answered, answered 2xx. */
  sent: number;
  answered: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  /** Per answered request, ms from when it was due (includes any lag of the sender). */
  latencyMs: number[];
  /** Requests per second actually sent. */
  achievedRate: number;
  /** Worst delay between a request being due and being written. */
  maxSendLagMs: number;
  /**
   * The server fell so far behind that `maxInFlight` requests were waiting: sending stopped early
   * (the figures then describe an overloaded server, and `sent` < the planned count).
   */
  overloaded: boolean;
  /** Network errors by code (ECONNRESET...). */
  errorCodes: Record<string, number>;
}

/**
 * Send `rate` requests per second for `durationMs` (open loop), then wait up to `drainMs` for the
 * answers. `onSent(i, wallClockMs)` is told when request i is handed to the socket.
 */
export async function openLoop(opts: {
  baseUrl: string;
  rate: number;
  durationMs: number;
  next: (i: number) => Delivery;
  onSent?: (i: number, wallClockMs: number) => void;
  drainMs?: number;
  /** Stop sending when this many requests await an answer (default 2,000). */
  maxInFlight?: number;
}): Promise<OpenLoopResult> {
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.round((opts.rate * opts.durationMs) / 1000);
  const intervalMs = 1000 / opts.rate;
  const latencyMs: number[] = [];
  const statuses: Record<string, number> = {};
  let answered = 0;
  let ok = 0;
  let errors = 0;
  let sent = 0;
  let maxSendLagMs = 0;
  let inFlight = 0;
  let overloaded = false;
  const errorCodes: Record<string, number> = {};
  const maxInFlight = opts.maxInFlight ?? 2000;

  const send = (i: number, dueAt: number) => {
    const d = opts.next(i);
    const body = Buffer.from(d.body);
    inFlight++;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: d.path,
        agent,
        headers: { ...d.headers, "Content-Length": body.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          inFlight--;
          answered++;
          const status = res.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) ok++;
          latencyMs.push(performance.now() - dueAt);
        });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      inFlight--;
      errors++;
      errorCodes[error.code ?? error.message] = (errorCodes[error.code ?? error.message] ?? 0) + 1;
    });
    req.end(body);
    opts.onSent?.(i, Date.now());
  };

  const t0 = performance.now() + 5;
  while (sent < total) {
    if (inFlight >= maxInFlight) {
      overloaded = true;
      break;
    }
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - t0) / intervalMs) + 1);
    while (sent < due) {
      const dueAt = t0 + sent * intervalMs;
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - dueAt);
      send(sent, dueAt);
      sent++;
    }
    const nextDue = t0 + sent * intervalMs;
    await sleep(Math.max(0, Math.min(5, nextDue - performance.now())));
  }
  const sendingMs = performance.now() - t0;
  const deadline = performance.now() + (opts.drainMs ?? 30_000);
  while (inFlight > 0 && performance.now() < deadline) await sleep(10);
  agent.destroy();
  return { sent, answered, ok, errors, statuses, latencyMs, achievedRate: (sent / sendingMs) * 1000, maxSendLagMs, overloaded, errorCodes };
}

/**
 * Deliver `count` webhooks with at most `concurrency` in flight, retrying a failed delivery (as
 * Shopify would) up to 5 times. For setting up state, not for measuring.
 */
export async function sendAll(opts: { baseUrl: string; count: number; next: (i: number) => Delivery; concurrency?: number }): Promise<{ ok: number; retries: number }> {
  const url = new URL(opts.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 16 });
  let nextIndex = 0;
  let ok = 0;
  let retries = 0;
  const post = (d: Delivery) =>
    new Promise<number>((resolve) => {
      const body = Buffer.from(d.body);
      const req = http.request(
        { host: url.hostname, port: url.port, method: "POST", path: d.path, agent, headers: { ...d.headers, "Content-Length": body.length } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });
  const worker = async () => {
    while (nextIndex < opts.count) {
      const d = opts.next(nextIndex++);
      for (let attempt = 1; attempt <= 6; attempt++) {
        const status = await post(d);
        if (status >= 200 && status < 300) {
          ok++;
          break;
        }
        retries++;
        await sleep(200 * attempt);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 16 }, worker));
  agent.destroy();
  return { ok, retries };
}

/**
 * Share of CPU time other processes used over `ms` (from /proc/stat; 0..1). The benchmarks run
 * on machines other work shares: they wait for a quiet moment and print what they saw.
 */
export async function machineBusy(ms = 1000): Promise<number> {
  const read = async () => {
    const fs = await import("node:fs/promises");
    const text = await fs.readFile("/proc/stat", "utf8").catch(() => "");
    const cpu = text.split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { idle, total };
  };
  const a = await read();
  await sleep(ms);
  const b = await read();
  const total = b.total - a.total;
  return total > 0 ? 1 - (b.idle - a.idle) / total : 0;
}

/** The p-th percentile (0-100) of `values`, nearest-rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
