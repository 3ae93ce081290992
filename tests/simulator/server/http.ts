import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/** A request as the simulator's handlers see it: already read, easy to build in tests. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a handler answers; `body` objects are sent as JSON. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | object;
}

export function json(status: number, body: object, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body };
}

export function html(body: string, status = 200, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { "Content-Type": "text/html; charset=utf-8", ...headers }, body };
}

export async function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON or form-encoded body as a flat record (Shopify's token endpoint accepts both). */
export function parseParams(req: SimRequest): Record<string, string> | null {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(req.body));
  }
  try {
    const parsed = JSON.parse(req.body) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v == null ? "" : String(v)]));
  } catch {
    return null;
  }
}

export function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
