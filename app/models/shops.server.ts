import { z } from "zod";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { db } from "../db.server";
import { log } from "../log.server";
import { dateOrNull } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { jsonCell, jsonObject } from "../db/json-sql.server";
import { sql, type Sql } from "../db/sql.server";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import type { ShopFacts } from "../notifications/types";
import { startReconciling } from "../reconcile/reconcile.server";
import { SHOP_INFO_QUERY, SHOP_LOCALES_QUERY } from "../shopify/queries";

const shopInfoSchema = z.object({
  data: z.object({
    shop: z.object({
      name: z.string(),
      email: z.string().nullish(),
      contactEmail: z.string().nullish(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
    }),
  }),
});

const shopLocalesSchema = z.object({
  data: z.object({ shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean() })) }),
});

/** After a merchant opens or installs the app: read the shop's facts and mark it installed. */
export async function recordInstall(domain: string, admin: AdminApiContext): Promise<void> {
  const response = await admin.graphql(SHOP_INFO_QUERY);
  const { shop } = shopInfoSchema.parse(await response.json()).data;
  const primaryLocale = await readPrimaryLocale(domain, admin);
  const facts = {
    name: shop.name,
    email: shop.contactEmail ?? shop.email ?? null,
    timezone: shop.ianaTimezone,
    currency: shop.currencyCode,
  };
  const before = await db.shop.findUnique({ where: { domain }, select: { uninstalledAt: true } });
  await db.shop.upsert({
    where: { domain },
    create: { domain, ...facts, primaryLocale: primaryLocale ?? "en" },
    // installedAt: when Herald last got the shop's offline token, the start of the current
    // installation (a late app/uninstalled retry triggered before it is ignored). A language that
    // could not be read keeps the one recorded before.
    update: { ...facts, ...(primaryLocale && { primaryLocale }), installedAt: new Date(), uninstalledAt: null },
  });
  // A new install or a reinstall checks for missed webhooks from now on, never further back.
  await startReconciling(domain, new Date(), { fresh: !before || before.uninstalledAt !== null });
}

/**
 * The shop's primary language, or null when Shopify will not say: a shop that granted Herald's
 * scopes before read_locales was asked for answers ACCESS_DENIED, and a failed read here must not
 * fail the install (templates then default to English, or to the language recorded before).
 */
async function readPrimaryLocale(domain: string, admin: AdminApiContext): Promise<string | null> {
  try {
    const response = await admin.graphql(SHOP_LOCALES_QUERY);
    const { shopLocales } = shopLocalesSchema.parse(await response.json()).data;
    return shopLocales.find((l) => l.primary)?.locale ?? null;
  } catch (error) {
    log.warn("shop.locales_unreadable", { shop: domain, error: describeGraphqlFailure(error) });
    return null;
  }
}

function describeGraphqlFailure(error: unknown): string {
  const body = (error as { body?: { errors?: unknown } }).body;
  if (body?.errors) return JSON.stringify(body.errors).slice(0, 500);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every admin page load: a shop whose session is valid but whose install was never recorded (the
 * install's first page failed after Shopify issued the token, so afterAuth will not run again) or
 * is marked uninstalled (the merchant has the app open, so it is installed) is recorded now. One
 * indexed read when the row is fine; the Admin API is asked only when it is not.
 */
export async function ensureInstallRecorded(domain: string, admin: AdminApiContext): Promise<void> {
  const row = await db.shop.findUnique({ where: { domain }, select: { uninstalledAt: true } });
  if (row && row.uninstalledAt === null) return;
  log.info("shop.install_recorded_late", { shop: domain, known: row !== null });
  await recordInstall(domain, admin);
}

/** Just the facts templates see, from a shop row or a JobShop (which carry more). */
export function toShopFacts(shop: ShopFacts): ShopFacts {
  return {
    domain: shop.domain,
    name: shop.name,
    email: shop.email,
    timezone: shop.timezone,
    primaryLocale: shop.primaryLocale,
    currency: shop.currency,
  };
}

/** A shop as the worker reads it for every job. */
export interface JobShop extends ShopFacts {
  /** Parsed and frozen: shared by every job that read the same stored settings. */
  settings: ShopSettings;
  uninstalledAt: Date | null;
}

// Parsing a shop's settings (zod) costs more than reading the row. Each shop's parse is kept with
// the stored JSON it came from: a saved change, from any process, is a different string and is
// parsed again, so nothing needs invalidating.
const parsedSettings = new Map<string, { json: string; settings: ShopSettings }>();
const MAX_CACHED_SHOPS = 1000;

function cachedSettings(domain: string, json: string): ShopSettings {
  const cached = parsedSettings.get(domain);
  if (cached && cached.json === json) return cached.settings;
  const settings = deepFreeze(parseSettings(json));
  if (parsedSettings.size >= MAX_CACHED_SHOPS && !cached) parsedSettings.delete(parsedSettings.keys().next().value as string);
  parsedSettings.set(domain, { json, settings });
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const JOB_SHOP = jsonObject("sh", ["domain", "name", "email", "timezone", "primaryLocale", "currency", "settings", "uninstalledAt"], ["uninstalledAt"]);
type JobShopRow = Omit<JobShop, "settings" | "uninstalledAt"> & { settings: string; uninstalledAt: unknown };

/**
 * A select-list column "jobShop": the shop `domain` names (a parameter or the outer query's column) as
 * a JSON object, null when Herald never knew it. A job's query brings its shop this way in the same
 * round trip; read back with jobShopOf. The subquery names its table sh (see orderStateColumns).
 */
export function jobShopColumn(domain: Sql): Sql {
  return sql`(SELECT ${JOB_SHOP} FROM "Shop" sh WHERE sh."domain" = ${domain}) AS "jobShop"`;
}

/** The JobShop of a jobShopColumn cell, or null. */
export function jobShopOf(cell: unknown): JobShop | null {
  if (cell === null || cell === undefined) return null;
  const row = jsonCell<JobShopRow>(cell);
  return { ...row, settings: cachedSettings(row.domain, row.settings), uninstalledAt: dateOrNull(row.uninstalledAt) };
}

/** The shop a job is for (one raw query: every job reads it), or null when Herald never knew it. */
export async function findJobShop(domain: string): Promise<JobShop | null> {
  const row = await (await sqlRunner()).get<{ jobShop: unknown }>(sql`SELECT ${jobShopColumn(sql`${domain}`)}`);
  return jobShopOf(row?.jobShop);
}

