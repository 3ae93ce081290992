// A customer-eye view of what the fake providers received: every email as a mail client would show it,
// every SMS / WhatsApp message as a phone would. Server-rendered HTML from plain node:http (no framework),
// refreshed by a tiny polling script. It is the first screen a merchant evaluating Herald sees in the
// offline demo, so it is built to be read, not just to be correct.
//
// Safety: emails carry customer data and merchant-edited HTML. Everything interpolated into the page is
// HTML-escaped; email bodies render only inside sandboxed iframes (no scripts, opaque origin) and the
// page sends a CSP that allows nothing but its own nonce'd script.

import crypto from "node:crypto";
import type http from "node:http";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { listen, type ListenOptions, sendJson } from "./http";
import type { FakeResend, RecordedEmail } from "./resend-fake";
import type { FakeTwilio, RecordedText } from "./twilio-fake";

export interface InboxOptions extends ListenOptions {
  resend?: FakeResend;
  twilio?: FakeTwilio;
  /** Poll interval of the page's refresh script. Default 2000 ms. */
  pollMs?: number;
}

/** A running inbox page. */
export interface Inbox {
  readonly url: string;
  close(): Promise<void>;
}

/** Escape text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const h = escapeHtml;

// Scripts that (nearly) name one language; for the rest (Latin, Arabic, Devanagari...) the language
// is unknown to a provider, so the bubble says so (lang="") instead of inheriting the page's "en".
const SCRIPT_LANG: Array<[RegExp, string]> = [
  [/\p{Script=Malayalam}/u, "ml"],
  [/\p{Script=Telugu}/u, "te"],
  [/\p{Script=Gujarati}/u, "gu"],
  [/\p{Script=Tamil}/u, "ta"],
  [/\p{Script=Kannada}/u, "kn"],
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Hangul}/u, "ko"],
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, "ja"],
];
function langOf(text: string): string {
  return SCRIPT_LANG.find(([re]) => re.test(text))?.[1] ?? "";
}

function phone(number: string | null): string {
  if (!number) return "";
  const bare = number.replace(/^whatsapp:/, "");
  return parsePhoneNumberFromString(bare)?.formatInternational() ?? bare;
}

const timeFmt = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
function when(d: Date): string {
  return `<time datetime="${h(d.toISOString())}">${h(dateFmt.format(d))}, ${h(timeFmt.format(d))}</time>`;
}

/** "Name <addr>" -> { name, address }. */
function splitAddress(value: string): { name: string; address: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return m ? { name: m[1].trim() || m[2], address: m[2] } : { name: value, address: "" };
}

function initial(name: string): string {
  return Array.from(name.replace(/[^\p{L}\p{N}]/gu, ""))[0]?.toUpperCase() ?? "?";
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The email's own HTML never runs script: the sandbox has no allow-scripts (and the page's CSP
// allows only its nonce'd script, a policy srcdoc frames inherit). allow-same-origin without
// allow-scripts is safe and lets the PAGE's script read the body height to size the frame.
// Links open in a new tab (allow-popups) that leaves the sandbox.
const SANDBOX = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";

function emailDocument(html: string | null, text: string | null): string {
  if (html !== null) return `<base target="_blank">${html}`;
  return `<!doctype html><meta charset="utf-8"><pre style="font:15px/1.5 system-ui,sans-serif;white-space:pre-wrap;margin:16px" dir="auto">${h(text ?? "")}</pre>`;
}

function emailCard(e: RecordedEmail, index: number): string {
  const from = splitAddress(e.from);
  const headerRows = Object.entries(e.headers);
  const hid = `e-${e.id}`;
  return `<li><article class="card email" aria-labelledby="${h(hid)}">
  <header class="email-head">
    <span class="avatar" aria-hidden="true">${h(initial(from.name))}</span>
    <div class="who">
      <h3 id="${h(hid)}" class="subject" dir="auto"><a href="/emails/${h(encodeURIComponent(e.id))}">${h(e.subject)}</a></h3>
      <p class="from"><span class="sr">From </span><strong dir="auto">${h(from.name)}</strong>${from.address ? ` <span class="addr">&lt;${h(from.address)}&gt;</span>` : ""}</p>
      <p class="to">to ${e.to.map((t) => `<span class="addr">${h(t)}</span>`).join(", ")}${e.cc.length ? ` · cc ${h(e.cc.join(", "))}` : ""}${e.replyTo.length ? ` · reply to ${h(e.replyTo.join(", "))}` : ""}</p>
    </div>
    <p class="stamp">${when(e.receivedAt)}</p>
  </header>
  ${
    headerRows.length
      ? `<dl class="headers" aria-label="Email headers">${headerRows
          .map(([k, v]) => `<div><dt>${h(k)}</dt><dd><code>${h(v)}</code></dd></div>`)
          .join("")}</dl>`
      : ""
  }
  <div class="frame"><iframe title="${h(`Email body: ${e.subject}`)}" sandbox="${SANDBOX}" referrerpolicy="no-referrer"${index >= 3 ? ` loading="lazy"` : ""} srcdoc="${h(emailDocument(e.html, e.text))}"></iframe></div>
  <details id="txt-${h(e.id)}">
    <summary>Plain-text version</summary>
    ${e.text !== null ? `<pre class="plain" dir="auto">${h(e.text)}</pre>` : `<p class="muted">This email has no plain-text part.</p>`}
  </details>
  <details id="tech-${h(e.id)}" class="tech">
    <summary>Delivery details</summary>
    <dl class="kv">
      <div><dt>Resend id</dt><dd><code>${h(e.id)}</code></dd></div>
      <div><dt>Idempotency key</dt><dd>${e.idempotencyKey ? `<code>${h(e.idempotencyKey)}</code>` : `<span class="warn">none</span>`}</dd></div>
      <div><dt>Status</dt><dd>${h(e.lastEvent)}</dd></div>
      ${e.tags.length ? `<div><dt>Tags</dt><dd>${e.tags.map((t) => `<code>${h(t.name)}=${h(t.value)}</code>`).join(" ")}</dd></div>` : ""}
      ${e.batchIndex !== null ? `<div><dt>Batch position</dt><dd>${e.batchIndex + 1}</dd></div>` : ""}
    </dl>
  </details>
</article></li>`;
}

interface Thread {
  key: string;
  sender: string;
  to: string;
  channel: "sms" | "whatsapp";
  messages: RecordedText[]; // oldest first, like a phone
}

function threadsOf(texts: RecordedText[]): Thread[] {
  const byKey = new Map<string, Thread>();
  for (const m of texts) {
    const sender = m.from ?? m.messagingServiceSid ?? "unknown sender";
    const key = `${sender}|${m.to}`;
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { key, sender, to: m.to, channel: m.channel, messages: [] }));
    t.messages.push(m);
  }
  const last = (t: Thread) => t.messages[t.messages.length - 1].receivedAt.getTime();
  return [...byKey.values()].sort((a, b) => last(b) - last(a));
}

function bubble(m: RecordedText): string {
  const parts: string[] = [];
  if (m.channel === "sms") parts.push(`${plural(m.segments, "segment")} · ${m.encoding}`);
  parts.push(h(m.status));
  const template = m.contentSid
    ? `<p class="template">Template <code>${h(m.contentSid)}</code>${m.contentVariables ? ` · ${Object.entries(m.contentVariables).map(([k, v]) => `<code>{{${h(k)}}}</code>=${h(v)}`).join(", ")}` : ""}</p>`
    : "";
  return `<li class="msg">
      <p class="bubble" dir="auto" lang="${h(langOf(m.body))}">${m.body ? h(m.body) : `<em class="muted">(template message)</em>`}</p>
      ${template}
      <p class="meta">${when(m.receivedAt)} · ${parts.join(" · ")}</p>
    </li>`;
}

const ICON_CHAT = `<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z"/></svg>`;
const ICON_PHONE = `<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z"/><path d="M9.5 9.5c.5 2 2 3.5 4 4l1-1 1.5.8-.5 1.7c-3 .3-6.3-3-6-6l1.7-.5.8 1.5z" fill="currentColor" stroke="none"/></svg>`;

function threadCard(t: Thread, i: number): string {
  const wa = t.channel === "whatsapp";
  const id = `t-${i}`;
  const senderLabel = /^\+|^whatsapp:\+/.test(t.sender) ? phone(t.sender) : t.sender;
  return `<li><article class="card phone ${wa ? "wa" : "sms"}" aria-labelledby="${id}">
  <header class="phone-head">
    <span class="avatar" aria-hidden="true">${wa ? ICON_PHONE : ICON_CHAT}</span>
    <div class="who">
      <h3 id="${id}">${h(senderLabel)}</h3>
      <p class="to">to <span class="addr">${h(phone(t.to))}</span></p>
    </div>
    <span class="badge ${wa ? "badge-wa" : "badge-sms"}">${wa ? "WhatsApp" : "SMS"}</span>
  </header>
  <ol class="bubbles" aria-label="${h(`${plural(t.messages.length, "message")} to ${phone(t.to)}, oldest first`)}">
    ${t.messages.map(bubble).join("\n")}
  </ol>
</article></li>`;
}

function logTable(resend?: FakeResend, twilio?: FakeTwilio): string {
  const rows = [
    ...(resend?.requests ?? []).map((r) => ({ at: r.at, provider: "Resend", what: `${r.method} ${r.path}`, status: r.status, outcome: r.outcome, detail: r.error ?? "", key: r.idempotencyKey })),
    ...(twilio?.requests ?? []).map((r) => ({ at: r.at, provider: "Twilio", what: `${r.method} …/Messages.json`, status: r.status, outcome: r.outcome, detail: r.code ? `error ${r.code}` : "", key: r.idempotencyToken })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  if (!rows.length) return "";
  const replayed = rows.filter((r) => r.outcome === "replayed").length;
  const failed = rows.filter((r) => r.status >= 400).length;
  const outcomeText: Record<string, string> = {
    accepted: "accepted",
    replayed: "duplicate suppressed",
    rejected: "rejected",
    fault: "provider error (scripted)",
    rate_limited: "rate limited",
    lost: "response lost (scripted)",
  };
  return `<section class="log" aria-labelledby="log-h">
  <details id="provider-log">
    <summary><h2 id="log-h">Provider log</h2> <span class="muted">${plural(rows.length, "request")} · ${plural(failed, "error")} · ${plural(replayed, "duplicate")} suppressed by idempotency</span></summary>
    <div class="table-wrap"><table>
      <caption class="sr">Every request the fake providers answered, newest first</caption>
      <thead><tr><th scope="col">Time</th><th scope="col">Provider</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Outcome</th><th scope="col">Idempotency key</th></tr></thead>
      <tbody>${rows
        .slice(0, 200)
        .map(
          (r) =>
            `<tr class="${r.status >= 400 ? "bad" : ""}"><td>${h(timeFmt.format(r.at))}</td><td>${h(r.provider)}</td><td><code>${h(r.what)}</code></td><td>${h(r.status)}</td><td>${h(outcomeText[r.outcome] ?? r.outcome)}${r.detail ? ` <span class="muted">(${h(r.detail)})</span>` : ""}</td><td>${r.key ? `<code>${h(r.key)}</code>` : "—"}</td></tr>`,
        )
        .join("")}</tbody>
    </table></div>
  </details>
</section>`;
}

const STYLE = `
:root{--bg:#f1f2f4;--card:#fff;--ink:#1a1c1d;--muted:#5c5f62;--line:#dcdfe3;--accent:#005bd3;--wa:#0a6b3a;--wa-bg:#e2f5e9;--sms-bg:#e8eefc;--sms:#1f4fa8;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Malayalam","Noto Sans Arabic","Noto Naskh Arabic",sans-serif;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0;line-height:1.45}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,iframe:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:16px;top:8px;background:#fff;padding:8px;z-index:2}
.top{display:flex;gap:24px;align-items:flex-end;justify-content:space-between;flex-wrap:wrap;padding:28px 32px 20px;background:#fff;border-bottom:1px solid var(--line)}
.eyebrow{margin:0 0 4px;font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
h1{margin:0;font-size:1.6rem;line-height:1.2}
.lede{margin:6px 0 0;color:var(--muted);max-width:60ch}
.live{margin:0;display:flex;align-items:center;gap:8px;color:var(--muted);font-size:.9rem}
.dot{width:9px;height:9px;border-radius:50%;background:#1a9e5a;box-shadow:0 0 0 3px #d4f0e0}
main{padding:24px 32px 48px;max-width:1480px;margin:0 auto}
.columns{display:grid;grid-template-columns:minmax(0,1.55fr) minmax(300px,1fr);gap:28px;align-items:start}
@media (max-width:1000px){.columns{grid-template-columns:1fr}.top,main{padding-left:16px;padding-right:16px}}
h2{font-size:1.1rem;margin:0 0 12px;display:flex;align-items:center;gap:8px}
.count{font-size:.8rem;font-weight:600;background:#e3e5e8;border-radius:999px;padding:1px 9px;color:var(--ink)}
ol.list{list-style:none;margin:0;padding:0;display:grid;gap:18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;box-shadow:0 1px 2px rgba(0,0,0,.05);overflow:hidden}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;font-weight:700;background:#e0e7ff;color:#23308f}
.email-head,.phone-head{display:flex;gap:12px;align-items:flex-start;padding:16px 18px 12px}
.who{min-width:0;flex:1}
.subject{margin:0 0 2px;font-size:1.05rem}
.subject a{color:var(--ink);text-decoration:none}.subject a:hover{text-decoration:underline}
.from,.to{margin:0;font-size:.9rem;overflow-wrap:anywhere}
.addr,.muted,.stamp{color:var(--muted)}
.stamp{margin:0;font-size:.82rem;white-space:nowrap}
.headers{margin:0 18px 12px;padding:8px 12px;background:#f6f6f7;border-radius:8px;font-size:.82rem;display:grid;gap:2px}
.headers div,.kv div{display:grid;grid-template-columns:max-content 1fr;gap:10px}
.headers dt,.kv dt{font-weight:600}.headers dd,.kv dd{margin:0;min-width:0}
.frame{margin:0 18px;border:1px solid var(--line);border-radius:8px;overflow:hidden;resize:vertical;height:460px;min-height:200px;background:#fff}
.frame iframe{display:block;width:100%;height:100%;border:0}
details{margin:10px 18px;font-size:.9rem}
details:last-child{margin-bottom:16px}
summary{cursor:pointer;color:var(--accent);font-weight:600}
pre.plain{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f7;border-radius:8px;padding:12px;margin:8px 0 0;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}
.kv{margin:8px 0 0;display:grid;gap:4px}
.warn{color:#8e1f0b;font-weight:600}
.phone .avatar{background:var(--sms-bg);color:var(--sms)}
.phone.wa .avatar{background:var(--wa-bg);color:var(--wa)}
.phone-head{border-bottom:1px solid var(--line);align-items:center;padding:12px 16px}
.phone-head h3{margin:0;font-size:1rem}
.badge{font-size:.75rem;font-weight:700;border-radius:999px;padding:2px 10px}
.badge-sms{background:var(--sms-bg);color:var(--sms)}
.badge-wa{background:var(--wa-bg);color:var(--wa)}
.bubbles{list-style:none;margin:0;padding:16px 14px 10px;display:grid;gap:12px;background:#fbfbfc}
.wa .bubbles{background:#efeae2}
.msg{display:grid;justify-items:start;gap:3px}
.bubble{margin:0;max-width:88%;padding:9px 13px;border-radius:18px 18px 18px 5px;background:#e9e9eb;font-size:1rem;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
.wa .bubble{background:#fff;border-radius:10px 10px 10px 2px;box-shadow:0 1px 1px rgba(0,0,0,.1)}
.bubble[lang="ml"],.bubble[lang="te"],.bubble[lang="ta"],.bubble[lang="kn"],.bubble[lang="gu"]{line-height:1.7}
.meta,.template{margin:0 4px;font-size:.78rem;color:var(--muted)}
.empty-col{background:var(--card);border:1px dashed #b9bdc2;border-radius:14px;padding:20px;color:var(--muted);margin:0}
.empty{background:var(--card);border:1px solid var(--line);border-radius:16px;padding:40px 32px;text-align:center;max-width:720px;margin:24px auto}
.empty h2{justify-content:center;font-size:1.3rem}
.empty p{color:var(--muted);margin:8px 0}
.empty code.cmd{display:inline-block;background:#1a1c1d;color:#fff;border-radius:8px;padding:8px 14px;font-size:.95rem;margin:6px 0}
.log{margin-top:32px}
.log details{margin:0;background:var(--card);border:1px solid var(--line);border-radius:14px;padding:14px 18px}
.log summary{color:var(--ink)}
.log summary h2{display:inline;margin:0 8px 0 0;font-size:1rem}
.table-wrap{overflow-x:auto;margin-top:12px}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
tr.bad td{background:#fff4f4}
body.full{display:flex;flex-direction:column;min-height:100vh}
footer{color:var(--muted);font-size:.85rem;text-align:center;padding:0 16px 32px}
@media (max-width:640px){.email-head{flex-wrap:wrap}.stamp{flex-basis:100%;padding-left:52px}.headers div,.kv div{grid-template-columns:1fr;gap:0}.frame{margin:0 10px}h1{font-size:1.35rem}}
`;

const SCRIPT = (pollMs: number, version: string) => `
(() => {
  const KEY = "herald-inbox-open";
  const open = new Set(JSON.parse(sessionStorage.getItem(KEY) || "[]"));
  for (const d of document.querySelectorAll("details[id]")) {
    if (open.has(d.id)) d.open = true;
    d.addEventListener("toggle", () => {
      d.open ? open.add(d.id) : open.delete(d.id);
      sessionStorage.setItem(KEY, JSON.stringify([...open]));
    });
  }
  // Size each email frame to its content (the frame can't run script; this page can read it).
  const fit = (f) => {
    const box = f.closest(".frame");
    const doc = f.contentDocument;
    if (!box || !doc || !doc.documentElement) return;
    box.style.height = "0px";
    const height = doc.documentElement.scrollHeight;
    box.style.height = Math.min(Math.max(height + 2, 120), 1400) + "px";
  };
  for (const f of document.querySelectorAll(".frame iframe")) {
    f.addEventListener("load", () => fit(f));
    if (f.contentDocument && f.contentDocument.readyState === "complete") fit(f);
  }
  const current = ${JSON.stringify(version)};
  setInterval(async () => {
    try {
      const r = await fetch("/api/version", { cache: "no-store" });
      const { version } = await r.json();
      if (version !== current) location.reload();
    } catch { /* fakes stopped: keep showing what we have */ }
  }, ${pollMs});
})();`;

function page(title: string, body: string, extraHead = "", bodyClass = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${h(title)}</title>
<style>${STYLE}</style>
${extraHead}
</head>
<body${bodyClass ? ` class="${bodyClass}"` : ""}>
${body}
</body>
</html>`;
}

/** Start the inbox page for the given fakes. */
export async function startInbox(opts: InboxOptions): Promise<Inbox> {
  const { resend, twilio } = opts;
  const pollMs = opts.pollMs ?? 2000;
  const version = () => `${resend?.version ?? 0}.${twilio?.version ?? 0}`;

  function csp(nonce: string) {
    // srcdoc iframes inherit this policy: emails may use inline styles and remote images, never scripts.
    return `default-src 'none'; style-src 'unsafe-inline'; img-src * data:; font-src * data:; script-src 'nonce-${nonce}'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
  }

  function sendHtml(res: http.ServerResponse, status: number, html: string, nonce: string) {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp(nonce),
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    });
    res.end(html);
  }

  function home(nonce: string): string {
    const emails = [...(resend?.emails ?? [])].reverse();
    const texts = twilio?.messages ?? [];
    const threads = threadsOf(texts);
    const none = emails.length === 0 && texts.length === 0;
    const title = none ? "Customer inbox · Herald" : `Customer inbox (${plural(emails.length, "email")}, ${plural(texts.length, "text")}) · Herald`;
    const head = `<a class="skip" href="#texts-h">Skip to texts</a>
<header class="top">
  <div>
    <p class="eyebrow">Herald · local test inbox</p>
    <h1>What your customers received</h1>
    <p class="lede">Every email and text Herald handed to the stand-in Resend and Twilio servers on this machine, as the customer would see it. Nothing here left this computer.</p>
  </div>
  <p class="live" role="status"><span class="dot" aria-hidden="true"></span> Updates automatically</p>
</header>`;
    const endpoints = `${resend ? `Fake Resend: <code>${h(resend.url)}</code>` : ""}${resend && twilio ? " · " : ""}${twilio ? `Fake Twilio: <code>${h(twilio.url)}</code>` : ""}`;
    const main = none
      ? `<main id="main"><section class="empty" aria-labelledby="empty-h">
  <h2 id="empty-h">No messages yet</h2>
  <p>No messages yet — run <code class="cmd">npm run simulate -- scenario shipping</code></p>
  <p>It plays an order from purchase to delivery; Herald's emails and texts appear here within seconds.</p>
</section>${logTable(resend, twilio)}</main>`
      : `<main id="main">
<div class="columns">
  <section aria-labelledby="emails-h">
    <h2 id="emails-h">Emails <span class="count">${emails.length}</span></h2>
    ${emails.length ? `<ol class="list">${emails.map((e, i) => emailCard(e, i)).join("\n")}</ol>` : `<p class="empty-col">No emails yet.</p>`}
  </section>
  <section aria-labelledby="texts-h">
    <h2 id="texts-h">Texts <span class="count">${texts.length}</span></h2>
    ${threads.length ? `<ol class="list">${threads.map(threadCard).join("\n")}</ol>` : `<p class="empty-col">No SMS or WhatsApp messages yet.</p>`}
  </section>
</div>
${logTable(resend, twilio)}
</main>`;
    const footer = `<footer><p>${endpoints}</p></footer>`;
    return page(
      title,
      `${head}\n${main}\n${footer}\n<script nonce="${nonce}">${SCRIPT(pollMs, version())}</script>`,
      `<noscript><meta http-equiv="refresh" content="3"></noscript>`,
    );
  }

  function emailPage(e: RecordedEmail): string {
    const from = splitAddress(e.from);
    return page(
      `${e.subject} · Customer inbox · Herald`,
      `<header class="top" style="padding:14px 24px">
  <div>
    <p class="eyebrow"><a href="/">← All messages</a></p>
    <h1 dir="auto" style="font-size:1.3rem">${h(e.subject)}</h1>
    <p class="from"><strong dir="auto">${h(from.name)}</strong>${from.address ? ` <span class="addr">&lt;${h(from.address)}&gt;</span>` : ""} · to <span class="addr">${h(e.to.join(", "))}</span> · ${when(e.receivedAt)}</p>
  </div>
</header>
<main style="padding:0;max-width:none;flex:1;display:flex"><iframe title="${h(`Email body: ${e.subject}`)}" sandbox="${SANDBOX}" referrerpolicy="no-referrer" style="display:block;flex:1;width:100%;min-height:70vh;border:0;background:#fff" srcdoc="${h(emailDocument(e.html, e.text))}"></iframe></main>`,
      "",
      "full",
    );
  }

  function apiMessages() {
    return {
      version: version(),
      emails: [...(resend?.emails ?? [])].reverse(),
      texts: [...(twilio?.messages ?? [])].reverse(),
    };
  }

  const server = await listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://inbox");
    const nonce = crypto.randomBytes(16).toString("base64");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (url.pathname === "/") return sendHtml(res, 200, home(nonce), nonce);
    if (url.pathname === "/api/messages") return sendJson(res, 200, apiMessages(), { "cache-control": "no-store" });
    if (url.pathname === "/api/version") return sendJson(res, 200, { version: version() }, { "cache-control": "no-store" });
    const m = /^\/emails\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const id = decodeURIComponent(m[1]);
      const e = resend?.emails.find((x) => x.id === id);
      if (e) return sendHtml(res, 200, emailPage(e), nonce);
    }
    sendHtml(
      res,
      404,
      page("Not found · Customer inbox · Herald", `<main><section class="empty"><h1>Not found</h1><p><a href="/">Back to all messages</a></p></section></main>`),
      nonce,
    );
  }, opts);

  return { url: server.url, close: () => server.close() };
}
