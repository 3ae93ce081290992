import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { dialect } from "../../app/db/dialect.server";
import { sqlRunner } from "../../app/db/runner.server";
import { sql } from "../../app/db/sql.server";
import { connectedSqlite } from "../../app/db/sqlite-adapter.server";
import { resetDatabase } from "../support/db";

// The embedded default's write-ahead log is copied into the database file by a thread
// (app/db/sqlite-checkpoint.server.ts), not inside a commit on the event loop.

describe.runIf(dialect === "sqlite")("checkpoints of the SQLite write-ahead log", () => {
  beforeEach(resetDatabase);

  it("are not made by this process's commits, and still keep the log from growing", async () => {
    await db.$connect();
    const connection = connectedSqlite()!;
    expect(Number(connection.pragma("wal_autocheckpoint", { simple: true }))).toBe(0);

    // About 24 MB of events (6,000 pages: six of SQLite's own checkpoints), committed in bursts.
    const runner = await sqlRunner();
    const payload = "x".repeat(12_000);
    for (let burst = 0; burst < 20; burst++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          runner.run(sql`
            INSERT INTO "WebhookEvent" ("id", "shop", "topic", "webhookId", "payload", "status", "receivedAt")
            VALUES (${`e-${burst}-${i}`}, 'wal.myshopify.com', 'orders/create', ${`w-${burst}-${i}`}, ${payload}, 'RECEIVED', ${new Date()})`),
        ),
      );
      await sleep(75);
    }
    expect(await db.webhookEvent.count()).toBe(2_000);
    const walBytes = fs.statSync(`${connection.name}-wal`).size;
    expect(walBytes, `write-ahead log of ${walBytes} bytes`).toBeLessThan(8_000_000);
  });
});
