import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { sqlRunner } from "../../app/db/runner.server";
import { sql } from "../../app/db/sql.server";
import { evaluateOrder, evaluationColumns, evaluationOf, type EvaluationCells } from "../../app/pipeline/evaluate.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, setClock, useRealTime, useVirtualTime } from "../support/jobs";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { withFakeResend } from "../support/providers";
import { deliver } from "../support/webhooks";

// Two evaluations of one order at once (two of its events, or an event and a timed check) each read
// the order before the other wrote anything. The delay-notice cap and spacing are decided on that
// read, so each could record a notice for a different subject, which no dedup key stops.

const SHOP = "herald-test.myshopify.com";
const ORDER = "5001";
const fake = withFakeResend();

beforeEach(async () => {
  useVirtualTime(new Date("2026-11-16T10:00:00-05:00"));
  await resetDatabase();
  await installShop(SHOP);
});
afterEach(useRealTime);

/** What an evaluation reads of the order, as a job reads it before deciding. */
async function readOrder() {
  const row = await (await sqlRunner()).get<EvaluationCells>(sql`SELECT ${evaluationColumns(sql`${SHOP}`, sql`${ORDER}`)}`);
  return evaluationOf(row!);
}

const delayEmails = () => fake.resend.emails.filter((e) => e.tags.some((t) => t.name === "herald_trigger" && t.value === "delay"));

describe("two evaluations of one order at the same time", () => {
  it("record one delay notice, not one each for different conditions", async () => {
    // GIVEN order #1001, placed Monday 10:00 New York and still unfulfilled past Thursday 10:00 (72 business hours)
    const placed = "2026-11-16T10:00:00-05:00";
    await deliver("orders/create", orderPayload({ created_at: placed, updated_at: placed }));
    await runAllJobs();
    const now = new Date("2026-11-20T09:00:00-05:00");
    setClock(now);
    // ...one evaluation reads it unfulfilled (due: the "unfulfilled" notice)...
    const first = await readOrder();
    // ...and before it writes, the fulfillment and a "delayed" scan are recorded and a second evaluation
    // reads the order shipped and delayed (due: the "carrier delay" notice), with no notice either
    await deliver("fulfillments/create", fulfillmentPayload({ created_at: "2026-11-20T08:00:00-05:00", updated_at: "2026-11-20T08:00:00-05:00" }));
    await deliver("fulfillment_events/create", carrierEventPayload({ status: "delayed", happened_at: "2026-11-20T08:30:00-05:00" }));
    const second = await readOrder();
    expect(first.facts!.history.filter((m) => m.trigger === "delay")).toHaveLength(0);
    expect(second.facts!.history.filter((m) => m.trigger === "delay")).toHaveLength(0);

    // WHEN both evaluations write, one after the other, each on what it read
    await evaluateOrder(SHOP, ORDER, now, undefined, first);
    await evaluateOrder(SHOP, ORDER, now, undefined, second);

    // THEN the order has one delay notice waiting to go out (the second evaluation decided again and
    // found the first one's notice within the 24-hour spacing)...
    const notices = await db.message.findMany({ where: { shop: SHOP, trigger: "delay", status: { notIn: ["SKIPPED", "FAILED"] } } });
    expect(notices.map((m) => m.step)).toEqual(["unfulfilled"]);
    // ...and once the settle window has passed and every job has run, the customer got one delay email
    await runAllJobs({ until: new Date("2026-11-20T12:00:00-05:00") });
    expect(delayEmails()).toHaveLength(1);
    expect(delayEmails()[0].to).toEqual(["ana.garcia@example.com"]);
  });
});
