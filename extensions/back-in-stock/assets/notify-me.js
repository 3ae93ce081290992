/*
 * Herald back-in-stock block: shows the sign-up form while the selected variant is sold out, follows
 * the theme's variant picker, and posts sign-ups to the app proxy. Plain script, no build step.
 * Request and answers: extensions/back-in-stock/README.md.
 */
(() => {
  "use strict";

  // Deliberately loose: catches typos such as a missing "@" or domain; the server decides the rest.
  const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
  const PHONE = /^\+?[0-9][0-9 ().-]{5,}$/;
  const STATUS_TEXT = { subscribed: "subscribed", already_subscribed: "alreadySubscribed", confirm_sms: "confirmSms" };
  const ERROR_TEXT = { invalid_email: "invalidEmail", invalid_phone: "invalidPhone", unsupported_country: "unsupportedCountry" };
  // Contacts the shop may not write to, which the form cannot change (the server says which).
  const UNREACHABLE_TEXT = {
    email_unsubscribed: "unreachableEmailUnsubscribed",
    email_undeliverable: "unreachableEmailUndeliverable",
    phone_stopped: "unreachablePhoneStopped",
  };
  const FIELDS = ["email", "phone"];
  const PRODUCT_FORM_ID = 'form[action*="/cart/add"] [name="id"]';

  /** Variant availability embedded by the block: { "<id>": true|false }. */
  function readAvailability(root) {
    const map = {};
    try {
      for (const v of JSON.parse(root.querySelector("[data-herald-bis-variants]").textContent)) map[String(v.id)] = v.available === true;
    } catch {
      // An unreadable list leaves the server-rendered state in place.
    }
    return map;
  }

  function urlVariant() {
    return new URLSearchParams(window.location.search).get("variant");
  }

  class NotifyMe {
    constructor(root) {
      this.root = root;
      this.availability = readAvailability(root);
      this.form = root.querySelector("[data-herald-bis-form]");
      this.variantId = this.field("variant_id").value;
      this.formPanel = root.querySelector('[data-herald-bis-panel="form"]');
      this.successPanel = root.querySelector('[data-herald-bis-panel="success"]');
      this.status = root.querySelector("[data-herald-bis-status]");
      this.alert = root.querySelector("[data-herald-bis-alert]");
      this.alertText = root.querySelector("[data-herald-bis-alert-text]");
      this.retry = root.querySelector("[data-herald-bis-retry]");
      this.submit = root.querySelector("[data-herald-bis-submit]");
      this.submitLabel = this.submit.textContent;
      this.heading = root.querySelector(".herald-bis__heading");
      this.busy = false;
      this.subscribed = {}; // variant id -> success text, so switching back shows it again
      this.seenUrlVariant = urlVariant();
      this.seenFormVariant = null;

      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.send();
      });
      this.retry.addEventListener("click", () => this.send());
      this.form.addEventListener("input", (event) => {
        if (event.target.name) this.clearFieldError(event.target.name);
      });
      this.follow();
      this.sync();
    }

    knows(id) {
      return id != null && Object.prototype.hasOwnProperty.call(this.availability, String(id));
    }

    /** The product form's variant input: the one in the block's own section first, else any on the page. */
    formVariant() {
      for (const scope of [this.root.closest(".shopify-section, section"), document]) {
        if (!scope) continue;
        for (const input of scope.querySelectorAll(PRODUCT_FORM_ID)) if (this.knows(input.value)) return String(input.value);
      }
      return null;
    }

    /**
     * Themes announce a variant change in different ways: a `change` on the form's [name="id"] input
     * or select, a `variant=` URL parameter set with history.replaceState (no event), or a custom
     * event. Listen to all of them; whichever source changed last names the variant.
     */
    follow() {
      const later = () => window.setTimeout(() => this.sync(), 0);
      document.addEventListener(
        "change",
        (event) => {
          const target = event.target;
          if (target && target.name === "id" && target.closest && target.closest('form[action*="/cart/add"]') && this.knows(target.value)) {
            this.seenFormVariant = String(target.value);
            this.show(String(target.value));
          } else {
            later();
          }
        },
        true,
      );
      document.addEventListener("click", later, true);
      window.addEventListener("popstate", later);
      for (const name of ["variant:change", "variant:update", "variant:changed"]) document.addEventListener(name, later);
    }

    /** The page loads with the form's variant; later on, a changed URL or a changed form input wins. */
    sync() {
      const fromUrl = urlVariant();
      const fromForm = this.formVariant();
      let next = this.variantId;
      if (fromUrl !== this.seenUrlVariant) {
        this.seenUrlVariant = fromUrl;
        if (this.knows(fromUrl)) next = fromUrl;
      } else if (fromForm !== this.seenFormVariant) {
        this.seenFormVariant = fromForm;
        if (fromForm) next = fromForm;
      }
      this.show(next);
    }

    /** Show the block for a sold-out variant, hide it otherwise. */
    show(id) {
      if (!this.knows(id)) return;
      const changed = String(id) !== String(this.variantId);
      this.variantId = String(id);
      this.field("variant_id").value = this.variantId;
      this.root.hidden = this.availability[this.variantId] === true;
      if (!changed) return;
      this.reset();
      const done = this.subscribed[this.variantId];
      if (done) this.succeed(done, false);
    }

    /** A text from the block's data-text-* attributes (rendered in the storefront's language). */
    text(name) {
      return this.root.getAttribute(`data-text-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) || "";
    }

    field(name) {
      return this.form.elements.namedItem(name);
    }

    errorFor(name) {
      return this.root.querySelector(`[data-herald-bis-error="${name}"]`);
    }

    reset() {
      this.formPanel.hidden = false;
      this.successPanel.hidden = true;
      this.successPanel.textContent = "";
      this.status.textContent = "";
      this.hideAlert();
      for (const name of FIELDS) this.clearFieldError(name);
    }

    clearFieldError(name) {
      const input = this.field(name);
      const error = this.errorFor(name);
      if (input) input.removeAttribute("aria-invalid");
      if (error) error.textContent = "";
    }

    /** Field errors keyed by field name -> text; focuses the first invalid field. False when none applies. */
    showFieldErrors(errors) {
      let first = null;
      for (const name of FIELDS) {
        const input = this.field(name);
        const error = this.errorFor(name);
        if (!errors[name] || !input || !error) continue;
        input.setAttribute("aria-invalid", "true");
        error.textContent = errors[name];
        first = first || input;
      }
      if (!first) return false;
      this.announce(this.text("checkFields"));
      first.focus();
      return true;
    }

    announce(message) {
      // Cleared first so the same message twice in a row is announced twice.
      this.status.textContent = "";
      window.setTimeout(() => {
        this.status.textContent = message;
      }, 50);
    }

    showAlert(message, retry = true) {
      this.alertText.textContent = message;
      this.retry.hidden = !retry;
      this.alert.hidden = false;
      this.announce(message);
    }

    hideAlert() {
      this.alert.hidden = true;
      this.alertText.textContent = "";
      this.retry.hidden = true;
    }

    /** Client-side checks for obvious mistakes; returns field -> text, empty when nothing is wrong. */
    check(email, phone) {
      const phoneShown = Boolean(this.field("phone"));
      if (!email && !phone) return { email: this.text(phoneShown ? "missingContact" : "missingEmail") };
      const errors = {};
      if (email && !EMAIL.test(email)) errors.email = this.text("invalidEmail");
      if (phone && !PHONE.test(phone)) errors.phone = this.text("invalidPhone");
      return errors;
    }

    setBusy(busy) {
      this.busy = busy;
      this.form.setAttribute("aria-busy", String(busy));
      this.submit.setAttribute("aria-disabled", String(busy));
      this.submit.textContent = busy ? this.text("sending") : this.submitLabel;
    }

    async send() {
      if (this.busy) return;
      const email = this.field("email").value.trim();
      const phoneInput = this.field("phone");
      const phone = phoneInput ? phoneInput.value.trim() : "";
      this.hideAlert();
      for (const name of FIELDS) this.clearFieldError(name);
      if (this.showFieldErrors(this.check(email, phone))) return;

      // The form's own fields (variant_id, product_id, locale, consent, email, phone), trimmed, empty ones left out.
      const variantId = this.variantId;
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(this.form)) if (typeof value === "string" && value.trim()) body.set(name, value.trim());

      this.setBusy(true);
      let status = 0;
      let json = {};
      try {
        const response = await window.fetch(this.form.getAttribute("action"), {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8", Accept: "application/json" },
          body: body.toString(),
          credentials: "same-origin",
        });
        status = response.status;
        json = (await response.json().catch(() => null)) || {};
      } catch {
        status = 0; // offline or blocked: the generic error below
      } finally {
        this.setBusy(false);
      }
      this.answer(status, json, variantId);
    }

    answer(status, json, variantId) {
      const unreachable = status === 200 && Array.isArray(json.unreachable) ? json.unreachable.filter((code) => UNREACHABLE_TEXT[code]).map((code) => this.text(UNREACHABLE_TEXT[code])) : [];
      if (status === 200 && json.ok === true && json.status === "unreachable" && unreachable.length > 0) {
        // Nothing given can be written to: say why, and leave the form for another address or number.
        if (variantId === this.variantId) this.showAlert(unreachable.join(" "), false);
        return;
      }
      if (status === 200 && json.ok === true && STATUS_TEXT[json.status]) {
        const message = [this.text(STATUS_TEXT[json.status]), ...unreachable].join(" ");
        this.subscribed[variantId] = message;
        if (variantId === this.variantId) this.succeed(message, true);
        return;
      }
      if (status === 400 && json.errors && typeof json.errors === "object") {
        const errors = {};
        const phoneShown = Boolean(this.field("phone"));
        for (const [name, code] of Object.entries(json.errors)) {
          // "Give us a way to reach you" belongs on the email field, the one always shown.
          if (code === "missing_contact") errors.email = this.text(phoneShown ? "missingContact" : "missingEmail");
          else if (ERROR_TEXT[code]) errors[name] = this.text(ERROR_TEXT[code]);
        }
        if (this.showFieldErrors(errors)) return;
      }
      this.showAlert(this.text(status === 429 ? "rateLimited" : "generic"));
    }

    succeed(message, announce) {
      this.formPanel.hidden = true;
      this.successPanel.textContent = message;
      this.successPanel.hidden = false;
      if (!announce) return;
      // The form is gone: keep focus inside the block, then tell screen readers what happened.
      this.heading.focus();
      this.announce(message);
    }
  }

  function start() {
    for (const root of document.querySelectorAll("[data-herald-bis]")) {
      if (root.hasAttribute("data-herald-bis-ready")) continue;
      root.setAttribute("data-herald-bis-ready", "true");
      new NotifyMe(root);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // The theme editor re-renders sections in place.
  document.addEventListener("shopify:section:load", start);
})();
