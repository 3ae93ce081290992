import { defineLocale } from "./build";

// German as online shops write it: "Sie" throughout with a friendly "Hallo", the words customers know
// from their parcel services (Sendungsverfolgung, Zustellung, Abholung, Paketdienst).
//
// SMS bodies are naturally GSM-7: ä, ö, ü, Ä, Ö, Ü and ß are all in the GSM alphabet. Typographic
// quotes and dashes („“ –) are not, so SMS bodies avoid them. After "Shop:" a full sentence starts, so
// its first word is capitalised (Duden).
const carrier = `{% if fulfillment.carrier %} mit {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} unter {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Sendungsverfolgung: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Details: {{ order.status_url }}{% endif %}`;

/** German default templates. */
export const de = defineLocale({
  locale: "de",
  layout: {
    trackButton: "Sendung verfolgen",
    orderStatusLink: "Bestellung ansehen",
    itemsHeading: "In diesem Paket",
    orderItemsHeading: "In Ihrer Bestellung",
    footer: "Sie erhalten diese E-Mail, weil Sie bei {{ shop.name }} bestellt haben.",
    stockFooter: "Sie erhalten diese E-Mail, weil Sie {{ shop.name }} gebeten haben, Sie zu benachrichtigen, sobald ein Artikel wieder vorrätig ist.",
    unsubscribeLink: "Diese E-Mails abbestellen",
  },
  greeting: `Hallo{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "Sendungsnummer",
  trackLink: "Sendung verfolgen",
  orderLink: "Bestellung ansehen",
  contactPrompt: "Haben Sie Fragen? Wir helfen Ihnen gerne weiter.",
  contactLink: "Kontaktieren Sie uns",
  signoff: ["Viele Grüße", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "Ihre Bestellung {{ order.name }} ist unterwegs",
      body: [
        `Gute Nachrichten: Ihre Bestellung {{ order.name }} wurde${carrier} verschickt.`,
        { if: "fulfillment.tracking_url", text: "Mit der Sendungsverfolgung sehen Sie jederzeit, wo Ihr Paket gerade ist." },
      ],
      items: true,
      sms: `{{ shop.name }}: Hallo{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, Ihre Bestellung {{ order.name }} wurde${carrier} verschickt!{% if fulfillment.tracking_url %} Sendungsverfolgung: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Ihre Bestellung {{ order.name }} ist auf dem Weg zu Ihnen",
      body: [
        `Ihr Paket ist${carrier} auf dem Weg zu Ihnen.{% if fulfillment.estimated_delivery_at %} Die Zustellung ist voraussichtlich am {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: Ihre Bestellung {{ order.name }} ist unterwegs{% if fulfillment.estimated_delivery_at %} und kommt voraussichtlich am {{ fulfillment.estimated_delivery_at | local_date: "short" }} an{% endif %}.{% if fulfillment.tracking_url %} Sendungsverfolgung: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Ihre Bestellung {{ order.name }} kommt heute",
      body: [
        `Ihr Paket ist heute{% if fulfillment.carrier %} bei {{ fulfillment.carrier }}{% endif %} in der Zustellung und sollte im Laufe des Tages bei Ihnen ankommen.`,
      ],
      sms: `{{ shop.name }}: Ihre Bestellung {{ order.name }} ist in der Zustellung und kommt heute bei Ihnen an!{% if fulfillment.tracking_url %} Sendungsverfolgung: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Zustellversuch für Ihre Bestellung {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "Der Paketdienst" }} hat versucht, Ihr Paket zuzustellen, konnte es aber nicht übergeben.`,
        "In der Regel gibt es am nächsten Werktag einen neuen Zustellversuch, oder Sie erhalten eine Benachrichtigung, wie es weitergeht.",
      ],
      sms: `{{ shop.name }}: Der Paketdienst hat Sie bei der Zustellung Ihrer Bestellung {{ order.name }} leider nicht angetroffen.{% if fulfillment.tracking_url %} So geht es weiter: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Ihre Bestellung {{ order.name }} liegt zur Abholung bereit",
      body: [
        `Ihre Bestellung {{ order.name }} liegt ab sofort in der Abholstelle{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %} für Sie bereit.`,
        "Bitte bringen Sie zur Abholung Ihre Bestellnummer und einen Lichtbildausweis mit.",
      ],
      sms: `{{ shop.name }}: Ihre Bestellung {{ order.name }} liegt zur Abholung bereit!{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Ihre Bestellung {{ order.name }} wurde zugestellt",
      body: [
        "Ihr Paket wurde zugestellt. Wir hoffen, Sie haben viel Freude damit!",
        `Sie finden es nicht oder etwas stimmt nicht? Schreiben Sie uns${email}, wir helfen Ihnen gerne.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: Ihre Bestellung {{ order.name }} wurde zugestellt. Viel Freude damit! Paket nicht gefunden? Schreiben Sie uns{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Problem bei der Zustellung Ihrer Bestellung {{ order.name }}",
      body: [
        `Leider konnte der Paketdienst{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %} Ihr Paket nicht zustellen. Das kann passieren, wenn die Adresse unvollständig ist oder das Paket unterwegs beschädigt wurde.`,
        `Wenn Sie Hilfe brauchen, schreiben Sie uns${email}. Gemeinsam finden wir eine Lösung.`,
      ],
      sms: `{{ shop.name }}: Bei der Zustellung Ihrer Bestellung {{ order.name }} gab es ein Problem.{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %} Brauchen Sie Hilfe? Schreiben Sie uns{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "Neuigkeiten zu Ihrer Bestellung {{ order.name }}",
      body: [
        "Vielen Dank für Ihre Geduld. Die Bearbeitung Ihrer Bestellung {{ order.name }} dauert etwas länger als gewohnt, daher wurde sie noch nicht verschickt.",
        "Wir kümmern uns darum und versenden sie so schnell wie möglich. Bitte entschuldigen Sie die Wartezeit.",
      ],
      sms: `{{ shop.name }}: Der Versand Ihrer Bestellung {{ order.name }} dauert leider etwas länger als gewohnt. Wir kümmern uns darum. Bitte entschuldigen Sie die Wartezeit!{% if order.status_url %} Details: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Problem bei der Zustellung Ihrer Bestellung {{ order.name }}{% else %}Ihre Bestellung {{ order.name }} verspätet sich{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "Der Paketdienst" }} hat uns mitgeteilt, dass es bei der Zustellung Ihres Pakets ein Problem gab.{% else %}{{ fulfillment.carrier | default: "Der Paketdienst" }} hat uns mitgeteilt, dass sich Ihr Paket verspätet.{% endif %}`,
        { if: "delay.new_estimate", text: "Ihr Paket kommt nun voraussichtlich am {{ delay.new_estimate | local_date }} an." },
        "Bitte entschuldigen Sie die Verzögerung. Wir behalten Ihre Sendung im Blick.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}Bei der Zustellung Ihrer Bestellung {{ order.name }} gab es ein Problem{% else %}Laut Paketdienst verspätet sich Ihre Bestellung {{ order.name }}{% endif %}.{% if delay.new_estimate %} Voraussichtlich kommt sie nun am {{ delay.new_estimate | local_date: "short" }} an.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Ihre Bestellung {{ order.name }} braucht länger als erwartet",
      body: [
        "Die Sendungsverfolgung Ihres Pakets zeigt seit {{ delay.since | local_date }} keinen neuen Status. Meist bedeutet das, dass es in einem ausgelasteten Paketzentrum auf die Weiterleitung wartet – es ist also sehr wahrscheinlich weiterhin unterwegs.",
        { if: "delay.new_estimate", text: "Der Paketdienst rechnet derzeit mit der Zustellung bis {{ delay.new_estimate | local_date }}." },
        "Wir behalten es im Blick. Bitte entschuldigen Sie die Wartezeit.",
      ],
      sms: `{{ shop.name }}: Die Sendungsverfolgung Ihrer Bestellung {{ order.name }} zeigt seit {{ delay.since | local_date: "short" }} keinen neuen Status. Sehr wahrscheinlich ist sie weiterhin unterwegs, wir behalten sie im Blick.${trackSms}`,
    },
    not_picked_up: {
      subject: "Ihre Bestellung {{ order.name }} ist noch nicht unterwegs",
      body: [
        `Ihre Bestellung {{ order.name }} ist verpackt und versandbereit, aber {{ fulfillment.carrier | default: "der Paketdienst" }} hat sie noch nicht abgeholt.`,
        "Wir tun alles, damit sie bald unterwegs ist. Bitte entschuldigen Sie die Wartezeit.",
      ],
      sms: `{{ shop.name }}: Ihre Bestellung {{ order.name }} ist verpackt, wurde aber noch nicht vom Paketdienst abgeholt. Bitte entschuldigen Sie die Wartezeit!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Ihre Bestellung {{ order.name }} ist weiterhin unterwegs{% else %}Ihre Bestellung {{ order.name }} verspätet sich{% endif %}`,
      body: [
        `{% if delay.follow_up %}Es tut uns leid: Ihr Paket ist auch zum neuen voraussichtlichen Termin ({{ delay.since | local_date }}) nicht angekommen.{% else %}Ihr Paket sollte bis {{ delay.since | local_date }} ankommen, wurde aber noch nicht zugestellt.{% endif %}`,
        "Manchmal brauchen Pakete etwas länger, als der Paketdienst angibt. Wir behalten Ihre Sendung im Blick.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}Ihre Bestellung {{ order.name }} ist auch zum neuen Termin ({{ delay.since | local_date: "short" }}) nicht angekommen{% else %}Ihre Bestellung {{ order.name }} sollte bis {{ delay.since | local_date: "short" }} ankommen, ist aber noch unterwegs{% endif %}. Bitte entschuldigen Sie die Wartezeit!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Bitte bestätigen Sie Ihre Lieferadresse (Bestellung {{ order.name }}){% else %}Neuigkeiten zu Ihrer Bestellung {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Bevor wir Ihre Bestellung verschicken, müssen wir Ihre Lieferadresse noch einmal prüfen. Bitte kontaktieren Sie uns, damit wir sie bestätigen und Ihre Bestellung auf den Weg bringen können.{% when "inventory_out_of_stock" %}Ein oder mehrere Artikel Ihrer Bestellung sind vorübergehend nicht vorrätig. Deshalb haben wir die Bestellung zurückgestellt, bis sie wieder da sind. Sobald alles bereit ist, verschicken wir sie.{% when "awaiting_payment" %}Wir warten noch auf die Bestätigung Ihrer Zahlung. Sobald sie vorliegt, bereiten wir Ihre Bestellung vor.{% when "awaiting_return_items" %}Wir verschicken Ihre Bestellung, sobald die Artikel Ihrer Rücksendung bei uns eingegangen sind.{% else %}Wir mussten Ihre Bestellung kurz zurückstellen, um noch ein Detail zu klären. Wir verschicken sie so bald wie möglich.{% endcase %}`,
        "Vielen Dank für Ihre Geduld.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}Bevor wir Ihre Bestellung {{ order.name }} verschicken, müssen wir Ihre Lieferadresse bestätigen. Bitte kontaktieren Sie uns: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}Ein Artikel Ihrer Bestellung {{ order.name }} ist momentan nicht vorrätig. Wir verschicken Ihre Bestellung, sobald er wieder da ist.{% else %}Ihre Bestellung {{ order.name }} ist vorübergehend zurückgestellt. Wir verschicken sie so bald wie möglich.{% endcase %}`,
    },
    rescheduled: {
      subject: "Neuer Versandtermin für Ihre Bestellung {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Es tut uns leid, dass sich der Termin erneut ändert: Ihre Bestellung {{ order.name }} wird nun am {{ delay.new_estimate | local_date }} verschickt.{% else %}Wir haben den Versand Ihrer Bestellung {{ order.name }} verschoben. Neuer Versandtermin: {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Vielen Dank für Ihre Geduld.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}Der Termin hat sich leider erneut geändert. {% endif %}Ihre Bestellung {{ order.name }} wird nun am {{ delay.new_estimate | local_date: "short" }} verschickt. Vielen Dank für Ihre Geduld!`,
    },
  },
  back_in_stock: {
    buyButton: "Jetzt kaufen",
    cartLink: "In den Warenkorb und zur Kasse",
    signoff: ["Viele Grüße", "{{ shop.name }}"],
    confirmation: {
      subject: "Wir melden uns, sobald {{ product.title }} wieder da ist",
      body: ["Wir schicken Ihnen eine E-Mail, sobald {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} wieder vorrätig ist."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}Antworten Sie mit YES, um eine SMS zu erhalten, sobald {{ product.title }} wieder vorrätig ist.{% else %}Wir schicken Ihnen eine SMS, sobald {{ product.title }} wieder vorrätig ist.{% endif %} Antworten Sie STOP zum Abmelden.",
    },
    alert: {
      subject: "{{ product.title }} ist wieder da",
      body: ["Gute Nachrichten: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} ist wieder vorrätig.", "Der Artikel könnte schnell wieder ausverkauft sein, warten Sie also nicht zu lange."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} ist wieder vorrätig! Jetzt kaufen: {{ product.url }}",
    },
  },
});
