import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { listen, readBody, sendJson, type Listening } from "../fakes/http";

// Shopify renders theme app extensions on its own servers; offline, this renders the back-in-stock
// block with liquidjs and a small Shopify-like context (product, block settings, request.locale,
// the `t` filter over the extension's locales, `asset_url`), inside a stand-in theme product page
// with a variant picker, served on loopback with the block's assets and a stand-in for the app
// proxy endpoint the block posts to.

export const EXTENSION_DIR = path.resolve("extensions", "back-in-stock");
export const BLOCK_FILE = path.join(EXTENSION_DIR, "blocks", "notify-me.liquid");
export const LOCALES_DIR = path.join(EXTENSION_DIR, "locales");
export const DEFAULT_LOCALE_FILE = "en.default.json";
export const PROXY_PATH = "/apps/herald/back-in-stock";

export interface StoreVariant {
  id: number;
  title: string;
  available: boolean;
}

export interface StoreProduct {
  id: number;
  title: string;
  handle: string;
  variants: StoreVariant[];
}

export interface BlockSettings {
  heading: string;
  show_phone: boolean;
  button_color: string;
  button_text_color: string;
}

/** The block's defaults, as its {% schema %} declares them. */
export function defaultBlockSettings(): BlockSettings {
  const settings = blockSchema().settings;
  const value = (id: string) => settings.find((s) => s.id === id)?.default;
  return {
    heading: (value("heading") as string | undefined) ?? "",
    show_phone: value("show_phone") === true,
    button_color: String(value("button_color")),
    button_text_color: String(value("button_text_color")),
  };
}

export const SAMPLE_PRODUCT: StoreProduct = {
  id: 7_310_001,
  title: "Merino Scarf",
  handle: "merino-scarf",
  variants: [
    { id: 44_100_001, title: "Oat", available: true },
    { id: 44_100_002, title: "Charcoal", available: false },
    { id: 44_100_003, title: "Moss", available: false },
  ],
};

interface SchemaSetting {
  id: string;
  type: string;
  label: string;
  default?: unknown;
}

export interface BlockSchema {
  name: string;
  target: string;
  stylesheet?: string;
  javascript?: string;
  enabled_on?: { templates?: string[] };
  settings: SchemaSetting[];
}

/** The block's {% schema %} JSON. */
export function blockSchema(source = fs.readFileSync(BLOCK_FILE, "utf8")): BlockSchema {
  const match = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(source);
  if (!match) throw new Error(`${BLOCK_FILE} has no {% schema %}`);
  return JSON.parse(match[1]) as BlockSchema;
}

type Tree = Record<string, unknown>;

export function readLocale(file: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, file), "utf8")) as Tree;
}

/** Storefront locale files (not the *.schema.json ones), by file name. */
export function storefrontLocaleFiles(): string[] {
  return fs
    .readdirSync(LOCALES_DIR)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    .sort();
}

/** The locale code a storefront file serves: "pt-BR.json" -> "pt-BR", "en.default.json" -> "en". */
export function localeOf(file: string): string {
  return file.replace(/\.default\.json$|\.json$/, "");
}

/** Shopify's choice of file for `request.locale.iso_code`: exact, then the language, then the default. */
function localeFileFor(isoCode: string): string {
  const files = storefrontLocaleFiles();
  for (const candidate of [isoCode, isoCode.split("-")[0]]) {
    const exact = files.find((f) => localeOf(f).toLowerCase() === candidate.toLowerCase());
    if (exact) return exact;
  }
  return DEFAULT_LOCALE_FILE;
}

function lookup(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Tree)[part] : undefined), tree);
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** A Liquid engine with the parts of Shopify's Liquid the block uses. */
function storefrontEngine(isoCode: string): Liquid {
  const engine = new Liquid({ strictFilters: true, ownPropertyOnly: true, templates: {} });
  const translations = readLocale(localeFileFor(isoCode));
  const fallback = readLocale(DEFAULT_LOCALE_FILE);

  // `{{ 'group.key' | t: name: value }}`: the active locale, then the default one; a missing key shows
  // as Shopify shows it, so tests notice. Output is HTML-escaped unless the key ends in `_html`.
  engine.registerFilter("t", (key: unknown, ...args: unknown[]) => {
    const name = String(key);
    const found = lookup(translations, name) ?? lookup(fallback, name);
    if (typeof found !== "string") return `Translation missing: ${localeOf(localeFileFor(isoCode))}.${name}`;
    const params = new Map(args.filter((a): a is [string, unknown] => Array.isArray(a)).map(([k, v]) => [k, String(v)]));
    const text = found.replace(/{{\s*(\w+)\s*}}/g, (_, p: string) => params.get(p) ?? "");
    return name.endsWith("_html") ? text : escapeHtml(text);
  });
  engine.registerFilter("asset_url", (file: unknown) => `/assets/${encodeURIComponent(String(file))}`);

  // {% schema %} is read by Shopify, never rendered.
  engine.registerTag("schema", {
    parse(_token: TagToken, remain: TopLevelToken[]) {
      while (remain.length) {
        const token = remain.shift() as TopLevelToken & { name?: string };
        if (token.name === "endschema") return;
      }
      throw new Error("{% schema %} is not closed");
    },
    render() {
      return "";
    },
  });
  return engine;
}

/** The variant Shopify selects: `?variant=` when it is the product's, else the first available one. */
export function selectedVariant(product: StoreProduct, variantParam?: string | null): StoreVariant {
  return (
    product.variants.find((v) => String(v.id) === variantParam) ?? product.variants.find((v) => v.available) ?? product.variants[0]
  );
}

export interface RenderOptions {
  product?: StoreProduct;
  settings?: Partial<BlockSettings>;
  locale?: string;
  variant?: string | null;
  blockId?: string;
}

/** The block's HTML, as Shopify would render it on the product page. */
export async function renderNotifyMe(opts: RenderOptions = {}): Promise<string> {
  const product = opts.product ?? SAMPLE_PRODUCT;
  const locale = opts.locale ?? "en";
  const context = {
    product: { ...product, selected_or_first_available_variant: selectedVariant(product, opts.variant) },
    block: { id: opts.blockId ?? "AbCdEf123", settings: { ...defaultBlockSettings(), ...opts.settings }, shopify_attributes: "" },
    request: { locale: { iso_code: locale } },
  };
  return storefrontEngine(locale).parseAndRender(fs.readFileSync(BLOCK_FILE, "utf8"), context);
}

const RTL = new Set(["ar", "he", "fa", "ur"]);

/** A product page of a plain theme: title, a variant <select name="id"> in the cart form, the block. */
export async function renderProductPage(opts: RenderOptions = {}): Promise<string> {
  const product = opts.product ?? SAMPLE_PRODUCT;
  const locale = opts.locale ?? "en";
  const selected = selectedVariant(product, opts.variant);
  const schema = blockSchema();
  const block = await renderNotifyMe(opts);
  const options = product.variants
    .map((v) => `<option value="${v.id}"${v.id === selected.id ? " selected" : ""}>${escapeHtml(v.title)}${v.available ? "" : " (sold out)"}</option>`)
    .join("");
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${RTL.has(locale.split("-")[0]) ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(product.title)}</title>
${schema.stylesheet ? `<link rel="stylesheet" href="/assets/${schema.stylesheet}">` : ""}
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.5rem; }
  .product-form label { display: block; margin-block-end: .25rem; }
  .product-form select, .product-form button { font: inherit; padding: .5rem .75rem; margin-block-end: .75rem; }
</style>
</head>
<body>
<main>
  <section class="shopify-section" id="shopify-section-main-product">
    <h1>${escapeHtml(product.title)}</h1>
    <form class="product-form" method="post" action="/cart/add">
      <label for="variant-picker">Colour</label>
      <select id="variant-picker" name="id">${options}</select>
      <button type="submit">Add to cart</button>
    </form>
    ${block}
  </section>
</main>
<script>
  // Like many themes: the picker writes ?variant= into the address bar without reloading.
  document.getElementById("variant-picker").addEventListener("change", function (event) {
    var url = new URL(window.location.href);
    url.searchParams.set("variant", event.target.value);
    history.replaceState({}, "", url.toString());
  });
</script>
${schema.javascript ? `<script src="/assets/${schema.javascript}" defer></script>` : ""}
</body>
</html>`;
}

/** One sign-up the block posted to the app proxy. */
export interface Signup {
  contentType: string;
  fields: Record<string, string>;
}

/** What the stand-in proxy endpoint answers. */
export interface ProxyAnswer {
  status: number;
  body: unknown;
  /** Hold the answer back this long (to see the busy state). */
  delayMs?: number;
}

export interface Storefront extends Listening {
  /** The product page; `locale` as Shopify's locale prefix ("/es/products/..."). */
  productUrl(opts?: { locale?: string; variant?: number }): string;
  signups: Signup[];
  /** Answer the next sign-ups with this (default: 200 subscribed). */
  answer: ProxyAnswer;
}

export interface StorefrontOptions {
  product?: StoreProduct;
  settings?: Partial<BlockSettings>;
}

const CONTENT_TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** Serve the product page, the block's assets and the stand-in app proxy endpoint on loopback. */
export async function startStorefront(opts: StorefrontOptions = {}): Promise<Storefront> {
  const product = opts.product ?? SAMPLE_PRODUCT;
  const locales = new Set(storefrontLocaleFiles().map(localeOf));
  const signups: Signup[] = [];
  const state = { answer: { status: 200, body: { ok: true, status: "subscribed" } } as ProxyAnswer };

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://storefront.test");
    if (req.method === "POST" && url.pathname === PROXY_PATH) {
      const body = await readBody(req);
      const contentType = req.headers["content-type"] ?? "";
      signups.push({ contentType, fields: Object.fromEntries(new URLSearchParams(body)) });
      const { status, body: answer, delayMs } = state.answer;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sendJson(res, status, answer);
      return;
    }
    if (req.method === "GET" && url.pathname.startsWith("/assets/")) {
      const file = path.join(EXTENSION_DIR, "assets", path.basename(decodeURIComponent(url.pathname)));
      if (!fs.existsSync(file)) return notFound(res);
      res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(fs.readFileSync(file));
      return;
    }
    const page = /^\/(?:([A-Za-z]{2}(?:-[A-Za-z]{2})?)\/)?products\/([\w-]+)$/.exec(url.pathname);
    if (req.method === "GET" && page && page[2] === product.handle && (!page[1] || locales.has(page[1]))) {
      const html = await renderProductPage({ product, settings: opts.settings, locale: page[1] ?? "en", variant: url.searchParams.get("variant") });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
      return;
    }
    notFound(res);
  };

  const listening = await listen((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  return {
    ...listening,
    signups,
    get answer() {
      return state.answer;
    },
    set answer(next: ProxyAnswer) {
      state.answer = next;
    },
    productUrl(o = {}) {
      const prefix = o.locale && o.locale !== "en" ? `/${o.locale}` : "";
      return `${listening.url}${prefix}/products/${product.handle}${o.variant ? `?variant=${o.variant}` : ""}`;
    },
  };
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}
