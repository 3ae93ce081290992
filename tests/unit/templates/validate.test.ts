import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, STEPS_BY_TRIGGER } from "~/notifications/templates";
import { TRIGGERS, type Channel, type MessageStep, type Trigger } from "~/notifications/types";
import { describeIssue, validateTemplate, type TemplateDraft, type ValidationResult } from "~/notifications/validate";

const NOW = new Date("2025-06-10T12:00:00Z");

function email(draft: Partial<TemplateDraft>, opts: { trigger?: Trigger; step?: MessageStep; locale?: string } = {}): ValidationResult {
  return validateTemplate({
    trigger: opts.trigger ?? "shipping",
    step: opts.step ?? "shipped",
    channel: "email",
    locale: opts.locale ?? "en",
    draft: { subject: "Your order {{ order.name }}", html: "<p>Hi {{ customer.first_name }}</p>", text: "Hi {{ customer.first_name }}", ...draft },
    now: NOW,
  });
}

function sms(body: string, opts: { trigger?: Trigger; step?: MessageStep; locale?: string; channel?: Channel } = {}): ValidationResult {
  return validateTemplate({ trigger: opts.trigger ?? "shipping", step: opts.step ?? "shipped", channel: opts.channel ?? "sms", locale: opts.locale ?? "en", draft: { body }, now: NOW });
}

describe("validateTemplate", () => {
  it("accepts every one of Herald's default templates, for every trigger, step, channel and locale", () => {
    const refused: string[] = [];
    for (const [locale, pack] of Object.entries(DEFAULT_TEMPLATES)) {
      for (const trigger of TRIGGERS) {
        for (const step of STEPS_BY_TRIGGER[trigger]) {
          const templates = (pack[trigger] as Record<string, { email: TemplateDraft; sms: TemplateDraft }>)[step];
          for (const [channel, draft] of [["email", templates.email], ["sms", templates.sms]] as const) {
            const result = validateTemplate({ trigger, step, channel, locale, draft, now: NOW });
            if (!result.ok) refused.push(`${locale} ${trigger}/${step} ${channel}: ${result.issues.map(describeIssue).join("; ")}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("renders a valid email for the preview, the preheader as the email's hidden preview text", () => {
    const result = email({ preheader: "Tracking inside for {{ order.name }}" });
    expect(result.ok).toBe(true);
    expect(result.rendered?.subject).toBe("Your order #1001");
    expect(result.rendered?.html).toContain("<p>Hi Alex</p>");
    expect(result.preheader).toBe("Tracking inside for #1001");
    expect(result.rendered?.html).toMatch(/<div style="display:none;[^"]*">Tracking inside for #1001<\/div>/);
    // Without one there is no hidden preview text (inboxes show the start of the email, not the subject again)
    expect(email({}).rendered?.html).not.toContain("display:none");
  });

  it("points a parse error at its part and line", () => {
    // GIVEN an {% if %} opened on line 2 of the HTML body and never closed
    const result = email({ html: "<p>Hello</p>\n{% if fulfillment.tracking_url %}\n<p>Track it</p>" });
    // THEN it is refused, at html line 2
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ part: "html", line: 2, column: 1 })]);
    expect(result.issues[0].message).toMatch(/not closed/);
  });

  it("refuses a variable Herald does not provide, naming it and its line, with a suggestion", () => {
    const result = email({ subject: "Order {{ order.name }}", text: "Hi\n\nYour order {{ order.nme }} shipped" });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      { part: "text", line: 3, column: 15, variable: "order.nme", message: '"order.nme" is not a variable of shipping messages. Did you mean "order.name"?' },
    ]);
  });

  it("refuses a variable of another trigger (a delay reason in a shipping update), even in a branch sample data never reaches", () => {
    const result = email({ html: "{% if false %}{{ delay.reason }}{% endif %}<p>x</p>" });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "html", variable: "delay.reason", line: 1 });
    // ...while a delay notice may use it
    expect(email({ html: "<p>{{ delay.reason }}</p>" }, { trigger: "delay", step: "carrier_delay" }).ok).toBe(true);
  });

  it("refuses a misspelt field of a line item inside a loop (strict variables)", () => {
    const result = email({ html: "<ul>\n{% for item in line_items %}<li>{{ item.titel }}</li>{% endfor %}\n</ul>" });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "html", line: 2, variable: "item.titel" });
    expect(result.issues[0].message).toContain("title");
  });

  it("refuses an unknown filter at its line", () => {
    const result = email({ html: "<p>Hi</p>\n<p>{{ order.name | shout }}</p>" });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "html", line: 2, message: 'Unknown filter "shout".' });
  });

  it("refuses an endless loop at save, within the sandbox's time limit", () => {
    const started = Date.now();
    const result = email({ html: "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}" });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "html", line: 1 });
    expect(result.issues[0].message).toMatch(/takes too long/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a loop over a huge range (the sandbox's allocation limit)", () => {
    const result = sms("{% for i in (1..1000000000) %}x{% endfor %}");
    expect(result.ok).toBe(false);
    expect(result.issues[0].message).toMatch(/too much data|too long/);
  });

  it("refuses a template whose output is huge", () => {
    // 4000 x 60 characters: small source, 240 KB of HTML
    const result = email({ html: `{% for i in (1..4000) %}${"x".repeat(60)}{% endfor %}` });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "html" });
    expect(result.issues[0].message).toMatch(/characters long; the limit is 200000/);
  });

  it("refuses an SMS longer than 1600 characters", () => {
    const result = sms(`{{ shop.name }}: ${"a".repeat(1600)}`);
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ part: "body" });
    expect(result.issues[0].message).toMatch(/at most 1600 can be sent/);
  });

  it("counts the segments of the rendered SMS, Unicode as soon as one Malayalam letter is in", () => {
    const ascii = sms("{{ shop.name }}: your order {{ order.name }} is on its way");
    expect(ascii.segments).toMatchObject({ encoding: "GSM-7", segments: 1 });
    const malayalam = sms(`{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയച്ചിട്ടുണ്ട്. ${"വ".repeat(40)}`, { locale: "ml" });
    expect(malayalam.ok).toBe(true);
    expect(malayalam.segments).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });

  it("refuses an empty subject or body", () => {
    expect(email({ subject: "  " }).issues).toEqual([expect.objectContaining({ part: "subject", message: "The subject is empty." })]);
    expect(sms("").issues).toEqual([expect.objectContaining({ part: "body" })]);
    // A subject that renders empty is refused too
    expect(email({ subject: "{% if false %}x{% endif %}" }).issues[0]).toMatchObject({ part: "subject", message: expect.stringMatching(/renders empty/) });
  });

  it("refuses a preheader longer than inboxes show", () => {
    const result = email({ preheader: "y".repeat(300) });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ part: "preheader", message: expect.stringMatching(/300 characters long; the limit is 250/) })]);
  });

  it("HTML-escapes variables in the email's HTML body but not in its plain-text part", () => {
    const html = validateTemplate({
      trigger: "shipping",
      step: "shipped",
      channel: "email",
      locale: "en",
      draft: { subject: "x", html: "<p>{{ shop.name }}</p>", text: "{{ shop.name }}" },
      now: NOW,
    });
    expect(html.rendered?.html).toContain("<p>Maple &amp; Moss</p>");
    expect(html.rendered?.text).toBe("Maple & Moss");
  });

  it("keeps the preview of the draft even when a variable is unknown, so the merchant sees the rest", () => {
    const result = email({ subject: "Order {{ order.nme }} · {{ order.name }}" });
    expect(result.ok).toBe(false);
    expect(result.rendered?.subject).toBe("Order · #1001");
  });
});
