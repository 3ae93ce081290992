import type { SimShop } from "./state";

/** The app's handle in admin URLs: /admin/store/{shop}/apps/herald. */
export const APP_HANDLE = "herald";

export interface AdminFrameInput {
  shop: SimShop;
  /** Herald's URL (SHOPIFY_APP_URL). */
  appUrl: string;
  /** Path inside the app the iframe opens, e.g. "/app" or "/app/settings?x=1". */
  appPath: string;
  /** Query parameters admin adds: embedded, shop, host, id_token, locale. */
  launchParams: URLSearchParams;
  /** Other shops, for the store switcher. */
  shops: SimShop[];
}

/**
 * Where /admin/store/{shop}/apps/herald[/rest] points inside the app. Like Shopify, the part after the
 * app handle is the app's own path; with nothing after it we open /app (Herald's embedded home) rather
 * than "/", so the demo does not depend on the index route's redirect.
 */
export function appPathFor(rest: string, search: string): string {
  const path = rest && rest !== "/" ? rest : "/app";
  return path + search;
}

/** The admin URL that shows a given app path (inverse of appPathFor). */
export function adminPathFor(shop: string, appPath: string): string {
  const handle = shop.replace(/\.myshopify\.com$/, "");
  return `/admin/store/${handle}/apps/${APP_HANDLE}${appPath === "/app" ? "" : appPath}`;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A slim Shopify admin around Herald's iframe: top bar with the store name, left navigation (Herald's
 * ui-nav-menu links mirrored from the app), a title bar, and the "Simulated store — offline" badge.
 * The page mints session tokens for the app through /admin/api/session-token (same origin) and hands
 * them to the App Bridge stand-in over postMessage, like admin does for App Bridge.
 */
export function renderAdminFrame(input: AdminFrameInput): string {
  const { shop, appUrl } = input;
  const appOrigin = new URL(appUrl).origin;
  const src = new URL(appUrl.replace(/\/+$/, "") + input.appPath);
  for (const [k, v] of input.launchParams) src.searchParams.set(k, v);
  const handle = shop.domain.replace(/\.myshopify\.com$/, "");
  const initials = shop.name
    .split(/\s+/)
    .map((w) => w[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const others = input.shops.filter((s) => s.domain !== shop.domain);
  const boot = JSON.stringify({
    shop: shop.domain,
    appOrigin,
    adminBase: `/admin/store/${handle}/apps/${APP_HANDLE}`,
  }).replace(/</g, "\\u003c");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Herald · ${esc(shop.name)} · Simulated Shopify admin</title>
<style>
  :root { --bar: #1a1a1a; --bg: #f1f1f1; --nav: #ebebeb; --text: #303030; --muted: #616161; --accent: #008060; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; }
  body { font: 14px/1.4 -apple-system, BlinkMacSystemFont, "San Francisco", "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
         color: var(--text); background: var(--bg); display: grid; grid-template-rows: 56px 1fr; grid-template-columns: 240px 1fr; }
  header.top { grid-column: 1 / 3; background: var(--bar); color: #fff; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  header.top .logo { font-weight: 700; letter-spacing: .2px; display: flex; gap: 8px; align-items: center; }
  header.top .logo svg { width: 22px; height: 22px; }
  header.top .search { flex: 1; max-width: 480px; margin: 0 auto; background: #303030; border-radius: 8px; padding: 6px 12px; color: #b5b5b5; }
  .badge { background: #ffd79d; color: #4f2e00; border-radius: 8px; padding: 2px 8px; font-size: 12px; font-weight: 600; white-space: nowrap; }
  .store { display: flex; align-items: center; gap: 8px; }
  .avatar { width: 28px; height: 28px; border-radius: 8px; background: #5ec49b; color: #0c3b2a; display: grid; place-items: center; font-weight: 700; font-size: 12px; }
  nav.side { background: var(--nav); padding: 12px 8px; overflow: auto; border-right: 1px solid #e3e3e3; }
  nav.side a, nav.side span { display: block; padding: 6px 10px; border-radius: 8px; color: var(--text); text-decoration: none; }
  nav.side span.off { color: var(--muted); cursor: not-allowed; }
  nav.side a:hover { background: #e3e3e3; }
  nav.side a[aria-current="page"] { background: #fff; font-weight: 600; }
  nav.side h2 { font-size: 12px; color: var(--muted); margin: 16px 10px 4px; font-weight: 600; }
  nav.side .sub a { padding-left: 28px; }
  nav.side .stores { margin-top: 24px; font-size: 12px; }
  main { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
  .titlebar { display: flex; align-items: center; gap: 8px; padding: 10px 20px; min-height: 48px; }
  .titlebar h1 { margin: 0; font-size: 20px; font-weight: 700; }
  .titlebar .app { color: var(--muted); }
  .frame { position: relative; flex: 1; margin: 0 12px 12px; border-radius: 12px; overflow: hidden; background: #fff; box-shadow: 0 1px 0 rgba(0,0,0,.07); }
  .frame iframe { border: 0; width: 100%; height: 100%; display: block; }
  .loading { position: absolute; top: 0; left: 0; right: 0; height: 3px; background: linear-gradient(90deg, var(--accent), #5ec49b); display: none; }
  .loading.on { display: block; }
  .hint { font-size: 12px; color: var(--muted); padding: 0 20px 8px; }
</style>
</head>
<body>
<header class="top">
  <div class="logo"><svg viewBox="0 0 24 24" aria-hidden="true"><path fill="#5ec49b" d="M15.3 3.6c-.1 0-1.3.1-1.3.1s-.9-.9-1-1a.5.5 0 0 0-.4-.1l-.6 13.9 5.6-1.2S15.4 3.7 15.3 3.6ZM12.4 2.9l-.6.2c-.4-1-1-1.9-2.1-1.9h-.1C9.3.8 8.9.6 8.6.6 6 .6 4.8 3.8 4.4 5.4l-1.8.6c-.6.2-.6.2-.6.7L.6 18.8 11.6 20.9 12.4 2.9Z"/></svg>Shopify <span style="font-weight:400;color:#b5b5b5">admin</span></div>
  <div class="search" aria-hidden="true">Search</div>
  <span class="badge" role="note">Simulated store — offline</span>
  <div class="store"><span class="avatar" aria-hidden="true">${esc(initials)}</span><span data-testid="shop-name">${esc(shop.name)}</span></div>
</header>
<nav class="side" aria-label="Store navigation">
  <span class="off">Home</span>
  <span class="off">Orders</span>
  <span class="off">Products</span>
  <span class="off">Customers</span>
  <h2>Apps</h2>
  <a href="/admin/store/${esc(handle)}/apps/${APP_HANDLE}" id="app-link">Herald</a>
  <div class="sub" id="app-nav" aria-label="Herald"></div>
  ${others.length ? `<div class="stores"><h2>Other simulated stores</h2>${others
    .map((s) => `<a href="/admin/store/${esc(s.domain.replace(/\.myshopify\.com$/, ""))}/apps/${APP_HANDLE}">${esc(s.name)}</a>`)
    .join("")}</div>` : ""}
</nav>
<main>
  <div class="titlebar"><span class="app">Herald</span><h1 id="app-title"></h1></div>
  <div class="frame">
    <div class="loading" id="loading"></div>
    <iframe id="app-frame" title="Herald" src="${esc(src.toString())}" allow="clipboard-write"></iframe>
  </div>
  <div class="hint">Local admin frame of the Herald store simulator · ${esc(shop.domain)} · ${esc(shop.timezone)} · ${esc(shop.locale)}</div>
</main>
<script>
(function () {
  var boot = ${boot};
  var frame = document.getElementById("app-frame");
  var nav = document.getElementById("app-nav");
  function reply(message) {
    message.source = "herald-sim-admin";
    frame.contentWindow.postMessage(message, boot.appOrigin);
  }
  function renderNav(items) {
    nav.textContent = "";
    items.forEach(function (item) {
      var a = document.createElement("a");
      a.textContent = item.label;
      a.href = boot.adminBase + (item.href === "/app" ? "" : item.href);
      a.addEventListener("click", function (e) {
        e.preventDefault();
        reply({ type: "navigate", href: item.href });
      });
      a.setAttribute("data-href", item.href);
      nav.appendChild(a);
    });
    markCurrent();
  }
  // While the app's save bar shows, admin holds its own links (they leave the app) and asks App Bridge's
  // leave confirmation first. Admin is a single-page app: leaving drops the app's frame without its
  // beforeunload, so the app's own question does not come twice. The app's nav menu items are
  // navigations inside the app (shopify:navigate): the app holds those itself.
  var saveBarShowing = false;
  var held = {};
  var heldSequence = 0;
  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("a[href]") : null;
    if (!link || !saveBarShowing || nav.contains(link)) return;
    e.preventDefault();
    var id = ++heldSequence;
    held[id] = link.href;
    reply({ type: "leaveConfirmation", id: id });
  });
  var currentPath = "";
  function markCurrent() {
    var links = nav.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("data-href");
      var match = currentPath === href || currentPath.split("?")[0] === href;
      if (match) links[i].setAttribute("aria-current", "page"); else links[i].removeAttribute("aria-current");
    }
  }
  window.addEventListener("message", function (event) {
    if (event.origin !== boot.appOrigin || !event.data || event.data.source !== "herald-sim-app") return;
    var data = event.data;
    if (data.type === "idToken") {
      fetch("/admin/api/session-token?shop=" + encodeURIComponent(boot.shop))
        .then(function (r) { return r.json(); })
        .then(function (body) { reply({ type: "idToken", id: data.id, token: body.token, error: body.error }); })
        .catch(function (e) { reply({ type: "idToken", id: data.id, error: String(e) }); });
    } else if (data.type === "navMenu") {
      renderNav(Array.isArray(data.items) ? data.items : []);
    } else if (data.type === "titleBar") {
      document.getElementById("app-title").textContent = data.title || "";
    } else if (data.type === "saveBar") {
      saveBarShowing = Boolean(data.showing);
      document.body.setAttribute("data-app-save-bar", saveBarShowing ? "showing" : "hidden");
    } else if (data.type === "leave" && held[data.id]) {
      var href = held[data.id];
      held = {};
      frame.remove();
      location.assign(href);
    } else if (data.type === "loading") {
      document.getElementById("loading").className = data.on ? "loading on" : "loading";
    } else if (data.type === "location" && typeof data.path === "string") {
      currentPath = data.path;
      var admin = boot.adminBase + (data.path.split("?")[0] === "/app" ? data.path.slice(4) : data.path);
      if (location.pathname + location.search !== admin) history.replaceState(null, "", admin);
      markCurrent();
    }
  });
})();
</script>
</body>
</html>`;
}

/** GET /admin with several shops (or none), and unknown shops: the list, and how to install one. */
export function renderShopList(shops: SimShop[], installCommand: string, notice?: string): string {
  const items = shops
    .map((s) => `<li><a href="/admin/store/${esc(s.domain.replace(/\.myshopify\.com$/, ""))}/apps/${APP_HANDLE}">${esc(s.name)}</a> <small>${esc(s.domain)}</small></li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Herald store simulator</title>
<style>body{font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;max-width:640px;margin:48px auto;padding:0 16px;color:#303030}code{background:#f1f1f1;padding:2px 6px;border-radius:6px}</style></head>
<body><h1>Herald store simulator</h1>
${notice ? `<p><strong>${esc(notice)}</strong></p>` : ""}
${shops.length ? `<p>Simulated stores:</p><ul>${items}</ul>` : "<p>No simulated store yet.</p>"}
<p>Install a store into Herald:</p><p><code>${esc(installCommand)}</code></p>
</body></html>`;
}
