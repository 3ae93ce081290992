import { alertsSentExpression, attributeOrder } from "../backinstock/attribution.server";
import { db, type Tx } from "../db.server";
import { boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { sql } from "../db/sql.server";
import { transaction } from "../db/transaction.server";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { recordFulfillmentEvent, setFulfillmentOrderOrder, upsertFulfillment, upsertFulfillmentOrder, upsertOrder } from "../models/facts.server";
import { evaluateOrder } from "../pipeline/evaluate.server";
import { adminQuery } from "../shopify/admin.server";
import { RECONCILE_ORDERS_QUERY, RECONCILE_PAGE_SIZE } from "../shopify/queries";
import { withCompleteLineItems } from "./complete-lists.server";
import { orderFactsFromApi, reconcileOrdersPage, type OrderFactsFromApi, type ReconcileOrderNode, type ReconcileOrdersPage } from "./map";

// Shopify does not guarantee webhook delivery. Every RECONCILE_EVERY_MS each installed shop's
// orders updated since the last check are read from the Admin API and fed through the same fact
// recording and decisions as webhooks: a lost webhook still produces its message, and the
// Message dedup keys keep it to one.

/** How often each shop is checked. */
export const RECONCILE_EVERY_MS = 15 * 60_000;
/** Read back this far before the cursor: an order updated while the last page was read is not missed. */
export const RECONCILE_OVERLAP_MS = 5 * 60_000;
/** A shop with no cursor yet (installed before reconciliation existed) starts this far back. */
const FIRST_LOOKBACK_MS = 24 * 3_600_000;
/**
 * How long one run reads pages before it hands over to a continuation job: well inside the embedded
 * queue's 60 s lease (a page started just before the budget ends still has to finish), so a busy
 * shop's check is never retaken by a second worker while the first is still reading.
 */
export const RECONCILE_BUDGET_MS = 20_000;

/** Where a check that used up its budget goes on: the same search, after the last page recorded. */
export interface ResumePoint {
  query: string;
  after: string;
}

const realNow = () => performance.timeOrigin + performance.now();

/** The next 15-minute boundary strictly after `now`. */
export function nextReconcileAt(now: Date): Date {
  return new Date((Math.floor(now.getTime() / RECONCILE_EVERY_MS) + 1) * RECONCILE_EVERY_MS);
}

/**
 * Make sure the shop's next check is scheduled (idempotent: keyed by shop and slot). Recorded: each
 * check schedules the next, so on BullMQ an add lost after its row was written would end the chain
 * until a worker starts; the sweeper enqueues it again from its Job row instead.
 */
export async function scheduleReconcile(shop: string, now: Date): Promise<void> {
  const at = nextReconcileAt(now);
  await queue().enqueue("reconcile-shop", { shop }, { runAt: at, key: `reconcile:${shop}:${at.toISOString()}`, recorded: true });
}

/** At install: checks start from now (nothing before install is news) and the first is scheduled. */
export async function startReconciling(shop: string, now: Date, opts: { fresh: boolean }): Promise<void> {
  if (opts.fresh) await db.shop.updateMany({ where: { domain: shop }, data: { reconciledAt: now } });
  await scheduleReconcile(shop, now);
}

/** At worker start: every installed shop has its next check scheduled. */
export async function ensureReconcileSchedules(now: Date): Promise<void> {
  const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true } });
  for (const { domain } of shops) await scheduleReconcile(domain, now);
}

/**
 * The "reconcile-shop" job: schedule the next check first (a failing one must not end the chain),
 * then check. A continuation (`resume`) only goes on with its check: the next one is scheduled.
 */
export async function runReconcileJob(shop: string, now: Date, resume?: ResumePoint): Promise<void> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true } });
  if (!row || row.uninstalledAt) return;
  if (!resume) await scheduleReconcile(shop, now);
  await reconcileShop(shop, now, { resume });
}

/** The Admin API search for orders updated at or after `since`. */
export function updatedSinceQuery(since: Date): string {
  return `updated_at:>='${since.toISOString()}'`;
}

/**
 * Read every order updated since the shop's cursor, page by page, record and evaluate each, and
 * move the cursor after each page. THROTTLED surfaces as RetryLater (app/shopify/admin.server.ts):
 * the job runs again once the bucket has refilled and starts from the last recorded page. After
 * `budgetMs` (RECONCILE_BUDGET_MS) of reading, the rest goes to a continuation job keyed by its
 * page cursor, which resumes the same search there; at least one page is read per run.
 * Returns how many orders were read, how many messages they produced, and whether it handed over.
 */
export async function reconcileShop(
  shop: string,
  now: Date,
  opts: { budgetMs?: number; resume?: ResumePoint } = {},
): Promise<{ orders: number; messages: number; handedOver: boolean }> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true, reconciledAt: true, installedAt: true } });
  if (!row || row.uninstalledAt) return { orders: 0, messages: 0, handedOver: false };
  // Without the offline session there is no Admin API access: retrying would not change that.
  if (!(await db.session.findFirst({ where: { shop, isOnline: false }, select: { id: true } }))) {
    log.warn("reconcile.no_session", { shop });
    return { orders: 0, messages: 0, handedOver: false };
  }
  let cursor = row.reconciledAt ?? new Date(Math.max(row.installedAt.getTime(), now.getTime() - FIRST_LOOKBACK_MS));
  const query = opts.resume?.query ?? updatedSinceQuery(new Date(cursor.getTime() - RECONCILE_OVERLAP_MS));
  const startedAt = realNow();
  const budgetMs = opts.budgetMs ?? RECONCILE_BUDGET_MS;

  let after: string | null = opts.resume?.after ?? null;
  let orders = 0;
  let messages = 0;
  let alertsSent: boolean | undefined;
  for (let pages = 0; ; pages++) {
    if (after && pages > 0 && realNow() - startedAt >= budgetMs) {
      const resume: ResumePoint = { query, after };
      await queue().enqueue("reconcile-shop", { shop, resume }, { runAt: now, key: `reconcile:${shop}:after:${query}:${after}` });
      log.info("reconcile.handover", { shop, orders, messages });
      return { orders, messages, handedOver: true };
    }
    const data: unknown = await adminQuery<unknown>(shop, RECONCILE_ORDERS_QUERY, { first: RECONCILE_PAGE_SIZE, after, query });
    const page: ReconcileOrdersPage["orders"] = reconcileOrdersPage.parse(data).orders;
    const complete: ReconcileOrderNode[] = [];
    for (const node of page.nodes) {
      const full = await withCompleteLineItems(shop, node);
      if (full) complete.push(full);
    }
    const facts = complete.map(orderFactsFromApi);
    await transaction(async (tx) => {
      for (const f of facts) await recordOrderFacts(tx, shop, f);
    });
    for (const f of facts) messages += await evaluateOrder(shop, f.order.id, now);
    // An order whose orders/create was lost may be one a back-in-stock alert brought (recorded once).
    alertsSent ??= await shopSentAlerts(shop);
    for (const f of facts) await attributeOrder(shop, f.order, alertsSent);
    orders += facts.length;
    const newest = facts.reduce<Date | null>((max, f) => (!max || f.order.updated_at > max ? f.order.updated_at : max), null);
    // Only after the page is recorded, and only forward: an overlap re-read never moves it back.
    if (newest && newest > cursor) {
      await db.shop.updateMany({ where: { domain: shop }, data: { reconciledAt: newest } });
      cursor = newest;
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  log.info("reconcile.done", { shop, orders, messages });
  return { orders, messages, handedOver: false };
}

/** Whether the shop ever sent a back-in-stock alert: if not, no order of theirs is attributed (no query per order). */
async function shopSentAlerts(shop: string): Promise<boolean> {
  const row = await (await sqlRunner()).get<{ sent: unknown }>(sql`SELECT ${alertsSentExpression(sql`${shop}`)} AS "sent"`);
  return boolOf(row?.sent);
}

/**
 * The same fact writes the webhooks make (app/webhooks/topics.server.ts), newer data winning; a
 * copy of the version already held changes nothing (it may have come from the webhook itself).
 */
async function recordOrderFacts(tx: Tx, shop: string, f: OrderFactsFromApi): Promise<void> {
  await upsertOrder(tx, shop, f.order, "keep");
  for (const fulfillment of f.fulfillments) await upsertFulfillment(tx, shop, fulfillment, "keep");
  for (const event of f.events) await recordFulfillmentEvent(tx, shop, event);
  for (const fo of f.fulfillmentOrders) {
    await upsertFulfillmentOrder(tx, shop, fo.payload, fo.stateAt);
    await setFulfillmentOrderOrder(tx, shop, fo.payload.fulfillment_order.id, fo.orderId);
  }
}
