/**
 * The baseline the benchmarks compare Herald with: a bare Node http server that only checks the
 * Shopify HMAC and inserts one row per webhook into SQLite (WAL, better-sqlite3's defaults, the
 * same driver Herald uses), unique per shop + X-Shopify-Webhook-Id. No framework, no validation,
 * no facts, no queue.
 *
 *   node --import tsx tests/bench/bare-server.ts   (env: BARE_DB, BARE_SECRET, PORT, BARE_RELAY_URL)
 *
 * With BARE_RELAY_URL (a fake Resend), each recorded webhook is also relayed at once as one email
 * to the payload's `email`: the floor for "webhook received -> provider called" (P3).
 */
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const file = process.env.BARE_DB!;
const secret = process.env.BARE_SECRET!;
const relay = process.env.BARE_RELAY_URL;

const db = new Database(file);
db.pragma("journal_mode = WAL");
db.exec(`CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  shop TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (shop, webhook_id)
)`);
const insert = db.prepare("INSERT INTO events (shop, webhook_id, topic, body, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");

const header = (req: http.IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const raw = Buffer.concat(chunks);
    const hmac = header(req, "x-shopify-hmac-sha256") ?? "";
    const shop = header(req, "x-shopify-shop-domain");
    const webhookId = header(req, "x-shopify-webhook-id");
    const topic = header(req, "x-shopify-topic");
    const expected = crypto.createHmac("sha256", secret).update(raw).digest();
    const given = Buffer.from(hmac, "base64");
    if (req.method !== "POST" || !shop || !webhookId || !topic || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    const body = raw.toString("utf8");
    const result = insert.run(shop, webhookId, topic, body, new Date().toISOString());
    res.writeHead(200).end();
    if (relay && result.changes === 1) {
      const to = (JSON.parse(body) as { email?: string }).email;
      if (to) {
        void fetch(`${relay}/emails`, {
          method: "POST",
          headers: { Authorization: "Bearer re_bare_relay", "Content-Type": "application/json" },
          body: JSON.stringify({ from: "Bench <bench@bench.example>", to, subject: "Your order has shipped", text: "Relayed by the bare baseline." }),
        }).catch(() => {});
      }
    }
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  const sync = db.pragma("synchronous", { simple: true });
  process.stdout.write(`${JSON.stringify({ event: "bare.listening", synchronous: sync, journal: db.pragma("journal_mode", { simple: true }) })}\n`);
});
process.on("SIGTERM", () => {
  server.close();
  db.close();
  process.exit(0);
});
