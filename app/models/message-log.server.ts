import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "../db.server";
import { transaction } from "../db/transaction.server";
import { retryDeliverJobKey } from "../jobs/keys";
import { queue } from "../jobs/queue.server";
import { isCivilDate, safeTimeZone, startOfLocalDay, addDays } from "../notifications/time";

/** Herald's own statuses of a message row. */
export const ROW_STATUSES = ["PENDING", "SENDING", "SENT", "DEFERRED", "FAILED", "SKIPPED"] as const;
/** What the provider reported after sending (Message.deliveryStatus). */
export const DELIVERY_STATUSES = ["delivered", "opened", "clicked", "bounced", "complained", "undelivered", "delivery_delayed"] as const;
export const LOG_TRIGGERS = ["shipping", "delay", "back_in_stock", "test"] as const;
export const LOG_CHANNELS = ["email", "sms", "whatsapp"] as const;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(z.enum(values)));

const civilDate = z
  .string()
  .optional()
  .transform((v) => (v && isCivilDate(v) ? v : undefined));

/** The log's filters as they travel in the URL (lists comma-separated; unknown values refused). */
export const logFiltersSchema = z.object({
  order: z.string().trim().max(100).optional().transform((v) => v || undefined),
  customer: z.string().trim().max(200).optional().transform((v) => v || undefined),
  match: z.enum(["exact", "contains"]).optional().default("contains"),
  trigger: list(LOG_TRIGGERS),
  channel: list(LOG_CHANNELS),
  status: list([...ROW_STATUSES, ...DELIVERY_STATUSES] as unknown as readonly [string, ...string[]]),
  from: civilDate,
  to: civilDate,
  after: z.string().max(100).optional(),
  before: z.string().max(100).optional(),
});
export type LogFilters = z.output<typeof logFiltersSchema>;

/** The filters of a log URL; a value Herald does not know is dropped and reported, not silently matched against nothing. */
export function parseLogFilters(params: URLSearchParams): { filters: LogFilters; invalid: string | null } {
  const raw: Record<string, string> = Object.fromEntries(params);
  const parsed = logFiltersSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, invalid: null };
  // Keep the filters that are fine, drop the ones that are not, and say which.
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const key of bad) delete raw[key];
  return { filters: logFiltersSchema.parse(raw), invalid: [...bad].map((key) => `${key}=${params.get(key)}`).join(", ") };
}

export const LOG_PAGE_SIZE = 50;

/** Keyset cursor: creation time and id of a row (ids break ties between rows created the same millisecond). */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const match = cursor?.match(/^(\d{1,15})_([\w-]{1,60})$/);
  return match ? { at: new Date(Number(match[1])), id: match[2] } : null;
}

async function whereFor(shop: string, f: LogFilters, timeZone: string): Promise<Prisma.MessageWhereInput> {
  const and: Prisma.MessageWhereInput[] = [{ shop }];
  if (f.order) {
    const bare = f.order.replace(/^#/, "");
    const orders = await db.order.findMany({ where: { shop, OR: [{ name: f.order }, { name: `#${bare}` }, { id: bare }] }, select: { id: true } });
    and.push({ orderId: { in: [...new Set([bare, ...orders.map((o) => o.id)])] } });
  }
  if (f.customer) {
    // Emails are stored lower-cased; numbers in E.164 (spaces and dashes are how people type them).
    const value = /^[+\d\s().-]+$/.test(f.customer) ? f.customer.replace(/[\s().-]/g, "") : f.customer.toLowerCase();
    and.push({ recipient: f.match === "exact" ? value : { contains: value } });
  }
  if (f.trigger.length) and.push({ trigger: { in: f.trigger } });
  if (f.channel.length) and.push({ channel: { in: f.channel } });
  if (f.status.length) {
    const rows = f.status.filter((s) => (ROW_STATUSES as readonly string[]).includes(s));
    const delivery = f.status.filter((s) => !(ROW_STATUSES as readonly string[]).includes(s));
    and.push({ OR: [...(rows.length ? [{ status: { in: rows } }] : []), ...(delivery.length ? [{ deliveryStatus: { in: delivery } }] : [])] });
  }
  const zone = safeTimeZone(timeZone);
  if (f.from) and.push({ createdAt: { gte: startOfLocalDay(f.from, zone) } });
  if (f.to) and.push({ createdAt: { lt: startOfLocalDay(addDays(f.to, 1), zone) } });
  return { AND: and };
}

const rowSelect = {
  id: true,
  createdAt: true,
  trigger: true,
  step: true,
  channel: true,
  recipient: true,
  status: true,
  deliveryStatus: true,
  reason: true,
  error: true,
  orderId: true,
  renderedSubject: true,
  locale: true,
  attempts: true,
} satisfies Prisma.MessageSelect;

export type LogRow = Prisma.MessageGetPayload<{ select: typeof rowSelect }> & { orderName: string | null };

export interface LogPage {
  rows: LogRow[];
  /** Cursor of the next (older) page, if any. */
  next: string | null;
  /** Cursor of the previous (newer) page, if any. */
  previous: string | null;
}

/** One page of a shop's messages, newest first, with the filters applied. */
export async function listMessages(shop: string, filters: LogFilters, opts: { timeZone?: string; pageSize?: number } = {}): Promise<LogPage> {
  const size = opts.pageSize ?? LOG_PAGE_SIZE;
  const base = await whereFor(shop, filters, opts.timeZone ?? "UTC");
  const before = decodeCursor(filters.before);
  const after = before ? null : decodeCursor(filters.after);
  const where: Prisma.MessageWhereInput = after
    ? { AND: [base, { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] }
    : before
      ? { AND: [base, { OR: [{ createdAt: { gt: before.at } }, { createdAt: before.at, id: { gt: before.id } }] }] }
      : base;
  const direction = before ? "asc" : "desc";
  const found = await db.message.findMany({ where, orderBy: [{ createdAt: direction }, { id: direction }], take: size + 1, select: rowSelect });
  const more = found.length > size;
  const page = found.slice(0, size);
  if (before) page.reverse();
  const orderIds = [...new Set(page.map((r) => r.orderId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (await db.order.findMany({ where: { shop, id: { in: orderIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  const rows = page.map((r) => ({ ...r, orderName: r.orderId ? (names.get(r.orderId) ?? null) : null }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    next: last && (before || more) ? encodeCursor(last) : null,
    previous: first && (before ? more : Boolean(after)) ? encodeCursor(first) : null,
  };
}

/** Whether the shop has any message at all (the log's empty state, as opposed to "no results"). */
export async function hasMessages(shop: string): Promise<boolean> {
  return (await db.message.findFirst({ where: { shop }, select: { id: true } })) !== null;
}

/** One message of the shop with its attempts, provider events and order; null when it is not the shop's. */
export async function messageDetail(shop: string, id: string) {
  const message = await db.message.findFirst({ where: { id, shop }, include: { attemptsLog: { orderBy: { number: "asc" } } } });
  if (!message) return null;
  const [events, order] = await Promise.all([
    db.messageEvent.findMany({ where: { messageId: id }, orderBy: { occurredAt: "asc" } }),
    message.orderId ? db.order.findUnique({ where: { shop_id: { shop, id: message.orderId } }, select: { id: true, name: true } }) : null,
  ]);
  return { message, events, order };
}

export type RetryOutcome = "queued" | "not_found" | "not_failed";

/**
 * Send a FAILED message again: the same row goes back to PENDING and a new delivery job is queued
 * with it. The row keeps its dedup key and its provider idempotency key, so however often this
 * runs the customer gets the message at most once.
 */
export async function retryMessage(shop: string, id: string): Promise<RetryOutcome> {
  return transaction(async (tx) => {
    const message = await tx.message.findFirst({ where: { id, shop }, select: { status: true, attempts: true } });
    if (!message) return "not_found";
    // Conditional: two clicks (or two tabs) queue one retry.
    const { count } = await tx.message.updateMany({ where: { id, shop, status: "FAILED" }, data: { status: "PENDING", reason: null } });
    if (count === 0) return "not_failed";
    await queue().enqueue("deliver-message", { messageId: id }, { tx, key: retryDeliverJobKey(id, message.attempts) });
    return "queued";
  });
}
