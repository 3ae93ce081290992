import { db } from "../db.server";
import { queue } from "../jobs/queue.server";
import { parseSettings } from "../notifications/settings";

// What Home shows a merchant getting started (a checklist) and whether Herald is working (health).

export interface Checklist {
  senderSet: boolean;
  triggerOn: boolean;
  testSent: boolean;
  storefrontBlockAdded: boolean;
}

/** Each step of getting started, read from the shop's settings and its messages. */
export async function onboardingChecklist(shop: string): Promise<Checklist> {
  const [row, tests] = await Promise.all([
    db.shop.findUnique({ where: { domain: shop }, select: { settings: true } }),
    // The template editor records each test send as a message with trigger "test".
    db.message.count({ where: { shop, trigger: "test", status: "SENT" } }),
  ]);
  const settings = parseSettings(row?.settings);
  return {
    senderSet: Boolean(settings.sender.fromName),
    triggerOn: settings.shipping.enabled || settings.delay.enabled,
    testSent: tests > 0,
    storefrontBlockAdded: settings.onboarding.storefrontBlockAdded,
  };
}

export interface Health {
  /** When the newest webhook from Shopify arrived for this shop. */
  lastWebhookAt: Date | null;
  /** Jobs waiting or running on Herald's queue (every shop's: one queue serves them all). */
  queueDepth: number;
  /** The newest thing that failed for this shop: a message that could not be sent, or a webhook that could not be read. */
  lastFailure: { kind: "message"; at: Date; trigger: string; step: string; channel: string; error: string | null } | { kind: "webhook"; at: Date; topic: string; error: string | null } | null;
}

export async function shopHealth(shop: string): Promise<Health> {
  const [webhook, stats, message, event] = await Promise.all([
    db.webhookEvent.findFirst({ where: { shop }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    queue().stats(),
    db.message.findFirst({ where: { shop, status: "FAILED" }, orderBy: { updatedAt: "desc" }, select: { updatedAt: true, trigger: true, step: true, channel: true, error: true } }),
    db.webhookEvent.findFirst({ where: { shop, status: "FAILED" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true, topic: true, error: true } }),
  ]);
  const failures: NonNullable<Health["lastFailure"]>[] = [];
  if (message) failures.push({ kind: "message", at: message.updatedAt, trigger: message.trigger, step: message.step, channel: message.channel, error: message.error });
  if (event) failures.push({ kind: "webhook", at: event.receivedAt, topic: event.topic, error: event.error });
  failures.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { lastWebhookAt: webhook?.receivedAt ?? null, queueDepth: stats.queued + stats.running, lastFailure: failures[0] ?? null };
}
