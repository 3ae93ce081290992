// Small node:http helpers shared by the loopback fakes (Resend, Twilio) and the inbox page.
// Plain node:http on purpose: the fakes must behave like a remote server (real sockets, real
// headers, real status codes) so the code under test runs its production HTTP path unchanged.

import http from "node:http";
import type { AddressInfo } from "node:net";

/** Options every fake server accepts. */
export interface ListenOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback by default: the fakes are never meant to be reachable from elsewhere. */
  host?: string;
}

/** A started server and its base URL (no trailing slash). */
export interface Listening {
  server: http.Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Start `handler` on host:port and resolve once it accepts connections. */
export async function listen(handler: http.RequestListener, opts: ListenOptions = {}): Promise<Listening> {
  const host = opts.host ?? "127.0.0.1";
  const server = http.createServer(handler);
  // Node's default keep-alive (5 s), like a real provider's: fetch/undici reuses a connection only
  // when the server's hint leaves it more than 2 s, so a shorter one made every call a new connection.
  // close() ends idle connections itself.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    url: `http://${urlHost}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Read a request body as UTF-8, refusing more than `limit` bytes. */
export function readBody(req: http.IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Answer with a JSON body. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** A header's single value (Node joins or arrays some duplicates). */
export function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** JSON with object keys sorted, so two semantically equal bodies compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A scripted fault: the next request(s) get this answer instead of being processed. */
export interface Fault {
  /** HTTP status to answer, e.g. 500, 429, 503. */
  status: number;
  /** Adds a `retry-after` header (seconds). Defaults to 1 for 429. */
  retryAfterSeconds?: number;
  /** Resend only: override the error name (e.g. "daily_quota_exceeded"). */
  name?: string;
  /** Twilio only: override the error code (e.g. 20429). */
  code?: number;
  message?: string;
}

/** FIFO of scripted faults, consumed one per request. */
export class FaultQueue {
  private queue: Fault[] = [];
  push(n: number, fault: Fault): void {
    for (let i = 0; i < n; i++) this.queue.push({ ...fault });
  }
  take(): Fault | undefined {
    return this.queue.shift();
  }
  get pending(): number {
    return this.queue.length;
  }
  clear(): void {
    this.queue = [];
  }
}

/**
 * Sliding one-second window: at most `requestsPerSecond` accepted requests in any 1000 ms.
 * Rejected requests do not count, so a client that honours retry-after gets through.
 */
export class SlidingWindowLimiter {
  private hits: number[] = [];
  constructor(
    readonly requestsPerSecond: number,
    private readonly now: () => number,
  ) {}
  /** null when allowed (and counted); otherwise milliseconds until a slot frees up. */
  tryAcquire(): number | null {
    const t = this.now();
    this.hits = this.hits.filter((h) => h > t - 1000);
    if (this.hits.length < this.requestsPerSecond) {
      this.hits.push(t);
      return null;
    }
    return Math.max(1, this.hits[0] + 1000 - t);
  }
  get remaining(): number {
    const t = this.now();
    return Math.max(0, this.requestsPerSecond - this.hits.filter((h) => h > t - 1000).length);
  }
}
