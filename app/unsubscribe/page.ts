import { resolveLocale, textDirection } from "../notifications/locale";
import { scopeKind, UNSUBSCRIBE_LOCALES, UNSUBSCRIBE_TEXTS, type UnsubscribeTexts } from "./texts";
import type { SubscriptionState } from "../models/unsubscribe.server";

// The unsubscribe page is answered as `application/liquid`: Shopify renders it inside the shop's
// own theme, on the shop's domain, so the customer sees the shop they bought from, not a stranger's
// page. What we send is therefore a fragment (the theme owns <html>, <head> and <main>), and it must
// contain no Liquid: every interpolated value is HTML-escaped AND has its braces escaped, so a shop
// name or an address like "{{x}}@example.com" cannot become Liquid. Our wrapper carries the lang and
// dir of the customer's language (the theme's <html lang> is the storefront's). Styles are inline
// and scoped to the wrapper; no scripts, no external assets; plain forms work without JavaScript.

/** One page: the state after the request, in the customer's language. */
export interface UnsubscribePageInput {
  /**
   * "visit": the link was opened (GET), nothing changed: a subscribed customer is asked to confirm.
   * "change": a form was posted: the page says what is now true.
   */
  after: "visit" | "change";
  /** The locale wanted (the token's); resolved against the locales the page has. */
  locale: string;
  shopPrimaryLocale: string;
  shopName: string;
  /** The token's scope: the trigger its email belonged to. */
  scope: string;
  state: SubscriptionState;
  /** Where the forms post: the same app proxy URL, token included. */
  formAction: string;
}

/** The locale the page is written in, and its direction. */
export function pageLocale(wanted: string | null, shopPrimaryLocale: string): { locale: string; dir: "ltr" | "rtl"; texts: UnsubscribeTexts } {
  const locale = resolveLocale(wanted, shopPrimaryLocale, UNSUBSCRIBE_LOCALES);
  return { locale, dir: textDirection(locale), texts: UNSUBSCRIBE_TEXTS[locale] ?? UNSUBSCRIBE_TEXTS.en };
}

/**
 * The page for a GET (the question, or where the customer already stands) or after a form POST
 * (unsubscribed, all, or undone).
 */
export function renderUnsubscribePage(input: UnsubscribePageInput): string {
  const { locale, dir, texts } = pageLocale(input.locale, input.shopPrimaryLocale);
  const kind = scopeKind(input.scope);
  const t = (text: string) => fill(text, input.shopName);
  const form = (action: string, label: string, opts: { scope?: string; primary?: boolean }) =>
    `<form method="post" action="${attr(input.formAction)}">` +
    `<input type="hidden" name="action" value="${attr(action)}">` +
    (opts.scope ? `<input type="hidden" name="scope" value="${attr(opts.scope)}">` : "") +
    `<button type="submit" class="${opts.primary ? "herald-unsub__primary" : "herald-unsub__secondary"}" aria-describedby="herald-unsub-status">${label}</button>` +
    `</form>`;

  let heading: string;
  let note = "";
  let actions: string;
  if (input.state === "all") {
    heading = t(texts.unsubscribedAll);
    actions = form("resubscribe", text(texts.undo), { scope: "all", primary: true });
  } else if (input.state === "scope") {
    heading = t(texts.unsubscribed[kind]);
    note = t(texts.othersContinue);
    actions = form("resubscribe", text(texts.undo), { scope: input.scope, primary: true }) + form("unsubscribe_all", t(texts.unsubscribeAll), {});
  } else if (input.after === "visit") {
    heading = t(texts.confirm[kind]);
    actions = form("unsubscribe", text(texts.unsubscribe), { primary: true }) + form("unsubscribe_all", t(texts.unsubscribeAll), {});
  } else {
    heading = t(texts.resubscribed[kind]);
    actions = form("unsubscribe", text(texts.unsubscribe), { primary: true }) + form("unsubscribe_all", t(texts.unsubscribeAll), {});
  }
  return wrap(locale, dir, `<h1 id="herald-unsub-status" tabindex="-1" autofocus>${heading}</h1>${note ? `<p>${note}</p>` : ""}<div class="herald-unsub__actions">${actions}</div>`);
}

/** The 400 page for a broken, cut or altered link: nothing was changed. */
export function renderBrokenLinkPage(input: { locale: string | null; shopPrimaryLocale: string; shopName: string }): string {
  const { locale, dir, texts } = pageLocale(input.locale, input.shopPrimaryLocale);
  return wrap(
    locale,
    dir,
    `<h1 id="herald-unsub-status" tabindex="-1" autofocus>${text(texts.brokenTitle)}</h1><p>${fill(texts.brokenBody, input.shopName)}</p>`,
  );
}

const STYLE = [
  ".herald-unsub{box-sizing:border-box;max-width:36rem;margin:3rem auto;padding:0 1.25rem;line-height:1.5;text-align:start}",
  ".herald-unsub h1{font-size:1.5rem;line-height:1.3;margin:0 0 .75rem}",
  ".herald-unsub h1:focus{outline:none}",
  ".herald-unsub p{margin:0 0 1.5rem}",
  ".herald-unsub__actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}",
  ".herald-unsub form{margin:0}",
  ".herald-unsub button{font:inherit;font-size:1rem;line-height:1.25;min-height:2.75rem;padding:.625rem 1.25rem;border-radius:.5rem;cursor:pointer;border:2px solid #111827}",
  ".herald-unsub__primary{background:#111827;color:#fff}",
  ".herald-unsub__secondary{background:transparent;color:inherit;border-color:currentColor}",
  ".herald-unsub button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}",
].join("");

function wrap(locale: string, dir: "ltr" | "rtl", content: string): string {
  return `<div class="herald-unsub" lang="${attr(locale)}" dir="${dir}"><style>${STYLE}</style>${content}</div>`;
}

/** A text with `{shop}` replaced by the escaped shop name, isolated for bidirectional text. */
function fill(template: string, shopName: string): string {
  return template
    .split("{shop}")
    .map(text)
    .join(`<bdi>${text(shopName)}</bdi>`);
}

/** Escape for text and double-quoted attributes, and neutralise Liquid's delimiters ({{ }}, {% %}). */
function text(value: string): string {
  return value.replace(/[&<>"{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attr = text;
