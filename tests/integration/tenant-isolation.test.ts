import fs from "node:fs";
import path from "node:path";
import { Prisma } from "@prisma/client";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { installShop, resetDatabase } from "../support/db";

// Tenant isolation: signed in as shop A, every admin route's loader and action is called with shop
// B's ids (orders, messages, templates, privacy exports...). Nothing of B may be read (no answer
// contains one of B's identifying values), nothing of B may change (B's rows are byte-identical
// afterwards), and nothing of B may be copied into A's rows (a test send rendered with B's order).
//
// HOW TO ADD A CASE (required for every new app/routes/app*.tsx: the test fails until it has one)
//   1. Add an entry to ROUTE_CASES below, keyed by the route's file name (e.g. "app.settings.tsx").
//   2. For each export the route has, give `loader` and/or `action`: a function of `b` (shop B's
//      seeded ids and values, see OtherShop) returning the requests to try as shop A. Use B's ids
//      wherever the route takes an id (path params go in `params` too, as Remix would pass them).
//   3. If B needs data your route reads (a new table), seed it in seedShop() with values from
//      `identity` so the leak checks can find them.

/** Shop B's seeded ids, handed to each case. */
export interface OtherShop {
  domain: string;
  orderId: string;
  orderName: string;
  messageId: string;
  dataRequestId: string;
  /** A FAILED webhook event of B's (the log's replay). */
  failedEventId: string;
  templateVersion: number;
  /** A WAITING back-in-stock subscription of B's. */
  subscriptionId: string;
  identity: Identity;
}

/** Values that identify a shop's customers and content: none of B's may reach A. */
interface Identity {
  email: string;
  phone: string;
  customerName: string;
  orderName: string;
  templateText: string;
  shopName: string;
}

/** One request to try as shop A. */
export interface TenantCase {
  /** Path and query, e.g. `/app/privacy/${b.dataRequestId}`. */
  path: string;
  /** Route params, as Remix passes them from the path. */
  params?: Record<string, string>;
  /** JSON body: sent as a POST. */
  json?: unknown;
  /** Form body (what a Remix <Form> posts): sent as a POST. */
  form?: Record<string, string>;
}

/** The requests to try against a route's loader and action. */
export interface RouteCases {
  loader?: (b: OtherShop) => TenantCase[];
  action?: (b: OtherShop) => TenantCase[];
}

const draft = { subject: "Hi {{ customer.first_name }}", preheader: null, html: "<p>{{ order.name }}</p>", text: "{{ order.name }}", body: null };
const editor = { trigger: "shipping", step: "shipped" };

export const ROUTE_CASES: Record<string, RouteCases> = {
  "app.tsx": { loader: () => [{ path: "/app" }] },
  "app._index.tsx": {
    loader: () => [{ path: "/app" }],
    action: () => [{ path: "/app?index", form: { intent: "storefront-block", added: "true" } }],
  },
  "app.at-risk.tsx": { loader: (b) => [{ path: "/app/at-risk" }, { path: `/app/at-risk?q=${encodeURIComponent(b.orderName)}` }] },
  "app.notifications._index.tsx": { loader: () => [{ path: "/app/notifications" }] },
  "app.notifications.$trigger.$step.tsx": {
    loader: () => [
      { path: "/app/notifications/shipping/shipped?channel=email&locale=en", params: editor },
      { path: "/app/notifications/shipping/shipped?channel=sms&locale=en", params: editor },
    ],
    action: (b) =>
      [
        { intent: "restore", channel: "email", locale: "en", version: b.templateVersion },
        { intent: "test", channel: "email", locale: "en", draft, recipient: "owner@shop-a.example", orderId: b.orderId },
        { intent: "reset", channel: "email", locale: "en" },
        { intent: "save", channel: "email", locale: "en", draft },
      ].map((json) => ({ path: "/app/notifications/shipping/shipped", params: editor, json })),
  },
  "app.notifications.preview.tsx": {
    action: (b) => [{ path: "/app/notifications/preview", json: { ...editor, channel: "email", locale: "en", draft, orderId: b.orderId } }],
  },
  "app.privacy.tsx": { loader: () => [{ path: "/app/privacy" }] },
  "app.messages._index.tsx": {
    loader: (b) => [
      { path: "/app/messages" },
      { path: `/app/messages?customer=${encodeURIComponent(b.identity.email)}` },
      { path: `/app/messages?order=${encodeURIComponent(b.orderName)}` },
      { path: "/app/messages?tab=webhooks" },
    ],
    action: (b) => [{ path: "/app/messages", form: { intent: "replay", eventId: b.failedEventId } }],
  },
  "app.messages.$id.tsx": {
    loader: (b) => [{ path: `/app/messages/${b.messageId}`, params: { id: b.messageId } }],
    action: (b) => [{ path: `/app/messages/${b.messageId}`, params: { id: b.messageId }, form: { intent: "retry" } }],
  },
  "app.back-in-stock.tsx": {
    loader: (b) => [{ path: "/app/back-in-stock" }, { path: "/app/back-in-stock?status=WAITING" }, { path: `/app/back-in-stock?cursor=${b.subscriptionId}` }],
    action: (b) => [{ path: "/app/back-in-stock", form: { intent: "unsubscribe", subscriptionId: b.subscriptionId } }],
  },
  "app.analytics.tsx": { loader: () => [{ path: "/app/analytics?days=90" }] },
  "app.settings.tsx": {
    loader: () => [{ path: "/app/settings" }],
    action: () => [{ path: "/app/settings", json: { values: { sender: { fromName: "Alpha", replyTo: "help@shop-a.example" } } } }],
  },
  "app.whatsapp.tsx": {
    loader: () => [{ path: "/app/whatsapp" }],
    action: () => [
      { path: "/app/whatsapp", json: { intent: "save", trigger: "shipping", step: "shipped", locale: "en", contentSid: "HX" + "ab".repeat(16), variables: '{"1":"order.name"}' } },
      { path: "/app/whatsapp", json: { intent: "delete", trigger: "shipping", step: "shipped", locale: "en" } },
    ],
  },
  "app.privacy.$id.tsx": {
    loader: (b) => [
      { path: `/app/privacy/${b.dataRequestId}`, params: { id: b.dataRequestId } },
      { path: `/app/privacy/${b.messageId}`, params: { id: b.messageId } },
    ],
  },
};

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");
/** Every admin route file: app.tsx and app.*.tsx. */
const adminRoutes = () => fs.readdirSync(ROUTES_DIR).filter((f) => /^app(\..+)?\.tsx?$/.test(f)).sort();

/** One shop with an order, a fulfillment, a message, a template, a suppression and a data request. */
async function seedShop(domain: string, identity: Identity, ids: { order: string }): Promise<OtherShop> {
  await installShop(domain, { name: identity.shopName });
  await storeOfflineSession(domain);
  const placedAt = new Date(Date.now() - 5 * 24 * 3_600_000);
  await db.order.create({
    data: {
      shop: domain,
      id: ids.order,
      name: identity.orderName,
      email: identity.email,
      phone: identity.phone,
      customerFirstName: identity.customerName,
      customerLastName: "Tenant",
      lineItems: JSON.stringify([{ id: "1", title: identity.templateText, variantTitle: null, quantity: 1, sku: null, imageUrl: null, price: "10.00" }]),
      placedAt,
      shopifyUpdatedAt: placedAt,
    },
  });
  const message = await db.message.create({
    data: {
      shop: domain,
      dedupKey: `${domain}|shipping|order:${ids.order}|shipped|${identity.email}|email`,
      trigger: "shipping",
      subject: `order:${ids.order}`,
      step: "shipped",
      channel: "email",
      recipient: identity.email,
      locale: "en",
      orderId: ids.order,
      status: "FAILED",
      error: "Provider refused",
      renderedSubject: `Your order ${identity.orderName} for ${identity.customerName}`,
      renderedText: identity.templateText,
    },
  });
  await db.messageTemplate.create({
    data: { shop: domain, trigger: "shipping", step: "shipped", channel: "email", locale: "en", version: 1, subject: identity.templateText, html: `<p>${identity.templateText}</p>`, text: identity.templateText },
  });
  await db.suppression.create({ data: { shop: domain, address: identity.phone, channel: "sms", reason: "sms_stop" } });
  const failedEvent = await db.webhookEvent.create({
    data: { shop: domain, topic: "orders/updated", webhookId: `bad-${domain}`, status: "FAILED", error: "Invalid payload: name: Required", payload: JSON.stringify({ id: Number(ids.order), email: identity.email }) },
  });
  await db.whatsAppTemplate.create({
    data: { shop: domain, trigger: "shipping", step: "shipped", locale: "en", contentSid: "HX" + "cd".repeat(16), variables: JSON.stringify({ 1: "order.name" }) },
  });
  await db.variant.create({
    data: { shop: domain, id: "4440001", productId: "4440000", productTitle: identity.templateText, title: identity.customerName, available: false, inventoryQuantity: 0, shopifyUpdatedAt: placedAt },
  });
  const subscription = await db.stockSubscription.create({
    data: { shop: domain, variantId: "4440001", productId: "4440000", email: identity.email, phone: identity.phone, locale: "en", waitingKey: `${domain}|4440001|${identity.email}` },
  });
  const request = await db.webhookEvent.create({
    data: {
      shop: domain,
      topic: "customers/data_request",
      webhookId: `dr-${domain}`,
      status: "PROCESSED",
      payload: JSON.stringify({ shop_domain: domain, customer: { id: 77, email: identity.email, phone: identity.phone }, orders_requested: [Number(ids.order)], data_request: { id: 9 } }),
    },
  });
  return { domain, orderId: ids.order, orderName: identity.orderName, messageId: message.id, dataRequestId: request.id, failedEventId: failedEvent.id, templateVersion: 1, subscriptionId: subscription.id, identity };
}

const IDENTITY_A: Identity = { email: "alma.alpha@shop-a.example", phone: "+15550001111", customerName: "Alma", orderName: "#A-1001", templateText: "ALPHA TEMPLATE TEXT", shopName: "Alpha Goods" };
const IDENTITY_B: Identity = { email: "bruno.bravo@shop-b.example", phone: "+15550002222", customerName: "Bruno", orderName: "#B-2002", templateText: "BRAVO TEMPLATE TEXT", shopName: "Bravo Goods" };

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
const MODELS = Prisma.dmmf.datamodel.models.map((m) => ({ name: m.name, fields: m.fields.map((f) => f.name) }));

/** Every row of the database, as JSON per row, split into B's and everyone else's. */
async function rows(): Promise<{ b: string[]; others: string[] }> {
  const out = { b: [] as string[], others: [] as string[] };
  const bMessages = new Set((await db.message.findMany({ where: { shop: B }, select: { id: true } })).map((m) => m.id));
  for (const model of MODELS) {
    const delegate = (db as unknown as Record<string, { findMany: () => Promise<Array<Record<string, unknown>>> }>)[lowerFirst(model.name)];
    for (const row of await delegate.findMany()) {
      const owner = (row.shop ?? row.domain ?? (typeof row.messageId === "string" && bMessages.has(row.messageId) ? B : null)) as string | null;
      const json = `${model.name} ${JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`;
      (owner === B ? out.b : out.others).push(json);
    }
  }
  out.b.sort();
  return out;
}

/** B's identifying values found in `text`. */
const leaks = (text: string) => Object.values(IDENTITY_B).filter((v) => text.toLowerCase().includes(v.toLowerCase()));

let b: OtherShop;

beforeEach(async () => {
  await resetDatabase();
  await seedShop(A, IDENTITY_A, { order: "5550001" });
  b = await seedShop(B, IDENTITY_B, { order: "5550002" });
});

describe("tenant isolation of the admin", { timeout: 60_000 }, () => {
  it("has a case for every loader and action of every admin route", async () => {
    const missing: string[] = [];
    for (const file of adminRoutes()) {
      const mod = (await import(path.join(ROUTES_DIR, file))) as { loader?: unknown; action?: unknown };
      const cases = ROUTE_CASES[file];
      for (const kind of ["loader", "action"] as const) {
        if (mod[kind] && !cases?.[kind]) missing.push(`${file} (${kind})`);
      }
    }
    expect(missing, `Add these to ROUTE_CASES in tests/integration/tenant-isolation.test.ts (see the top of the file): ${missing.join(", ")}`).toEqual([]);
  });

  it("the seeded shops are told apart by the leak check (the check can fail)", async () => {
    const { others } = await rows();
    expect(leaks(others.join("\n"))).toEqual([]);
    expect(leaks(JSON.stringify(await db.order.findMany({ where: { shop: B } })))).toEqual(expect.arrayContaining([IDENTITY_B.email, IDENTITY_B.orderName]));
  });

  for (const file of Object.keys(ROUTE_CASES).sort()) {
    for (const kind of ["loader", "action"] as const) {
      if (!ROUTE_CASES[file][kind]) continue;
      it(`${file} ${kind}: shop A reads and changes nothing of shop B`, async () => {
        const mod = (await import(path.join(ROUTES_DIR, file))) as Record<string, Parameters<typeof callLoader>[0]>;
        expect(mod[kind], `${file} has no ${kind} any more: remove its case`).toBeTypeOf("function");
        const before = await rows();
        for (const c of ROUTE_CASES[file][kind]!(b)) {
          const request = await adminRequest(c.path, { shop: A, json: c.json, form: c.form });
          const answer = kind === "loader" ? await callLoader(mod.loader, request, c.params) : await callAction(mod.action, request, c.params);
          // THEN the answer shows nothing of B
          expect(leaks(JSON.stringify(answer.data)), `${kind} ${c.path} ${JSON.stringify(c.json ?? c.form ?? "")} answered ${answer.status} with B's data`).toEqual([]);
        }
        const after = await rows();
        // ...B's rows are untouched, and none of A's rows (e.g. a test send) carries B's data
        expect(after.b).toEqual(before.b);
        expect(leaks(after.others.join("\n"))).toEqual([]);
      });
    }
  }
});
