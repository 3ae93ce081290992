import { BACK_IN_STOCK_STEPS, DELAY_STEPS, SHIPPING_STEPS, type BackInStockStep, type DelayStep, type ShippingStep } from "../types";
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
  /** Closing lines of the plain-text part of order emails, e.g. ["Thanks for shopping with us,", "{{ shop.name }}"] (the HTML layout has the shop name in its header and footer). */
  signoff: string[];
  /** Shipping updates. */
  shipping: Record<ShippingStep, StepCopy>;
  /** Proactive delay notices; `delay.follow_up` is true for a second notice of the same kind (eta_passed, rescheduled). */
  delay: Record<DelayStep, StepCopy>;
  /** Back-in-stock messages: the email shows the variant (image, title, price) under the paragraphs. */
  back_in_stock: Record<BackInStockStep, StepCopy> & {
    /** The alert's button to the product page. */
    buyButton: string;
    /** The alert's link to a cart with the variant in it. */
    cartLink: string;
    /** Closing lines of the plain-text part: nothing was bought, so no thanks for a purchase. */
    signoff: string[];
  };
}

/** The copy of one back-in-stock step. */
type StockStep = StepCopy & { buttons: boolean };

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
  const stock = Object.fromEntries(
    BACK_IN_STOCK_STEPS.map((step) => [step, stockTemplates(copy, { ...copy.back_in_stock[step], buttons: step === "alert" })]),
  ) as Record<BackInStockStep, StepTemplates>;
  return { locale: copy.locale, layout: copy.layout, shipping, delay, back_in_stock: stock };
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

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans',Helvetica,Arial,sans-serif";

/** Back-in-stock emails: the paragraphs, then the variant as a card (and, in the alert, a button and a cart link). */
function stockTemplates(copy: LocaleCopy, step: StockStep): StepTemplates {
  const variant = `{% if product.variant_title %}<br><span style="font-size:13px;color:#4b5563;">{{ product.variant_title }}</span>{% endif %}`;
  const price = `{% if product.price %}<br><span style="font-size:14px;color:#111827;">{{ product.price | money: product.currency }}</span>{% endif %}`;
  const card = [
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border:1px solid #e5e7eb;border-radius:8px;"><tr>`,
    `{% if product.image_url %}<td width="112" style="padding:12px;width:112px;vertical-align:middle;"><img src="{{ product.image_url }}" width="96" height="96" alt="{{ product.title }}" style="display:block;width:96px;height:96px;border:0;border-radius:6px;object-fit:cover;"></td>{% endif %}`,
    `<td style="padding:12px;vertical-align:middle;font-family:${FONT};font-size:16px;line-height:1.4;color:#111827;"><strong>{{ product.title }}</strong>${variant}${price}</td>`,
    `</tr></table>`,
  ].join("");
  const buttons = step.buttons
    ? [
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px;"><tr><td align="center" bgcolor="#111827" style="border-radius:8px;background-color:#111827;">`,
        `<a href="{{ product.url }}" target="_blank" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:16px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:8px;">${copy.back_in_stock.buyButton}</a>`,
        `</td></tr></table>`,
        `<p ${P}><a href="{{ product.cart_url }}" ${LINK}>${copy.back_in_stock.cartLink}</a></p>`,
      ].join("")
    : "";
  const html = [
    `<p ${P}>${copy.greeting}</p>`,
    ...step.body.map((p) => (typeof p === "string" ? `<p ${P}>${p}</p>` : `{% if ${p.if} %}<p ${P}>${p.text}</p>{% endif %}`)),
    card,
    buttons,
  ]
    .filter(Boolean)
    .join("\n");
  const text = [
    copy.greeting,
    ...step.body.map((p) => (typeof p === "string" ? p : `{% if ${p.if} %}${p.text}{% endif %}`)),
    `{{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %}{% if product.price %} · {{ product.price | money: product.currency }}{% endif %}`,
    step.buttons ? `${copy.back_in_stock.buyButton}: {{ product.url }}\n${copy.back_in_stock.cartLink}: {{ product.cart_url }}` : "",
    copy.back_in_stock.signoff.join("\n"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { email: { subject: step.subject, html, text }, sms: { body: step.sms } };
}
