import { db, type Tx } from "../db.server";
import { atRiskMessages } from "../i18n/at-risk";
import type { AdminLocale } from "../i18n/define";
import { digestMessages } from "../i18n/digest";
import { stepMessages } from "../i18n/steps";
import { pickAdminLocale, translator } from "../i18n/translate";
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
      // The staff read it in the shop's primary language, as the admin speaks it (English otherwise).
      const locale = pickAdminLocale([row.primaryLocale]);
      const { subject, html, text } = renderDigest(row.name, date, items, row.timezone, locale);
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
            locale,
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

/**
 * The digest's subject, HTML and text in `locale` (an admin locale: the staff read the admin's words for
 * the same orders): kind names and reasons as the At-risk orders screen writes them, dates in the
 * shop's zone, the count with the language's plural rules.
 */
export function renderDigest(shopName: string, date: string, items: AtRiskOrder[], timeZone: string, locale: AdminLocale) {
  const t = translator(digestMessages, locale);
  const risk = translator(atRiskMessages, locale);
  const kinds = translator(stepMessages, locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const subject = t("subject", { count: items.length, shop: shopName, date: day });
  const kindName = (kind: string) => (Object.hasOwn(stepMessages.en.kinds, kind) ? kinds(`kinds.${kind as keyof typeof stepMessages.en.kinds}`) : kind);
  const reason = (raw: string) => {
    const key = raw.toLowerCase() === "other" ? "other_reason" : raw.toLowerCase();
    return Object.hasOwn(atRiskMessages.en.reasons, key) ? risk(`reasons.${key as keyof typeof atRiskMessages.en.reasons}`) : raw.replaceAll("_", " ").toLowerCase();
  };
  const rows = items.map((i) => ({
    order: i.orderName,
    why: `${kindName(i.kind)} (${reason(i.reason)})`,
    since: when.format(i.since),
    told: i.notifiedAt ? risk("told.sent", { date: when.format(i.notifiedAt) }) : risk("told.notYet"),
  }));
  const columns = { order: risk("columns.order"), why: risk("columns.why"), since: risk("columns.since"), told: risk("columns.told") };
  const text = [
    subject,
    "",
    ...rows.map((r) => `${r.order}  ${r.why}  ${columns.since}: ${r.since}  ${columns.told}: ${r.told}`),
    "",
    t("footer"),
  ].join("\n");
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#202223;margin:0;padding:24px;background:#f6f6f7">
<table role="presentation" width="100%" style="max-width:640px;margin:auto;background:#fff;border-radius:12px;padding:24px">
<tr><td><h1 style="font-size:20px;margin:0 0 8px">${escape(subject)}</h1>
<p style="margin:0 0 16px;color:#616161">${escape(t("intro"))}</p>
<table role="presentation" width="100%" cellpadding="8" style="border-collapse:collapse;font-size:14px">
<tr style="text-align:left;border-bottom:1px solid #e1e3e5"><th>${escape(columns.order)}</th><th>${escape(columns.why)}</th><th>${escape(columns.since)}</th><th>${escape(columns.told)}</th></tr>
${rows.map((r) => `<tr style="border-bottom:1px solid #f1f1f1"><td>${escape(r.order)}</td><td>${escape(r.why)}</td><td>${escape(r.since)}</td><td>${escape(r.told)}</td></tr>`).join("\n")}
</table>
<p style="margin:16px 0 0;color:#616161">${escape(t("footer"))}</p></td></tr></table></body></html>`;
  return { subject, html, text };
}
