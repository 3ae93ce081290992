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
    req.on("error", () => {
      inFlight--;
      errors++;
    });
    req.end(body);
    opts.onSent?.(i, Date.now());
  };

  const t0 = performance.now() + 5;
  while (sent < total) {
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
  return { sent, answered, ok, errors, statuses, latencyMs, achievedRate: (sent / sendingMs) * 1000, maxSendLagMs };
}

/** The p-th percentile (0-100) of `values`, nearest-rank; NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
