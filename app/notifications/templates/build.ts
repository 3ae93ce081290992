import { DELAY_STEPS, SHIPPING_STEPS, type DelayStep, type ShippingStep } from "../types";
import type { EmailTemplate, LayoutLabels, LocaleTemplates, StepTemplates } from "./types";

// Default emails are written once per locale as plain paragraphs, then turned into the HTML fragment and
// the plain-text part here, so both parts always say the same thing and share one look.
//
// To add a locale: copy en.ts, translate every string (Liquid stays as is), list it in index.ts; the
// default-templates test then renders every trigger x step x channel in it.

/** A paragraph, optionally shown only when a Liquid condition holds (e.g. "fulfillment.tracking_url"). */
export type Paragraph = string | { if: string; text: string };

/** The copy of one step in one locale. All strings are Liquid; paragraphs are plain text, no HTML. */
export interface StepCopy {
  subject: string;
  body: Paragraph[];
  sms: string;
  /** List the package's items in the plain-text part (the HTML layout always lists them). Delay notices always do. */
  items?: boolean;
  /** Show the tracking number line (default true; pointless once delivered). */
  trackingNumber?: boolean;
}

/** The copy of one locale: shared phrases plus every step of every trigger. */
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
  /** Delay notices end with a way to reach the shop: this sentence, then a link labelled `contactLink`. */
  contactPrompt: string;
  contactLink: string;
  /** Closing lines of the plain-text part, e.g. ["Thanks for shopping with us,", "{{ shop.name }}"] (the HTML layout has the shop name in its header and footer). */
  signoff: string[];
  /** Shipping updates. */
  shipping: Record<ShippingStep, StepCopy>;
  /** Proactive delay notices; `delay.follow_up` is true for a second notice of the same kind (eta_passed, rescheduled). */
  delay: Record<DelayStep, StepCopy>;
}

const P = 'style="margin:0 0 16px;"';
const LINK = 'style="color:#2563eb;text-decoration:underline;"';

/** Builds a locale's default templates from its copy. */
export function defineLocale(copy: LocaleCopy): LocaleTemplates {
  const shipping = Object.fromEntries(SHIPPING_STEPS.map((step) => [step, templatesFor(copy, copy.shipping[step], false)])) as Record<
    ShippingStep,
    StepTemplates
  >;
  const delay = Object.fromEntries(DELAY_STEPS.map((step) => [step, templatesFor(copy, { items: true, ...copy.delay[step] }, true)])) as Record<
    DelayStep,
    StepTemplates
  >;
  return { locale: copy.locale, layout: copy.layout, shipping, delay };
}

function templatesFor(copy: LocaleCopy, step: StepCopy, contact: boolean): StepTemplates {
  return { email: emailFrom(copy, step, contact), sms: { body: step.sms } };
}

function emailFrom(copy: LocaleCopy, step: StepCopy, contact: boolean): EmailTemplate {
  const showNumber = step.trackingNumber !== false;
  const email = `{% if shop.email %} · {{ shop.email }}{% endif %}`;
  const html = [
    `<p ${P}>${copy.greeting}</p>`,
    ...step.body.map((p) => (typeof p === "string" ? `<p ${P}>${p}</p>` : `{% if ${p.if} %}<p ${P}>${p.text}</p>{% endif %}`)),
    showNumber
      ? `{% if fulfillment.tracking_number %}<p ${P}>${copy.trackingNumber}: <strong>{{ fulfillment.tracking_number }}</strong></p>{% endif %}`
      : "",
    contact ? `<p ${P}>${copy.contactPrompt} <a href="{{ shop.contact_url }}" ${LINK}>${copy.contactLink}</a>${email}</p>` : "",
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
    contact ? `${copy.contactPrompt}\n${copy.contactLink}: {{ shop.contact_url }}${email}` : "",
    step.items
      ? `{% if line_items.size > 0 %}{% if fulfillment %}${copy.layout.itemsHeading}{% else %}${copy.layout.orderItemsHeading}{% endif %}:\n{% for item in line_items %}- {{ item.quantity }} × {{ item.title }}{% if item.variant_title %} ({{ item.variant_title }}){% endif %}\n{% endfor %}{% endif %}`
      : "",
    copy.signoff.join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");

  return { subject: step.subject, html, text };
}
