import { z } from "zod";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { db } from "../db.server";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import type { ShopFacts } from "../notifications/types";
import { startReconciling } from "../reconcile/reconcile.server";
import { SHOP_INFO_QUERY } from "../shopify/queries";

const shopInfoSchema = z.object({
  data: z.object({
    shop: z.object({
      name: z.string(),
      email: z.string().nullish(),
      contactEmail: z.string().nullish(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
    }),
    shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean() })).default([]),
  }),
});

/** After a merchant opens or installs the app: read the shop's facts and mark it installed. */
export async function recordInstall(domain: string, admin: AdminApiContext): Promise<void> {
  const response = await admin.graphql(SHOP_INFO_QUERY);
  const body = shopInfoSchema.parse(await response.json());
  const { shop, shopLocales } = body.data;
  const facts = {
    name: shop.name,
    email: shop.contactEmail ?? shop.email ?? null,
    timezone: shop.ianaTimezone,
    currency: shop.currencyCode,
    primaryLocale: shopLocales.find((l) => l.primary)?.locale ?? "en",
  };
  const before = await db.shop.findUnique({ where: { domain }, select: { uninstalledAt: true } });
  await db.shop.upsert({
    where: { domain },
    create: { domain, ...facts },
    update: { ...facts, uninstalledAt: null },
  });
  // A new install or a reinstall checks for missed webhooks from now on, never further back.
  await startReconciling(domain, new Date(), { fresh: !before || before.uninstalledAt !== null });
}

/** A shop that has Herald installed now, or null. */
export async function findInstalledShop(domain: string) {
  const shop = await db.shop.findUnique({ where: { domain } });
  return shop && !shop.uninstalledAt ? shop : null;
}

/** app/uninstalled: stop sending at once and drop sessions; data stays until shop/redact. */
export async function markUninstalled(domain: string, at: Date): Promise<void> {
  await db.$transaction([
    db.shop.updateMany({ where: { domain, uninstalledAt: null }, data: { uninstalledAt: at } }),
    db.session.deleteMany({ where: { shop: domain } }),
  ]);
}

export function toShopFacts(shop: {
  domain: string;
  name: string;
  email: string | null;
  timezone: string;
  primaryLocale: string;
  currency: string;
}): ShopFacts {
  return {
    domain: shop.domain,
    name: shop.name,
    email: shop.email,
    timezone: shop.timezone,
    primaryLocale: shop.primaryLocale,
    currency: shop.currency,
  };
}

export async function loadShopSettings(domain: string): Promise<ShopSettings> {
  const shop = await db.shop.findUnique({ where: { domain }, select: { settings: true } });
  return parseSettings(shop?.settings);
}
