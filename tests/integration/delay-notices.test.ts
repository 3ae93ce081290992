import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetChannels } from "../../app/channels/index.server";
import { db } from "../../app/db.server";
import { resetEnv } from "../../app/env.server";
import { redirectShopifyTransport } from "../../app/shopify/transport.server";
import { startFakeResend, type FakeResend, type RecordedEmail } from "../fakes/resend-fake";
import { buildDelaysScenario } from "../simulator/scenario/delays";
import { expectedDelayNotices, expectedShippingMessages, type ExpectedDelayNotice } from "../simulator/scenario/expected";
import { addCivilDays, civilDateInZone, zonedTime } from "../simulator/scenario/time";
import type { Scenario, ScenarioStep } from "../simulator/scenario/types";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { BUCKET } from "../simulator/server/state";
import { fixturesDir } from "../simulator/webhooks/fixtures";
import { webhookHeaders } from "../simulator/webhooks/sign";
import { findSubscription, readAppToml } from "../simulator/webhooks/subscriptions";
import { killHard, spawnWorker, workerOutput } from "../support/child-worker";
import { installShop, resetDatabase } from "../support/db";
// (Renamed: these are not React hooks, whatever their names say to the linter.)
import { countJobs, runAllJobs, scaleOut, setClock, useRealTime as realTime, useVirtualTime as virtualTime, virtualNow } from "../support/jobs";
import { followClock } from "../support/virtual-date";
import { postWebhook } from "../support/webhooks";

// Issue 5's "done means": the delays scenario (tests/simulator/scenario/delays.ts) played through
// Herald's real webhook routes, queue, pipeline and Resend channel, on a virtual clock that walks the
// story's two weeks day by day. Every webhook is handled when it arrives in the story (late ones late);
// timed checks and the settle window run when the clock reaches them. The fake Resend must receive
// exactly the notices the scenario predicts, each at its simulated time, and nothing for the control
// orders. fulfillment_orders/* webhooks name no order: Herald asks the store simulator over Admin
// GraphQL (FulfillmentOrderOrder) with the shop's stored offline session.
//
// Date itself follows the virtual clock (support/virtual-date.ts): Message.createdAt is the job's
// "now" and the delay rules space notices by it.

const NOW = new Date("2026-11-13T12:00:00Z");
const NEW_YORK = { shop: "maple-moss.myshopify.com", timezone: "America/New_York", name: "Maple & Moss" };
const KOLKATA = { shop: "chai-corner.myshopify.com", timezone: "Asia/Kolkata", name: "Chai Corner" };
type ShopSpec = typeof NEW_YORK;
const SETTLE_MS = 600_000;
const SCOPES = "read_orders,read_fulfillments,read_merchant_managed_fulfillment_orders,read_customers";

let resend: FakeResend;
let sim: RunningSimulator;
let restoreDate: (() => void) | null = null;
const toml = readAppToml();

beforeAll(async () => {
  // The provider stamps what it receives with Date.now(): the virtual clock, once installed.
  resend = await startFakeResend({ now: () => Date.now() });
  process.env.RESEND_API_KEY = resend.apiKey;
  process.env.RESEND_BASE_URL = resend.url;
  delete process.env.HERALD_DELAY_SETTLE_SECONDS; // the default, 600 s
  resetEnv();
  resetChannels();
  sim = await startSimulator({ apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, scopes: SCOPES });
  // Herald's Shopify calls (https://{shop}/admin/api/...) go to the simulator, as with SHOPIFY_API_BASE_URL.
  redirectShopifyTransport(sim.url);
});

afterAll(async () => {
  await resend.close();
  await sim.close();
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnv();
  resetChannels();
});

beforeEach(async () => {
  await resetDatabase();
  resend.reset();
});

afterEach(() => {
  restoreDate?.();
  restoreDate = null;
  realTime();
});

// ---- helpers ------------------------------------------------------------------------------------

function story(spec: ShopSpec, seed = 5): Scenario {
  return buildDelaysScenario({ shop: spec.shop, seed, now: NOW, timezone: spec.timezone, currency: "USD", fixturesDir: fixturesDir() });
}

/** The shop installed in Herald and in the simulator, with an offline session Herald's worker can use. */
async function install(spec: ShopSpec): Promise<void> {
  await installShop(spec.shop, { name: spec.name, timezone: spec.timezone });
  sim.state.upsertShop({ domain: spec.shop, name: spec.name, timezone: spec.timezone });
  const token = sim.state.issueToken(spec.shop, "offline", SCOPES);
  await db.session.create({ data: { id: `offline_${spec.shop}`, shop: spec.shop, state: "", isOnline: false, scope: SCOPES, accessToken: token.token } });
}

/** Start the story's virtual clock at `start`; Date follows it. */
function startClock(start: Date): void {
  virtualTime(start);
  restoreDate = followClock(() => virtualNow()!.getTime());
  // The simulator's rate-limit buckets refill by its clock (Date, so the story's): a bucket last used
  // later in another test's story would look overdrawn now. Every story starts with full buckets.
  for (const spec of [NEW_YORK, KOLKATA]) sim.state.setBucket(spec.shop, BUCKET.maximumAvailable);
}

const clock = () => virtualNow()!;
const arrival = (step: ScenarioStep) => new Date(step.arrivesAt ?? step.triggeredAt);
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** Run every job due up to `target`, stopping at each local midnight on the way (day by day). */
async function advanceTo(target: Date, timeZone: string): Promise<void> {
  for (let day = addCivilDays(civilDateInZone(clock(), timeZone), 1); ; day = addCivilDays(day, 1)) {
    const midnight = zonedTime(day, "00:00", timeZone);
    if (midnight.getTime() > target.getTime()) break;
    await runAllJobs({ start: clock(), until: midnight });
  }
  if (target.getTime() > clock().getTime()) await runAllJobs({ start: clock(), until: target });
}

/** Send one delivery of the story as Shopify would: signed, to the route shopify.app.toml names. */
async function send(step: ScenarioStep, shop: string): Promise<number> {
  for (const record of step.platformRecords ?? []) {
    const response = await fetch(`${sim.url}/_sim/shops/${shop}/fulfillment-orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(record),
    });
    expect(response.status).toBe(201);
  }
  const headers = webhookHeaders({ ...step, shop, rawBody: step.body, secret: process.env.SHOPIFY_API_SECRET! });
  const request = new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${step.topic}`, { method: "POST", headers, body: step.body });
  return (await postWebhook(step.topic, request)).status;
}

/**
 * Play `steps` (default: the whole story) on the virtual clock: each delivery at its arrival time,
 * handled at once as Herald's worker would, and the clock walked on to `until`.
 */
async function play(scenario: Scenario, spec: ShopSpec, opts: { steps?: ScenarioStep[]; until: Date }): Promise<number[]> {
  const steps = (opts.steps ?? scenario.steps).filter((s) => findSubscription(toml, s.topic));
  if (!virtualNow()) startClock(new Date(arrival(steps[0]).getTime() - 60_000));
  const statuses: number[] = [];
  for (const step of steps) {
    const at = arrival(step);
    await advanceTo(at, spec.timezone);
    setClock(later(clock(), at));
    statuses.push(await send(step, spec.shop));
    await runAllJobs({ start: clock(), until: clock() });
  }
  await advanceTo(opts.until, spec.timezone);
  return statuses;
}

/** Midnight after the day of the story's last delivery, plus `extraDays` in which nothing else may come. */
function endOf(scenario: Scenario, spec: ShopSpec, extraDays = 7): Date {
  const last = Math.max(...scenario.steps.map((s) => arrival(s).getTime()));
  return zonedTime(addCivilDays(civilDateInZone(new Date(last), spec.timezone), 1 + extraDays), "00:00", spec.timezone);
}

/** Shopify's id of a story order, from its first orders/* payload. */
function orderIdOf(scenario: Scenario, name: string): string {
  const step = scenario.steps.find((s) => s.order === name && s.topic.startsWith("orders/"))!;
  return String(JSON.parse(step.body).id);
}

const tag = (email: RecordedEmail, name: string) => email.tags.find((t) => t.name === name)?.value ?? null;
const second = (at: Date | string) => new Date(Math.round(new Date(at).getTime() / 1000) * 1000).toISOString();

async function delayRows(shop: string) {
  return db.message.findMany({ where: { shop, trigger: "delay" }, include: { attemptsLog: true }, orderBy: { createdAt: "asc" } });
}

/** What the provider received, as "recipient order kind subject @ time" lines (delay notices only). */
async function receivedDelayNotices(shop: string): Promise<string[]> {
  const rows = await delayRows(shop);
  return resend.emails
    .filter((e) => tag(e, "herald_trigger") === "delay")
    .map((e) => ({ email: e, row: rows.find((r) => r.id === tag(e, "herald_message")) }))
    .map(({ email, row }) => `${email.to.join(",")} ${row?.orderId ?? "?"} ${row?.step ?? "?"} ${row?.subject ?? "?"} @ ${second(email.receivedAt)}`);
}

const expectedLines = (notices: ExpectedDelayNotice[]) =>
  notices.filter((n) => n.outcome === "sent").map((n) => `${n.recipient} ${n.orderId} ${n.kind} ${n.subject} @ ${second(n.sendAt)}`);

// ---- the whole story ----------------------------------------------------------------------------

describe("the delays scenario played through Herald on a virtual clock", () => {
  it.each([NEW_YORK, KOLKATA])("$timezone: the provider receives exactly the expected delay notices, each at its time, and nothing for the control orders", { timeout: 180_000 }, async (spec) => {
    // GIVEN a shop in the zone, with default settings (email, 72 business hours, 2 notices per order...)
    await install(spec);
    const scenario = story(spec);
    const expected = expectedDelayNotices(scenario);
    const callsBefore = sim.state.graphqlCalls.length;

    // WHEN its two weeks of webhooks arrive, late ones late, and the clock walks on a week past the end
    const statuses = await play(scenario, spec, { until: endOf(scenario, spec) });

    // THEN every delivery was acknowledged...
    expect(statuses.every((s) => s === 200)).toBe(true);
    // ...Herald recorded exactly the expected delay notices (two of them dropped before sending)...
    const rows = await delayRows(spec.shop);
    expect(rows.map((r) => `${r.orderId} ${r.step} ${r.subject} ${r.status} ${r.reason ?? "-"}`).sort()).toEqual(
      expected.map((n) => `${n.orderId} ${n.kind} ${n.subject} ${n.outcome === "sent" ? "SENT" : "SKIPPED"} ${n.skipReason ?? "-"}`).sort(),
    );
    // ...each created when it became due and handed to the provider one settle window later...
    for (const n of expected) {
      const row = rows.find((r) => r.subject === n.subject && r.step === n.kind)!;
      expect(second(row.createdAt), `${n.order} ${n.kind} created`).toBe(second(n.dueAt));
      expect(row.detectedAt?.toISOString(), `${n.order} ${n.kind} detected`).toBe(n.detectedAt);
      if (n.outcome === "sent") {
        expect(row.attemptsLog.map((a) => [a.outcome, second(a.startedAt)]), `${n.order} ${n.kind} attempts`).toEqual([["SENT", second(n.sendAt)]]);
        expect(second(row.sentAt!), `${n.order} ${n.kind} sent`).toBe(second(n.sendAt));
        expect(row.renderedSubject).toBeTruthy();
      } else {
        expect(row.attemptsLog).toHaveLength(0);
        expect(second(row.updatedAt), `${n.order} ${n.kind} dropped`).toBe(second(n.sendAt));
      }
    }
    // ...and the provider received exactly those emails, at those simulated times, none for a control order.
    expect((await receivedDelayNotices(spec.shop)).sort()).toEqual(expectedLines(expected).sort());
    const silent = scenario.delays!.silent.map((s) => s.order).filter((o) => !expected.some((n) => n.order === o && n.outcome === "sent"));
    expect(silent).toEqual(["#2002", "#2003", "#2010", "#2011", "#2012", "#2014"]);
    for (const order of silent) expect(rows.filter((r) => r.orderId === orderIdOf(scenario, order) && r.status !== "SKIPPED"), order).toEqual([]);

    // The shipping updates of the same story went out as well, once each.
    const shipping = await db.message.findMany({ where: { shop: spec.shop, trigger: "shipping" } });
    expect(shipping.map((m) => `${m.fulfillmentId} ${m.step} ${m.status}`).sort()).toEqual(
      expectedShippingMessages(scenario).map((m) => `${m.fulfillmentId} ${m.step} SENT`).sort(),
    );
    const emailsFor = (trigger: string) => resend.emails.filter((e) => tag(e, "herald_trigger") === trigger).length;
    expect(emailsFor("shipping")).toBe(shipping.length);
    expect(resend.emails).toHaveLength(shipping.length + expected.filter((n) => n.outcome === "sent").length);
    // Herald asked the simulator which order each of the 4 fulfillment orders belongs to, once each.
    const lookups = sim.state.graphqlCalls.slice(callsBefore).filter((c) => c.shop === spec.shop);
    expect(lookups.map((c) => [c.operation, c.outcome])).toEqual(Array(4).fill(["FulfillmentOrderOrder", "answered"]));
  });
});

// ---- one order at a time ------------------------------------------------------------------------

describe("delay notices, order by order (New York, the fall-back week)", () => {
  const only = (scenario: Scenario, order: string) => scenario.steps.filter((s) => s.order === order);
  const notices = (scenario: Scenario, order: string) => expectedDelayNotices(scenario).filter((n) => n.order === order);

  it("counts 72 business hours on the shop's wall clock across the DST change: Friday 18:00 EDT is due Wednesday 18:00 EST", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    // GIVEN #2001, placed on Friday 2026-10-30 at 18:00 EDT (22:00 UTC), never fulfilled
    const created = JSON.parse(only(scenario, "#2001").find((s) => s.topic === "orders/create")!.body);
    expect(created.created_at).toBe("2026-10-30T18:00:00-04:00");
    // WHEN the clock runs through the weekend, the fall-back on Sunday 2026-11-01, and the week after
    await play(scenario, NEW_YORK, { steps: only(scenario, "#2001"), until: new Date("2026-11-12T00:00:00Z") });
    // THEN one notice, created Wednesday 18:00 EST (23:00 UTC, 121 real hours later, not 22:00 UTC) and sent 10 minutes later
    const [row] = await delayRows(NEW_YORK.shop);
    expect(await delayRows(NEW_YORK.shop)).toHaveLength(1);
    expect(row.step).toBe("unfulfilled");
    expect(row.createdAt.toISOString().slice(0, 19)).toBe("2026-11-04T23:00:00");
    expect(second(row.sentAt!)).toBe("2026-11-04T23:10:00.000Z");
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual([`emily.carter@example.com ${row.orderId} unfulfilled order:${row.orderId} @ 2026-11-04T23:10:00.000Z`]);
  });

  it("sends one unfulfilled notice when orders/updated overtakes orders/create and orders/create is delivered twice", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    const steps = only(scenario, "#2001");
    // GIVEN the story's deliveries: orders/updated first, then orders/create late, then the same orders/create again
    expect(steps.map((s) => [s.topic, s.delivery])).toEqual([
      ["orders/updated", "first"],
      ["orders/create", "late"],
      ["orders/create", "retry"],
    ]);
    expect(steps[2].webhookId).toBe(steps[1].webhookId);
    const statuses = await play(scenario, NEW_YORK, { steps, until: endOf(scenario, NEW_YORK) });
    expect(statuses).toEqual([200, 200, 200]);
    // THEN one wake-up for the deadline, one notice, one email
    expect(await db.webhookEvent.count({ where: { shop: NEW_YORK.shop } })).toBe(2);
    expect(await countJobs("evaluate-order")).toBe(1);
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual(expectedLines(notices(scenario, "#2001")));
  });

  it("sends one carrier-delay notice when the delayed scan arrives 4 hours late, again as fulfillments/update, and again as a retry after a newer scan", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    const steps = only(scenario, "#2004");
    const delayed = steps.filter((s) => s.topic === "fulfillment_events/create" && JSON.parse(s.body).status === "delayed");
    // GIVEN "delayed" happened Tuesday 14:00 and reaches Herald at 18:00, then once more after Wednesday's in_transit scan
    expect(delayed.map((s) => s.delivery)).toEqual(["first", "retry"]);
    expect(Date.parse(delayed[0].arrivesAt!) - Date.parse(delayed[0].triggeredAt)).toBe(4 * 3_600_000);
    await play(scenario, NEW_YORK, { steps, until: endOf(scenario, NEW_YORK) });
    // THEN one notice, sent when the news arrived (+ the settle window), not when it happened
    const expected = notices(scenario, "#2004");
    expect(expected).toHaveLength(1);
    expect(expected[0].dueAt).toBe(delayed[0].arrivesAt);
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual(expectedLines(expected));
    const rows = await delayRows(NEW_YORK.shop);
    expect(rows).toHaveLength(1);
    // ...while the row remembers when the delay happened: 14:00, four hours before Herald knew
    expect(rows[0].detectedAt?.toISOString()).toBe(delayed[0].triggeredAt);
    // ...beside the shipping updates (shipped, out for delivery, delivered), once each
    const shipping = await db.message.findMany({ where: { shop: NEW_YORK.shop, trigger: "shipping" }, orderBy: { createdAt: "asc" } });
    expect(shipping.map((m) => m.step)).toEqual(["shipped", "out_for_delivery", "delivered"]);
  });

  it("drops an unfulfilled notice whose fulfillment webhook arrives within the settle window, and tells the customer nothing", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    await play(scenario, NEW_YORK, { steps: only(scenario, "#2003"), until: endOf(scenario, NEW_YORK) });
    const rows = await delayRows(NEW_YORK.shop);
    expect(rows.map((r) => [r.step, r.status, r.reason])).toEqual([["unfulfilled", "SKIPPED", "condition_cleared"]]);
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual([]);
  });

  it("sends no notice for a delivery scan that arrives 11 hours late but inside the estimate's grace", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    const steps = only(scenario, "#2014");
    const late = steps.find((s) => s.arrivesAt && s.topic === "fulfillment_events/create")!;
    expect(JSON.parse(late.body).status).toBe("delivered");
    expect(Date.parse(late.arrivesAt!) - Date.parse(late.triggeredAt)).toBe(11 * 3_600_000);
    await play(scenario, NEW_YORK, { steps, until: endOf(scenario, NEW_YORK) });
    expect(await delayRows(NEW_YORK.shop)).toEqual([]);
    expect(resend.emails.map((e) => tag(e, "herald_trigger"))).toEqual(["shipping", "shipping"]);
  });

  it("sends an estimate-passed notice, one follow-up for the next missed estimate, and nothing for a third (2 per order)", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    await play(scenario, NEW_YORK, { steps: only(scenario, "#2008"), until: endOf(scenario, NEW_YORK) });
    const expected = notices(scenario, "#2008");
    expect(expected.map((n) => [n.kind, n.followUp])).toEqual([["eta_passed", false], ["eta_passed", true]]);
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual(expectedLines(expected));
    // At least 24 hours apart.
    const [first, followUp] = await delayRows(NEW_YORK.shop);
    expect(followUp.createdAt.getTime() - first.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);
  });

  it("tells about a hold once, and drops the notice of a hold released within the settle window", async () => {
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    const steps = scenario.steps.filter((s) => ["#2009", "#2010", "#2011"].includes(s.order));
    await play(scenario, NEW_YORK, { steps, until: endOf(scenario, NEW_YORK) });
    const rows = await delayRows(NEW_YORK.shop);
    const orderName = (id: string | null) => ["#2009", "#2010", "#2011"].find((o) => orderIdOf(scenario, o) === id) ?? id;
    expect(rows.map((r) => [orderName(r.orderId), r.step, r.status, r.reason])).toEqual([
      ["#2009", "on_hold", "SENT", null],
      ["#2010", "on_hold", "SKIPPED", "condition_cleared"],
    ]);
    expect(await receivedDelayNotices(NEW_YORK.shop)).toEqual(expectedLines([...notices(scenario, "#2009"), ...notices(scenario, "#2010")]));
  });
});

// ---- kill -9 ------------------------------------------------------------------------------------

/** Poll on real time (Date may be following the virtual clock, which stands still while we wait). */
async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

// The embedded queue's lease takeover on a virtual clock, read through its Job table: skipped on the
// scale-out run, where bullmq-queue.test.ts kills a BullMQ worker mid-job instead.
describe.skipIf(scaleOut)("delay notices across a worker killed with kill -9", { timeout: 90_000 }, () => {
  const workers: ChildProcess[] = [];
  const virtualWorker = (env: Record<string, string>) =>
    spawnWorker({ RESEND_API_KEY: resend.apiKey, RESEND_BASE_URL: resend.url, ...env }, { script: "tests/support/virtual-worker-process.ts" }).then((w) => {
      workers.push(w);
      return w;
    });
  afterEach(async () => {
    for (const w of workers.splice(0)) await killHard(w);
  });

  it.each(["before", "after"] as const)(
    "sends one unfulfilled notice when the worker that claimed the wake-up dies %s doing its work, once another worker takes it over",
    async (when) => {
      // GIVEN #2001 recorded, its wake-up due Wednesday 18:00 EST
      await install(NEW_YORK);
      const scenario = story(NEW_YORK);
      const steps = scenario.steps.filter((s) => s.order === "#2001");
      await play(scenario, NEW_YORK, { steps, until: arrival(steps.at(-1)!) });
      const [notice] = expectedDelayNotices(scenario).filter((n) => n.order === "#2001");
      const due = new Date(notice.dueAt);
      const wake = await db.job.findFirstOrThrow({ where: { name: "evaluate-order", status: "QUEUED" } });
      expect(wake.runAt.toISOString()).toBe(due.toISOString());

      // WHEN a worker process whose clock reads a minute past the deadline claims it and is killed with
      // kill -9 before it runs the check / after the check wrote the notice but before the job was marked done
      const worker = await virtualWorker({ HERALD_TEST_CLOCK: new Date(due.getTime() + 60_000).toISOString(), HERALD_TEST_HANG: `evaluate-order:${when}` });
      await until(async () => workerOutput(worker).includes(`worker-hung ${wake.id}`));
      await killHard(worker);
      const orphan = await db.job.findUniqueOrThrow({ where: { id: wake.id } });
      expect(orphan.status).toBe("RUNNING");
      expect(await db.message.count({ where: { trigger: "delay" } })).toBe(when === "after" ? 1 : 0);
      expect(resend.emails).toHaveLength(0);

      // THEN another worker, once the lease has expired, finishes: one notice, one email
      setClock(new Date(orphan.lockedUntil!.getTime() + 1));
      await advanceTo(new Date(due.getTime() + 3 * 86_400_000), NEW_YORK.timezone);
      const rows = await delayRows(NEW_YORK.shop);
      expect(rows.map((r) => [r.step, r.status])).toEqual([["unfulfilled", "SENT"]]);
      expect(rows[0].attemptsLog.map((a) => a.outcome)).toEqual(["SENT"]);
      expect(resend.emails.filter((e) => tag(e, "herald_trigger") === "delay").map((e) => e.to)).toEqual([["emily.carter@example.com"]]);
      expect((await db.job.findUniqueOrThrow({ where: { id: wake.id } })).status).toBe("DONE");
      // Created by whichever worker ran the check (a minute or two late), sent a settle window later.
      expect(rows[0].createdAt.getTime() - due.getTime()).toBeGreaterThanOrEqual(0);
      expect(rows[0].createdAt.getTime() - due.getTime()).toBeLessThan(5 * 60_000);
      expect(rows[0].attemptsLog[0].startedAt.getTime() - due.getTime()).toBeGreaterThanOrEqual(SETTLE_MS);
    },
  );

  it("fires a pending wake-up once when the idle worker holding the timers is killed and a new worker starts later", async () => {
    // GIVEN #2001's webhooks recorded, and a worker process that handles them and goes idle with the wake-up pending
    await install(NEW_YORK);
    const scenario = story(NEW_YORK);
    const steps = scenario.steps.filter((s) => s.order === "#2001");
    startClock(new Date(arrival(steps[0]).getTime() - 60_000));
    for (const step of steps) {
      setClock(arrival(step));
      expect(await send(step, NEW_YORK.shop)).toBe(200);
    }
    const first = await virtualWorker({ HERALD_TEST_CLOCK: new Date(arrival(steps.at(-1)!).getTime() + 60_000).toISOString() });
    const wake = await until(() => db.job.findFirst({ where: { name: "evaluate-order", status: "QUEUED" } }));
    await until(async () => (await db.job.count({ where: { name: "process-event", status: { not: "DONE" } } })) === 0);
    const due = new Date(expectedDelayNotices(scenario).find((n) => n.order === "#2001")!.dueAt);
    expect(wake.runAt.toISOString()).toBe(due.toISOString());

    // WHEN it is killed with kill -9 while idle, and a new worker starts 30 s (virtual) before the
    // deadline, its clock running 300 times faster than real time (5 minutes a second, so the settle
    // window takes 2 s; each real millisecond of work shows as 0.3 s)
    await killHard(first);
    const next = await virtualWorker({ HERALD_TEST_CLOCK: new Date(due.getTime() - 30_000).toISOString(), HERALD_TEST_CLOCK_RATE: "300" });

    // THEN the durable wake-up fires once and the notice goes out once, after the settle window
    const message = await until(() => db.message.findFirst({ where: { trigger: "delay", status: "SENT" }, include: { attemptsLog: true } }));
    await killHard(next);
    expect(message.step).toBe("unfulfilled");
    expect(message.createdAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
    expect(message.createdAt.getTime() - due.getTime()).toBeLessThan(10 * 60_000);
    expect(message.attemptsLog.map((a) => a.outcome)).toEqual(["SENT"]);
    // (The settle window counts from the moment the check started, a little before the row was written.)
    expect(message.attemptsLog[0].startedAt.getTime() - due.getTime()).toBeGreaterThanOrEqual(SETTLE_MS);
    expect((await db.job.findUniqueOrThrow({ where: { id: wake.id } })).attempts).toBe(1);
    // ...and nothing more comes in the days after
    setClock(new Date(due.getTime() + 3_600_000));
    await advanceTo(new Date(due.getTime() + 5 * 86_400_000), NEW_YORK.timezone);
    expect(await db.message.count({ where: { trigger: "delay" } })).toBe(1);
    expect(resend.emails.filter((e) => tag(e, "herald_trigger") === "delay")).toHaveLength(1);
  });
});

// ---- found while writing the scenario ----------------------------------------------------------

describe("a delay notice dropped in its settle window", () => {
  const ORDER_ID = 3001;
  const FULFILLMENT_ORDER = "gid://shopify/FulfillmentOrder/930001";

  /** One signed delivery of a hand-written story (`at`: when it happens and arrives). */
  function step(topic: string, body: object, at: string): ScenarioStep {
    const onHold = topic === "fulfillment_orders/placed_on_hold";
    return {
      topic,
      body: JSON.stringify(body),
      webhookId: crypto.randomUUID(),
      eventId: crypto.randomUUID(),
      triggeredAt: new Date(at).toISOString(),
      delivery: "first",
      concurrent: false,
      pauseMs: 0,
      description: topic,
      order: "#3001",
      fulfillment: null,
      customer: "emily",
      platformRecords: topic.startsWith("fulfillment_orders/")
        ? [{ kind: "fulfillmentOrder", id: FULFILLMENT_ORDER, orderId: `gid://shopify/Order/${ORDER_ID}`, status: onHold ? "on_hold" : "open" }]
        : [],
    };
  }

  /** Order #3001 placed Monday 2026-11-02 09:00 EST (unfulfilled deadline: Thursday 09:00), held and released on Thursday. */
  function heldAndReleased(heldAt: string, releasedAt: string): ScenarioStep[] {
    const placed = "2026-11-02T09:00:00-05:00";
    const sample = JSON.parse(story(NEW_YORK).steps.find((s) => s.topic === "orders/create")!.body) as object;
    const reason = { reason: "inventory_out_of_stock", reason_notes: "counting stock" };
    return [
      step("orders/create", { ...sample, id: ORDER_ID, name: "#3001", created_at: placed, updated_at: placed }, placed),
      step("fulfillment_orders/placed_on_hold", { fulfillment_order: { id: FULFILLMENT_ORDER, status: "on_hold", fulfillment_holds: [reason] }, created_fulfillment_hold: reason }, heldAt),
      step("fulfillment_orders/hold_released", { fulfillment_order: { id: FULFILLMENT_ORDER, status: "open" } }, releasedAt),
    ];
  }

  async function playHeld(heldAt: string, releasedAt: string) {
    await install(NEW_YORK);
    await play(story(NEW_YORK), NEW_YORK, { steps: heldAndReleased(heldAt, releasedAt), until: new Date("2026-11-13T00:00:00Z") });
    return delayRows(NEW_YORK.shop);
  }

  it("sends the unfulfilled notice at the deadline when an earlier hold was released and its notice dropped before the deadline", async () => {
    // GIVEN a hold from 08:30 to 08:33 on Thursday (its notice dropped at 08:40), WHEN the deadline comes at 09:00
    const rows = await playHeld("2026-11-05T08:30:00-05:00", "2026-11-05T08:33:00-05:00");
    // THEN the customer, told nothing about the hold, gets the unfulfilled notice
    expect(rows.map((r) => [r.step, r.status, r.reason])).toEqual([
      ["on_hold", "SKIPPED", "condition_cleared"],
      ["unfulfilled", "SENT", null],
    ]);
    expect(second(rows[1].createdAt)).toBe("2026-11-05T14:00:00.000Z");
  });

  // A hold notice still PENDING at the unfulfilled deadline counts as "told" and holds the
  // unfulfilled notice back; when the hold is released inside the settle window, the hold notice is
  // skipped (condition_cleared) and delivery re-evaluates the order, so the unfulfilled notice goes.
  it("still sends the unfulfilled notice when a hold released within the settle window straddles the deadline", async () => {
    // GIVEN a hold from 08:55 to 08:58 on Thursday: its notice is PENDING at 09:00 and dropped at 09:05
    const rows = await playHeld("2026-11-05T08:55:00-05:00", "2026-11-05T08:58:00-05:00");
    expect(rows.find((r) => r.step === "on_hold")).toMatchObject({ status: "SKIPPED", reason: "condition_cleared" });
    // THEN the order, still unfulfilled a week later, got its unfulfilled notice (actual: none at all)
    expect(rows.filter((r) => r.step === "unfulfilled").map((r) => r.status)).toEqual(["SENT"]);
  });
});
