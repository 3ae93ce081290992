import { defineLocale } from "./build";

const carrier = `{% if fulfillment.carrier %} with {{ fulfillment.carrier }}{% endif %}`;
const contact = `{% if shop.email %} at {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Track it: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Details: {{ order.status_url }}{% endif %}`;

/** English default templates. */
export const en = defineLocale({
  locale: "en",
  layout: {
    trackButton: "Track your package",
    orderStatusLink: "View your order",
    itemsHeading: "In this package",
    orderItemsHeading: "In your order",
    footer: "You're receiving this email because you placed an order with {{ shop.name }}.",
    stockFooter: "You're receiving this email because you asked {{ shop.name }} to tell you when an item is back in stock.",
    unsubscribeLink: "Unsubscribe from these emails",
  },
  greeting: `Hi {{ customer.first_name | default: "there" }},`,
  trackingNumber: "Tracking number",
  trackLink: "Track your package",
  orderLink: "View your order",
  contactPrompt: "Questions? We're here to help.",
  contactLink: "Contact us",
  signoff: ["Thanks for shopping with us,", "{{ shop.name }}"],
  shipping: {
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
  delay: {
    unfulfilled: {
      subject: "An update on your order {{ order.name }}",
      body: [
        "Thank you for your patience. Your order {{ order.name }} is taking a little longer than usual to get ready, and it hasn't shipped yet.",
        "We're working on it and will send it out as soon as we can. We're sorry for the wait.",
      ],
      sms: `{{ shop.name }}: your order {{ order.name }} is taking a little longer than usual to ship. We're on it, and we're sorry for the wait.{% if order.status_url %} Details: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}There's a problem delivering your order {{ order.name }}{% else %}Your order {{ order.name }} is delayed{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "The carrier" }} has let us know they ran into a problem delivering your package.{% else %}{{ fulfillment.carrier | default: "The carrier" }} has let us know your package is running late.{% endif %}`,
        { if: "delay.new_estimate", text: "The new estimated delivery date is {{ delay.new_estimate | local_date }}." },
        "We're sorry for the delay, and we're keeping an eye on it.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}the carrier ran into a problem delivering{% else %}the carrier says there's a delay with{% endif %} your order {{ order.name }}.{% if delay.new_estimate %} New estimate: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Your order {{ order.name }} is taking longer than expected",
      body: [
        "Your package hasn't had a tracking update since {{ delay.since | local_date }}. This usually means it's waiting at a busy sorting center, and it's most likely still on its way.",
        { if: "delay.new_estimate", text: "The carrier currently expects to deliver it by {{ delay.new_estimate | local_date }}." },
        "We're keeping an eye on it. Sorry for the wait!",
      ],
      sms: `{{ shop.name }}: no tracking update on your order {{ order.name }} since {{ delay.since | local_date: "short" }}. It's most likely still on its way, and we're keeping an eye on it.${trackSms}`,
    },
    not_picked_up: {
      subject: "Your order {{ order.name }} hasn't left yet",
      body: [
        `Your order {{ order.name }} is packed and ready, but {{ fulfillment.carrier | default: "the carrier" }} hasn't picked it up yet.`,
        "We're doing what we can to get it moving soon. Sorry for the wait!",
      ],
      sms: `{{ shop.name }}: your order {{ order.name }} is packed, but the carrier hasn't picked it up yet. Sorry for the wait!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Your order {{ order.name }} is still on its way{% else %}Your order {{ order.name }} is running late{% endif %}`,
      body: [
        `{% if delay.follow_up %}We're sorry: your package didn't arrive by the new estimated date ({{ delay.since | local_date }}) either.{% else %}Your package was expected by {{ delay.since | local_date }}, but it hasn't been delivered yet.{% endif %}`,
        "Packages sometimes take a little longer than the carrier's estimate. We're keeping an eye on it.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}your order {{ order.name }} missed its new estimated date ({{ delay.since | local_date: "short" }}) too{% else %}your order {{ order.name }} was expected by {{ delay.since | local_date: "short" }} but hasn't arrived yet{% endif %}. Sorry for the wait!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Please confirm your shipping address for order {{ order.name }}{% else %}An update on your order {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Before we can send your order, we need to double-check your shipping address. Please get in touch so we can confirm it and get your order moving.{% when "inventory_out_of_stock" %}One or more items in your order are temporarily out of stock, so we've paused it until they're back. We'll send it as soon as everything is ready.{% when "awaiting_payment" %}We're waiting for your payment to be confirmed. As soon as it is, we'll get your order ready.{% when "awaiting_return_items" %}We'll send your order as soon as we receive the items you're returning.{% else %}We've had to put your order on hold for a moment while we sort out a detail. We'll send it as soon as we can.{% endcase %}`,
        "Thank you for your patience.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}we need to confirm your shipping address before we can send order {{ order.name }}. Please contact us: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}an item in your order {{ order.name }} is out of stock for now. We'll send your order as soon as it's back.{% else %}your order {{ order.name }} is on hold for now. We'll send it as soon as we can.{% endcase %}`,
    },
    rescheduled: {
      subject: "A new shipping date for your order {{ order.name }}",
      body: [
        `{% if delay.follow_up %}We're sorry to change the plan again: your order {{ order.name }} will now ship on {{ delay.new_estimate | local_date }}.{% else %}We've rescheduled your order {{ order.name }}: it will now ship on {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Thank you for your patience.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}sorry, the date changed again: {% endif %}your order {{ order.name }} will now ship on {{ delay.new_estimate | local_date: "short" }}. Thanks for your patience!`,
    },
  },
  back_in_stock: {
    buyButton: "Shop now",
    cartLink: "Add to cart and check out",
    signoff: ["See you soon,", "{{ shop.name }}"],
    confirmation: {
      subject: "You're on the list for {{ product.title }}",
      body: ["We'll email you as soon as {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} is back in stock."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}reply YES to get a text when {{ product.title }} is back in stock.{% else %}we'll text you when {{ product.title }} is back in stock.{% endif %} Reply STOP to opt out.",
    },
    alert: {
      subject: "{{ product.title }} is back in stock",
      body: ["Good news: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} is back in stock.", "It may sell out again quickly, so don't wait too long."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} is back in stock! Shop now: {{ product.url }}",
    },
  },
});
