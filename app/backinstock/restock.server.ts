import { db } from "../db.server";
import { transaction } from "../db/transaction.server";
import { log } from "../log.server";
import { applyVariantUpdate, variantIdOfInventoryItem, type VariantUpdate } from "../models/variants.server";
import { parseSettings } from "../notifications/settings";
import { enqueueFanoutRun, reachable } from "./fanout.server";
import { lookupInventoryItem, lookupVariant } from "./lookup.server";
import type { StockNews } from "./stock-news";

// A restock is a variant going from not available (or not recorded yet) to available. The facts and the restock are
// recorded in one transaction with the fan-out's first job, so processing the same webhook again
// (a retry, a duplicate) finds the variant already available: no second restock.

/**
 * Apply stock news for a shop (job process-event). An inventory item or a variant Herald has not
 * recorded is looked up through the Admin API first. Returns the restock opened, if any.
 */
export async function applyStockNews(shop: string, news: StockNews, now: Date): Promise<string | null> {
  const update = news.kind === "variant" ? await describe(shop, news.update, now) : await inventoryUpdate(shop, news, now);
  if (!update) return null;
  return transaction(async (tx) => {
    const { change } = await applyVariantUpdate(tx, shop, update);
    // A variant first recorded from stock news (looked up because someone waits for it: their
    // confirmation never got to record it) counts as sold out before: customers wait for it.
    if (!change || change.before === true || !change.after) return null;
    const settings = parseSettings((await tx.shop.findUnique({ where: { domain: shop }, select: { settings: true } }))?.settings).backInStock;
    if (!settings.enabled) return null;
    const waiting = await tx.stockSubscription.count({ where: reachable(shop, update.id) });
    if (waiting === 0) return null;
    // Units unknown (not tracked, or selling on when out): everyone waiting may buy, so everyone is told.
    const quota = change.units !== null && change.units > 0 ? change.units * settings.perUnit : waiting;
    // Stock that flaps back while its restock's fan-out is still going joins that restock: its room
    // grows by the new units (one statement, so a fan-out that ended the restock meanwhile leaves this
    // stock to a restock of its own; fanout.server.ts ends a restock DONE only under the quota it
    // judged). A restock that ended (DONE, STOPPED) lets a new one open: the customers it told are
    // NOTIFIED, so nobody hears twice.
    const joined = await tx.restock.updateMany({
      where: { shop, variantId: update.id, status: "OPEN", detectedAt: { gte: new Date(now.getTime() - settings.flapMinutes * 60_000) } },
      data: { quota: { increment: quota } },
    });
    if (joined.count > 0) {
      log.info("backinstock.flap_joined", { shop, variant: update.id, units: change.units, added: quota });
      return null;
    }
    const restock = await tx.restock.create({ data: { shop, variantId: update.id, units: change.units, quota, detectedAt: now } });
    await enqueueFanoutRun(restock.id, 0, { tx, runAt: now });
    log.info("backinstock.restock", { shop, variant: update.id, restock: restock.id, units: change.units, quota, waiting });
    return restock.id;
  });
}

/** A variant update with its descriptive fields, asked of the Admin API when the variant is new to Herald. */
async function describe(shop: string, update: VariantUpdate, now: Date): Promise<VariantUpdate | null> {
  if (update.productTitle !== undefined) return update;
  const held = await db.variant.findUnique({ where: { shop_id: { shop, id: update.id } }, select: { id: true } });
  if (held) return update;
  // Nobody waits for a variant Herald has never seen: no Admin API call for it.
  if ((await db.stockSubscription.count({ where: { shop, variantId: update.id, status: "WAITING" } })) === 0) return null;
  const found = await lookupVariant(shop, update.id, now);
  return found ? { ...found, available: update.available, inventoryQuantity: update.inventoryQuantity, at: update.at } : null;
}

/**
 * inventory_levels/update reports one location. A positive level makes the variant available with
 * those units; a zero at one location says nothing of the others, so it changes nothing (the
 * variants/out_of_stock and products/update webhooks report the variant's total).
 */
async function inventoryUpdate(shop: string, news: Extract<StockNews, { kind: "inventory_item" }>, now: Date): Promise<VariantUpdate | null> {
  if (news.available === null || news.available <= 0) return null;
  const known = await variantIdOfInventoryItem(shop, news.inventoryItemId);
  if (known) return { id: known, available: true, inventoryQuantity: news.available, at: news.at };
  // Which variant an unknown item is only matters while someone waits: no Admin API call otherwise.
  if ((await db.stockSubscription.count({ where: { shop, status: "WAITING" }, take: 1 })) === 0) return null;
  const found = await lookupInventoryItem(shop, news.inventoryItemId, now);
  if (!found) return null;
  // Recorded with the Admin API's description, and this webhook's stock news.
  return { ...found, available: true, inventoryQuantity: news.available, at: news.at };
}
