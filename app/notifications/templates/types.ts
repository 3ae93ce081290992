import type { ShippingStep } from "../types";

/** An email template: three Liquid sources. `html` is a body fragment; the shared layout wraps it. */
export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
}

/** An SMS (or WhatsApp session message) template: one Liquid source. */
export interface SmsTemplate {
  body: string;
}

/** A template for one channel: EmailTemplate for email, SmsTemplate for sms and whatsapp. */
export type ChannelTemplate = EmailTemplate | SmsTemplate;

/** Words of the shared email layout, per locale. Liquid is allowed (they are ours, not the merchant's). */
export interface LayoutLabels {
  /** The call-to-action button to the tracking page. */
  trackButton: string;
  /** The link to Shopify's order status page. */
  orderStatusLink: string;
  /** Heading above the line items. */
  itemsHeading: string;
  /** Small print under the card. */
  footer: string;
}

/** Every default template of one locale. */
export interface LocaleTemplates {
  locale: string;
  layout: LayoutLabels;
  shipping: Record<ShippingStep, { email: EmailTemplate; sms: SmsTemplate }>;
}
