/**
 * The baseline the benchmarks compare Herald with: a bare Node http server that only checks the
 * Shopify HMAC and inserts one row per webhook into SQLite (WAL, better-sqlite3's defaults, the
 * same driver Herald uses) or PostgreSQL (pg, as Herald's adapter), unique per shop +
 * X-Shopify-Webhook-Id. No framework, no validation, no facts, no queue.
 *
 *   node --import tsx tests/bench/bare-server.ts   (env: BARE_DB or BARE_PG_URL, BARE_SECRET, PORT, BARE_RELAY_URL)
 *
 * With BARE_RELAY_URL (a fake Resend), each recorded webhook is also relayed at once as one email
 * to the payload's `email`: the floor for "webhook received -> provider called" (P3).
 */
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const file = process.env.BARE_DB!;
const secret = process.env.BARE_SECRET!;
const relay = process.env.BARE_RELAY_URL;

// SQLite (BARE_DB) or, with BARE_PG_URL, PostgreSQL through a pg pool (what Herald's adapter uses).
type Insert = (shop: string, webhookId: string, topic: string, body: string) => Promise<number>;
let insert: Insert;
let describe: () => Record<string, unknown>;
let close: () => void;
const TABLE = `CREATE TABLE IF NOT EXISTS events (
  id %ID% PRIMARY KEY,
  shop TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (shop, webhook_id)
)`;
const pgUrl = process.env.BARE_PG_URL;
if (pgUrl) {
  const pool = new pg.Pool({ connectionString: pgUrl, max: 10 });
  await pool.query(TABLE.replace("%ID%", "BIGSERIAL"));
  insert = async (...row) =>
    (await pool.query("INSERT INTO events (shop, webhook_id, topic, body, received_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", [...row, new Date().toISOString()])).rowCount ?? 0;
  describe = () => ({ database: "postgresql", pool: 10 });
  close = () => void pool.end();
} else {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(TABLE.replace("%ID%", "INTEGER"));
  const statement = db.prepare("INSERT INTO events (shop, webhook_id, topic, body, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
  insert = async (...row) => statement.run(...row, new Date().toISOString()).changes;
  describe = () => ({ database: "sqlite", synchronous: db.pragma("synchronous", { simple: true }), journal: db.pragma("journal_mode", { simple: true }) });
  close = () => db.close();
}

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
    insert(shop, webhookId, topic, body).then(
      (changes) => {
        res.writeHead(200).end();
        if (relay && changes === 1) relayEmail(body);
      },
      () => res.writeHead(500).end(),
    );
  });
});

function relayEmail(body: string): void {
  const to = (JSON.parse(body) as { email?: string }).email;
  if (!to) return;
  void fetch(`${relay}/emails`, {
    method: "POST",
    headers: { Authorization: "Bearer re_bare_relay", "Content-Type": "application/json" },
    body: JSON.stringify({ from: "Bench <bench@bench.example>", to, subject: "Your order has shipped", text: "Relayed by the bare baseline." }),
  }).catch(() => {});
}

server.keepAliveTimeout = 30_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ event: "bare.listening", ...describe() })}\n`);
});
process.on("SIGTERM", () => {
  server.close();
  close();
  process.exit(0);
});
