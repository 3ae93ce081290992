import { it, expect, vi } from "vitest";
import { db } from "../../../app/db.server";
import { resetDatabase, installShop } from "../../support/db";
it("now default", async () => {
  await resetDatabase();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-10-30T22:00:00Z"));
  const s = await installShop();
  const m = await db.message.create({ data: { shop: s.domain, dedupKey: "k", trigger: "delay", subject: "x", step: "unfulfilled", channel: "email", recipient: "a@b.c", status: "PENDING" } });
  const j = await db.job.create({ data: { name: "x", payload: "{}" } });
  console.log(m.createdAt, m.updatedAt, j.runAt, new Date());
  vi.useRealTimers();
});
