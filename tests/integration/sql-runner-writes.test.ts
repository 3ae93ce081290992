import type pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { connectedPgPool } from "../../app/db/pg-adapter.server";
import { sqlRunner } from "../../app/db/runner.server";
import { sql } from "../../app/db/sql.server";
import { DbQueue } from "../../app/jobs/db-queue.server";
import { orderFacts } from "../../app/models/facts.server";
import { parseShopifyJson } from "../../app/webhooks/json";
import { orderPayload as orderSchema } from "../../app/webhooks/schemas";
import { resetDatabase } from "../support/db";
import { orderPayload } from "../support/payloads";

// A write set (SqlRunner.write) on this worker's database: SQLite, or PostgreSQL where it runs as
// one statement. The same set as a webhook's ingest: the event, then its facts and its job only if
// the event was new.

const SHOP = "runner.myshopify.com";
const receivedAt = new Date("2026-11-24T08:00:00.123Z");

function event(webhookId: string) {
  return sql`
    INSERT INTO "WebhookEvent" ("id", "shop", "topic", "webhookId", "payload", "status", "receivedAt")
    VALUES (${`evt-${webhookId}`}, ${SHOP}, 'orders/create', ${webhookId}, '{}', 'RECEIVED', ${receivedAt})
    ON CONFLICT ("shop", "webhookId") DO NOTHING`;
}

// The statement the database queue enqueues a job with.
const job = (key: string) => new DbQueue(db).insertJob("process-event", { eventId: "x" }, { key, runAt: receivedAt, maxAttempts: 8 });

const order = (updatedAt: string, name: string, test: boolean) =>
  orderFacts(SHOP, orderSchema.parse(parseShopifyJson(JSON.stringify(orderPayload({ updated_at: updatedAt, name, test })))) as never);

const ingestSet = (webhookId: string, facts: ReturnType<typeof order>) => [event(webhookId), { sql: facts, ifChanged: 0 }, { sql: job(`event:${webhookId}`), ifChanged: 0 }];

beforeEach(resetDatabase);

describe("a write set", () => {
  it("runs a gated statement only when the one it depends on changed a row, with its values stored as typed", async () => {
    const runner = await sqlRunner();
    expect(await runner.write(ingestSet("w1", order("2026-11-20T12:00:00.250Z", "#1001", true)))).toEqual([1, 1, 1]);
    // A redelivery: the event exists, so its (newer) facts and its job are not written.
    expect(await runner.write(ingestSet("w1", order("2026-11-20T13:00:00Z", "#redelivered", false)))).toEqual([0, 0, 0]);

    const stored = await db.order.findFirstOrThrow();
    expect(stored).toMatchObject({ name: "#1001", test: true });
    expect(stored.shopifyUpdatedAt.toISOString()).toBe("2026-11-20T12:00:00.250Z");
    expect(await db.job.findMany({ select: { key: true, maxAttempts: true, runAt: true } })).toEqual([{ key: "event:w1", maxAttempts: 8, runAt: receivedAt }]);

    // A new event with older facts: recorded, its job too, the facts' newer-only rule keeps the order.
    expect(await runner.write(ingestSet("w2", order("2026-11-20T11:00:00Z", "#older", false)))).toEqual([1, 0, 1]);
    expect((await db.order.findFirstOrThrow()).name).toBe("#1001");
  });

  it("commits all or nothing", async () => {
    const runner = await sqlRunner();
    const broken = sql`INSERT INTO "Job" ("id", "name", "payload", "status") VALUES ('job-broken', 'process-event', NULL, 'QUEUED')`;
    await expect(runner.write([event("w3"), { sql: broken, ifChanged: 0 }])).rejects.toThrow();
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it.runIf(dialect === "postgresql")("is one round trip to PostgreSQL: no BEGIN, COMMIT or statement of its own", async () => {
    const runner = await sqlRunner();
    // Every query of the pool's connections, BEGIN and COMMIT too, goes through its Client class.
    const { Client } = connectedPgPool() as unknown as { Client: typeof pg.Client };
    const query = vi.spyOn(Client.prototype, "query");
    try {
      expect(await runner.write(ingestSet("w4", order("2026-11-20T12:00:00Z", "#1001", false)))).toEqual([1, 1, 1]);
      expect(query).toHaveBeenCalledTimes(1);
      // Prepared under a name: parsed and planned once per connection, then only bound and run.
      expect(await runner.write(ingestSet("w5", order("2026-11-20T12:00:00Z", "#1002", false)))).toEqual([1, 1, 1]);
      const [first, second] = query.mock.calls.map(([config]) => (config as unknown as pg.QueryConfig).name);
      expect(first).toMatch(/^herald_\d+$/);
      expect(second).toBe(first);
    } finally {
      query.mockRestore();
    }
  });
});
