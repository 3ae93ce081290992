import { SHIPPING_STEPS, type ShippingStep } from "../types";
import type { EmailTemplate, LayoutLabels, LocaleTemplates } from "./types";

// Default emails are written once per locale as plain paragraphs, then turned into the HTML fragment and
// the plain-text part here, so both parts always say the same thing and share one look.

/** A paragraph, optionally shown only when a Liquid condition holds (e.g. "fulfillment.tracking_url"). */
export type Paragraph = string | { if: string; text: string };

/** The copy of one step in one locale. All strings are Liquid; paragraphs are plain text, no HTML. */
export interface StepCopy {
  subject: string;
  body: Paragraph[];
  sms: string;
  /** List the package's items in the plain-text part (the HTML layout always lists them). */
  items?: boolean;
  /** Show the tracking number line (default true; pointless once delivered). */
  trackingNumber?: boolean;
}

/** The copy of one locale: shared phrases plus every step. */
export interface LocaleCopy {
  locale: string;
  layout: LayoutLabels;
  /** First line of every email, e.g. `Hi {{ customer.first_name | default: "there" }},` */
  greeting: string;
  /** Label before the tracking number. */
  trackingNumber: string;
  /** Label before the tracking link in the plain-text part. */
  trackLink: string;
  /** Label before the order status link in the plain-text part. */
  orderLink: string;
  /** Closing lines of the plain-text part, e.g. ["Thanks for shopping with us,", "{{ shop.name }}"] (the HTML layout has the shop name in its header and footer). */
  signoff: string[];
  steps: Record<ShippingStep, StepCopy>;
}

const P = 'style="margin:0 0 16px;"';

/** Builds a locale's default templates from its copy. */
export function defineLocale(copy: LocaleCopy): LocaleTemplates {
  const shipping = Object.fromEntries(
    SHIPPING_STEPS.map((step) => [step, { email: emailFrom(copy, copy.steps[step]), sms: { body: copy.steps[step].sms } }]),
  ) as LocaleTemplates["shipping"];
  return { locale: copy.locale, layout: copy.layout, shipping };
}

function emailFrom(copy: LocaleCopy, step: StepCopy): EmailTemplate {
  const showNumber = step.trackingNumber !== false;
  const html = [
    `<p ${P}>${copy.greeting}</p>`,
    ...step.body.map((p) => (typeof p === "string" ? `<p ${P}>${p}</p>` : `{% if ${p.if} %}<p ${P}>${p.text}</p>{% endif %}`)),
    showNumber
      ? `{% if fulfillment.tracking_number %}<p ${P}>${copy.trackingNumber}: <strong>{{ fulfillment.tracking_number }}</strong></p>{% endif %}`
      : "",
  ]
    .filter(Boolean)
    .join("\n");

  // Blank lines left by false conditions are collapsed after rendering (render.ts tidies text parts).
  const text = [
    copy.greeting,
    ...step.body.map((p) => (typeof p === "string" ? p : `{% if ${p.if} %}${p.text}{% endif %}`)),
    [
      showNumber ? `{% if fulfillment.tracking_number %}${copy.trackingNumber}: {{ fulfillment.tracking_number }}\n{% endif %}` : "",
      `{% if fulfillment.tracking_url %}${copy.trackLink}: {{ fulfillment.tracking_url }}\n{% endif %}`,
      `{% if order.status_url %}${copy.orderLink}: {{ order.status_url }}{% endif %}`,
    ].join(""),
    step.items
      ? `{% if line_items.size > 0 %}${copy.layout.itemsHeading}:\n{% for item in line_items %}- {{ item.quantity }} × {{ item.title }}{% if item.variant_title %} ({{ item.variant_title }}){% endif %}\n{% endfor %}{% endif %}`
      : "",
    copy.signoff.join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");

  return { subject: step.subject, html, text };
}
