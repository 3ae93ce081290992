import { defineLocale } from "./build";

// "Oda" is the word East African shoppers and stores use day to day ("agizo" reads as formal); "kifurushi"
// is the parcel. Agreement follows: oda -> i- (iko, imetumwa), kifurushi -> ki- (kinaendelea, kimefika).
const via = `{% if fulfillment.carrier %} kupitia {{ fulfillment.carrier }}{% endif %}`;
const contact = `{% if shop.email %} kupitia {{ shop.email }}{% endif %}`;

/** Swahili default templates. */
export const sw = defineLocale({
  locale: "sw",
  layout: {
    trackButton: "Fuatilia kifurushi chako",
    orderStatusLink: "Tazama oda yako",
    itemsHeading: "Kwenye kifurushi hiki",
    footer: "Umepokea barua pepe hii kwa sababu uliweka oda kwa {{ shop.name }}.",
  },
  greeting: `Habari{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "Namba ya ufuatiliaji",
  trackLink: "Fuatilia kifurushi chako",
  orderLink: "Tazama oda yako",
  signoff: ["Asante kwa kununua kwetu,", "{{ shop.name }}"],
  steps: {
    shipped: {
      subject: "Oda yako {{ order.name }} iko njiani",
      body: [
        `Habari njema! Oda yako {{ order.name }} imetumwa${via}.`,
        { if: "fulfillment.tracking_url", text: "Unaweza kufuatilia kifurushi chako hatua kwa hatua kupitia kiungo cha ufuatiliaji." },
      ],
      items: true,
      sms: `{{ shop.name }}: Habari{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, oda yako {{ order.name }} imetumwa${via}!{% if fulfillment.tracking_url %} Fuatilia hapa: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Oda yako {{ order.name }} inaendelea na safari",
      body: [
        `Kifurushi chako kinaendelea na safari kuja kwako${via}.{% if fulfillment.estimated_delivery_at %} Kinatarajiwa kufika {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} bado iko njiani{% if fulfillment.estimated_delivery_at %} na inatarajiwa kufika {{ fulfillment.estimated_delivery_at | local_date: "short" }}{% endif %}.{% if fulfillment.tracking_url %} Fuatilia hapa: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Oda yako {{ order.name }} inaletwa leo!",
      body: [`Kifurushi chako kiko njiani kuletwa kwako leo${via}. Tafadhali kuwa tayari kukipokea!`],
      sms: `{{ shop.name }}: oda yako {{ order.name }} inaletwa kwako leo!{% if fulfillment.tracking_url %} Fuatilia hapa: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Jaribio la kukuletea oda {{ order.name }} halikufanikiwa",
      body: [
        `{{ fulfillment.carrier | default: "Msafirishaji" }} alijaribu kukuletea kifurushi chako lakini hakufanikiwa.`,
        "Kwa kawaida hujaribu tena siku ya kazi inayofuata au huacha ujumbe wenye maelekezo ya nini cha kufanya.",
      ],
      sms: `{{ shop.name }}: jaribio la kukuletea oda yako {{ order.name }} halikufanikiwa.{% if fulfillment.tracking_url %} Hatua zinazofuata: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Oda yako {{ order.name }} iko tayari kuchukuliwa",
      body: [
        `Oda yako {{ order.name }} iko tayari na inakusubiri kwenye kituo cha kuchukulia mizigo{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Ukienda kuichukua, beba namba ya oda yako na kitambulisho chenye picha.",
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} iko tayari kuchukuliwa!{% if fulfillment.tracking_url %} Maelezo: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Oda yako {{ order.name }} imefika!",
      body: [
        "Kifurushi chako kimefikishwa. Tunatumaini utakipenda!",
        `Kama hukioni au kuna tatizo lolote, wasiliana nasi${contact} nasi tutakusaidia.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: oda yako {{ order.name }} imefika! Tunatumaini utaipenda. Kama huioni, wasiliana nasi{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Kuna tatizo katika kufikisha oda yako {{ order.name }}",
      body: [
        `Samahani, msafirishaji hakuweza kufikisha kifurushi chako{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}. Hili linaweza kutokea anwani ikiwa haijakamilika au kifurushi kikiharibika njiani.`,
        `Ukihitaji msaada, wasiliana nasi${contact}. Tutalitatua pamoja.`,
      ],
      sms: `{{ shop.name }}: kuna tatizo katika kufikisha oda yako {{ order.name }}.{% if fulfillment.tracking_url %} Maelezo: {{ fulfillment.tracking_url }}{% endif %} Ukihitaji msaada, wasiliana nasi{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
});
