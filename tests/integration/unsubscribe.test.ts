import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { suppressionReason } from "../../app/models/suppressions.server";
import { deliverMessage } from "../../app/pipeline/deliver.server";
import { unsubscribeUrl, verifyUnsubscribeToken } from "../../app/unsubscribe/token.server";
import { installShop, resetDatabase } from "../support/db";
import { runAllJobs } from "../support/jobs";
import { withFakeResend } from "../support/providers";
import { carrierEventPayload, fulfillmentPayload, orderPayload } from "../support/payloads";
import { deliver } from "../support/webhooks";
import { appProxyQuery } from "../support/app-proxy";

// The customer-facing link is https://{shop}/apps/herald/unsubscribe?t=...; Shopify's app proxy
// forwards it to Herald's /proxy/unsubscribe with shop, logged_in_customer_id, path_prefix and
// timestamp appended, signed: hex HMAC-SHA256 (app secret) of the sorted key=value pairs joined
// without separators. These tests build exactly that request and call the route in-process.

const SHOP = "herald-test.myshopify.com";
const CUSTOMER = "ana.garcia@example.com";
const fake = withFakeResend({ HERALD_DELAY_SETTLE_SECONDS: "0" });

type Route = {
  loader: (args: LoaderFunctionArgs) => Promise<Response>;
  action: (args: ActionFunctionArgs) => Promise<Response>;
};
const route = () => import("../../app/routes/proxy.unsubscribe") as Promise<Route>;

/** What Shopify's app proxy sends Herald for a storefront URL under /apps/herald. */
function proxied(
  storefrontUrl: string,
  opts: { method?: string; body?: string; contentType?: string; secret?: string; at?: Date; shop?: string } = {},
): Request {
  const url = new URL(storefrontUrl);
  expect(url.pathname.startsWith("/apps/herald/")).toBe(true);
  const params = appProxyQuery(new URLSearchParams(url.search), { shop: opts.shop ?? url.hostname, at: opts.at, secret: opts.secret });
  const target = `${process.env.SHOPIFY_APP_URL}/proxy${url.pathname.slice("/apps/herald".length)}?${params}`;
  const method = opts.method ?? "GET";
  return new Request(target, {
    method,
    headers: opts.body !== undefined ? { "content-type": opts.contentType ?? "application/x-www-form-urlencoded" } : {},
    body: opts.body,
  });
}

async function call(request: Request): Promise<Response> {
  const { loader, action } = await route();
  const args = { request, params: {}, context: {} };
  return request.method === "POST" ? action(args) : loader(args);
}

/** The https URL inside a List-Unsubscribe header value "<https://...>". */
function listUnsubscribeUrl(value: string | undefined): string {
  const match = /^<(https:\/\/[^>]+)>$/.exec(value ?? "");
  expect(match, `List-Unsubscribe: ${value}`).not.toBeNull();
  return match![1];
}

function linkFor(opts: { scope?: string; locale?: string; shop?: string; address?: string } = {}): string {
  return unsubscribeUrl({
    shop: opts.shop ?? SHOP,
    address: opts.address ?? CUSTOMER,
    scope: opts.scope ?? "shipping",
    locale: opts.locale ?? "en",
    issuedAt: new Date("2026-11-21T14:00:00Z"),
  });
}

beforeEach(async () => {
  await resetDatabase();
});

async function shipOneEmail() {
  await installShop(SHOP);
  await deliver("orders/create", orderPayload());
  await deliver("fulfillments/create", fulfillmentPayload());
  await runAllJobs();
  expect(fake.resend.emails).toHaveLength(1);
  return fake.resend.emails[0];
}

/** The storefront URL a form of the page posts to (its action is a path on the shop's domain). */
function formTarget(html: string): string {
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  expect(action, "a form on the page").toBeDefined();
  return `https://${SHOP}${action!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))}`;
}

describe("one-click unsubscribe in every email", () => {
  it("sends the RFC 8058 headers; opening the link asks and changes nothing, the page's button unsubscribes from shipping updates only", async () => {
    // GIVEN a shipping email went out
    const email = await shipOneEmail();
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = listUnsubscribeUrl(email.headers["List-Unsubscribe"]);
    expect(link.startsWith(`https://${SHOP}/apps/herald/unsubscribe?t=`)).toBe(true);
    // ...and its footer links to the same page
    expect(email.html).toContain(link.replace(/&/g, "&amp;"));

    // WHEN the link is opened (a customer, or a mail scanner fetching every link; through the app proxy)
    const page = await call(proxied(link));

    // THEN nothing changes, and the page asks, in the shop's theme (Liquid), in the customer's language (es-MX -> es)
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("application/liquid");
    const html = await page.text();
    expect(html).toContain('lang="es"');
    expect(html).toContain("¿Quieres darte de baja de las actualizaciones de envío de <bdi>Maison Test</bdi>?");
    expect(html).toContain('name="action" value="unsubscribe"');
    expect(await db.suppression.count()).toBe(0);

    // WHEN the customer presses the page's button
    const done = await call(proxied(formTarget(html), { method: "POST", body: "action=unsubscribe" }));

    // THEN the page confirms it
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Ya no recibirás actualizaciones de envío de <bdi>Maison Test</bdi>.");
    expect(await db.suppression.findMany({ select: { scope: true, reason: true, address: true } })).toEqual([
      { scope: "shipping", reason: "unsubscribe", address: CUSTOMER },
    ]);

    // AND the next shipping email is skipped with the reason
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9101, status: "out_for_delivery", happened_at: "2026-11-23T08:00:00-05:00" }));
    await runAllJobs();
    const next = await db.message.findFirstOrThrow({ where: { step: "out_for_delivery" } });
    expect(next.status).toBe("SKIPPED");
    expect(next.reason).toBe("suppressed_unsubscribe");
    expect(fake.resend.emails).toHaveLength(1);

    // AND a delay notice (another kind) still goes out
    await deliver("fulfillment_events/create", carrierEventPayload({ id: 9102, status: "delayed", happened_at: "2026-11-23T09:00:00-05:00" }));
    await runAllJobs({ until: new Date(Date.now() + 60_000) });
    const delay = await db.message.findFirstOrThrow({ where: { trigger: "delay" } });
    expect(delay.status).toBe("SENT");
    expect(fake.resend.emails).toHaveLength(2);
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "delay")).toBeNull();
    // ...and its own link is scoped to delay notices
    const delayToken = new URL(listUnsubscribeUrl(fake.resend.emails[1].headers["List-Unsubscribe"])).searchParams.get("t");
    const delayClaims = verifyUnsubscribeToken(delayToken, { secret: process.env.SHOPIFY_API_SECRET!, shop: SHOP });
    expect(delayClaims.ok && delayClaims.claims.scope).toBe("delay");
  });

  it("keeps the headers identical when a send is retried under the same idempotency key", async () => {
    // GIVEN Resend accepts the first send but the answer is lost, so Herald retries later
    fake.resend.loseNextResponse(1);
    await installShop(SHOP);
    await deliver("orders/create", orderPayload());
    await deliver("fulfillments/create", fulfillmentPayload());
    await runAllJobs();
    // THEN the retry replays the first request (a different body would be refused with 409)
    const message = await db.message.findFirstOrThrow();
    expect(message.status).toBe("SENT");
    expect(message.attempts).toBe(2);
    expect(fake.resend.emails).toHaveLength(1);
    expect(fake.resend.requests.map((r) => r.outcome)).toEqual(["lost", "replayed"]);
  });

  it("unsubscribes on a one-click POST from the mail client to the email's List-Unsubscribe URL and answers 200", async () => {
    // GIVEN a shipping email went out with RFC 8058 headers
    const email = await shipOneEmail();
    const link = listUnsubscribeUrl(email.headers["List-Unsubscribe"]);
    // WHEN the mail client's own button POSTs List-Unsubscribe=One-Click to that URL, as the header says
    const response = await call(proxied(link, { method: "POST", body: email.headers["List-Unsubscribe-Post"] }));
    // THEN the customer is unsubscribed from shipping updates at once, no page in between
    expect(response.status).toBe(200);
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBe("suppressed_unsubscribe");
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "delay")).toBeNull();
  });

  it("changes nothing on GET, however often the link is opened (mail security scanners prefetch links)", async () => {
    await installShop(SHOP);
    for (let i = 0; i < 3; i++) expect((await call(proxied(linkFor()))).status).toBe(200);
    expect(await db.suppression.count()).toBe(0);
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBeNull();
  });

  it("shows where the customer stands when an unsubscribed customer opens the link again, with the undo", async () => {
    await installShop(SHOP);
    await call(proxied(linkFor(), { method: "POST", body: "List-Unsubscribe=One-Click" }));
    const html = await (await call(proxied(linkFor()))).text();
    expect(html).toContain("You're unsubscribed from shipping updates from <bdi>Maison Test</bdi>.");
    expect(html).toContain('name="action" value="resubscribe"');
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBe("suppressed_unsubscribe");
  });

  it("skips a message to the unsubscribed address however its recipient was written (capitals, spaces)", async () => {
    await installShop(SHOP);
    await call(proxied(linkFor(), { method: "POST", body: "List-Unsubscribe=One-Click" }));
    const base = { shop: SHOP, trigger: "shipping", subject: "fulfillment:1", step: "shipped", channel: "email", status: "PENDING", renderedSubject: "Shipped", renderedHtml: "<p>Shipped</p>", renderedText: "Shipped" };
    const asStored = await db.message.create({ data: { ...base, dedupKey: "stored-lower", recipient: CUSTOMER } });
    const unlike = await db.message.create({ data: { ...base, dedupKey: "stored-unlike", recipient: ` ${CUSTOMER.toUpperCase()}` } });
    const other = await db.message.create({ data: { ...base, dedupKey: "someone-else", recipient: "bob@example.com" } });
    for (const m of [asStored, unlike, other]) await deliverMessage(m.id, new Date());

    const after = await db.message.findMany({ where: { id: { in: [asStored.id, unlike.id, other.id] } }, select: { dedupKey: true, status: true, reason: true } });
    expect(after.sort((a, b) => a.dedupKey.localeCompare(b.dedupKey))).toEqual([
      { dedupKey: "someone-else", status: "SENT", reason: null },
      { dedupKey: "stored-lower", status: "SKIPPED", reason: "suppressed_unsubscribe" },
      { dedupKey: "stored-unlike", status: "SKIPPED", reason: "suppressed_unsubscribe" },
    ]);
    expect(fake.resend.emails.map((e) => e.to)).toEqual([["bob@example.com"]]);
  });

  it("accepts the one-click body as multipart/form-data too", async () => {
    await installShop(SHOP);
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const body = new Request("http://x", { method: "POST", body: form });
    const request = proxied(linkFor(), { method: "POST", body: await body.text(), contentType: body.headers.get("content-type")! });
    expect((await call(request)).status).toBe(200);
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBe("suppressed_unsubscribe");
  });

  it("does nothing on HEAD (link checkers)", async () => {
    await installShop(SHOP);
    const response = await call(proxied(linkFor(), { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(await db.suppression.count()).toBe(0);
  });
});

describe("the page's choices", () => {
  it("undoes the unsubscribe: the customer is subscribed again and can unsubscribe once more", async () => {
    await installShop(SHOP);
    await call(proxied(linkFor(), { method: "POST", body: "action=unsubscribe" }));
    const undone = await call(proxied(linkFor(), { method: "POST", body: "action=resubscribe&scope=shipping" }));
    expect(undone.status).toBe(200);
    expect(await undone.text()).toContain("You'll get shipping updates from <bdi>Maison Test</bdi> again.");
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBeNull();

    await call(proxied(linkFor(), { method: "POST", body: "action=unsubscribe" }));
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBe("suppressed_unsubscribe");
  });

  it("unsubscribes from all emails of the shop, says so, and undoes that too", async () => {
    await installShop(SHOP);
    const page = await call(proxied(linkFor(), { method: "POST", body: "action=unsubscribe_all" }));
    const html = await page.text();
    expect(html).toContain("You're unsubscribed from all emails from <bdi>Maison Test</bdi>.");
    expect(html).toContain('name="scope" value="all"');
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "delay")).toBe("suppressed_unsubscribe");

    await call(proxied(linkFor(), { method: "POST", body: "action=resubscribe&scope=all" }));
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "delay")).toBeNull();
  });

  it("states what a scoped unsubscribe covers and offers the wider one", async () => {
    await installShop(SHOP);
    const html = await (await call(proxied(linkFor(), { method: "POST", body: "action=unsubscribe" }))).text();
    expect(html).toContain("You'll still get other emails from <bdi>Maison Test</bdi>.");
    expect(html).toContain('name="action" value="unsubscribe_all"');
    expect(html).toContain('action="/apps/herald/unsubscribe?t=');
  });

  it("never lets a link lift a bounce or a complaint", async () => {
    await installShop(SHOP);
    await db.suppression.create({ data: { shop: SHOP, channel: "email", address: CUSTOMER, reason: "complaint", scope: "all" } });
    await call(proxied(linkFor(), { method: "POST", body: "action=resubscribe&scope=all" }));
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "shipping")).toBe("suppressed_complaint");
  });

  it("refuses to undo a scope the link was not issued for", async () => {
    await installShop(SHOP);
    await db.suppression.create({ data: { shop: SHOP, channel: "email", address: CUSTOMER, reason: "unsubscribe", scope: "delay" } });
    const response = await call(proxied(linkFor({ scope: "shipping" }), { method: "POST", body: "action=resubscribe&scope=delay" }));
    expect(response.status).toBe(400);
    expect(await suppressionReason(SHOP, "email", CUSTOMER, "delay")).toBe("suppressed_unsubscribe");
  });
});

describe("signatures and broken links", () => {
  it("answers 401 to a forged app proxy signature and changes nothing", async () => {
    await installShop(SHOP);
    const response = await call(proxied(linkFor(), { secret: "someone-else" }));
    expect(response.status).toBe(401);
    expect(await db.suppression.count()).toBe(0);
  });

  it("answers 401 to a stale app proxy timestamp (replayed request) and changes nothing", async () => {
    await installShop(SHOP);
    const response = await call(proxied(linkFor(), { method: "POST", body: "List-Unsubscribe=One-Click", at: new Date(Date.now() - 5 * 60_000) }));
    expect(response.status).toBe(401);
    expect(await db.suppression.count()).toBe(0);
  });

  it("answers 401 when the request did not come through the app proxy at all", async () => {
    const link = new URL(linkFor());
    const response = await call(new Request(`${process.env.SHOPIFY_APP_URL}/proxy/unsubscribe${link.search}`));
    expect(response.status).toBe(401);
  });

  it("shows a 400 page and changes nothing for a tampered token", async () => {
    await installShop(SHOP);
    const link = new URL(linkFor());
    const [payload, mac] = link.searchParams.get("t")!.split(".");
    const other = JSON.parse(Buffer.from(payload, "base64url").toString());
    other[3] = "someone.else@example.com";
    link.searchParams.set("t", `${Buffer.from(JSON.stringify(other)).toString("base64url")}.${mac}`);
    const response = await call(proxied(link.toString()));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This link doesn't work");
    expect(await db.suppression.count()).toBe(0);
  });

  it("refuses shop A's link arriving through shop B's storefront", async () => {
    await installShop(SHOP);
    await installShop("other-shop.myshopify.com", { name: "Other Shop" });
    const fromA = new URL(linkFor());
    const viaB = `https://other-shop.myshopify.com${fromA.pathname}${fromA.search}`;
    const response = await call(proxied(viaB));
    expect(response.status).toBe(400);
    expect(await db.suppression.count()).toBe(0);
  });
});

describe("the page speaks the customer's language", () => {
  it("renders in Malayalam for a Malayalam email", async () => {
    await installShop(SHOP);
    const html = await (await call(proxied(linkFor({ locale: "ml" })))).text();
    expect(html).toContain('lang="ml"');
    expect(html).toContain('dir="ltr"');
    expect(html).toContain("ഷിപ്പിംഗ് അപ്‌ഡേറ്റുകൾ നിർത്തണോ?");
    expect(html).toContain(">അൺസബ്‌സ്‌ക്രൈബ് ചെയ്യുക</button>");
    const done = await (await call(proxied(linkFor({ locale: "ml" }), { method: "POST", body: "action=unsubscribe" }))).text();
    expect(done).toContain("ഷിപ്പിംഗ് അപ്‌ഡേറ്റുകൾ ഇനി നിങ്ങൾക്ക് ലഭിക്കില്ല");
    expect(done).toContain("പഴയപടിയാക്കുക");
  });

  it("is right-to-left for Arabic", async () => {
    await installShop(SHOP);
    const html = await (await call(proxied(linkFor({ locale: "ar" })))).text();
    expect(html).toMatch(/<div class="herald-unsub" lang="ar" dir="rtl">/);
    expect(html).toContain("هل تريد إلغاء اشتراكك في تحديثات الشحن من <bdi>Maison Test</bdi>؟");
  });

  it("falls back to the shop's language, then English, for a locale it has no texts for", async () => {
    await installShop(SHOP, { primaryLocale: "de" });
    const html = await (await call(proxied(linkFor({ locale: "ru" })))).text();
    expect(html).toContain('lang="de"');
    expect(html).toContain("Möchten Sie sich von den Versandbenachrichtigungen von <bdi>Maison Test</bdi> abmelden?");
  });
});
