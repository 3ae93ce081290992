/*
 * Herald back-in-stock block: shows the sign-up form while the selected variant is sold out, follows
 * the theme's variant picker, and posts sign-ups to the app proxy. Plain script, no build step.
 * Request and answers: extensions/back-in-stock/README.md.
 */
(function () {
  "use strict";

  var ENDPOINT = "/apps/herald/back-in-stock";
  // Deliberately loose: catches typos such as a missing "@" or domain; the server decides the rest.
  var EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
  var PHONE = /^\+?[0-9][0-9 ().-]{5,}$/;
  var STATUS_TEXT = { subscribed: "subscribed", already_subscribed: "alreadySubscribed", confirm_sms: "confirmSms" };
  var ERROR_TEXT = { invalid_email: "invalidEmail", invalid_phone: "invalidPhone" };

  function NotifyMe(root) {
    this.root = root;
    this.uid = root.id;
    this.productId = root.getAttribute("data-product-id");
    this.locale = root.getAttribute("data-locale") || "";
    this.availability = readAvailability(root);
    this.variantId = root.getAttribute("data-variant-id");
    this.form = root.querySelector("[data-herald-bis-form]");
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

    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.send();
    });
    this.retry.addEventListener("click", function () {
      self.send();
    });
    this.form.addEventListener("input", function (event) {
      if (event.target.name) self.clearFieldError(event.target.name);
    });
    this.follow();
    this.sync();
  }

  /** Variant availability embedded by the block: { "<id>": true|false }. */
  function readAvailability(root) {
    var map = {};
    var node = root.querySelector("[data-herald-bis-variants]");
    try {
      JSON.parse(node.textContent).forEach(function (v) {
        map[String(v.id)] = v.available === true;
      });
    } catch (e) {
      // An unreadable list leaves the server-rendered state in place.
    }
    return map;
  }

  function urlVariant() {
    var match = /[?&]variant=(\d+)/.exec(window.location.search);
    return match ? match[1] : null;
  }

  NotifyMe.prototype.knows = function (id) {
    return id != null && Object.prototype.hasOwnProperty.call(this.availability, String(id));
  };

  /** The product form's variant input: the one in the block's own section first, else any on the page. */
  NotifyMe.prototype.formVariant = function () {
    var scopes = [this.root.closest(".shopify-section, section"), document];
    for (var i = 0; i < scopes.length; i++) {
      if (!scopes[i]) continue;
      var inputs = scopes[i].querySelectorAll('form[action*="/cart/add"] [name="id"]');
      for (var j = 0; j < inputs.length; j++) if (this.knows(inputs[j].value)) return String(inputs[j].value);
    }
    return null;
  };

  /**
   * Themes announce a variant change in different ways: a `change` on the form's [name="id"] input or
   * select, a `variant=` URL parameter set with history.replaceState (no event), or a custom event.
   * Listen to all of them; whichever source changed last names the variant.
   */
  NotifyMe.prototype.follow = function () {
    var self = this;
    var later = function () {
      window.setTimeout(function () {
        self.sync();
      }, 0);
    };
    document.addEventListener(
      "change",
      function (event) {
        var target = event.target;
        if (target && target.name === "id" && target.closest && target.closest('form[action*="/cart/add"]') && self.knows(target.value)) {
          self.seenFormVariant = String(target.value);
          self.show(String(target.value));
        } else {
          later();
        }
      },
      true,
    );
    document.addEventListener("click", later, true);
    window.addEventListener("popstate", later);
    ["variant:change", "variant:update", "variant:changed"].forEach(function (name) {
      document.addEventListener(name, later);
    });
  };

  NotifyMe.prototype.sync = function () {
    // The page loads with the form's variant; later on, a changed URL or a changed form input wins.
    var fromUrl = urlVariant();
    var fromForm = this.formVariant();
    var next = this.variantId;
    if (fromUrl !== this.seenUrlVariant) {
      this.seenUrlVariant = fromUrl;
      if (this.knows(fromUrl)) next = fromUrl;
    } else if (fromForm !== this.seenFormVariant) {
      this.seenFormVariant = fromForm;
      if (fromForm) next = fromForm;
    }
    this.show(next);
  };

  /** Show the block for a sold-out variant, hide it otherwise. */
  NotifyMe.prototype.show = function (id) {
    if (!this.knows(id)) return;
    var changed = String(id) !== String(this.variantId);
    this.variantId = String(id);
    this.root.hidden = this.availability[this.variantId] === true;
    if (!changed) return;
    this.reset();
    var done = this.subscribed[this.variantId];
    if (done) this.succeed(done, false);
  };

  NotifyMe.prototype.text = function (name) {
    var attr = "data-text-" + name.replace(/[A-Z]/g, function (c) {
      return "-" + c.toLowerCase();
    });
    return this.root.getAttribute(attr) || "";
  };

  NotifyMe.prototype.field = function (name) {
    return this.form.elements.namedItem(name);
  };

  NotifyMe.prototype.reset = function () {
    this.formPanel.hidden = false;
    this.successPanel.hidden = true;
    this.successPanel.textContent = "";
    this.status.textContent = "";
    this.hideAlert();
    this.clearFieldError("email");
    this.clearFieldError("phone");
  };

  NotifyMe.prototype.clearFieldError = function (name) {
    var input = this.field(name);
    var error = this.root.querySelector('[data-herald-bis-error="' + name + '"]');
    if (input) input.removeAttribute("aria-invalid");
    if (error) error.textContent = "";
  };

  NotifyMe.prototype.setFieldError = function (name, message) {
    var input = this.field(name);
    var error = this.root.querySelector('[data-herald-bis-error="' + name + '"]');
    if (!input || !error) return false;
    input.setAttribute("aria-invalid", "true");
    error.textContent = message;
    return true;
  };

  /** Field errors keyed by field name ("email", "phone") -> text; focuses the first invalid field. */
  NotifyMe.prototype.showFieldErrors = function (errors) {
    var first = null;
    var names = ["email", "phone"];
    for (var i = 0; i < names.length; i++) {
      if (errors[names[i]] && this.setFieldError(names[i], errors[names[i]]) && !first) first = names[i];
    }
    if (!first) return false;
    this.announce(this.text("checkFields"));
    this.field(first).focus();
    return true;
  };

  NotifyMe.prototype.announce = function (message) {
    // Cleared first so the same message twice in a row is announced twice.
    var status = this.status;
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  };

  NotifyMe.prototype.showAlert = function (message, canRetry) {
    this.alertText.textContent = message;
    this.retry.hidden = !canRetry;
    this.alert.hidden = false;
    this.announce(message);
  };

  NotifyMe.prototype.hideAlert = function () {
    this.alert.hidden = true;
    this.alertText.textContent = "";
    this.retry.hidden = true;
  };

  /** Client-side checks for obvious mistakes; returns field -> text, empty when nothing is wrong. */
  NotifyMe.prototype.check = function (email, phone) {
    var errors = {};
    var phoneShown = Boolean(this.field("phone"));
    if (!email && !phone) {
      errors.email = this.text(phoneShown ? "missingContact" : "missingEmail");
      return errors;
    }
    if (email && !EMAIL.test(email)) errors.email = this.text("invalidEmail");
    if (phone && !PHONE.test(phone)) errors.phone = this.text("invalidPhone");
    return errors;
  };

  NotifyMe.prototype.setBusy = function (busy) {
    this.busy = busy;
    this.form.setAttribute("aria-busy", busy ? "true" : "false");
    this.submit.setAttribute("aria-disabled", busy ? "true" : "false");
    this.submit.textContent = busy ? this.text("sending") : this.submitLabel;
  };

  NotifyMe.prototype.send = function () {
    if (this.busy) return;
    var emailInput = this.field("email");
    var phoneInput = this.field("phone");
    var email = emailInput.value.trim();
    var phone = phoneInput ? phoneInput.value.trim() : "";
    this.hideAlert();
    this.clearFieldError("email");
    this.clearFieldError("phone");
    if (this.showFieldErrors(this.check(email, phone))) return;

    var variantId = this.variantId;
    var body = new URLSearchParams();
    body.set("variant_id", variantId);
    body.set("product_id", this.productId);
    if (email) body.set("email", email);
    if (phone) body.set("phone", phone);
    body.set("locale", this.locale);
    body.set("consent", "1");

    var self = this;
    this.setBusy(true);
    window
      .fetch(ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8", Accept: "application/json" },
        body: body.toString(),
        credentials: "same-origin",
      })
      .then(function (response) {
        return response.json().then(
          function (json) {
            return { status: response.status, json: json || {} };
          },
          function () {
            return { status: response.status, json: {} };
          },
        );
      })
      .then(
        function (answer) {
          self.setBusy(false);
          self.answer(answer.status, answer.json, variantId);
        },
        function () {
          self.setBusy(false);
          self.showAlert(self.text("generic"), true);
        },
      );
  };

  NotifyMe.prototype.answer = function (status, json, variantId) {
    if (status === 200 && json.ok === true && STATUS_TEXT[json.status]) {
      var message = this.text(STATUS_TEXT[json.status]);
      this.subscribed[variantId] = message;
      if (variantId === this.variantId) this.succeed(message, true);
      return;
    }
    if (status === 400 && json.errors && typeof json.errors === "object") {
      var errors = {};
      var self = this;
      var phoneShown = Boolean(this.field("phone"));
      Object.keys(json.errors).forEach(function (name) {
        var code = json.errors[name];
        // "Give us a way to reach you" belongs on the email field, the one always shown.
        if (code === "missing_contact") errors.email = self.text(phoneShown ? "missingContact" : "missingEmail");
        else if (ERROR_TEXT[code]) errors[name] = self.text(ERROR_TEXT[code]);
      });
      if (this.showFieldErrors(errors)) return;
    }
    if (status === 429) {
      this.showAlert(this.text("rateLimited"), true);
      return;
    }
    this.showAlert(this.text("generic"), true);
  };

  NotifyMe.prototype.succeed = function (message, announce) {
    this.formPanel.hidden = true;
    this.successPanel.textContent = message;
    this.successPanel.hidden = false;
    if (!announce) return;
    // The form is gone: keep focus inside the block, then tell screen readers what happened.
    this.heading.focus();
    this.announce(message);
  };

  function start() {
    var roots = document.querySelectorAll("[data-herald-bis]");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].getAttribute("data-herald-bis-ready")) continue;
      roots[i].setAttribute("data-herald-bis-ready", "true");
      new NotifyMe(roots[i]);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // The theme editor re-renders sections in place.
  document.addEventListener("shopify:section:load", start);
})();
