import { UsageError } from "./config";
import { secretFingerprint } from "./server";
import type { ExchangeRecord, GraphqlRecord, SimShop } from "./server/state";
import { adminHostParam, mintSessionToken } from "./session-token";
import { describeFetchError } from "./webhooks/send";

export interface InstallOptions {
  shop: string;
  appUrl: string;
  simulatorUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Shop facts for the simulator; unset ones keep their value or default. */
  name?: string;
  email?: string;
  timezone?: string;
  locale?: string;
  locales?: string[];
  currency?: string;
  /** How long to wait for Herald's first answer (the token exchange happens inside it). */
  timeoutMs?: number;
}

export interface InstallReport {
  shop: SimShop;
  /** Herald's answer to the admin's first load of the app. */
  status: number;
  /** Token exchanges Herald made during this install (0 when it already had a live session). */
  exchanges: ExchangeRecord[];
  /** Admin GraphQL calls Herald made during this install (its afterAuth hook reads ShopInfo). */
  graphqlCalls: GraphqlRecord[];
  appUrl: string;
}

/**
 * shopify-app-remix answers 410 Gone to anything `isbot` calls a bot, and Node's fetch ("node") is
 * one: the admin's iframe load must look like a browser.
 */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 HeraldStoreSimulator";

/** Something in the set-up is wrong; the message says what to do. */
export class InstallError extends Error {}

/**
 * Install a simulated shop into a running Herald through its real embedded-auth path: make sure the
 * simulator knows the shop, then load {appUrl}/app the way admin's iframe does (embedded=1, shop,
 * host, id_token). Herald verifies the session token, exchanges it with the simulator for an access
 * token and reads the shop's facts over GraphQL; we then check the simulator saw the exchange.
 */
export async function installShop(options: InstallOptions): Promise<InstallReport> {
  const sim = options.simulatorUrl.replace(/\/+$/, "");
  const app = options.appUrl.replace(/\/+$/, "");

  // 1. The simulator is up and speaks for the same app.
  const health = await getJson<{ apiKey: string; secretFingerprint: string }>(`${sim}/_sim/health`, "the simulator", () =>
    `Start it first: npm run simulate -- serve --port ${new URL(sim).port || 80}`);
  if (health.apiKey !== options.apiKey || health.secretFingerprint !== secretFingerprint(options.apiSecret)) {
    throw new InstallError(
      `The simulator at ${sim} runs with a different SHOPIFY_API_KEY/SHOPIFY_API_SECRET than this command. ` +
        `Start both (and Herald) with the same values.`,
    );
  }

  // 2. The shop exists there with the facts Herald will read.
  const shopBody = Object.fromEntries(
    Object.entries({
      domain: options.shop,
      name: options.name,
      email: options.email,
      timezone: options.timezone,
      locale: options.locale,
      locales: options.locales,
      currency: options.currency,
    }).filter(([, v]) => v !== undefined),
  );
  const created = await fetch(`${sim}/_sim/shops`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(shopBody),
  });
  const createdBody = (await created.json()) as { shop?: SimShop; error?: string };
  if (!created.ok || !createdBody.shop) throw new UsageError(`The simulator refused the shop: ${createdBody.error ?? created.status}`);
  const before = await simState(sim);

  // 3. Open the app as admin's iframe does.
  const url = new URL(`${app}/app`);
  url.search = new URLSearchParams({
    embedded: "1",
    shop: options.shop,
    host: adminHostParam(options.shop),
    id_token: await mintSessionToken({ shop: options.shop, apiKey: options.apiKey, apiSecret: options.apiSecret }),
    locale: createdBody.shop.locale,
  }).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: "manual",
      headers: { "User-Agent": BROWSER_USER_AGENT, Accept: "text/html" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new InstallError(
      `Herald is not reachable: ${describeFetchError(error, url.href, options.timeoutMs ?? 30_000)}. ` +
        `Start it with SHOPIFY_APP_URL=${app} SHOPIFY_API_BASE_URL=${sim} and the same API key/secret.`,
    );
  }
  const after = await simState(sim);
  const exchanges = after.exchanges.slice(before.exchanges.length).filter((e) => e.shop === options.shop);
  const graphqlCalls = after.graphqlCalls.slice(before.graphqlCalls.length).filter((g) => g.shop === options.shop);

  if (response.status !== 200) {
    throw new InstallError(explainFailure(response, exchanges, app, sim));
  }
  // 4. Herald must have talked to "Shopify" unless it already had a live session for the shop.
  const refused = exchanges.find((e) => e.outcome === "refused");
  if (refused) throw new InstallError(`Herald answered 200, but a token exchange was refused: ${refused.error}`);
  return { shop: createdBody.shop, status: response.status, exchanges, graphqlCalls, appUrl: url.origin };
}

function explainFailure(response: Response, exchanges: ExchangeRecord[], app: string, sim: string): string {
  const location = response.headers.get("location") ?? "";
  const head = `Herald answered ${response.status}${location ? ` (redirect to ${location})` : ""} to the admin's app load.`;
  if (response.status === 410) {
    return `${head} shopify-app-remix answers 410 to requests it takes for bots (User-Agent).`;
  }
  if (location.includes("/auth/login")) {
    return `${head} It did not accept the shop/host parameters: is Herald an embedded app with this API key?`;
  }
  if (location.includes("/auth/session-token")) {
    return `${head} It rejected the session token: Herald's SHOPIFY_API_KEY/SHOPIFY_API_SECRET differ from this command's.`;
  }
  if (exchanges.length === 0) {
    return `${head} It never called the simulator's token endpoint: start Herald with SHOPIFY_API_BASE_URL=${sim} (and check its log).`;
  }
  const refused = exchanges.find((e) => e.outcome === "refused");
  if (refused) return `${head} The simulator refused its token exchange: ${refused.error}`;
  return `${head} The token exchange succeeded, so look at Herald's log (${app}) for the error.`;
}

async function simState(sim: string): Promise<{ exchanges: ExchangeRecord[]; graphqlCalls: GraphqlRecord[] }> {
  return getJson(`${sim}/_sim/state`, "the simulator", () => "Is it still running?");
}

async function getJson<T>(url: string, what: string, hint: () => string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new InstallError(`Cannot reach ${what}: ${describeFetchError(error, url, 5000)}. ${hint()}`);
  }
  if (!response.ok) {
    throw new InstallError(`${url} answered ${response.status}: is ${new URL(url).origin} really ${what}? ${hint()}`);
  }
  return (await response.json()) as T;
}
