import type { BackInStockStep, DelayStep, ShippingStep } from "../types";

/** An email template: three Liquid sources. `html` is a body fragment; the shared layout wraps it. */
export interface EmailTemplate {
  subject: string;
  /** Preview text inboxes show after the subject (hidden in the email); when absent they show the start of the email. */
  preheader?: string;
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
  /** Heading above the line items of a package (messages about a fulfillment). */
  itemsHeading: string;
  /** Heading above the line items when no package exists yet (e.g. an order not shipped yet). */
  orderItemsHeading: string;
  /** Small print under the card. */
  footer: string;
  /** Small print under the card of back-in-stock emails (the customer asked for them; no order). */
  stockFooter: string;
  /** Text of the one-click unsubscribe link under the footer (emails only). */
  unsubscribeLink: string;
}

/** The email and SMS templates of one step. */
export interface StepTemplates {
  email: EmailTemplate;
  sms: SmsTemplate;
}

/** Every default template of one locale: one entry per trigger, one per step of that trigger. */
export interface LocaleTemplates {
  locale: string;
  layout: LayoutLabels;
  shipping: Record<ShippingStep, StepTemplates>;
  delay: Record<DelayStep, StepTemplates>;
  back_in_stock: Record<BackInStockStep, StepTemplates>;
}
