import type Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { raw, sql } from "../../app/db/sql.server";
import { connectedSqlite } from "../../app/db/sqlite-adapter.server";
import { directSqlite, directTransaction, leaveWriteLockGaps, type DirectSqlite } from "../../app/db/sqlite-direct.server";
import { DbQueue } from "../../app/jobs/db-queue.server";
import { queue } from "../../app/jobs/queue.server";
import { ingestWebhook } from "../../app/webhooks/ingest.server";
import { installShop, resetDatabase } from "../support/db";
import { orderPayload } from "../support/payloads";

const insertShop = (domain: string) =>
  sql`INSERT INTO "Shop" ("domain", "name", "email", "timezone", "primaryLocale", "currency", "installedAt", "updatedAt")
      VALUES (${domain}, ${"Group"}, ${"owner@group.example"}, ${"UTC"}, ${"en"}, ${"USD"}, ${new Date()}, ${new Date()})
      ON CONFLICT ("domain") DO NOTHING`;

describe.runIf(dialect === "sqlite")("group commit on the direct SQLite connection", () => {
  let direct: DirectSqlite;
  beforeEach(async () => {
    await resetDatabase();
    direct = await directSqlite();
  });

  it("commits calls made together, in order, each seeing the writes before it", async () => {
    const calls = ["a", "b", "a", "c"].map((name) => directTransaction(direct, (tx) => tx.run(insertShop(`${name}.myshopify.com`))));
    expect(await Promise.all(calls)).toEqual([1, 1, 0, 1]);
    expect((await db.shop.findMany({ orderBy: { domain: "asc" } })).map((s) => s.domain)).toEqual(["a.myshopify.com", "b.myshopify.com", "c.myshopify.com"]);
  });

  it("undoes only the call that throws; the others in its batch are committed", async () => {
    const ok1 = directTransaction(direct, (tx) => tx.run(insertShop("ok1.myshopify.com")));
    const bad = directTransaction(direct, (tx) => {
      tx.run(insertShop("bad.myshopify.com"));
      throw new Error("refused half-way");
    });
    const ok2 = directTransaction(direct, (tx) => tx.run(insertShop("ok2.myshopify.com")));
    await expect(bad).rejects.toThrow("refused half-way");
    expect([await ok1, await ok2]).toEqual([1, 1]);
    expect((await db.shop.findMany({ orderBy: { domain: "asc" } })).map((s) => s.domain)).toEqual(["ok1.myshopify.com", "ok2.myshopify.com"]);
  });

  it("rejects every call of a batch whose COMMIT cannot happen, and keeps none of its writes", async () => {
    // With foreign keys deferred, a dangling reference is only refused at COMMIT.
    const fine = directTransaction(direct, (tx) => {
      tx.run(raw("PRAGMA defer_foreign_keys = ON"));
      return tx.run(insertShop("fine.myshopify.com"));
    });
    const dangling = directTransaction(direct, (tx) =>
      tx.run(sql`INSERT INTO "MessageAttempt" ("id", "messageId", "number", "outcome", "provider") VALUES (${"a1"}, ${"no-such-message"}, ${1}, ${"SENT"}, ${"resend"})`),
    );
    const results = await Promise.allSettled([fine, dangling]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await db.shop.count()).toBe(0);
    expect(await db.messageAttempt.count()).toBe(0);
  });

  it("waits for another process's write lock without blocking the event loop, then commits", async () => {
    // GIVEN another connection (another process, as the worker is) holding the write lock
    // (Its own connection from the same SQLite library: POSIX locks do not conflict within a process,
    // and SQLite only tracks its own connections' locks, so another copy of the library would not see them.)
    const connection = connectedSqlite()!;
    const other = new (connection.constructor as typeof Database)(connection.name);
    other.prepare("BEGIN IMMEDIATE").run();
    const now = new Date().toISOString().replace("Z", "+00:00");
    other
      .prepare(`INSERT INTO "Shop" ("domain", "name", "timezone", "primaryLocale", "currency", "installedAt", "updatedAt") VALUES ('other.myshopify.com', 'Other', 'UTC', 'en', 'USD', ?, ?)`)
      .run(now, now);
    try {
      // WHEN a write set is made here
      let settled = false;
      const write = directTransaction(direct, (tx) => tx.run(insertShop("here.myshopify.com"))).finally(() => (settled = true));
      // THEN timers still fire while it waits (SQLite's own busy wait would sleep the thread)...
      const ticks = await new Promise<number>((resolve) => {
        let n = 0;
        const timer = setInterval(() => {
          if (++n === 20) {
            clearInterval(timer);
            resolve(n);
          }
        }, 1);
      });
      expect(ticks).toBe(20);
      expect(settled).toBe(false);
      // ...and once the other commits, the write goes through
      other.prepare("COMMIT").run();
      expect(await write).toBe(1);
      expect((await db.shop.findMany({ orderBy: { domain: "asc" } })).map((s) => s.domain)).toEqual(["here.myshopify.com", "other.myshopify.com"]);
    } finally {
      if (other.inTransaction) other.prepare("ROLLBACK").run();
      other.close();
    }
  });

  it("in a worker, leaves the write lock free between its transactions; the calls made meanwhile share the next", async () => {
    leaveWriteLockGaps(40);
    try {
      await directTransaction(direct, (tx) => tx.run(insertShop("first.myshopify.com")));
      const committed = performance.now();
      // GIVEN another process waiting for the lock just after this one's commit
      const connection = connectedSqlite()!;
      const other = new (connection.constructor as typeof Database)(connection.name, { timeout: 0 });
      try {
        // WHEN this process wants it again at once, twice
        const next = [directTransaction(direct, (tx) => tx.run(insertShop("a.myshopify.com"))), directTransaction(direct, (tx) => tx.run(insertShop("b.myshopify.com")))];
        // THEN the other gets it within the gap (SQLITE_BUSY otherwise)...
        await new Promise((resolve) => setTimeout(resolve, 10));
        other.prepare("BEGIN IMMEDIATE").run();
        other.prepare("COMMIT").run();
        // ...and this process's two calls commit together after it
        expect(await Promise.all(next)).toEqual([1, 1]);
        expect(performance.now() - committed).toBeGreaterThanOrEqual(40);
      } finally {
        other.close();
      }
    } finally {
      leaveWriteLockGaps(0);
    }
  });

  it("records a burst of concurrent webhooks and their redeliveries exactly once", async () => {
    await installShop();
    const deliveries = Array.from({ length: 60 }, (_, i) => ({ id: `wh-burst-${i % 40}`, order: 5000 + (i % 40) }));
    const outcomes = await Promise.all(
      deliveries.map((d) =>
        ingestWebhook({ shop: "herald-test.myshopify.com", topic: "orders/create", webhookId: d.id, rawBody: JSON.stringify(orderPayload({ id: d.order, name: `#${d.order}` })) }),
      ),
    );
    expect(outcomes.filter((o) => o === "recorded")).toHaveLength(40);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(20);
    expect(await db.webhookEvent.count()).toBe(40);
    if (queue() instanceof DbQueue) expect(await db.job.count({ where: { name: "process-event" } })).toBe(40);
    expect(await db.order.count()).toBe(40);
  });
});
