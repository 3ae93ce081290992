// A loopback stand-in for Twilio's Programmable Messaging REST API (SMS and WhatsApp), used by the test
// suite AND the offline demo (DESIGN.md §5 rule 7). Point Herald's TWILIO_BASE_URL at `fake.url`.
//
// Implemented: POST/GET /2010-04-01/Accounts/{AccountSid}/Messages.json (the list filtered by To, From
// and DateSent / DateSent< / DateSent>, paged by PageSize and Page) and GET .../Messages/{Sid}.json,
// HTTP Basic auth (AccountSid:AuthToken), form-urlencoded bodies, Twilio's error JSON
// `{ code, message, more_info, status }`, and signed status callbacks / inbound replies.
//
// Error codes, as Twilio documents them (https://www.twilio.com/docs/api/errors):
//   20003 401 bad credentials · 20404 404 unknown resource / other account · 21602 body required ·
//   21603 from required · 21604 to required · 21211 invalid To · 21212 invalid From ·
//   21610 recipient opted out (STOP) · 21617 body over 1600 chars · 21655 invalid ContentSid ·
//   21656 invalid ContentVariables (not a JSON object of strings, > 100 keys, key > 16 or value > 1600 chars) · 21609 invalid StatusCallback · 21910 From/To channel mismatch.
// Twilio has no idempotency header; `I-Twilio-Idempotency-Token` (what Twilio's own webhooks carry)
// is recorded anyway so tests can assert Herald sends one, but it does NOT de-duplicate: a retry
// after a lost response really sends twice, as on the real service.

import crypto from "node:crypto";
import type http from "node:http";
import { type Fault, FaultQueue, header, listen, type ListenOptions, readBody, sendJson, sleep } from "./http";
import { countSegments, type SmsEncoding } from "./segments";

export type TwilioMessageStatus =
  | "accepted"
  | "queued"
  | "sending"
  | "sent"
  | "delivered"
  | "undelivered"
  | "failed"
  | "read";

/** A message the fake accepted. */
export interface RecordedText {
  sid: string;
  /** As given, e.g. "+919847012345" or "whatsapp:+971501234567". */
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  channel: "sms" | "whatsapp";
  /** Parts the carrier bills (always 1 for WhatsApp, like Twilio's num_segments). */
  segments: number;
  encoding: SmsEncoding;
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  statusCallback: string | null;
  idempotencyToken: string | null;
  status: TwilioMessageStatus;
  errorCode: number | null;
  receivedAt: Date;
  /** When it left Twilio for the carrier (status sent or later): Twilio's date_sent, null while queued. */
  sentAt: Date | null;
  updatedAt: Date;
}

/** Every HTTP request the fake answered, including rejected ones. */
export interface RecordedTwilioRequest {
  method: string;
  path: string;
  status: number;
  /** Twilio error code when the answer was an error. */
  code: number | null;
  to: string | null;
  idempotencyToken: string | null;
  outcome: "accepted" | "rejected" | "fault" | "lost" | "garbled" | "dropped";
  at: Date;
}

/** A callback the fake posted to the app (status update or inbound reply). */
export interface RecordedCallback {
  kind: "status" | "inbound";
  url: string;
  params: Record<string, string>;
  signature: string;
  responseStatus: number;
  at: Date;
}

export interface FakeTwilioOptions extends ListenOptions {
  /** Default "AC" + 32 hex digits of a fixed test value. */
  accountSid?: string;
  /** Default a fixed 32-hex test token. */
  authToken?: string;
  /** ContentSid -> template text with {{1}}, {{2}} placeholders, rendered with ContentVariables. */
  contentTemplates?: Record<string, string>;
}

/** A running fake Twilio API. */
export interface FakeTwilio {
  /** Base URL to use as TWILIO_BASE_URL (stands for https://api.twilio.com), no trailing slash. */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The Messages resource URL Herald POSTs to. */
  readonly messagesUrl: string;
  readonly messages: RecordedText[];
  readonly requests: RecordedTwilioRequest[];
  readonly callbacks: RecordedCallback[];
  /** Increases on every change; the inbox page polls it. */
  readonly version: number;
  /** The next `n` message creations answer `fault` (Twilio error JSON) instead of sending. */
  failNext(n: number, fault: Fault): void;
  /** The next `n` creations are recorded but the connection is cut before the answer. */
  loseNextResponse(n: number): void;
  /** The next `n` creations are recorded and answered 201, with a body cut short (not JSON). */
  garbleNextResponse(n: number): void;
  /** The next `n` creations are lost on the way in: the connection is cut and nothing is recorded. */
  dropNextRequest(n: number): void;
  setLatency(ms: number): void;
  /** From now on sending to `number` (exactly as written, e.g. "+15551234567" or "whatsapp:+1555...") answers 21610. */
  optOut(number: string): void;
  optIn(number: string): void;
  isOptedOut(number: string): boolean;
  registerContentTemplate(contentSid: string, template: string): void;
  /** Move a message to `status` and, when it has a StatusCallback, POST a signed callback there. */
  updateStatus(sid: string, status: TwilioMessageStatus, opts?: { errorCode?: number }): Promise<RecordedCallback | null>;
  /** A customer texts back (e.g. "STOP"): applies Twilio's opt-out keywords, then POSTs a signed inbound webhook to `webhookUrl` if given. */
  receiveReply(reply: { from: string; to: string; body: string; webhookUrl?: string }): Promise<RecordedCallback | null>;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_SID = "AC" + "00000000000000000000000000feed01";
const DEFAULT_TOKEN = "0123456789abcdef0123456789abcdef";
const E164 = /^\+[1-9]\d{7,14}$/;
const SHORT_CODE = /^\d{3,8}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const OPT_OUT_WORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"];
const OPT_IN_WORDS = ["START", "UNSTOP", "YES"];

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const twilioError = (status: number, code: number, message: string): Answer => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

/** Twilio's dates are RFC 2822 with +0000. */
const rfc2822 = (d: Date) => d.toUTCString().replace("GMT", "+0000");

/** X-Twilio-Signature: base64(HMAC-SHA1(authToken, url + concat of sorted key+value)). */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return crypto.createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Start a fake Twilio API on loopback. */
export async function startFakeTwilio(opts: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? DEFAULT_SID;
  const authToken = opts.authToken ?? DEFAULT_TOKEN;
  const templates = new Map(Object.entries(opts.contentTemplates ?? {}));
  const messages: RecordedText[] = [];
  const requests: RecordedTwilioRequest[] = [];
  const callbacks: RecordedCallback[] = [];
  const faults = new FaultQueue();
  let optedOut = new Set<string>();
  let lose = 0;
  let garble = 0;
  let drop = 0;
  let latencyMs = 0;
  let version = 0;

  const base = `/2010-04-01/Accounts/${accountSid}`;

  function resource(m: RecordedText) {
    const uri = `${base}/Messages/${m.sid}.json`;
    return {
      account_sid: accountSid,
      api_version: "2010-04-01",
      body: m.body,
      date_created: rfc2822(m.receivedAt),
      date_sent: m.sentAt ? rfc2822(m.sentAt) : null,
      date_updated: rfc2822(m.updatedAt),
      direction: "outbound-api",
      error_code: m.errorCode,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: "0",
      num_segments: String(m.segments),
      price: null,
      price_unit: "USD",
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: `${base}/Messages/${m.sid}/Media.json` },
      to: m.to,
      uri,
    };
  }

  type Valid = Omit<RecordedText, "sid" | "status" | "errorCode" | "receivedAt" | "updatedAt" | "sentAt" | "idempotencyToken">;

  function validate(p: URLSearchParams): Answer | { valid: Valid } {
    const to = p.get("To")?.trim() ?? "";
    const from = p.get("From")?.trim() || null;
    const service = p.get("MessagingServiceSid")?.trim() || null;
    const contentSid = p.get("ContentSid")?.trim() || null;
    const rawVariables = p.get("ContentVariables");
    const statusCallback = p.get("StatusCallback")?.trim() || null;
    let body = p.get("Body") ?? "";

    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from && !service) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!body && !contentSid && !p.get("MediaUrl")) return twilioError(400, 21602, "Message body is required.");

    const whatsapp = to.startsWith("whatsapp:");
    if (!E164.test(whatsapp ? to.slice("whatsapp:".length) : to)) {
      return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to.slice(0, 40)}`);
    }
    if (from) {
      const fromWhatsapp = from.startsWith("whatsapp:");
      const bare = fromWhatsapp ? from.slice("whatsapp:".length) : from;
      if (fromWhatsapp !== whatsapp) return twilioError(400, 21910, "Invalid From and To pair. From and To should be of the same channel");
      if (!(E164.test(bare) || (!fromWhatsapp && (SHORT_CODE.test(bare) || ALPHANUMERIC_SENDER.test(bare))))) {
        return twilioError(400, 21212, `Invalid From Number (caller ID): ${from.slice(0, 40)}`);
      }
    }
    if (service && !/^MG[0-9a-f]{32}$/i.test(service)) return twilioError(400, 21702, "The Messaging Service Sid is invalid.");
    if (statusCallback && !/^https?:\/\/\S+$/.test(statusCallback)) return twilioError(400, 21609, "Invalid StatusCallback url");

    let contentVariables: Record<string, string> | null = null;
    if (contentSid) {
      if (!/^HX[0-9a-f]{32}$/i.test(contentSid)) return twilioError(400, 21655, "The ContentSid is Invalid.");
      if (rawVariables) {
        try {
          const parsed: unknown = JSON.parse(rawVariables);
          if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
          // Twilio's Content API limits: up to 100 variables, keys up to 16 characters, string values up to 1600.
          const entries = Object.entries(parsed as Record<string, unknown>);
          const fits = ([k, v]: [string, unknown]) => k.length >= 1 && k.length <= 16 && typeof v === "string" && v.length <= 1600;
          if (entries.length > 100 || !entries.every(fits)) throw new Error("outside the limits");
          contentVariables = Object.fromEntries(entries as Array<[string, string]>);
        } catch {
          return twilioError(400, 21656, "The ContentVariables Parameter is invalid.");
        }
      }
      // Twilio renders the approved template; the fake renders a registered one, if any.
      const template = templates.get(contentSid);
      if (template !== undefined) body = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => contentVariables?.[k] ?? `{{${k}}}`);
    }
    if (body.length > 1600) return twilioError(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    if (optedOut.has(to)) return twilioError(400, 21610, "Attempt to send to unsubscribed recipient");

    const counted = countSegments(body);
    return { valid: {
      to,
      from,
      messagingServiceSid: service,
      body,
      channel: whatsapp ? "whatsapp" : "sms",
      segments: whatsapp ? 1 : counted.segments,
      encoding: counted.encoding,
      contentSid,
      contentVariables,
      statusCallback,
    } };
  }

  /**
   * GET Messages.json as Twilio answers it: filtered by To, From and the day of date_sent
   * (`DateSent=`, `DateSent<=`, `DateSent>=`, YYYY-MM-DD in GMT; a message still queued has no
   * date_sent and so never matches a date filter), newest date_sent first (queued ones first),
   * `PageSize` (default 50, at most 1000) items a page, `next_page_uri` to the next page.
   */
  function listPage(q: URLSearchParams): Answer {
    const size = q.has("PageSize") ? Number(q.get("PageSize")) : 50;
    if (!Number.isInteger(size) || size < 1 || size > 1000) return twilioError(400, 20001, "PageSize must be an integer between 1 and 1000");
    const page = q.has("Page") ? Number(q.get("Page")) : 0;
    if (!Number.isInteger(page) || page < 0) return twilioError(400, 20001, "Page must be a non-negative integer");
    const days: Array<[string, (day: string, wanted: string) => boolean]> = [
      ["DateSent", (day, wanted) => day === wanted],
      ["DateSent<", (day, wanted) => day <= wanted],
      ["DateSent>", (day, wanted) => day >= wanted],
    ];
    for (const [key] of days) {
      const v = q.get(key);
      if (v !== null && !/^\d{4}-\d{2}-\d{2}/.test(v)) return twilioError(400, 20001, `${key} must be a date, YYYY-MM-DD`);
    }
    const to = q.get("To");
    const from = q.get("From");
    const matching = messages.filter((m) => {
      if (to !== null && m.to !== to) return false;
      if (from !== null && m.from !== from) return false;
      for (const [key, holds] of days) {
        const wanted = q.get(key);
        if (wanted === null) continue;
        if (!m.sentAt || !holds(m.sentAt.toISOString().slice(0, 10), wanted.slice(0, 10))) return false;
      }
      return true;
    });
    const newest = (m: RecordedText) => (m.sentAt ?? new Date(8.64e15)).getTime();
    const sorted = matching
      .map((m, i) => ({ m, i }))
      .sort((a, b) => newest(b.m) - newest(a.m) || b.i - a.i)
      .map(({ m }) => m);
    const items = sorted.slice(page * size, (page + 1) * size);
    const filters = new URLSearchParams([...q].filter(([k]) => !["Page", "PageSize", "PageToken"].includes(k)));
    const pageUri = (n: number, token?: string) => {
      const p = new URLSearchParams(filters);
      p.set("PageSize", String(size));
      p.set("Page", String(n));
      if (token) p.set("PageToken", token);
      return `${base}/Messages.json?${p.toString()}`;
    };
    const more = (page + 1) * size < sorted.length;
    return {
      status: 200,
      body: {
        messages: items.map(resource),
        page,
        page_size: size,
        start: page * size,
        end: page * size + Math.max(0, items.length - 1),
        uri: pageUri(page),
        first_page_uri: pageUri(0),
        next_page_uri: more ? pageUri(page + 1, `PA${items[items.length - 1].sid}`) : null,
        previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      },
    };
  }

  function faultAnswer(f: Fault): Answer {
    const defaults: Record<number, [number, string]> = {
      429: [20429, "Too Many Requests"],
      500: [20500, "Internal Server Error"],
      502: [20500, "Bad Gateway"],
      503: [20503, "Service Unavailable"],
    };
    const [code, message] = defaults[f.status] ?? [20500, "Scripted failure from the fake Twilio API."];
    const a = twilioError(f.status, f.code ?? code, f.message ?? message);
    if (f.retryAfterSeconds !== undefined) a.headers = { "retry-after": String(f.retryAfterSeconds) };
    return a;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const raw = await readBody(req);
    const params = new URLSearchParams((header(req, "content-type") ?? "").includes("application/x-www-form-urlencoded") ? raw : "");
    const token = header(req, "i-twilio-idempotency-token") ?? null;
    const log = (a: Answer, outcome: RecordedTwilioRequest["outcome"]) => {
      requests.push({
        method,
        path,
        status: a.status,
        code: a.status >= 400 ? ((a.body as { code?: number }).code ?? null) : null,
        to: params.get("To"),
        idempotencyToken: token,
        outcome,
        at: new Date(),
      });
      version++;
    };
    const answer = (a: Answer, outcome: RecordedTwilioRequest["outcome"]) => {
      log(a, outcome);
      sendJson(res, a.status, a.body, a.headers);
    };

    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages(?:\/([^/]+))?\.json$/.exec(path);
    if (!m) return answer(twilioError(404, 20404, `The requested resource ${path} was not found`), "rejected");

    const auth = /^Basic\s+(\S+)$/i.exec(header(req, "authorization") ?? "");
    const [user, ...rest] = auth ? Buffer.from(auth[1], "base64").toString("utf8").split(":") : [];
    if (user !== accountSid || rest.join(":") !== authToken) {
      log(twilioError(401, 20003, "Authenticate"), "rejected");
      sendJson(res, 401, twilioError(401, 20003, "Authenticate").body, { "www-authenticate": 'Basic realm="Twilio API"' });
      return;
    }
    if (m[1] !== accountSid) return answer(twilioError(404, 20404, `The requested resource ${path} was not found`), "rejected");

    if (m[2]) {
      if (method !== "GET") return answer(twilioError(405, 20004, "Method not allowed"), "rejected");
      const found = messages.find((x) => x.sid === m[2]);
      if (!found) return answer(twilioError(404, 20404, `The requested resource ${path} was not found`), "rejected");
      return answer({ status: 200, body: resource(found) }, "accepted");
    }
    if (method === "GET") return answer(listPage(url.searchParams), "accepted");
    if (method !== "POST") return answer(twilioError(405, 20004, "Method not allowed"), "rejected");

    if (drop > 0) {
      drop--;
      log({ status: 0, body: {} }, "dropped");
      res.socket?.destroy();
      return;
    }
    const fault = faults.take();
    if (fault) return answer(faultAnswer(fault), "fault");

    const v = validate(params);
    if (!("valid" in v)) return answer(v, "rejected");
    const { valid } = v;
    if (latencyMs > 0) await sleep(latencyMs);
    const at = new Date();
    const msg: RecordedText = {
      sid: "SM" + crypto.randomBytes(16).toString("hex"),
      ...valid,
      idempotencyToken: token,
      // Sending through a Messaging Service without From is "accepted" until a sender is picked.
      status: valid.from ? "queued" : "accepted",
      errorCode: null,
      receivedAt: at,
      updatedAt: at,
      sentAt: null,
    };
    messages.push(msg);
    version++;
    const created: Answer = { status: 201, body: resource(msg) };
    if (lose > 0) {
      lose--;
      log(created, "lost");
      res.socket?.destroy();
      return;
    }
    if (garble > 0) {
      garble--;
      log(created, "garbled");
      res.writeHead(201, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(created.body).slice(0, 40));
      return;
    }
    return answer(created, "accepted");
  }

  async function post(kind: RecordedCallback["kind"], url: string, params: Record<string, string>): Promise<RecordedCallback> {
    const signature = twilioSignature(authToken, url, params);
    let responseStatus = 0;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature, "user-agent": "TwilioProxy/1.1" },
        body: new URLSearchParams(params).toString(),
      });
      responseStatus = res.status;
      await res.arrayBuffer();
    } catch {
      responseStatus = 0; // unreachable: recorded, like Twilio's debugger would show it
    }
    const cb: RecordedCallback = { kind, url, params, signature, responseStatus, at: new Date() };
    callbacks.push(cb);
    version++;
    return cb;
  }

  const server = await listen((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, twilioError(500, 20500, `fake Twilio crashed: ${String(e)}`).body);
    });
  }, opts);

  return {
    url: server.url,
    accountSid,
    authToken,
    messagesUrl: `${server.url}${base}/Messages.json`,
    messages,
    requests,
    callbacks,
    get version() {
      return version;
    },
    failNext(n, fault) {
      faults.push(n, fault);
    },
    loseNextResponse(n) {
      lose += n;
    },
    garbleNextResponse(n) {
      garble += n;
    },
    dropNextRequest(n) {
      drop += n;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    optOut(number) {
      optedOut.add(number);
      version++;
    },
    optIn(number) {
      optedOut.delete(number);
      version++;
    },
    isOptedOut: (number) => optedOut.has(number),
    registerContentTemplate(contentSid, template) {
      templates.set(contentSid, template);
    },
    async updateStatus(sid, status, o = {}) {
      const msg = messages.find((x) => x.sid === sid);
      if (!msg) throw new Error(`fake Twilio: no message ${sid}`);
      msg.status = status;
      msg.errorCode = o.errorCode ?? null;
      msg.updatedAt = new Date();
      if (!msg.sentAt && ["sent", "delivered", "undelivered", "read"].includes(status)) msg.sentAt = msg.updatedAt;
      version++;
      if (!msg.statusCallback) return null;
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        From: msg.from ?? "",
        MessageSid: msg.sid,
        MessageStatus: status,
        SmsSid: msg.sid,
        SmsStatus: status,
        To: msg.to,
      };
      if (msg.messagingServiceSid) params.MessagingServiceSid = msg.messagingServiceSid;
      if (o.errorCode !== undefined) params.ErrorCode = String(o.errorCode);
      return post("status", msg.statusCallback, params);
    },
    async receiveReply(reply) {
      const word = reply.body.trim().toUpperCase();
      // Opt-outs are per sender/recipient pair at Twilio; the fake keeps one list keyed by recipient.
      if (OPT_OUT_WORDS.includes(word)) optedOut.add(reply.from);
      if (OPT_IN_WORDS.includes(word)) optedOut.delete(reply.from);
      version++;
      if (!reply.webhookUrl) return null;
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: "2010-04-01",
        Body: reply.body,
        From: reply.from,
        MessageSid: "SM" + crypto.randomBytes(16).toString("hex"),
        NumMedia: "0",
        NumSegments: String(countSegments(reply.body).segments),
        SmsStatus: "received",
        To: reply.to,
      };
      if (OPT_OUT_WORDS.includes(word)) params.OptOutType = "STOP";
      if (OPT_IN_WORDS.includes(word)) params.OptOutType = "START";
      return post("inbound", reply.webhookUrl, params);
    },
    reset() {
      messages.length = 0;
      requests.length = 0;
      callbacks.length = 0;
      optedOut = new Set();
      faults.clear();
      lose = 0;
      garble = 0;
      drop = 0;
      latencyMs = 0;
      version++;
    },
    close: () => server.close(),
  };
}
