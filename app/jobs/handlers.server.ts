import { db } from "../db.server";
import { redactCustomer, redactShop } from "../models/privacy.server";
import { deliverMessage } from "../pipeline/deliver.server";
import { evaluateOrder } from "../pipeline/evaluate.server";
import { parseShopifyJson } from "../webhooks/json";
import { customersRedactPayload } from "../webhooks/schemas";
import { TOPICS, isTopic } from "../webhooks/topics.server";
import type { JobHandlers } from "./types";

/** Apply one recorded webhook event. Idempotent: a processed event is left alone. */
async function processEvent(eventId: string, now: Date): Promise<void> {
  const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!event || event.status !== "RECEIVED") return;
  if (!isTopic(event.topic)) throw new Error(`Event ${eventId} has unknown topic ${event.topic}`);
  const spec = TOPICS[event.topic];
  const payload = spec.schema.parse(parseShopifyJson(event.payload));

  if ("orderId" in spec && spec.orderId) {
    await evaluateOrder(event.shop, (spec.orderId as (p: unknown) => string)(payload), now);
  } else if (event.topic === "customers/redact") {
    const p = customersRedactPayload.parse(payload);
    await redactCustomer(event.shop, { email: p.customer.email ?? null, phone: p.customer.phone ?? null }, p.orders_to_redact);
  } else if (event.topic === "shop/redact") {
    await redactShop(event.shop);
  }
  await db.webhookEvent.updateMany({ where: { id: eventId }, data: { status: "PROCESSED", processedAt: now } });
}

/** Every job Herald runs, by name. */
export const handlers: JobHandlers = {
  "process-event": ({ eventId }, ctx) => processEvent(eventId, ctx.now()),
  "deliver-message": ({ messageId }, ctx) => deliverMessage(messageId, ctx.now()),
};
