/*
 * Herald store simulator: a stand-in for App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js),
 * served at {SHOPIFY_API_BASE_URL}/cdn/app-bridge.js. Offline, Shopify's script cannot load and every
 * useAppBridge() call would throw; this defines the same `window.shopify` global with the parts Herald
 * uses. Plain modern JavaScript on purpose: it runs in the browser as-is, without a build step.
 *
 * Tokens: inside the simulator's admin frame it asks the parent page for a fresh session token over
 * postMessage (the parent mints it); outside a frame it asks the simulator directly (CORS) and falls
 * back to the id_token URL parameter.
 */
(function () {
  "use strict";
  if (window.shopify && window.shopify.__simulated) return;

  var script = document.currentScript;
  var simOrigin = script && script.src ? new URL(script.src).origin : null;
  var params = new URLSearchParams(window.location.search);
  var framed = window.parent !== window;
  var SOURCE_APP = "herald-sim-app";
  var SOURCE_ADMIN = "herald-sim-admin";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  function decodeJwt(token) {
    try {
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(part));
    } catch {
      return null;
    }
  }

  // Remember what the admin gave us on first load: Remix client navigations drop the query string.
  var remembered = {};
  try {
    remembered = JSON.parse(sessionStorage.getItem("herald-sim-app-bridge") || "{}");
  } catch {
    remembered = {};
  }
  var urlToken = params.get("id_token");
  var claims = urlToken ? decodeJwt(urlToken) : null;
  var config = {
    apiKey: (script && script.getAttribute("data-api-key")) || meta("shopify-api-key") || remembered.apiKey || "",
    shop: params.get("shop") || (claims && claims.dest ? claims.dest.replace(/^https:\/\//, "") : null) || remembered.shop || "",
    host: params.get("host") || remembered.host || "",
    locale: params.get("locale") || remembered.locale || "en",
    appOrigins: [],
    disabledFeatures: [],
  };
  try {
    sessionStorage.setItem("herald-sim-app-bridge", JSON.stringify(config));
  } catch {
    /* private mode: fine, we only lose the memory */
  }

  function toParent(message) {
    if (!framed || !simOrigin) return;
    message.source = SOURCE_APP;
    window.parent.postMessage(message, simOrigin);
  }

  // ---- session tokens -------------------------------------------------------------------------
  var pending = {};
  var sequence = 0;
  var cached = null;

  function fresh(token) {
    var c = token && decodeJwt(token);
    return Boolean(c && c.exp * 1000 - Date.now() > 10000);
  }

  function fromParent() {
    return new Promise(function (resolve, reject) {
      var id = ++sequence;
      pending[id] = { resolve: resolve, reject: reject };
      toParent({ type: "idToken", id: id, shop: config.shop });
      setTimeout(function () {
        if (!pending[id]) return;
        delete pending[id];
        reject(new Error("The simulator's admin frame did not answer the session-token request"));
      }, 5000);
    });
  }

  function fromSimulator() {
    if (!simOrigin || !config.shop) return Promise.reject(new Error("no simulator origin or shop"));
    return originalFetch(simOrigin + "/admin/api/session-token?shop=" + encodeURIComponent(config.shop))
      .then(function (r) {
        if (!r.ok) throw new Error("session-token endpoint answered " + r.status);
        return r.json();
      })
      .then(function (body) {
        return body.token;
      });
  }

  /** shopify.idToken(): a session token valid for at least 10 more seconds. */
  function idToken() {
    if (fresh(cached)) return Promise.resolve(cached);
    var source = framed ? fromParent() : fromSimulator();
    return source
      .catch(function (error) {
        if (fresh(urlToken)) return urlToken;
        throw error;
      })
      .then(function (token) {
        cached = token;
        return token;
      });
  }

  // ---- messages from the admin frame ----------------------------------------------------------
  window.addEventListener("message", function (event) {
    if (event.origin !== simOrigin) return;
    var data = event.data;
    if (!data || data.source !== SOURCE_ADMIN) return;
    if (data.type === "idToken" && pending[data.id]) {
      var p = pending[data.id];
      delete pending[data.id];
      if (data.token) p.resolve(data.token);
      else p.reject(new Error(data.error || "no token"));
    } else if (data.type === "navigate" && typeof data.href === "string") {
      navigate(data.href);
    } else if (data.type === "leaveConfirmation") {
      // The admin holds one of its own links while a save bar shows: ask, and tell it to go on "Leave".
      leaveConfirmation().then(function () {
        toParent({ type: "leave", id: data.id });
      });
    }
  });

  /** What App Bridge does when a nav item is clicked: a shopify:navigate event on the link. */
  function navigate(href) {
    var anchor = null;
    var links = document.querySelectorAll("ui-nav-menu a");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === href) anchor = links[i];
    }
    var temporary = !anchor;
    if (temporary) {
      anchor = document.createElement("a");
      anchor.setAttribute("href", href);
      anchor.style.display = "none";
      document.body.appendChild(anchor);
    }
    anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    if (temporary) anchor.remove();
  }

  // ---- fetch: add the session token, as App Bridge v4 does ------------------------------------
  var originalFetch = window.fetch.bind(window);
  var RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request";

  function authorizedFetch(input, init) {
    var request;
    try {
      request = new Request(input, init);
    } catch {
      return originalFetch(input, init);
    }
    var url = new URL(request.url, window.location.href);
    var ours = url.origin === window.location.origin || config.appOrigins.indexOf(url.origin) >= 0;
    if (!ours || request.headers.has("Authorization")) return originalFetch(input, init);
    var retry = request.clone();
    function send(req, forceNew) {
      if (forceNew) cached = null;
      return idToken().then(function (token) {
        var headers = new Headers(req.headers);
        headers.set("Authorization", "Bearer " + token);
        return originalFetch(new Request(req, { headers: headers }));
      });
    }
    return send(request, false).then(function (response) {
      // shopify-app-remix answers 401 + this header when the token was rejected: retry once.
      if (response.status === 401 && response.headers.get(RETRY_HEADER) === "1") return send(retry, true);
      return response;
    });
  }
  window.fetch = authorizedFetch;

  // ---- toasts -------------------------------------------------------------------------------
  var toastRegion = null;
  var toastCount = 0;
  function region() {
    if (toastRegion && document.body.contains(toastRegion)) return toastRegion;
    toastRegion = document.createElement("div");
    toastRegion.setAttribute("data-herald-sim", "toasts");
    toastRegion.setAttribute("role", "status");
    toastRegion.setAttribute("aria-live", "polite");
    toastRegion.style.cssText =
      "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;display:flex;flex-direction:column;gap:8px;align-items:center;pointer-events:none";
    document.body.appendChild(toastRegion);
    return toastRegion;
  }

  function showToast(message, opts) {
    opts = opts || {};
    var id = "herald-sim-toast-" + ++toastCount;
    var el = document.createElement("div");
    el.id = id;
    el.className = "herald-sim-toast" + (opts.isError ? " herald-sim-toast--error" : "");
    el.style.cssText =
      "pointer-events:auto;display:flex;gap:12px;align-items:center;padding:10px 14px;border-radius:10px;font:500 14px/1.4 -apple-system,BlinkMacSystemFont,'San Francisco','Segoe UI',Roboto,sans-serif;color:#fff;box-shadow:0 4px 16px rgba(0,0,0,.25);background:" +
      (opts.isError ? "#8e1f0b" : "#1a1a1a");
    var text = document.createElement("span");
    text.textContent = String(message);
    el.appendChild(text);
    if (opts.action) {
      var action = document.createElement("button");
      action.type = "button";
      action.textContent = opts.action;
      action.style.cssText = "background:none;border:1px solid #fff6;color:#fff;border-radius:6px;padding:2px 8px;cursor:pointer";
      action.addEventListener("click", function () {
        if (typeof opts.onAction === "function") opts.onAction();
      });
      el.appendChild(action);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "\u00d7";
    close.style.cssText = "background:none;border:0;color:#fff;font-size:18px;cursor:pointer";
    close.addEventListener("click", function () {
      hideToast(id);
      if (typeof opts.onDismiss === "function") opts.onDismiss();
    });
    el.appendChild(close);
    region().appendChild(el);
    setTimeout(function () {
      hideToast(id);
    }, typeof opts.duration === "number" ? opts.duration : 5000);
    return id;
  }

  function hideToast(id) {
    var el = document.getElementById(id);
    if (el) el.remove();
  }

  // ---- loading bar ------------------------------------------------------------------------------
  var loadingBar = null;
  function loading(on) {
    var active = on !== false;
    toParent({ type: "loading", on: active });
    if (active && !loadingBar) {
      loadingBar = document.createElement("div");
      loadingBar.setAttribute("data-herald-sim", "loading");
      loadingBar.style.cssText = "position:fixed;top:0;left:0;height:3px;width:100%;background:linear-gradient(90deg,#008060,#5ec49b);z-index:2147483647";
      document.body.appendChild(loadingBar);
    } else if (!active && loadingBar) {
      loadingBar.remove();
      loadingBar = null;
    }
  }

  // ---- custom elements: ui-nav-menu, ui-title-bar, ui-save-bar, ui-modal ------------------------
  var style = document.createElement("style");
  style.textContent =
    "ui-nav-menu,ui-title-bar,ui-save-bar,ui-modal{display:none}" +
    ".herald-sim-overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center;z-index:2147483000}" +
    ".herald-sim-dialog{background:#fff;border-radius:12px;min-width:320px;max-width:min(90vw,720px);max-height:85vh;overflow:auto;box-shadow:0 20px 40px rgba(0,0,0,.3);font:14px/1.4 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif}" +
    ".herald-sim-dialog header,.herald-sim-dialog footer{display:flex;gap:8px;align-items:center;padding:12px 16px;border-bottom:1px solid #e3e3e3}" +
    ".herald-sim-dialog footer{border-bottom:0;border-top:1px solid #e3e3e3;justify-content:flex-end}" +
    ".herald-sim-savebar{position:fixed;top:0;left:0;right:0;z-index:2147482000;display:flex;gap:8px;align-items:center;justify-content:space-between;padding:10px 16px;background:#1a1a1a;color:#fff;font:600 14px -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,sans-serif}" +
    ".herald-sim-button{border-radius:8px;padding:6px 12px;border:1px solid #c9c9c9;background:#fff;color:#303030;cursor:pointer;font:inherit}" +
    ".herald-sim-button--primary{background:#303030;color:#fff;border-color:#303030}" +
    ".herald-sim-button--critical{background:#c70a24;color:#fff;border-color:#c70a24}";
  (document.head || document.documentElement).appendChild(style);

  /** Buttons inside ui-title-bar/ui-save-bar belong to React: show proxies that click the originals. */
  function proxyButtons(container) {
    var out = [];
    if (!container) return out;
    var buttons = container.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      (function (original) {
        var proxy = document.createElement("button");
        proxy.type = "button";
        proxy.textContent = original.textContent;
        proxy.disabled = original.disabled;
        proxy.className = "herald-sim-button" + (original.getAttribute("variant") === "primary" ? " herald-sim-button--primary" : "");
        proxy.addEventListener("click", function () {
          original.click();
        });
        out.push(proxy);
      })(buttons[i]);
    }
    return out;
  }

  function define(name, ctor) {
    if (window.customElements && !window.customElements.get(name)) window.customElements.define(name, ctor);
  }

  function navItems(menu) {
    var items = [];
    var links = menu.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("rel") === "home") continue;
      items.push({ label: (links[i].textContent || "").trim(), href: links[i].getAttribute("href") });
    }
    return items;
  }

  class NavMenu extends HTMLElement {
    connectedCallback() {
      var report = () => {
        toParent({ type: "navMenu", items: navItems(this) });
      };
      this._observer = new MutationObserver(report);
      this._observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
      report();
    }
    disconnectedCallback() {
      if (this._observer) this._observer.disconnect();
      toParent({ type: "navMenu", items: [] });
    }
  }

  class TitleBar extends HTMLElement {
    static get observedAttributes() {
      return ["title"];
    }
    connectedCallback() {
      if (!this.closest("ui-modal")) toParent({ type: "titleBar", title: this.getAttribute("title") || "" });
    }
    attributeChangedCallback() {
      if (this.isConnected && !this.closest("ui-modal")) toParent({ type: "titleBar", title: this.getAttribute("title") || "" });
    }
  }

  class SaveBar extends HTMLElement {
    constructor() {
      super();
      this._bar = null;
    }
    get showing() {
      return Boolean(this._bar);
    }
    show() {
      if (this._bar) return Promise.resolve();
      var bar = document.createElement("div");
      bar.className = "herald-sim-savebar";
      bar.setAttribute("role", "region");
      bar.setAttribute("aria-label", "Unsaved changes");
      var label = document.createElement("span");
      label.textContent = "Unsaved changes";
      var actions = document.createElement("div");
      actions.style.cssText = "display:flex;gap:8px";
      proxyButtons(this).forEach(function (b) {
        actions.appendChild(b);
      });
      bar.appendChild(label);
      bar.appendChild(actions);
      document.body.appendChild(bar);
      this._bar = bar;
      this.dispatchEvent(new Event("show"));
      reportSaveBar();
      return Promise.resolve();
    }
    hide() {
      if (!this._bar) return Promise.resolve();
      this._bar.remove();
      this._bar = null;
      this.dispatchEvent(new Event("hide"));
      reportSaveBar();
      return Promise.resolve();
    }
    toggle() {
      return this._bar ? this.hide() : this.show();
    }
    disconnectedCallback() {
      this.hide();
    }
  }

  function saveBarShowing() {
    var bars = document.querySelectorAll("ui-save-bar");
    for (var i = 0; i < bars.length; i++) {
      if (bars[i].showing) return true;
    }
    return false;
  }

  /** While a save bar shows, admin holds its own navigation (another admin page, another store). */
  function reportSaveBar() {
    toParent({ type: "saveBar", showing: saveBarShowing() });
  }

  // ---- leave confirmation ---------------------------------------------------------------------
  // shopify.saveBar.leaveConfirmation(): resolves at once when no save bar shows; otherwise asks admin's
  // "Leave page with unsaved changes?" and resolves on "Leave page". "Stay" never settles the promise.
  var leaving = [];
  var leaveDialog = null;

  function leaveConfirmation() {
    if (!saveBarShowing()) return Promise.resolve();
    return new Promise(function (resolve) {
      leaving.push(resolve);
      askToLeave();
    });
  }

  function askToLeave() {
    if (leaveDialog) return;
    var returnFocus = document.activeElement;
    var overlay = document.createElement("div");
    overlay.className = "herald-sim-overlay";
    var dialog = document.createElement("div");
    dialog.className = "herald-sim-dialog";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "herald-sim-leave-title");
    dialog.setAttribute("aria-describedby", "herald-sim-leave-text");
    var header = document.createElement("header");
    var heading = document.createElement("h2");
    heading.id = "herald-sim-leave-title";
    heading.style.cssText = "margin:0;font-size:16px";
    heading.textContent = "Leave page with unsaved changes?";
    header.appendChild(heading);
    var text = document.createElement("p");
    text.id = "herald-sim-leave-text";
    text.style.cssText = "margin:0;padding:16px";
    text.textContent = "Leaving this page will delete all unsaved changes.";
    var footer = document.createElement("footer");
    var stay = document.createElement("button");
    stay.type = "button";
    stay.className = "herald-sim-button";
    stay.textContent = "Stay";
    var leave = document.createElement("button");
    leave.type = "button";
    leave.className = "herald-sim-button herald-sim-button--critical";
    leave.textContent = "Leave page";
    footer.appendChild(stay);
    footer.appendChild(leave);
    dialog.appendChild(header);
    dialog.appendChild(text);
    dialog.appendChild(footer);
    overlay.appendChild(dialog);
    function close(left) {
      overlay.remove();
      leaveDialog = null;
      var waiting = leaving;
      leaving = [];
      if (left) waiting.forEach(function (resolve) { resolve(); });
      else if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
    }
    stay.addEventListener("click", function () { close(false); });
    leave.addEventListener("click", function () { close(true); });
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") close(false);
    });
    document.body.appendChild(overlay);
    leaveDialog = overlay;
    stay.focus();
  }

  class Modal extends HTMLElement {
    constructor() {
      super();
      this._overlay = null;
      // React portals the modal's content into this element (see app-bridge-react's Modal).
      this.content = document.createElement("div");
      this.content.style.padding = "16px";
    }
    get open() {
      return Boolean(this._overlay);
    }
    show() {
      if (this._overlay) return Promise.resolve();
      var overlay = document.createElement("div");
      overlay.className = "herald-sim-overlay";
      var dialog = document.createElement("div");
      dialog.className = "herald-sim-dialog";
      dialog.setAttribute("role", "dialog");
      dialog.setAttribute("aria-modal", "true");
      var titleBar = this.querySelector("ui-title-bar");
      var header = document.createElement("header");
      var heading = document.createElement("h2");
      heading.style.cssText = "margin:0;font-size:16px;flex:1";
      heading.textContent = titleBar ? titleBar.getAttribute("title") || "" : "";
      dialog.setAttribute("aria-label", heading.textContent || "Dialog");
      var close = document.createElement("button");
      close.type = "button";
      close.className = "herald-sim-button";
      close.setAttribute("aria-label", "Close");
      close.textContent = "\u00d7";
      close.addEventListener("click", () => {
        this.hide();
      });
      header.appendChild(heading);
      header.appendChild(close);
      dialog.appendChild(header);
      dialog.appendChild(this.content);
      var buttons = proxyButtons(titleBar);
      if (buttons.length) {
        var footer = document.createElement("footer");
        buttons.forEach(function (b) {
          footer.appendChild(b);
        });
        dialog.appendChild(footer);
      }
      overlay.appendChild(dialog);
      overlay.addEventListener("click", (e) => {
        if (e.target === overlay) this.hide();
      });
      document.body.appendChild(overlay);
      this._overlay = overlay;
      this.dispatchEvent(new Event("show"));
      return Promise.resolve();
    }
    hide() {
      if (!this._overlay) return Promise.resolve();
      this._overlay.remove();
      this._overlay = null;
      this.dispatchEvent(new Event("hide"));
      return Promise.resolve();
    }
    toggle() {
      return this._overlay ? this.hide() : this.show();
    }
  }

  define("ui-nav-menu", NavMenu);
  define("ui-title-bar", TitleBar);
  define("ui-save-bar", SaveBar);
  define("ui-modal", Modal);

  function byId(id) {
    var el = document.getElementById(id);
    if (!el) return Promise.reject(new Error("No element with id " + id));
    return el;
  }
  function call(method) {
    return function (id) {
      var el = byId(id);
      return el instanceof Promise ? el : el[method]();
    };
  }

  function unsupported(name) {
    return function () {
      console.warn("[Herald simulator] shopify." + name + " is not simulated offline");
      return Promise.resolve(undefined);
    };
  }

  // ---- the global ---------------------------------------------------------------------------
  window.shopify = {
    __simulated: true,
    config: config,
    origin: simOrigin || window.location.origin,
    ready: Promise.resolve(),
    environment: { embedded: true, mobile: false, pos: false, intent: false },
    idToken: idToken,
    loading: loading,
    toast: { show: showToast, hide: hideToast },
    modal: { show: call("show"), hide: call("hide"), toggle: call("toggle") },
    saveBar: {
      show: call("show"),
      hide: call("hide"),
      toggle: call("toggle"),
      leaveConfirmation: leaveConfirmation,
    },
    user: function () {
      return Promise.resolve({ accountAccess: "Account owner" });
    },
    scopes: {
      query: function () {
        return Promise.resolve({ granted: [], required: [], optional: [] });
      },
      request: unsupported("scopes.request"),
      revoke: unsupported("scopes.revoke"),
    },
    resourcePicker: unsupported("resourcePicker"),
    picker: unsupported("picker"),
    intents: { invoke: unsupported("intents.invoke") },
    setSignals: function () {},
  };

  // ---- bounce page: /auth/session-token?shopify-reload=<url> (shopify-app-remix) ---------------
  var reload = params.get("shopify-reload");
  if (reload) {
    var target = new URL(reload, window.location.href);
    if (target.origin === window.location.origin) {
      idToken().then(function (token) {
        target.searchParams.set("id_token", token);
        window.location.replace(target.toString());
      });
    }
  }

  // ---- keep the admin's address bar in step with the app's location -------------------------
  var HIDDEN = ["embedded", "shop", "host", "id_token", "locale", "hmac", "session", "timestamp"];
  function reportLocation() {
    var url = new URL(window.location.href);
    HIDDEN.forEach(function (p) {
      url.searchParams.delete(p);
    });
    toParent({ type: "location", path: url.pathname + url.search + url.hash });
  }
  ["pushState", "replaceState"].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      reportLocation();
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);
  reportLocation();
  toParent({ type: "ready", apiKey: config.apiKey });
})();
