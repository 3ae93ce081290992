import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action, loader } from "../../app/routes/app.back-in-stock";
import { adminRequest, callAction, callLoader, storeOfflineSession } from "../support/admin";
import { MUG, SEEDED, SHIRT, seedScreenHistory } from "../support/back-in-stock-screen";
import { installShop, resetDatabase } from "../support/db";

const SHOP = "herald-test.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const NOW = new Date();
const DAY = 86_400_000;

type Loaded = Awaited<ReturnType<typeof loader>>;
type Seeded = Awaited<ReturnType<typeof seedScreenHistory>>;

let mine: Seeded;
let theirs: Seeded;

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [SHOP, OTHER]) {
    await installShop(shop);
    await storeOfflineSession(shop);
  }
  mine = await seedScreenHistory(db, SHOP, NOW);
  theirs = await seedScreenHistory(db, OTHER, NOW);
  // The other shop restocked the shirt yesterday: not this shop's restock.
  await db.restock.create({ data: { shop: OTHER, variantId: SHIRT, units: 1, quota: 2, status: "DONE", detectedAt: new Date(NOW.getTime() - DAY) } });
});

const load = async (path = "/app/back-in-stock", shop = SHOP) => callLoader<Loaded>(loader, await adminRequest(path, { shop }));
const unsubscribe = async (subscriptionId: string, shop = SHOP) =>
  callAction<{ ok: boolean; error?: string }>(action, await adminRequest("/app/back-in-stock", { shop, form: { intent: "unsubscribe", subscriptionId } }));

describe("the back-in-stock screen", () => {
  it("shows the shop's waiting customers, alerts, purchases and revenue over the last 30 days", async () => {
    const { status, data } = await load();
    expect(status).toBe(200);
    expect(data.hasSubscriptions).toBe(true);
    expect(data.figures).toEqual({
      waiting: SEEDED.waiting,
      alerts: SEEDED.alerts,
      conversions: SEEDED.conversions,
      revenue: expect.arrayContaining(Object.entries(SEEDED.revenue).map(([currency, amount]) => ({ currency, amount }))) as unknown,
    });
    expect(data.figures.revenue).toHaveLength(2);
  });

  it("ranks the most-wanted variants with the oldest wait and this shop's last restock", async () => {
    const { data } = await load();
    expect(data.mostWanted).toEqual([
      { variantId: SHIRT, productTitle: "Linen Shirt", variantTitle: "Sand / M", available: false, waiting: 3, oldestSignupAt: new Date(NOW.getTime() - 12 * DAY).toISOString(), lastRestockAt: null },
      { variantId: MUG, productTitle: "Stoneware Mug", variantTitle: "Moss", available: true, waiting: 1, oldestSignupAt: new Date(NOW.getTime() - DAY).toISOString(), lastRestockAt: new Date(NOW.getTime() - 3 * DAY).toISOString() },
    ]);
  });

  it("lists the shop's subscribers only, newest first, filtered by status", async () => {
    const all = (await load()).data.subscribers;
    expect(all).toHaveLength(6);
    const theirIds = new Set([...theirs.waiting, theirs.told].map((s) => s.id));
    expect(all.filter((s) => theirIds.has(s.id))).toEqual([]);
    expect(all[0]).toMatchObject({ id: mine.waiting[3].id, contact: "priya.shah@example.com", productTitle: "Stoneware Mug", variantTitle: "Moss", status: "WAITING", locale: "hi" });
    expect(all.find((s) => s.id === mine.waiting[1].id)?.contact).toBe("marc.dubois@example.com · +33612345678");

    const waiting = (await load("/app/back-in-stock?status=WAITING")).data.subscribers;
    expect(waiting.map((s) => s.id)).toEqual([...mine.waiting].reverse().map((s) => s.id));
    // Another shop's subscription as a cursor starts from the first page.
    expect((await load(`/app/back-in-stock?cursor=${theirs.waiting[0].id}`)).data.subscribers).toEqual(all);
  });

  it("invites a shop without sign-ups to add the storefront block", async () => {
    const empty = "empty-shop.myshopify.com";
    await installShop(empty);
    await storeOfflineSession(empty);
    const { data } = await load("/app/back-in-stock", empty);
    expect(data).toMatchObject({ shop: empty, hasSubscriptions: false, figures: { waiting: 0, alerts: 0, conversions: 0, revenue: [] }, mostWanted: [], subscribers: [] });
  });

  it("unsubscribes one of the shop's waiting customers, and nobody else's", async () => {
    const target = mine.waiting[0];
    expect(await unsubscribe(target.id)).toEqual({ status: 200, data: { ok: true } });
    const after = await db.stockSubscription.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ status: "UNSUBSCRIBED", waitingKey: null });
    expect(await db.stockSubscription.count({ where: { shop: SHOP, status: "WAITING" } })).toBe(3);
    expect(await db.stockSubscription.count({ where: { shop: OTHER, status: "WAITING" } })).toBe(4);
    expect((await load()).data.figures.waiting).toBe(3);

    // Twice: no longer waiting.
    expect((await unsubscribe(target.id)).status).toBe(409);
  });

  it("answers 404 for another shop's subscription and leaves it waiting", async () => {
    const theirsWaiting = theirs.waiting[0];
    expect((await unsubscribe(theirsWaiting.id)).status).toBe(404);
    expect((await unsubscribe("no-such-subscription")).status).toBe(404);
    expect(await db.stockSubscription.findUniqueOrThrow({ where: { id: theirsWaiting.id } })).toMatchObject({ status: "WAITING" });
  });

  it("refuses an unknown intent or a missing id", async () => {
    const request = async (form: Record<string, string>) => callAction(action, await adminRequest("/app/back-in-stock", { shop: SHOP, form }));
    expect((await request({ intent: "delete", subscriptionId: mine.waiting[0].id })).status).toBe(400);
    expect((await request({ intent: "unsubscribe" })).status).toBe(400);
    expect(await db.stockSubscription.count({ where: { shop: SHOP, status: "WAITING" } })).toBe(4);
  });
});
