// A loopback stand-in for Resend's REST API (https://resend.com/docs/api-reference), faithful enough
// that the official `resend` SDK (v6) works against it when RESEND_BASE_URL points here. Used by the
// test suite AND the offline demo (DESIGN.md §5 rule 7: mock third parties at the HTTP boundary, the
// same mocks in demo and tests; assert on what the provider received).
//
// What the SDK does (checked in node_modules/resend/dist/index.mjs, v6.38):
// - URL = `${RESEND_BASE_URL || "https://api.resend.com"}${path}`; base URL is read when `new Resend()`
//   runs, so set the env var before constructing the client.
// - headers: Authorization: Bearer <key>, User-Agent: resend-node:<version>, Content-Type: application/json,
//   Idempotency-Key (from `{ idempotencyKey }`), batch adds x-batch-validation: strict|permissive.
// - a non-2xx answer's JSON body is returned verbatim as `error` (so `{ statusCode, name, message }`);
//   a non-JSON error body becomes application_error; a network failure becomes statusCode null.
//
// Behaviour chosen where Resend's docs leave room (documented so tests can rely on it):
// - Auth: no/garbled Authorization -> 401 missing_api_key; a key that isn't accepted -> 403
//   invalid_api_key (Resend's documented statuses). Without `apiKey` any `re_...` key is accepted.
// - Idempotency-Key (1..256 chars, else 400 invalid_idempotency_key): only a 2xx answer is remembered,
//   for `idempotencyWindowMs` (24 h). Same key + same body (method, path and canonical JSON) -> the
//   original status and body again, nothing recorded twice. Same key + different body -> 409
//   invalid_idempotent_request. Same key while the first is still being processed (see setLatency) ->
//   409 concurrent_idempotent_requests. Failed requests (validation, scripted faults, 429) are not
//   remembered, so a retry with the same key after a 500 really sends.
// - Order of checks: route -> auth -> scripted fault -> rate limit -> idempotency -> validation.
// - Scripted faults apply to sending requests only (POST /emails, POST /emails/batch).

import crypto from "node:crypto";
import type http from "node:http";
import {
  canonicalJson,
  type Fault,
  FaultQueue,
  header,
  listen,
  type ListenOptions,
  readBody,
  sendJson,
  SlidingWindowLimiter,
  sleep,
} from "./http";

/** An email the fake accepted, as Resend would have sent it. */
export interface RecordedEmail {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  tags: Array<{ name: string; value: string }>;
  replyTo: string[];
  scheduledAt: string | null;
  idempotencyKey: string | null;
  /** Position in its batch, when it came through POST /emails/batch. */
  batchIndex: number | null;
  /** Last delivery event (starts "sent"; emitWebhook updates it). */
  lastEvent: string;
  receivedAt: Date;
}

/** Every HTTP request the fake answered, including rejected ones. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  idempotencyKey: string | null;
  /** accepted: processed; replayed: idempotent replay (nothing new sent); rejected: 4xx; fault: scripted; rate_limited. */
  outcome: "accepted" | "replayed" | "rejected" | "fault" | "rate_limited" | "lost";
  /** Resend error name, when the answer was an error. */
  error: string | null;
  userAgent: string | null;
  at: Date;
}

export interface FakeResendOptions extends ListenOptions {
  /** Only this key is accepted. Default: any key that starts with "re_". */
  apiKey?: string;
  /** How long an idempotency key is remembered. Default 24 h (Resend's window). */
  idempotencyWindowMs?: number;
  /** Clock, for window tests. Default Date.now. */
  now?: () => number;
}

/** A running fake Resend API. */
export interface FakeResend {
  /** Base URL to use as RESEND_BASE_URL, e.g. http://127.0.0.1:4020 (no trailing slash). */
  readonly url: string;
  /** An API key this fake accepts (the configured one, or "re_fake_herald_local"). */
  readonly apiKey: string;
  readonly emails: RecordedEmail[];
  readonly requests: RecordedRequest[];
  /** Increases on every change; the inbox page polls it. */
  readonly version: number;
  /** The next `n` sending requests answer `fault` instead of sending. */
  failNext(n: number, fault: Fault): void;
  /** The next `n` sending requests are processed (email recorded) but the connection is cut before the answer: a lost response. */
  loseNextResponse(n: number): void;
  /** Real rate limiting (sliding 1 s window, 429 + retry-after); null switches it off. */
  setRateLimit(limit: { requestsPerSecond: number } | null): void;
  /** Drop scripted faults and lost answers not used yet and switch rate limiting off: the provider is healthy again. */
  clearFaults(): void;
  /** Delay every answer by `ms` (processing happens after the delay). */
  setLatency(ms: number): void;
  /** Post a Svix-signed status webhook (e.g. "email.delivered") for a recorded email to `url`. */
  emitWebhook(
    emailId: string,
    type: ResendEventType,
    target: { url: string; secret: string; extra?: Record<string, unknown> },
  ): Promise<{ status: number; body: string }>;
  /** Forget emails, requests, idempotency keys, faults, rate limit and latency. */
  reset(): void;
  close(): Promise<void>;
}

export type ResendEventType =
  | "email.sent"
  | "email.delivered"
  | "email.delivery_delayed"
  | "email.bounced"
  | "email.complained"
  | "email.opened"
  | "email.clicked"
  | "email.failed";

const MAX_BATCH = 100;
const MAX_RECIPIENTS = 50;
const DEFAULT_KEY = "re_fake_herald_local";

type ResendError = { statusCode: number; name: string; message: string };
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const err = (statusCode: number, name: string, message: string): Answer => ({
  status: statusCode,
  body: { statusCode, name, message } satisfies ResendError,
});

// "a@b.co" or "Name <a@b.co>" / "\"Name, Inc\" <a@b.co>", as Resend accepts.
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
export function isValidResendAddress(value: string): boolean {
  const v = value.trim();
  const named = /^(.*)<([^<>]+)>$/.exec(v);
  return ADDRESS.test(named ? named[2].trim() : v);
}

function toList(v: unknown): string[] | null {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  return null;
}

const TAG_PART = /^[A-Za-z0-9_-]{1,256}$/;

type Parsed = { ok: true; email: Omit<RecordedEmail, "id" | "idempotencyKey" | "batchIndex" | "receivedAt" | "lastEvent"> } | { ok: false; answer: Answer };

/** Validate one email body the way POST /emails does. */
function parseEmail(body: unknown, { batch }: { batch: boolean }): Parsed {
  const fail = (name: string, message: string): Parsed => ({ ok: false, answer: err(422, name, message) });
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return fail("validation_error", "The request body must be a JSON object.");
  }
  const b = body as Record<string, unknown>;
  for (const field of ["from", "to", "subject"] as const) {
    if (b[field] === undefined || b[field] === null || b[field] === "" || (Array.isArray(b[field]) && (b[field] as unknown[]).length === 0)) {
      return fail("missing_required_field", `Missing \`${field}\` field.`);
    }
  }
  if (typeof b.from !== "string" || !isValidResendAddress(b.from)) {
    return fail("validation_error", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
  }
  if (typeof b.subject !== "string") return fail("validation_error", "Invalid `subject` field. It must be a string.");
  const lists: Record<"to" | "cc" | "bcc" | "reply_to", string[]> = { to: [], cc: [], bcc: [], reply_to: [] };
  for (const field of ["to", "cc", "bcc", "reply_to"] as const) {
    const list = toList(b[field]);
    if (!list) return fail("validation_error", `Invalid \`${field}\` field. It must be a string or an array of strings.`);
    const bad = list.find((a) => !isValidResendAddress(a));
    if (bad !== undefined) {
      return fail("validation_error", `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`);
    }
    lists[field] = list;
  }
  if (lists.to.length > MAX_RECIPIENTS) return fail("validation_error", `Invalid \`to\` field. You can send to at most ${MAX_RECIPIENTS} recipients.`);
  const hasTemplate = b.template !== undefined && b.template !== null;
  if ((b.html === undefined || b.html === null) && (b.text === undefined || b.text === null) && !hasTemplate) {
    return fail("missing_required_field", "Missing `html` or `text` field.");
  }
  for (const field of ["html", "text"] as const) {
    if (b[field] !== undefined && b[field] !== null && typeof b[field] !== "string") {
      return fail("validation_error", `Invalid \`${field}\` field. It must be a string.`);
    }
  }
  const headers: Record<string, string> = {};
  if (b.headers !== undefined && b.headers !== null) {
    if (typeof b.headers !== "object" || Array.isArray(b.headers)) return fail("validation_error", "Invalid `headers` field. It must be an object.");
    for (const [k, v] of Object.entries(b.headers as Record<string, unknown>)) {
      if (typeof v !== "string") return fail("validation_error", `Invalid \`headers\` field. The value of \`${k}\` must be a string.`);
      headers[k] = v;
    }
  }
  const tags: Array<{ name: string; value: string }> = [];
  if (b.tags !== undefined && b.tags !== null) {
    if (!Array.isArray(b.tags)) return fail("validation_error", "Invalid `tags` field. It must be an array.");
    for (const t of b.tags as unknown[]) {
      const tag = t as { name?: unknown; value?: unknown };
      if (typeof tag?.name !== "string" || typeof tag.value !== "string" || !TAG_PART.test(tag.name) || !TAG_PART.test(tag.value)) {
        return fail("validation_error", "Invalid `tags` field. Tag names and values can only contain ASCII letters, numbers, underscores or dashes, at most 256 characters.");
      }
      tags.push({ name: tag.name, value: tag.value });
    }
  }
  if (batch && b.attachments !== undefined && b.attachments !== null) {
    return fail("validation_error", "Attachments are not supported in batch emails.");
  }
  if (batch && b.scheduled_at !== undefined && b.scheduled_at !== null) {
    return fail("validation_error", "`scheduled_at` is not supported in batch emails.");
  }
  return {
    ok: true,
    email: {
      from: b.from,
      to: lists.to,
      cc: lists.cc,
      bcc: lists.bcc,
      replyTo: lists.reply_to,
      subject: b.subject,
      html: typeof b.html === "string" ? b.html : null,
      text: typeof b.text === "string" ? b.text : null,
      headers,
      tags,
      scheduledAt: typeof b.scheduled_at === "string" ? b.scheduled_at : null,
    },
  };
}

/** Start a fake Resend API on loopback. */
export async function startFakeResend(opts: FakeResendOptions = {}): Promise<FakeResend> {
  const now = opts.now ?? Date.now;
  const windowMs = opts.idempotencyWindowMs ?? 24 * 60 * 60 * 1000;
  const emails: RecordedEmail[] = [];
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  let lose = 0;
  let limiter: SlidingWindowLimiter | null = null;
  let latencyMs = 0;
  let version = 0;
  type Remembered = { fingerprint: string; at: number; answer: Answer | null };
  let idempotency = new Map<string, Remembered>();

  const keyOk = (key: string) => (opts.apiKey !== undefined ? key === opts.apiKey : key.startsWith("re_") && key.length > 3);

  function rateHeaders(): Record<string, string> {
    if (!limiter) return {};
    return {
      "ratelimit-limit": String(limiter.requestsPerSecond),
      "ratelimit-remaining": String(limiter.remaining),
      "ratelimit-reset": "1",
    };
  }

  function faultAnswer(f: Fault): Answer {
    // Resend's documented name for each status (https://resend.com/docs/api-reference/errors).
    const names: Record<number, string> = {
      400: "validation_error",
      401: "missing_api_key",
      403: "invalid_api_key",
      404: "not_found",
      409: "invalid_idempotent_request",
      422: "validation_error",
      429: "rate_limit_exceeded",
      500: "application_error",
    };
    const messages: Record<number, string> = {
      422: "Scripted validation error from the fake Resend API.",
      429: "Too many requests. Please limit the number of requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.",
      500: "Internal server error. We are unable to process your request right now, please try again later.",
      503: "Service unavailable. Please try again later.",
    };
    const a = err(f.status, f.name ?? names[f.status] ?? "application_error", f.message ?? messages[f.status] ?? "Scripted failure from the fake Resend API.");
    const retryAfter = f.retryAfterSeconds ?? (f.status === 429 ? 1 : undefined);
    if (retryAfter !== undefined) a.headers = { "retry-after": String(retryAfter) };
    return a;
  }

  /** Record the accepted emails and build the success answer. */
  function accept(path: string, parsed: Array<Parsed & { ok: true }>, key: string | null, permissiveErrors: Array<{ index: number; message: string }> | null, indexes: number[]): Answer {
    const ids = parsed.map((p, i) => {
      const id = crypto.randomUUID();
      emails.push({ id, ...p.email, idempotencyKey: key, batchIndex: path === "/emails/batch" ? indexes[i] : null, lastEvent: "sent", receivedAt: new Date(now()) });
      return { id };
    });
    version++;
    if (path === "/emails") return { status: 200, body: ids[0] };
    return { status: 200, body: permissiveErrors ? { data: ids, errors: permissiveErrors } : { data: ids } };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    const rawKey = header(req, "idempotency-key");
    const key = rawKey ?? null;
    const log = (a: Answer, outcome: RecordedRequest["outcome"]) => {
      requests.push({
        method,
        path,
        status: a.status,
        idempotencyKey: key,
        outcome,
        error: a.status >= 400 ? ((a.body as ResendError).name ?? null) : null,
        userAgent: header(req, "user-agent") ?? null,
        at: new Date(now()),
      });
      version++;
    };
    const answer = (a: Answer, outcome: RecordedRequest["outcome"]) => {
      log(a, outcome);
      sendJson(res, a.status, a.body, { ...rateHeaders(), ...a.headers });
    };
    const body = await readBody(req);

    // Routes Herald uses: POST /emails, POST /emails/batch, GET /emails, GET /emails/:id.
    const emailMatch = /^\/emails\/([^/]+)$/.exec(path);
    const isSend = path === "/emails" || path === "/emails/batch";
    if (!isSend && !emailMatch) return answer(err(404, "not_found", "The requested endpoint does not exist."), "rejected");
    const allowed = path === "/emails" ? ["POST", "GET"] : path === "/emails/batch" ? ["POST"] : ["GET"];
    if (!allowed.includes(method)) return answer(err(405, "method_not_allowed", "Method is not allowed for the requested path."), "rejected");

    // Auth, as Resend documents it: missing -> 401 missing_api_key, wrong -> 403 invalid_api_key.
    const auth = /^Bearer\s+(\S+)$/i.exec(header(req, "authorization") ?? "");
    if (!auth) return answer(err(401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY"), "rejected");
    if (!keyOk(auth[1])) return answer(err(403, "invalid_api_key", "API key is invalid"), "rejected");

    const sending = method === "POST" && isSend;
    if (sending) {
      const fault = faults.take();
      if (fault) return answer(faultAnswer(fault), "fault");
    }
    if (limiter) {
      const waitMs = limiter.tryAcquire();
      if (waitMs !== null) {
        const a = faultAnswer({ status: 429, retryAfterSeconds: Math.ceil(waitMs / 1000) });
        return answer(a, "rate_limited");
      }
    }

    if (method === "GET") {
      if (path === "/emails") {
        const data = [...emails].reverse().map(toApiEmail);
        return answer({ status: 200, body: { object: "list", has_more: false, data } }, "accepted");
      }
      const found = emails.find((e) => e.id === emailMatch![1]);
      if (!found) return answer(err(404, "not_found", "Email not found"), "rejected");
      return answer({ status: 200, body: toApiEmail(found) }, "accepted");
    }

    // POST /emails or /emails/batch
    let json: unknown;
    try {
      json = body === "" ? undefined : JSON.parse(body);
    } catch {
      return answer(err(400, "validation_error", "Invalid JSON in the request body."), "rejected");
    }

    if (key !== null && (key.length < 1 || key.length > 256)) {
      return answer(err(400, "invalid_idempotency_key", "The key must be between 1-256 chars."), "rejected");
    }
    const fingerprint = `${method} ${path} ${canonicalJson(json)}`;
    if (key !== null) {
      const seen = idempotency.get(key);
      if (seen && now() - seen.at < windowMs) {
        if (seen.fingerprint !== fingerprint) {
          return answer(err(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload."), "rejected");
        }
        if (!seen.answer) {
          return answer(err(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress. Try the request again later."), "rejected");
        }
        return answer(seen.answer, "replayed");
      }
    }

    let result: Answer;
    if (path === "/emails") {
      const parsed = parseEmail(json, { batch: false });
      if (!parsed.ok) return answer(parsed.answer, "rejected");
      const slot: Remembered | null = key !== null ? { fingerprint, at: now(), answer: null } : null;
      if (slot) idempotency.set(key!, slot);
      if (latencyMs > 0) await sleep(latencyMs);
      result = accept(path, [parsed], key, null, [0]);
      if (slot) slot.answer = result;
    } else {
      if (!Array.isArray(json)) return answer(err(422, "validation_error", "The batch request body must be an array of emails."), "rejected");
      if (json.length === 0) return answer(err(422, "validation_error", "The batch must contain at least one email."), "rejected");
      if (json.length > MAX_BATCH) return answer(err(422, "validation_error", `Too many emails in the batch: ${json.length}. The maximum is ${MAX_BATCH}.`), "rejected");
      const permissive = (header(req, "x-batch-validation") ?? "strict").toLowerCase() === "permissive";
      const parsed = json.map((e) => parseEmail(e, { batch: true }));
      const good: Array<Parsed & { ok: true }> = [];
      const indexes: number[] = [];
      const errors: Array<{ index: number; message: string }> = [];
      for (const [i, p] of parsed.entries()) {
        if (p.ok) {
          good.push(p);
          indexes.push(i);
        } else {
          const e = p.answer.body as ResendError;
          if (!permissive) return answer(err(p.answer.status, e.name, `emails[${i}]: ${e.message}`), "rejected");
          errors.push({ index: i, message: e.message });
        }
      }
      const slot: Remembered | null = key !== null ? { fingerprint, at: now(), answer: null } : null;
      if (slot) idempotency.set(key!, slot);
      if (latencyMs > 0) await sleep(latencyMs);
      result = accept(path, good, key, permissive ? errors : null, indexes);
      if (slot) slot.answer = result;
    }

    if (lose > 0) {
      lose--;
      log(result, "lost");
      // The email exists at the "provider", but the client never hears about it.
      res.socket?.destroy();
      return;
    }
    return answer(result, "accepted");
  }

  function toApiEmail(e: RecordedEmail) {
    return {
      object: "email",
      id: e.id,
      to: e.to,
      from: e.from,
      created_at: e.receivedAt.toISOString(),
      subject: e.subject,
      html: e.html,
      text: e.text,
      bcc: e.bcc.length ? e.bcc : null,
      cc: e.cc.length ? e.cc : null,
      reply_to: e.replyTo.length ? e.replyTo : null,
      last_event: e.lastEvent,
      scheduled_at: e.scheduledAt,
      tags: e.tags,
    };
  }

  const server = await listen((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { statusCode: 500, name: "application_error", message: `fake Resend crashed: ${String(e)}` });
    });
  }, opts);

  const fake: FakeResend = {
    url: server.url,
    apiKey: opts.apiKey ?? DEFAULT_KEY,
    emails,
    requests,
    get version() {
      return version;
    },
    failNext(n, fault) {
      faults.push(n, fault);
    },
    loseNextResponse(n) {
      lose += n;
    },
    setRateLimit(limit) {
      limiter = limit ? new SlidingWindowLimiter(limit.requestsPerSecond, now) : null;
    },
    clearFaults() {
      faults.clear();
      lose = 0;
      limiter = null;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    async emitWebhook(emailId, type, target) {
      const email = emails.find((e) => e.id === emailId);
      if (!email) throw new Error(`fake Resend: no email ${emailId}`);
      email.lastEvent = type.replace(/^email\./, "");
      version++;
      const createdAt = new Date(now()).toISOString();
      const payload = JSON.stringify({
        type,
        created_at: createdAt,
        data: {
          created_at: email.receivedAt.toISOString(),
          email_id: email.id,
          message_id: `<${email.id}@fake.resend.local>`,
          from: email.from,
          to: email.to,
          subject: email.subject,
          // Webhook payloads carry tags as an object (SDK type BaseEmailEventData), not the send-time array.
          tags: Object.fromEntries(email.tags.map((t) => [t.name, t.value])),
          ...target.extra,
        },
      });
      const headers = svixHeaders(payload, target.secret, Math.floor(now() / 1000));
      const res = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: payload });
      return { status: res.status, body: await res.text() };
    },
    reset() {
      emails.length = 0;
      requests.length = 0;
      idempotency = new Map();
      faults.clear();
      lose = 0;
      limiter = null;
      latencyMs = 0;
      version++;
    },
    close: () => server.close(),
  };
  return fake;
}

/** Svix / Standard Webhooks signature headers, as Resend sends them: v1,base64(HMAC-SHA256(id.timestamp.body)). */
export function svixHeaders(payload: string, secret: string, timestampSeconds: number, id = `msg_${crypto.randomBytes(12).toString("hex")}`) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = crypto.createHmac("sha256", key).update(`${id}.${timestampSeconds}.${payload}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": String(timestampSeconds), "svix-signature": `v1,${signature}` };
}
