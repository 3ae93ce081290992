import { z } from "zod";
import { env } from "../env.server";
import { log } from "../log.server";
import { resubscribeEmail, shopForPage, subscriptionState, unsubscribeEmail } from "../models/unsubscribe.server";
import { verifyAppProxy } from "./app-proxy.server";
import { renderBrokenLinkPage, renderUnsubscribePage } from "./page";
import { verifyUnsubscribeToken, type UnsubscribeClaims } from "./token.server";

// GET  /proxy/unsubscribe?t=...  the link was opened: changes nothing (mail security scanners such
//                                as Safe Links and Mimecast open every link of an email), shows
//                                the page: a button that unsubscribes from the link's kind (or
//                                from everything), or, already unsubscribed, the undo.
// HEAD                           the page, changing nothing (link checkers).
// POST List-Unsubscribe=One-Click  RFC 8058, from the mail client's own button: unsubscribe, 200.
// POST action=unsubscribe | unsubscribe_all | resubscribe (+ scope)  the page's forms.
// Every request arrives through Shopify's app proxy, which signs it afresh (so a link clicked a
// year later is still within the 90 s window): a bad or missing signature is 401. The token says
// who and what; a token that is broken, altered or from another shop is a 400 page, nothing changed.

const formSchema = z.object({
  action: z.enum(["unsubscribe", "unsubscribe_all", "resubscribe"]).default("unsubscribe"),
  scope: z.string().max(64).optional(),
});

const PAGE_HEADERS = { "Content-Type": "application/liquid; charset=utf-8", "Cache-Control": "private, no-store" };

/** The whole /proxy/unsubscribe route. */
export async function handleUnsubscribe(request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return new Response(null, { status: 405, headers: { Allow: "GET, HEAD, POST" } });

  const url = new URL(request.url);
  const proxy = await verifyAppProxy(url);
  if (!proxy) {
    log.warn("unsubscribe.refused", { reason: "bad app proxy signature" });
    return new Response("Unauthorized", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  const shop = await shopForPage(proxy.shop);
  const check = verifyUnsubscribeToken(url.searchParams.get("t"), { secret: env().SHOPIFY_API_SECRET, shop: proxy.shop });
  if (!check.ok) {
    log.warn("unsubscribe.refused", { shop: proxy.shop, reason: check.reason });
    return new Response(renderBrokenLinkPage({ locale: null, shopPrimaryLocale: shop.primaryLocale, shopName: shop.name }), { status: 400, headers: PAGE_HEADERS });
  }
  const claims = check.claims;

  if (method === "POST") {
    const form = await readForm(request);
    if (form.get("List-Unsubscribe") === "One-Click") {
      await unsubscribeEmail(claims.shop, claims.address, claims.scope);
      log.info("unsubscribe.one_click", { shop: claims.shop, scope: claims.scope });
      return new Response("Unsubscribed", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    const parsed = formSchema.safeParse({ action: form.get("action") ?? undefined, scope: form.get("scope") ?? undefined });
    // Undo names what it undoes, and may only undo this link's kind or "all".
    const undoScope = parsed.success ? (parsed.data.scope ?? claims.scope) : null;
    if (!parsed.success || (parsed.data.action === "resubscribe" && undoScope !== claims.scope && undoScope !== "all")) {
      return new Response(renderBrokenLinkPage({ locale: claims.locale, shopPrimaryLocale: shop.primaryLocale, shopName: shop.name }), { status: 400, headers: PAGE_HEADERS });
    }
    await apply(claims, parsed.data.action, undoScope ?? claims.scope);
  }

  const state = await subscriptionState(claims.shop, claims.address, claims.scope);
  const html = renderUnsubscribePage({
    after: method === "POST" ? "change" : "visit",
    locale: claims.locale,
    shopPrimaryLocale: shop.primaryLocale,
    shopName: shop.name,
    scope: claims.scope,
    state,
    formAction: `${proxy.pathPrefix}/unsubscribe?t=${encodeURIComponent(url.searchParams.get("t") ?? "")}`,
  });
  return new Response(method === "HEAD" ? null : html, { status: 200, headers: PAGE_HEADERS });
}

async function apply(claims: UnsubscribeClaims, action: z.infer<typeof formSchema>["action"], undoScope: string): Promise<void> {
  if (action === "unsubscribe") await unsubscribeEmail(claims.shop, claims.address, claims.scope);
  else if (action === "unsubscribe_all") await unsubscribeEmail(claims.shop, claims.address, "all");
  else await resubscribeEmail(claims.shop, claims.address, undoScope);
  // Never the address: logs carry no customer contact details.
  log.info(`unsubscribe.${action}`, { shop: claims.shop, scope: action === "unsubscribe_all" ? "all" : action === "resubscribe" ? undoScope : claims.scope });
}

/** RFC 8058 allows the one-click body as multipart/form-data or urlencoded; the page's forms send urlencoded. */
async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    const params = new URLSearchParams();
    try {
      for (const [key, value] of await request.formData()) if (typeof value === "string") params.append(key, value);
    } catch {
      // An unreadable body is an empty form.
    }
    return params;
  }
  return new URLSearchParams(await request.text());
}
