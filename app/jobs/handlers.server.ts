import { alertsSentExpression, attributeOrder } from "../backinstock/attribution.server";
import { runFanout } from "../backinstock/fanout.server";
import { applyStockNews } from "../backinstock/restock.server";
import { confirmSubscription } from "../backinstock/signup.server";
import { db } from "../db.server";
import { boolOf } from "../db/rows";
import { sqlRunner } from "../db/runner.server";
import { sql } from "../db/sql.server";
import { setFulfillmentOrderOrder } from "../models/facts.server";
import { adminQuery } from "../shopify/admin.server";
import { FULFILLMENT_ORDER_ORDER_QUERY } from "../shopify/queries";
import { redactCustomer, redactShop } from "../models/privacy.server";
import { deliverMessage } from "../pipeline/deliver.server";
import { sendDigest } from "../pipeline/digest.server";
import { evaluateOrder, evaluationColumns, evaluationOf, type EvaluationCells } from "../pipeline/evaluate.server";
import { runReconcileJob } from "../reconcile/reconcile.server";
import { parseShopifyJson } from "../webhooks/json";
import { customersRedactPayload, type OrderPayload } from "../webhooks/schemas";
import { TOPICS, isTopic } from "../webhooks/topics.server";
import type { StockNews } from "../backinstock/stock-news";
import { runRetention } from "./retention.server";
import type { JobHandlers } from "./types";
import { WriteSet } from "./writes.server";

/**
 * Apply one recorded webhook event. Idempotent: a processed event is left alone. An event about an
 * order is marked processed in the same transaction as what evaluating the order writes.
 */
async function processEvent(eventId: string, now: Date): Promise<void> {
  const runner = await sqlRunner();
  // The event with what evaluating the order it names reads (one round trip, not two).
  // A new order's event also says whether the shop ever sent a back-in-stock alert (see attributeOrder).
  const event = await runner.get<{ shop: string; topic: string; payload: string; status: string; orderId: string | null; alertsSent: unknown } & EvaluationCells>(
    sql`SELECT ev."shop", ev."topic", ev."payload", ev."status", ev."orderId", ${evaluationColumns(sql`ev."shop"`, sql`ev."orderId"`)},
               CASE WHEN ev."topic" = 'orders/create' THEN ${alertsSentExpression(sql`ev."shop"`)} END AS "alertsSent"
        FROM "WebhookEvent" ev WHERE ev."id" = ${eventId}`,
  );
  if (!event || event.status !== "RECEIVED") return;
  if (!isTopic(event.topic)) throw new Error(`Event ${eventId} has unknown topic ${event.topic}`);
  const spec = TOPICS[event.topic];
  const payload = spec.schema.parse(parseShopifyJson(event.payload));
  const processed = new WriteSet();
  processed.add(sql`UPDATE "WebhookEvent" SET "status" = 'PROCESSED', "processedAt" = ${now} WHERE "id" = ${eventId}`);

  if ("orderId" in spec && spec.orderId) {
    // A new order may be one a back-in-stock alert brought (recorded once however often this runs).
    if (event.topic === "orders/create") await attributeOrder(event.shop, payload as OrderPayload, boolOf(event.alertsSent));
    // The event names its order (recorded at ingest) and its read holds that order's state; an
    // event recorded before events named their order has its order taken from the payload and read.
    const orderId = event.orderId ?? (spec.orderId as (p: unknown) => string)(payload);
    await evaluateOrder(event.shop, orderId, now, processed, event.orderId ? evaluationOf(event) : undefined);
    return;
  }
  if ("fulfillmentOrderId" in spec && spec.fulfillmentOrderId) {
    const orderId = await orderOfFulfillmentOrder(event.shop, (spec.fulfillmentOrderId as (p: unknown) => string)(payload));
    if (orderId) {
      await evaluateOrder(event.shop, orderId, now, processed);
      return;
    }
  } else if ("stock" in spec && spec.stock) {
    for (const news of (spec.stock as (p: unknown) => StockNews[])(payload)) await applyStockNews(event.shop, news, now);
  } else if (event.topic === "customers/redact") {
    const p = customersRedactPayload.parse(payload);
    await redactCustomer(event.shop, { email: p.customer.email ?? null, phone: p.customer.phone ?? null }, p.orders_to_redact);
  } else if (event.topic === "shop/redact") {
    await redactShop(event.shop);
  }
  await processed.commit();
}

/** The order of a fulfillment order: recorded once, asked of the Admin API the first time. */
async function orderOfFulfillmentOrder(shop: string, id: string): Promise<string | null> {
  const known = await db.fulfillmentOrder.findUnique({ where: { shop_id: { shop, id } }, select: { orderId: true } });
  if (known?.orderId) return known.orderId;
  const data = await adminQuery<{ fulfillmentOrder: { order: { id: string } } | null }>(shop, FULFILLMENT_ORDER_ORDER_QUERY, {
    id: `gid://shopify/FulfillmentOrder/${id}`,
  });
  const gid = data.fulfillmentOrder?.order.id;
  if (!gid) return null; // Deleted, or not visible to the app: nothing to tell anyone.
  const orderId = gid.slice(gid.lastIndexOf("/") + 1);
  await setFulfillmentOrderOrder(db, shop, id, orderId);
  return orderId;
}

/**
 * A process-event job's last run failed: the event becomes FAILED with the reason, so it shows in
 * the admin and can be replayed, instead of staying RECEIVED with no job left to process it.
 */
async function giveUpEvent(eventId: string, error: unknown, attempts: number): Promise<void> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const runner = await sqlRunner();
  await runner.run(sql`
    UPDATE "WebhookEvent" SET "status" = 'FAILED', "error" = ${`Processing failed ${attempts} times, the last: ${reason}`}
    WHERE "id" = ${eventId} AND "status" = 'RECEIVED'`);
}

/** Every job Herald runs, by name. */
export const handlers: JobHandlers = {
  "process-event": async ({ eventId }, ctx) => {
    try {
      await processEvent(eventId, ctx.now());
    } catch (error) {
      if (ctx.lastAttempt) await giveUpEvent(eventId, error, ctx.attempt);
      throw error;
    }
  },
  "evaluate-order": async ({ shop, orderId }, ctx) => void (await evaluateOrder(shop, orderId, ctx.now())),
  "send-digest": ({ shop, date, at }, ctx) => sendDigest(shop, date, ctx.now(), at),
  "deliver-message": ({ messageId }, ctx) => deliverMessage(messageId, ctx.now()),
  "reconcile-shop": ({ shop, resume }, ctx) => runReconcileJob(shop, ctx.now(), resume),
  "backinstock-confirm": ({ subscriptionId, sms }, ctx) => confirmSubscription(subscriptionId, ctx.now(), { sms: sms ?? true }),
  "backinstock-fanout": ({ restockId, run, notBefore }, ctx) => runFanout(restockId, run, ctx.now(), { notBefore }),
  "purge-expired": async (payload, ctx) => void (await runRetention(payload, ctx.now())),
};
