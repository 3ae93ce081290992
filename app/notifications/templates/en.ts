import { defineLocale } from "./build";

const carrier = `{% if fulfillment.carrier %} with {{ fulfillment.carrier }}{% endif %}`;
const contact = `{% if shop.email %} at {{ shop.email }}{% endif %}`;

/** English default templates. */
export const en = defineLocale({
  locale: "en",
  layout: {
    trackButton: "Track your package",
    orderStatusLink: "View your order",
    itemsHeading: "In this package",
    footer: "You're receiving this email because you placed an order with {{ shop.name }}.",
  },
  greeting: `Hi {{ customer.first_name | default: "there" }},`,
  trackingNumber: "Tracking number",
  trackLink: "Track your package",
  orderLink: "View your order",
  signoff: ["Thanks for shopping with us,", "{{ shop.name }}"],
  steps: {
    shipped: {
      subject: "Your order {{ order.name }} is on its way",
      body: [
        `Good news: your order {{ order.name }} has shipped${carrier}.`,
        { if: "fulfillment.tracking_url", text: "You can follow your package every step of the way with the tracking link." },
      ],
      items: true,
      sms: `{{ shop.name }}: Hi {{ customer.first_name | default: "there" }}, your order {{ order.name }} has shipped${carrier}!{% if fulfillment.tracking_url %} Track it: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Your order {{ order.name }} is on the move",
      body: [
        `Your package is making its way to you${carrier}.{% if fulfillment.estimated_delivery_at %} It should arrive by {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: your order {{ order.name }} is on the move{% if fulfillment.estimated_delivery_at %} and should arrive by {{ fulfillment.estimated_delivery_at | local_date: "short" }}{% endif %}.{% if fulfillment.tracking_url %} Track it: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Your order {{ order.name }} is out for delivery",
      body: [`Your package is out for delivery${carrier} and should reach you today. Keep an eye out for it!`],
      sms: `{{ shop.name }}: your order {{ order.name }} is out for delivery and should arrive today!{% if fulfillment.tracking_url %} Track it: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "We missed you: delivery attempt for order {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "The carrier" }} tried to deliver your package but couldn't complete the delivery.`,
        "Carriers usually try again the next business day or leave a note with what to do next.",
      ],
      sms: `{{ shop.name }}: the carrier tried to deliver your order {{ order.name }} but missed you.{% if fulfillment.tracking_url %} Next steps: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Your order {{ order.name }} is ready for pickup",
      body: [
        `Your order {{ order.name }} is waiting for you at the pickup point{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "When you go to collect it, bring your order number and a photo ID.",
      ],
      sms: `{{ shop.name }}: your order {{ order.name }} is ready for pickup!{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Your order {{ order.name }} has been delivered",
      body: [
        "Your package has been delivered. We hope you love it!",
        `Can't find it, or something isn't right? Get in touch${contact} and we'll help.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: your order {{ order.name }} has been delivered. Enjoy! Can't find it? Contact us${contact}.`,
    },
    failure: {
      subject: "There's a problem delivering your order {{ order.name }}",
      body: [
        `Unfortunately the carrier couldn't deliver your package{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}. This can happen when an address is incomplete or a package is damaged on the way.`,
        `If you need help, get in touch${contact}. We'll sort it out together.`,
      ],
      sms: `{{ shop.name }}: there's a problem delivering your order {{ order.name }}.{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %} Need help? Contact us${contact}.`,
    },
  },
});
