import { db, type Tx } from "../db.server";
import { transaction } from "../db/transaction.server";
import { deliverJobKey, digestJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { log } from "../log.server";
import { atRiskOrders, type AtRiskOrder } from "../models/risk.server";
import { parseSettings, type ShopSettings } from "../notifications/settings";
import { addDays, localDate, zonedTimeToInstant } from "../notifications/time";

const HOUR = 3_600_000;

/** The next moment it is `hour`:00 in the shop's zone, strictly after `now`. */
export function nextDigestAt(now: Date, timeZone: string, hour: number): { at: Date; date: string } {
  let date = localDate(now, timeZone);
  for (let i = 0; i < 3; i++) {
    const at = zonedTimeToInstant(date, hour * HOUR, timeZone);
    if (at.getTime() > now.getTime()) return { at, date };
    date = addDays(date, 1);
  }
  throw new Error("unreachable: no digest time within three days");
}

/**
 * Make sure the shop's next digest is scheduled, at its hour in its time zone as they are now
 * (idempotent: keyed by shop, local date and time). A job scheduled before the hour or the zone
 * changed stays in the queue but sends nothing when it comes (sendDigest). With `tx` (saving the
 * settings) the job is enqueued with that transaction. The job is recorded: on BullMQ a digest
 * whose add to Redis is lost is enqueued again by the sweeper from its Job row.
 */
export async function scheduleNextDigest(shop: string, now: Date, tx?: Tx): Promise<void> {
  const row = await (tx ?? db).shop.findUnique({ where: { domain: shop } });
  if (!row || row.uninstalledAt) return;
  const settings = parseSettings(row.settings).digest;
  if (!settings.enabled || !(settings.email ?? row.email)) return;
  const { at, date } = nextDigestAt(now, row.timezone, settings.hour);
  await queue().enqueue("send-digest", { shop, date, at: at.toISOString() }, { runAt: at, key: digestJobKey(shop, date, at), recorded: true, tx });
}

/** Whether a digest job for `date` due at `at` is the one the shop's settings and time zone ask for. */
function isDigestTime(digest: ShopSettings["digest"], timeZone: string, date: string, at: string): boolean {
  return digest.enabled && zonedTimeToInstant(date, digest.hour * HOUR, timeZone).toISOString() === at;
}

/** At start-up: every installed shop with a digest has its next one scheduled. */
export async function ensureDigestSchedules(now: Date): Promise<void> {
  const shops = await db.shop.findMany({ where: { uninstalledAt: null }, select: { domain: true } });
  for (const { domain } of shops) await scheduleNextDigest(domain, now);
}

/**
 * Build the day's digest as a Message row (so it is sent exactly once, through the same
 * delivery path, and shows in the log), then schedule tomorrow's. No at-risk order: no email.
 * A job due at `at` that the settings no longer ask for (the hour or the time zone changed, or the
 * digest was switched off) sends nothing and makes sure the right next one is scheduled.
 */
export async function sendDigest(shop: string, date: string, now: Date, at?: string): Promise<void> {
  const row = await db.shop.findUnique({ where: { domain: shop } });
  if (!row || row.uninstalledAt) return;
  const settings = parseSettings(row.settings).digest;
  if (at !== undefined && !isDigestTime(settings, row.timezone, date, at)) {
    log.info("digest.superseded", { shop, date, at });
    await scheduleNextDigest(shop, now);
    return;
  }
  const to = settings.email ?? row.email;
  if (settings.enabled && to) {
    const items = await atRiskOrders(shop, now);
    if (items.length > 0) {
      const { subject, html, text } = renderDigest(row.name, date, items, row.timezone);
      const dedupKey = `${shop}|digest|digest:${date}|daily|${to.toLowerCase()}|email`;
      await transaction(async (tx) => {
        if (await tx.message.findUnique({ where: { dedupKey }, select: { id: true } })) return;
        const message = await tx.message.create({
          data: {
            shop,
            dedupKey,
            trigger: "digest",
            subject: `digest:${date}`,
            step: "daily",
            channel: "email",
            recipient: to.toLowerCase(),
            locale: "en",
            status: "PENDING",
            renderedSubject: subject,
            renderedHtml: html,
            renderedText: text,
          },
        });
        await queue().enqueue("deliver-message", { messageId: message.id }, { tx, key: deliverJobKey(message.id), maxAttempts: 50, runAt: now });
      });
      log.info("digest.queued", { shop, date, orders: items.length });
    }
  }
  await scheduleNextDigest(shop, now);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const KIND: Record<string, string> = {
  unfulfilled: "Not fulfilled",
  carrier_delay: "Carrier delay",
  stalled: "Stalled in transit",
  not_picked_up: "Not picked up by the carrier",
  eta_passed: "Estimated delivery passed",
  on_hold: "On hold",
  rescheduled: "Rescheduled",
};

function renderDigest(shopName: string, date: string, items: AtRiskOrder[], timeZone: string) {
  const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone });
  const subject = `${items.length} at-risk order${items.length === 1 ? "" : "s"} at ${shopName} · ${date}`;
  const rows = items.map((i) => ({
    order: i.orderName,
    why: `${KIND[i.kind] ?? i.kind} (${i.reason.replaceAll("_", " ")})`,
    since: when.format(i.since),
    told: i.notifiedAt ? `told ${when.format(i.notifiedAt)}` : "not told yet",
  }));
  const text = [subject, "", ...rows.map((r) => `${r.order}  ${r.why}  since ${r.since}  customer ${r.told}`), "", "Open Herald's At-risk orders screen for details."].join("\n");
  const html = `<!doctype html><html lang="en"><body style="font-family:Arial,sans-serif;color:#202223;margin:0;padding:24px;background:#f6f6f7">
<table role="presentation" width="100%" style="max-width:640px;margin:auto;background:#fff;border-radius:12px;padding:24px">
<tr><td><h1 style="font-size:20px;margin:0 0 8px">${escape(subject)}</h1>
<p style="margin:0 0 16px;color:#616161">Orders that are late, stalled, on hold or past their estimate, and whether the customer has heard from you.</p>
<table role="presentation" width="100%" cellpadding="8" style="border-collapse:collapse;font-size:14px">
<tr style="text-align:left;border-bottom:1px solid #e1e3e5"><th>Order</th><th>Why</th><th>Since</th><th>Customer</th></tr>
${rows.map((r) => `<tr style="border-bottom:1px solid #f1f1f1"><td>${escape(r.order)}</td><td>${escape(r.why)}</td><td>${escape(r.since)}</td><td>${escape(r.told)}</td></tr>`).join("\n")}
</table></td></tr></table></body></html>`;
  return { subject, html, text };
}
