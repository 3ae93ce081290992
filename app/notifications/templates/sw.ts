import { defineLocale } from "./build";

// "Oda" is the word East African shoppers and stores use day to day ("agizo" reads as formal); "kifurushi"
// is the parcel. Agreement follows: oda -> i- (iko, imetumwa), kifurushi -> ki- (kinaendelea, kimefika).
const via = `{% if fulfillment.carrier %} kupitia {{ fulfillment.carrier }}{% endif %}`;
const contact = `{% if shop.email %} kupitia {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Fuatilia hapa: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Maelezo: {{ order.status_url }}{% endif %}`;

/** Swahili default templates. */
export const sw = defineLocale({
  locale: "sw",
  layout: {
    trackButton: "Fuatilia kifurushi chako",
    orderStatusLink: "Tazama oda yako",
    itemsHeading: "Kwenye kifurushi hiki",
    orderItemsHeading: "Kwenye oda yako",
    footer: "Umepokea barua pepe hii kwa sababu uliweka oda kwa {{ shop.name }}.",
    stockFooter: "Unapokea barua pepe hii kwa sababu uliomba {{ shop.name }} ikujulishe bidhaa itakaporudi dukani.",
    unsubscribeLink: "Jiondoe kwenye barua pepe hizi",
  },
  greeting: `Habari{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "Namba ya ufuatiliaji",
  trackLink: "Fuatilia kifurushi chako",
  orderLink: "Tazama oda yako",
  contactPrompt: "Una swali? Tuko hapa kukusaidia.",
  contactLink: "Wasiliana nasi",
  signoff: ["Asante kwa kununua kwetu,", "{{ shop.name }}"],
  shipping: {
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
  delay: {
    unfulfilled: {
      subject: "Taarifa kuhusu oda yako {{ order.name }}",
      body: [
        "Asante kwa uvumilivu wako. Kuandaa oda yako {{ order.name }} kunachukua muda kidogo zaidi kuliko kawaida, na bado haijatumwa.",
        "Tunaishughulikia na tutaituma haraka iwezekanavyo. Samahani kwa kukusubirisha.",
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} inachelewa kidogo kutumwa. Tunaishughulikia, samahani kwa kukusubirisha.{% if order.status_url %} Maelezo: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Kuna tatizo katika kufikisha oda yako {{ order.name }}{% else %}Oda yako {{ order.name }} imechelewa{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "Msafirishaji" }} ametuarifu kuwa amekumbana na tatizo katika kufikisha kifurushi chako.{% else %}{{ fulfillment.carrier | default: "Msafirishaji" }} ametuarifu kuwa kifurushi chako kitachelewa kufika.{% endif %}`,
        { if: "delay.new_estimate", text: "Tarehe mpya kinachotarajiwa kufika ni {{ delay.new_estimate | local_date }}." },
        "Samahani kwa kuchelewa. Tunaendelea kukifuatilia kifurushi chako.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}kuna tatizo katika kufikisha oda yako {{ order.name }}.{% else %}msafirishaji ametuarifu kuwa oda yako {{ order.name }} itachelewa.{% endif %}{% if delay.new_estimate %} Tarehe mpya: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Oda yako {{ order.name }} inachukua muda zaidi kuliko tulivyotarajia",
      body: [
        "Kifurushi chako hakijapata taarifa mpya ya ufuatiliaji tangu {{ delay.since | local_date }}. Mara nyingi hii inamaanisha kinasubiri kwenye kituo chenye shughuli nyingi cha kupanga mizigo, na bado kiko njiani.",
        { if: "delay.new_estimate", text: "Kwa sasa msafirishaji anatarajia kukifikisha {{ delay.new_estimate | local_date }}." },
        "Tunakifuatilia kwa karibu. Samahani kwa kukusubirisha.",
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} haijapata taarifa mpya ya ufuatiliaji tangu tarehe {{ delay.since | local_date: "short" }}. Huenda bado iko njiani; tunaifuatilia.${trackSms}`,
    },
    not_picked_up: {
      subject: "Oda yako {{ order.name }} bado haijaondoka",
      body: [
        `Oda yako {{ order.name }} imefungashwa na iko tayari, lakini {{ fulfillment.carrier | default: "msafirishaji" }} bado hajaichukua.`,
        "Tunafanya kila tuwezalo ili iondoke haraka. Samahani kwa kukusubirisha.",
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} iko tayari, lakini msafirishaji bado hajaichukua. Samahani kwa kukusubirisha!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Oda yako {{ order.name }} bado iko njiani{% else %}Oda yako {{ order.name }} imechelewa{% endif %}`,
      body: [
        `{% if delay.follow_up %}Samahani, kifurushi chako hakikufika hata kwenye tarehe mpya iliyotarajiwa ({{ delay.since | local_date }}).{% else %}Kifurushi chako kilitarajiwa kufika {{ delay.since | local_date }}, lakini bado hakijafikishwa.{% endif %}`,
        "Wakati mwingine vifurushi huchukua muda kidogo zaidi kuliko makadirio ya msafirishaji. Tunakifuatilia kwa karibu.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}oda yako {{ order.name }} haikufika hata kwenye tarehe mpya ({{ delay.since | local_date: "short" }}){% else %}oda yako {{ order.name }} ilitarajiwa kufika tarehe {{ delay.since | local_date: "short" }} lakini bado iko njiani{% endif %}. Samahani kwa kukusubirisha!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Tafadhali thibitisha anwani ya kupeleka oda {{ order.name }}{% else %}Taarifa kuhusu oda yako {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Kabla ya kutuma oda yako, tunahitaji kuthibitisha anwani yako ya kupeleka. Tafadhali wasiliana nasi ili tuithibitishe na kutuma oda yako haraka.{% when "inventory_out_of_stock" %}Bidhaa moja au zaidi kwenye oda yako zimeisha kwa muda, kwa hiyo tumeisimamisha oda hadi zitakapopatikana tena. Tutaituma mara tu kila kitu kitakapokuwa tayari.{% when "awaiting_payment" %}Tunasubiri malipo yako yathibitishwe. Yakishathibitishwa, tutaandaa oda yako mara moja.{% when "awaiting_return_items" %}Tutatuma oda yako mara tu tutakapopokea bidhaa unazorudisha.{% else %}Tumelazimika kusimamisha oda yako kwa muda mfupi ili tushughulikie jambo dogo. Tutaituma haraka iwezekanavyo.{% endcase %}`,
        "Asante kwa uvumilivu wako.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}tunahitaji kuthibitisha anwani yako kabla ya kutuma oda {{ order.name }}. Tafadhali wasiliana nasi: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}bidhaa moja ya oda yako {{ order.name }} imeisha kwa muda. Tutatuma oda yako mara itakapopatikana.{% else %}oda yako {{ order.name }} imesimamishwa kwa muda. Tutaituma haraka iwezekanavyo.{% endcase %}`,
    },
    rescheduled: {
      subject: "Tarehe mpya ya kutuma oda yako {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Samahani kwa kubadilisha tarehe tena: oda yako {{ order.name }} sasa itatumwa {{ delay.new_estimate | local_date }}.{% else %}Tumebadilisha tarehe ya kutuma oda yako {{ order.name }}: sasa itatumwa {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Asante kwa uvumilivu wako.",
      ],
      sms: `{{ shop.name }}: oda yako {{ order.name }} sasa itatumwa tarehe {{ delay.new_estimate | local_date: "short" }}{% if delay.follow_up %} (tarehe imebadilika tena, samahani){% endif %}. Asante kwa uvumilivu wako!`,
    },
  },
  back_in_stock: {
    buyButton: "Nunua sasa",
    cartLink: "Weka kwenye kikapu na ulipe",
    signoff: ["Karibu tena,", "{{ shop.name }}"],
    confirmation: {
      subject: "Tutakujulisha {{ product.title }} itakaporudi",
      body: ["Tutakutumia barua pepe mara tu {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} itakaporudi dukani."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}jibu YES upokee SMS {{ product.title }} itakaporudi dukani.{% else %}tutakutumia SMS {{ product.title }} itakaporudi dukani.{% endif %} Jibu STOP kujiondoa.",
    },
    alert: {
      subject: "{{ product.title }} imerudi dukani",
      body: ["Habari njema: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} imerudi dukani.", "Huenda ikaisha tena haraka, kwa hivyo usichelewe."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} imerudi dukani! Nunua sasa: {{ product.url }}",
    },
  },
});
