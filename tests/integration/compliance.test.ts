import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { customerDataExport, dataRequests } from "../../app/models/privacy.server";
import { recordInstall } from "../../app/models/shops.server";
import { suppress } from "../../app/models/suppressions.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs, useRealTime, useVirtualTime } from "../support/jobs";
import { fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";

const SHOP = "herald-test.myshopify.com";
const customer = { id: 77, email: "ana.garcia@example.com", phone: "+14155550123" };

beforeEach(() => useVirtualTime(new Date("2026-11-21T09:30:00-05:00")));
afterEach(useRealTime);

beforeEach(async () => {
  await resetDatabase();
  await installShop(SHOP);
  await installShop("other.myshopify.com");
  await deliver("orders/create", orderPayload({ id: 5001 }));
  await deliver("fulfillments/create", fulfillmentPayload());
  await deliver("orders/create", orderPayload({ id: 6001, name: "#2001", email: "someone.else@example.com" }));
  await runAllJobs();
  await suppress(SHOP, "email", customer.email, "unsubscribe", "shipping");
});

describe("compliance webhooks", () => {
  it("customers/data_request: the merchant can download everything Herald holds on that customer, and only that", async () => {
    const response = await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: SHOP,
      customer,
      orders_requested: [5001],
      data_request: { id: 9999 },
    });
    expect(response.status).toBe(200);
    await runAllJobs();
    const [request] = await dataRequests(SHOP);
    const data = await customerDataExport(SHOP, request.id);
    expect(data?.orders.map((o) => o.name)).toEqual(["#1001"]);
    expect(data?.messages.length).toBeGreaterThan(0);
    expect(data?.messages.every((m) => m.recipient === customer.email)).toBe(true);
    expect(data?.suppressions).toEqual([expect.objectContaining({ reason: "unsubscribe", scope: "shipping" })]);
    // Another shop cannot read it.
    expect(await customerDataExport("other.myshopify.com", request.id)).toBeNull();
  });

  it("customers/redact: removes the customer's personal data and keeps anonymous counts", async () => {
    const before = await db.message.count({ where: { shop: SHOP, orderId: "5001" } });
    await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [5001] });
    await runAllJobs();
    expect(await db.order.findFirst({ where: { shop: SHOP, id: "5001" } })).toBeNull();
    expect(await db.fulfillment.count({ where: { shop: SHOP, orderId: "5001" } })).toBe(0);
    const messages = await db.message.findMany({ where: { shop: SHOP, orderId: "5001" } });
    expect(messages).toHaveLength(before);
    for (const m of messages) {
      expect(m.recipient).toBe("redacted");
      expect(m.renderedHtml).toBeNull();
      expect(m.renderedText).toBeNull();
    }
    // Someone else's order is untouched.
    expect(await db.order.findFirst({ where: { shop: SHOP, id: "6001" } })).not.toBeNull();
  });

  it("shop/redact: removes everything of the shop, nothing of another shop", async () => {
    await deliver("orders/create", orderPayload({ id: 7001 }), { shop: "other.myshopify.com" });
    await deliver("app/uninstalled", { id: 1, domain: SHOP });
    await deliver("shop/redact", { shop_id: 1, shop_domain: SHOP });
    await runAllJobs();
    for (const count of [
      db.order.count({ where: { shop: SHOP } }),
      db.message.count({ where: { shop: SHOP } }),
      db.fulfillment.count({ where: { shop: SHOP } }),
      db.shop.count({ where: { domain: SHOP } }),
      db.session.count({ where: { shop: SHOP } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await db.order.count({ where: { shop: "other.myshopify.com" } })).toBe(1);
  });

  it("answers 401 to a compliance webhook with a bad HMAC", async () => {
    const response = await deliver("customers/redact", { shop_id: 1, shop_domain: SHOP, customer, orders_to_redact: [] }, { secret: "wrong" });
    expect(response.status).toBe(401);
  });

  it("app/uninstalled stops sending at once: an event still in the queue produces nothing, sessions are dropped", async () => {
    await deliver("fulfillments/create", fulfillmentPayload({ id: 7002, order_id: 6001 }));
    await deliver("app/uninstalled", { id: 1, domain: SHOP });
    await runAllJobs();
    expect(await db.message.count({ where: { shop: SHOP, fulfillmentId: "7002" } })).toBe(0);
    // Herald has no session left for the shop, and the shop is marked uninstalled.
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).not.toBeNull();
  });

  it("ignores a late app/uninstalled retry triggered before the merchant reinstalled, and honours the next uninstall", async () => {
    // GIVEN a shop installed a week ago, uninstalled a minute ago (Herald failed that first delivery),
    // and reinstalled now: a new offline session, the shop's facts read again
    await db.shop.update({ where: { domain: SHOP }, data: { installedAt: new Date(Date.now() - 7 * 86_400_000) } });
    const uninstalledAt = new Date(Date.now() - 60_000).toISOString();
    await recordInstall(SHOP, shopInfoAdmin());
    await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "shpat_new" } });
    // WHEN Shopify's retry of that uninstall arrives
    const retry = await deliver("app/uninstalled", { id: 1, domain: SHOP }, { triggeredAt: uninstalledAt, webhookId: "uninstall-1" });
    expect(retry.status).toBe(200);
    await runAllJobs();
    // THEN the new installation keeps working: installed, its session kept, orders still notified
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).toBeNull();
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(1);
    await deliver("orders/create", orderPayload({ id: 8001, name: "#3001", email: "li.wei@example.com" }));
    await deliver("fulfillments/create", fulfillmentPayload({ id: 8002, order_id: 8001 }));
    await runAllJobs();
    expect(await db.message.count({ where: { shop: SHOP, orderId: "8001", status: "SENT" } })).toBeGreaterThan(0);
    // AND an uninstall of this installation still switches it off
    await deliver("app/uninstalled", { id: 1, domain: SHOP }, { webhookId: "uninstall-2" });
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).not.toBeNull();
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
  });
});

/** The Admin API as afterAuth's ShopInfo query sees it (an install or reinstall reads the shop's facts). */
function shopInfoAdmin(): AdminApiContext {
  const body = {
    data: {
      shop: { name: "Maison Test", email: "owner@maison-test.example", contactEmail: null, currencyCode: "USD", ianaTimezone: "America/New_York" },
      shopLocales: [{ locale: "en", primary: true, published: true }],
    },
  };
  return { graphql: async () => Response.json(body) } as unknown as AdminApiContext;
}
