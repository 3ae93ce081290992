import { setTimeout as sleep } from "node:timers/promises";
import { afterSameRequest, forwardedRequest, storefrontAddress } from "../storefront";
import { DEFAULT_API_VERSION } from "../webhooks/sign";
import { deliverWebhook, describeFetchError, type DeliveryResult } from "../webhooks/send";
import { fixturesDir as findFixturesDir } from "../webhooks/fixtures";
import { applyIncludeFields, deliveryUrl, findSubscription, readAppToml, type AppToml } from "../webhooks/subscriptions";
import { CUSTOMERS, maskEmail, maskPhone } from "./cast";
import { describeExpected, describeExpectedBackInStock, describeExpectedDelays, expectedShippingMessages, type ExpectedMessage } from "./expected";
import { randomSeed } from "./random";
import { SCENARIOS } from "./registry";
import type { Scenario, ScenarioStep, StorefrontStep, TimelineStep } from "./types";

export const DEFAULT_SHOP = "herald-demo.myshopify.com";

export interface PlayOptions {
  appUrl: string;
  secret: string;
  shop?: string;
  /** Same seed (and same `now`), same story byte for byte. Random when omitted (and printed). */
  seed?: number;
  /** 1 = real pauses (~15 s), 10 = ten times faster, 0 = no pauses. */
  speed?: number;
  now?: Date;
  apiVersion?: string;
  /** Parsed shopify.app.toml; read from tomlPath (default ./shopify.app.toml) when omitted. */
  toml?: AppToml;
  tomlPath?: string;
  fixturesDir?: string;
  /** The simulator, to read the shop's time zone and currency (and warn when it is not installed). */
  simulatorUrl?: string;
  timezone?: string;
  currency?: string;
  /** Failed deliveries are re-sent like Shopify does (same webhook id), this many times. */
  maxRetries?: number;
  timeoutMs?: number;
  /** Print what would be sent, send nothing. */
  dryRun?: boolean;
  /**
   * Webhooks the store "sends" but never delivers (Shopify does not guarantee delivery): the
   * simulator still records their data, so Herald's reconciliation can find it over GraphQL.
   */
  drop?: (step: ScenarioStep) => boolean;
  log?: (line: string) => void;
}

export interface StepOutcome {
  step: TimelineStep;
  url: string | null;
  /** Every attempt, first to last; empty when not sent. */
  attempts: DeliveryResult[];
  /** Why it was not sent (topic not subscribed, dry run). */
  notSent: string | null;
  /** A storefront request Herald did not answer as the story expects (status, or sign-up status). */
  unexpected?: string;
}

export interface PlayResult {
  scenario: Scenario;
  outcomes: StepOutcome[];
  delivered: number;
  failed: number;
  notSubscribed: string[];
  /** What Herald should have made of it with its default settings. */
  expected: ExpectedMessage[];
}

/** The run cannot go on (Herald down, wrong secret); the message says what to do. */
export class PlayError extends Error {}

/** Play a scenario against a running Herald: the library entry point for the CLI, tests and demo. */
export async function playScenario(name: string, options: PlayOptions): Promise<PlayResult> {
  const entry = SCENARIOS[name];
  if (!entry) throw new PlayError(`Unknown scenario "${name}". Known: ${Object.keys(SCENARIOS).join(", ")}`);
  const log = options.log ?? ((line: string) => console.log(line));
  const shop = options.shop ?? DEFAULT_SHOP;
  const seed = options.seed ?? randomSeed();
  const speed = options.speed ?? 1;
  const toml = options.toml ?? readAppToml(options.tomlPath);
  const facts = await shopFacts(options, shop, log);

  const scenario = entry.build({
    shop,
    seed,
    now: options.now ?? new Date(Math.floor(Date.now() / 1000) * 1000),
    timezone: facts.timezone,
    currency: facts.currency,
    fixturesDir: findFixturesDir(options.fixturesDir),
  });

  const notSubscribed = [...new Set(scenario.steps.map((s) => s.topic))].filter((topic) => !findSubscription(toml, topic));
  log(`Scenario "${scenario.name}": ${scenario.title}`);
  const timeline: TimelineStep[] = scenario.timeline ?? scenario.steps;
  const requests = timeline.length - scenario.steps.length;
  log(`  shop ${shop} (${facts.timezone}, ${facts.currency}) · seed ${seed} · now ${scenario.now} · ${scenario.steps.length} deliveries${requests ? ` and ${requests} storefront requests` : ""} · speed ${speed}`);
  log(`  replay: npm run simulate -- scenario ${name} --seed ${seed} --now ${scenario.now} --shop ${shop}`);
  if (scenario.backInStock) {
    for (const s of scenario.backInStock.signups) log(`  ${s.firstName} ${s.lastName[0]}. [${s.locale}] ${maskEmail(s.email)} ${maskPhone(s.phone)}`);
  } else {
    for (const c of Object.values(CUSTOMERS)) {
      log(`  ${c.firstName} ${c.lastName[0]}. [${c.locale}] ${maskEmail(c.email)} ${maskPhone(c.phone)} ${c.address.city}, ${c.address.country_code}`);
    }
  }
  if (notSubscribed.length) {
    log(`  ! not in ${toml.file}: ${notSubscribed.join(", ")} — Shopify would not send these, so neither do we`);
  }

  const outcomes: StepOutcome[] = [];
  const started = Date.now();
  const groups = groupConcurrent(timeline);
  const signed = new Map<string, URLSearchParams>();
  let index = 0;
  for (const group of groups) {
    if (speed > 0 && group[0].pauseMs > 0 && !options.dryRun) await sleep(group[0].pauseMs / speed);
    const results = await Promise.all(
      group.map((step) => {
        index++;
        const ctx = { ...options, shop, toml, speed, scenarioSize: timeline.length, started, log };
        return step.kind === "storefront" ? requestStep(step, index, ctx, signed) : deliverStep(step, index, ctx);
      }),
    );
    outcomes.push(...results);
  }

  const webhooks = outcomes.filter((o) => o.step.kind !== "storefront");
  const delivered = webhooks.filter((o) => o.attempts.at(-1)?.ok).length;
  // A storefront request fails when Herald answers otherwise than the story expects (a refused replay is expected).
  const failed = webhooks.filter((o) => o.attempts.length > 0 && !o.attempts.at(-1)?.ok).length + outcomes.filter((o) => o.unexpected).length;
  const expected = expectedShippingMessages(scenario);
  log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${delivered} delivered, ${failed} failed${notSubscribed.length ? `, ${outcomes.filter((o) => o.notSent).length} not subscribed` : ""}.`);
  if (scenario.backInStock) {
    log("Expected with Herald's default settings (2 alerts per unit, SMS double opt-in):");
    for (const line of describeExpectedBackInStock(scenario)) log(`  ${line}`);
  } else {
    log("Expected with Herald's default settings (email only, no in_transit message):");
    for (const line of describeExpected(scenario)) log(`  ${line}`);
  }
  if (scenario.delays) {
    // On a live Herald the story's two weeks arrive in seconds: notices whose deadline is long past go
    // out at once, subject to the cap, spacing and 7-day limit. The times below hold on a virtual clock.
    log("Expected delay notices (played on a virtual clock, as tests/integration/delay-notices.test.ts does):");
    for (const line of describeExpectedDelays(scenario)) log(`  ${line}`);
  }
  return { scenario, outcomes, delivered, failed, notSubscribed, expected };
}

function groupConcurrent(steps: TimelineStep[]): TimelineStep[][] {
  const groups: TimelineStep[][] = [];
  for (const step of steps) {
    if (step.concurrent && groups.length) groups[groups.length - 1].push(step);
    else groups.push([step]);
  }
  return groups;
}

const MARKS: Record<ScenarioStep["delivery"] | StorefrontStep["delivery"], string> = {
  first: "",
  duplicate: " [duplicate: same webhook id]",
  retry: " [Shopify retry: same webhook id, no 2xx seen in time]",
  late: " [late: older news arriving after newer]",
  double_submit: " [double submit: same signature, same body]",
};

type StepContext = PlayOptions & { shop: string; toml: AppToml; speed: number; scenarioSize: number; started: number; log: (line: string) => void };

async function deliverStep(step: ScenarioStep, index: number, ctx: StepContext): Promise<StepOutcome> {
  const counter = `${String(index).padStart(2)}/${ctx.scenarioSize}`;
  const clock = `+${((Date.now() - ctx.started) / 1000).toFixed(1).padStart(4)}s`;
  const mark = MARKS[step.delivery] + (step.concurrent ? " [sent concurrently with the previous one]" : "");
  const line = `  ${counter} ${clock} ${step.topic.padEnd(26)} ${step.description}${mark}`;
  const subscription = findSubscription(ctx.toml, step.topic);
  if (!subscription) {
    ctx.log(`${line} -> not subscribed`);
    return { step, url: null, attempts: [], notSent: "topic not subscribed in shopify.app.toml" };
  }
  const url = deliveryUrl(ctx.appUrl, subscription.uri, ctx.toml.applicationUrl);
  const body = subscription.includeFields ? JSON.stringify(applyIncludeFields(JSON.parse(step.body), subscription.includeFields)) : step.body;
  if (ctx.dryRun) {
    ctx.log(`${line} -> would POST ${url} (webhook ${step.webhookId.slice(0, 8)})`);
    return { step, url, attempts: [], notSent: "dry run" };
  }
  await registerPlatformRecords(step, ctx);
  await recordInStore(step, ctx);
  if (ctx.drop?.(step)) {
    ctx.log(`${line} -> dropped on purpose (never delivered)`);
    return { step, url, attempts: [], notSent: "dropped on purpose" };
  }
  const attempts: DeliveryResult[] = [];
  const maxRetries = ctx.maxRetries ?? 2;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    if (attempt > 0 && ctx.speed > 0) await sleep(500 / ctx.speed);
    const result = await deliverWebhook({
      url,
      topic: step.topic,
      shop: ctx.shop,
      rawBody: body,
      secret: ctx.secret,
      apiVersion: ctx.apiVersion ?? ctx.toml.apiVersion ?? DEFAULT_API_VERSION,
      webhookId: step.webhookId,
      eventId: step.eventId,
      triggeredAt: step.triggeredAt,
      timeoutMs: ctx.timeoutMs,
    });
    attempts.push(result);
    const answer = result.status === null ? `no answer: ${result.error}` : `${result.status} (${result.durationMs} ms)`;
    ctx.log(`${attempt === 0 ? line : `        retry ${attempt} of webhook ${step.webhookId.slice(0, 8)}`} -> ${answer}`);
    if (result.ok) break;
    if (result.status === null && result.error?.startsWith("nothing is listening")) {
      throw new PlayError(`Herald is not reachable at ${new URL(url).origin}: start it (SHOPIFY_APP_URL=${ctx.appUrl}) before playing a scenario.`);
    }
    if (result.status === 401) {
      throw new PlayError(`Herald rejected the webhook's HMAC (401 at ${url}): run the simulator with the same SHOPIFY_API_SECRET as Herald.`);
    }
    if (result.status === 404 && attempt === 0) {
      ctx.log(`        ! ${url} is 404: does Herald have a route for the uri shopify.app.toml declares for ${step.topic}?`);
    }
  }
  return { step, url, attempts, notSent: null };
}

/**
 * A shopper's browser posting to the storefront: Shopify's app proxy signs the request and forwards
 * it to Herald. A double submit sends the first request's very query and body again.
 */
async function requestStep(step: StorefrontStep, index: number, ctx: StepContext, signed: Map<string, URLSearchParams>): Promise<StepOutcome> {
  const counter = `${String(index).padStart(2)}/${ctx.scenarioSize}`;
  const clock = `+${((Date.now() - ctx.started) / 1000).toFixed(1).padStart(4)}s`;
  const line = `  ${counter} ${clock} ${`POST /${ctx.toml.appProxy?.prefix ?? "apps"}/${ctx.toml.appProxy?.subpath ?? "herald"}/${step.path}`.padEnd(26)} ${step.description}${MARKS[step.delivery]}`;
  if (!step.sameAs && !ctx.dryRun) await afterSameRequest(ctx.shop, step);
  const request = forwardedRequest(step, { appUrl: ctx.appUrl, toml: ctx.toml, shop: ctx.shop, secret: ctx.secret, query: step.sameAs ? signed.get(step.sameAs) : undefined });
  if (ctx.dryRun) {
    ctx.log(`${line} -> would POST ${storefrontAddress(ctx.shop, ctx.toml, step.path)} (forwarded to ${request.url.split("?")[0]})`);
    return { step, url: request.url, attempts: [], notSent: "dry run" };
  }
  await registerPlatformRecords(step, ctx);
  signed.set(step.requestId, request.query);
  const started = performance.now();
  let status: number | null = null;
  let body = "";
  let error: string | null = null;
  try {
    const response = await fetch(request.url, { ...request.init, redirect: "manual", signal: AbortSignal.timeout(ctx.timeoutMs ?? 10_000) });
    status = response.status;
    body = await response.text();
  } catch (e) {
    error = describeFetchError(e, request.url, ctx.timeoutMs ?? 10_000);
  }
  const result: DeliveryResult = { url: request.url, headers: request.init.headers, status, ok: status !== null && status >= 200 && status < 300, durationMs: Math.round(performance.now() - started), responseBody: body, error };
  if (status === null && error?.startsWith("nothing is listening")) {
    throw new PlayError(`Herald is not reachable at ${new URL(request.url).origin}: start it (SHOPIFY_APP_URL=${ctx.appUrl}) before playing a scenario.`);
  }
  const signup = status === 200 ? (safeJson(body) as { status?: string } | null)?.status : undefined;
  const asExpected = status === step.expect.status && (!step.expect.signup || signup === step.expect.signup);
  const answer = status === null ? `no answer: ${error}` : `${status}${signup ? ` ${signup}` : ""} (${result.durationMs} ms)`;
  ctx.log(`${line} -> ${answer}${asExpected ? "" : ` ! expected ${step.expect.status}${step.expect.signup ? ` ${step.expect.signup}` : ""}`}`);
  if (!asExpected && status === 401 && step.delivery === "first") {
    ctx.log(`        ! Herald refused the app proxy signature: run the simulator with the same SHOPIFY_API_SECRET as Herald.`);
  }
  return { step, url: request.url, attempts: [result], notSent: null, ...(asExpected ? {} : { unexpected: answer }) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Tell the simulator what Herald may ask about this step (see ScenarioStep.platformRecords). */
async function registerPlatformRecords(step: ScenarioStep | StorefrontStep, ctx: StepContext): Promise<void> {
  if (!step.platformRecords?.length) return;
  if (!ctx.simulatorUrl) {
    ctx.log(`        ! no simulator URL: Herald's GraphQL lookups for ${step.description} will find nothing (set SHOPIFY_API_BASE_URL)`);
    return;
  }
  for (const record of step.platformRecords) {
    const endpoint = record.kind === "customer" ? "customers" : record.kind === "variant" ? "variants" : "fulfillment-orders";
    const response = await fetch(`${ctx.simulatorUrl.replace(/\/+$/, "")}/_sim/shops/${ctx.shop}/${endpoint}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(record),
    }).catch(() => null);
    if (!response?.ok) ctx.log(`        ! the simulator did not take ${record.id} (${response?.status ?? "unreachable"}); is ${ctx.shop} installed?`);
  }
}

/** The store's own data changes whether or not the webhook gets through: tell the simulator. */
async function recordInStore(step: ScenarioStep, ctx: StepContext): Promise<void> {
  if (!ctx.simulatorUrl) return;
  const response = await fetch(`${ctx.simulatorUrl.replace(/\/+$/, "")}/_sim/shops/${ctx.shop}/webhooks`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ topic: step.topic, body: step.body, triggeredAt: step.triggeredAt }),
  }).catch(() => null);
  if (!response?.ok) ctx.log(`        ! the simulator did not record ${step.topic} for ${step.order} (${response?.status ?? "unreachable"}); is ${ctx.shop} installed?`);
}

async function shopFacts(options: PlayOptions, shop: string, log: (line: string) => void): Promise<{ timezone: string; currency: string }> {
  const fallback = { timezone: options.timezone ?? "America/New_York", currency: options.currency ?? "USD" };
  if (!options.simulatorUrl || (options.timezone && options.currency)) return fallback;
  try {
    const response = await fetch(`${options.simulatorUrl.replace(/\/+$/, "")}/_sim/shops`, { signal: AbortSignal.timeout(3000) });
    const { shops } = (await response.json()) as { shops: Array<{ domain: string; timezone: string; currency: string }> };
    const found = shops.find((s) => s.domain === shop);
    if (!found) {
      log(`  ! the simulator does not know ${shop}: install it first (npm run simulate -- install --shop ${shop}); Herald may ignore webhooks of shops it has not installed`);
      return fallback;
    }
    return { timezone: options.timezone ?? found.timezone, currency: options.currency ?? found.currency };
  } catch {
    log(`  ! could not reach the simulator at ${options.simulatorUrl}; using ${fallback.timezone} and ${fallback.currency}`);
    return fallback;
  }
}
