import { db } from "../db.server";
import { addDays, localDate, safeTimeZone, startOfLocalDay } from "../notifications/time";


/** The figures every breakdown shows. */
export interface Figures {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  failed: number;
}

const REACHED = ["delivered", "opened", "clicked", "complained"];
const OPENED = ["opened", "clicked", "complained"];
const LOST = ["bounced", "undelivered", "failed"];

const zero = (): Figures => ({ sent: 0, delivered: 0, opened: 0, clicked: 0, failed: 0 });

/**
 * Add `count` messages of one status pair to the figures. Provider statuses only move forward, so an
 * opened email was also delivered, and a clicked one was opened. A bounce is a failure after sending.
 */
function add(f: Figures, status: string, deliveryStatus: string | null, count: number): void {
  if (status === "FAILED") f.failed += count;
  if (status !== "SENT") return;
  f.sent += count;
  if (deliveryStatus && REACHED.includes(deliveryStatus)) f.delivered += count;
  if (deliveryStatus && OPENED.includes(deliveryStatus)) f.opened += count;
  if (deliveryStatus === "clicked") f.clicked += count;
  if (deliveryStatus && LOST.includes(deliveryStatus)) f.failed += count;
}

export interface Analytics {
  /** Days in the period, today included. */
  range: number;
  /** First and last local dates of the period (YYYY-MM-DD in the shop's zone). */
  from: string;
  to: string;
  totals: Figures;
  /** One entry per local day of the period, oldest first, days without messages included. */
  days: Array<{ date: string } & Figures>;
  byTrigger: Array<{ trigger: string } & Figures>;
  byChannel: Array<{ channel: string } & Figures>;
  delay: {
    /** Delay notices that went out: the customer heard before having to ask. */
    sent: number;
    /** Median time from Herald noticing the delay to the notice leaving, in milliseconds; null without data. */
    medianDetectionToNoticeMs: number | null;
  };
  backInStock: {
    alertsSent: number;
    conversions: number;
    /** Revenue per currency, as decimal strings (no floating-point drift). */
    revenue: Array<{ currency: string; amount: string }>;
  };
}

/**
 * A shop's messages over the last `range` days in its own time zone, by the day they were created.
 * Totals per trigger and channel are grouped in SQL; day buckets depend on the shop's zone, which
 * SQLite and PostgreSQL cannot both express, so those are counted here from (creation time, status) pairs.
 */
export async function shopAnalytics(shop: string, range: number, opts: { now: Date; timeZone: string }): Promise<Analytics> {
  const zone = safeTimeZone(opts.timeZone);
  const to = localDate(opts.now, zone);
  const from = addDays(to, -(range - 1));
  const start = startOfLocalDay(from, zone);
  const end = startOfLocalDay(addDays(to, 1), zone);
  // Test sends from the template editor are not customer messages.
  const where = { shop, createdAt: { gte: start, lt: end }, trigger: { not: "test" } };

  const [grouped, dayRows, delayRows, conversions] = await Promise.all([
    db.message.groupBy({ by: ["trigger", "channel", "status", "deliveryStatus"], where, _count: { _all: true } }),
    db.message.findMany({ where: { ...where, status: { in: ["SENT", "FAILED"] } }, select: { createdAt: true, status: true, deliveryStatus: true } }),
    db.message.findMany({ where: { ...where, trigger: "delay", status: "SENT" }, select: { detectedAt: true, sentAt: true } }),
    db.alertConversion.findMany({ where: { shop, orderedAt: { gte: start, lt: end } }, select: { revenue: true, currency: true } }),
  ]);

  const totals = zero();
  const triggers = new Map<string, Figures>();
  const channels = new Map<string, Figures>();
  let alertsSent = 0;
  for (const g of grouped) {
    const count = g._count._all;
    add(totals, g.status, g.deliveryStatus, count);
    add(getOr(triggers, g.trigger), g.status, g.deliveryStatus, count);
    add(getOr(channels, g.channel), g.status, g.deliveryStatus, count);
    if (g.trigger === "back_in_stock" && g.status === "SENT") alertsSent += count;
  }

  const days = new Map<string, Figures>();
  for (let d = from; d <= to; d = addDays(d, 1)) days.set(d, zero());
  for (const r of dayRows) add(getOr(days, localDate(r.createdAt, zone)), r.status, r.deliveryStatus, 1);

  const leads = delayRows
    .filter((r) => r.detectedAt && r.sentAt)
    .map((r) => r.sentAt!.getTime() - r.detectedAt!.getTime())
    .sort((a, b) => a - b);

  return {
    range,
    from,
    to,
    totals,
    days: [...days].map(([date, f]) => ({ date, ...f })),
    byTrigger: [...triggers].map(([trigger, f]) => ({ trigger, ...f })).sort((a, b) => b.sent - a.sent || a.trigger.localeCompare(b.trigger)),
    byChannel: [...channels].map(([channel, f]) => ({ channel, ...f })).sort((a, b) => b.sent - a.sent || a.channel.localeCompare(b.channel)),
    delay: { sent: delayRows.length, medianDetectionToNoticeMs: median(leads) },
    backInStock: { alertsSent, conversions: conversions.length, revenue: sumByCurrency(conversions) },
  };
}

function getOr<K>(map: Map<K, Figures>, key: K): Figures {
  let f = map.get(key);
  if (!f) map.set(key, (f = zero()));
  return f;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

const SCALE = 6;

/** Sum decimal strings per currency exactly (in millionths), so 0.1 + 0.2 is 0.30. */
export function sumByCurrency(rows: Array<{ revenue: string; currency: string }>): Array<{ currency: string; amount: string }> {
  const sums = new Map<string, bigint>();
  for (const { revenue, currency } of rows) {
    const match = revenue.trim().match(/^(-?)(\d+)(?:\.(\d+))?$/);
    if (!match) continue; // Not a money amount: left out rather than guessed.
    const units = BigInt(match[2] + (match[3] ?? "").padEnd(SCALE, "0").slice(0, SCALE)) * (match[1] ? -1n : 1n);
    sums.set(currency, (sums.get(currency) ?? 0n) + units);
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, units]) => {
      const negative = units < 0n;
      const digits = (negative ? -units : units).toString().padStart(SCALE + 1, "0");
      const whole = digits.slice(0, -SCALE);
      const fraction = digits.slice(-SCALE).replace(/0+$/, "").padEnd(2, "0");
      return { currency, amount: `${negative ? "-" : ""}${whole}.${fraction}` };
    });
}
