import { defineLocale } from "./build";

// Telugu as shoppers in Andhra Pradesh and Telangana read it from stores and couriers: the polite "మీరు"
// (మీ ఆర్డర్), the name followed by "గారు", and the usual loanwords in Telugu script (ఆర్డర్, పార్సిల్,
// డెలివరీ, ట్రాక్, కొరియర్). A case ending on a loanword that ends in a consonant is joined with a
// zero-width non-joiner (U+200C), as Telugu is typed (పార్సిల్‌లో, స్టోర్‌లో): the invisible character keeps the
// virama visible instead of forming a conjunct. Names and numbers that come from variables (store,
// carrier, order number, dates) are only followed by separate words ("UPS ద్వారా", "... నాటికి") or set
// off with a colon or brackets, never by a joined ending.
const via = `{% if fulfillment.carrier %} {{ fulfillment.carrier }} ద్వారా{% endif %}`;
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} ట్రాక్ చేయండి: {{ fulfillment.tracking_url }}{% elsif order.status_url %} వివరాలు: {{ order.status_url }}{% endif %}`;

/** Telugu default templates. */
export const te = defineLocale({
  locale: "te",
  layout: {
    trackButton: "పార్సిల్ ట్రాక్ చేయండి",
    orderStatusLink: "మీ ఆర్డర్ చూడండి",
    itemsHeading: "ఈ పార్సిల్‌లో",
    orderItemsHeading: "మీ ఆర్డర్‌లో",
    footer: "మీరు {{ shop.name }} స్టోర్‌లో ఆర్డర్ చేసినందువల్ల ఈ ఈమెయిల్ మీకు వచ్చింది.",
    stockFooter: "ఒక వస్తువు మళ్లీ స్టాక్‌లోకి వచ్చినప్పుడు తెలియజేయమని మీరు {{ shop.name }}ను అడిగినందున ఈ ఇమెయిల్ మీకు వచ్చింది.",
    unsubscribeLink: "ఈ ఇమెయిల్‌ల నుండి అన్‌సబ్‌స్క్రైబ్ చేయండి",
  },
  greeting: `నమస్కారం{% if customer.first_name != blank %} {{ customer.first_name }} గారు{% endif %},`,
  trackingNumber: "ట్రాకింగ్ నంబర్",
  trackLink: "పార్సిల్ ట్రాక్ చేయండి",
  orderLink: "మీ ఆర్డర్ చూడండి",
  contactPrompt: "ఏమైనా సందేహాలు ఉన్నాయా? మీకు సహాయం చేయడానికి మేము సిద్ధంగా ఉన్నాము.",
  contactLink: "మమ్మల్ని సంప్రదించండి",
  signoff: ["మా దగ్గర కొనుగోలు చేసినందుకు ధన్యవాదాలు,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "మీ ఆర్డర్ {{ order.name }} బయలుదేరింది",
      body: [
        `శుభవార్త! మీ ఆర్డర్ {{ order.name }}${via} పంపించాము.`,
        { if: "fulfillment.tracking_url", text: "ట్రాకింగ్ లింక్ ద్వారా మీ పార్సిల్ ఎక్కడ ఉందో ఎప్పుడైనా తెలుసుకోవచ్చు." },
      ],
      items: true,
      sms: `{{ shop.name }}: నమస్కారం{% if customer.first_name != blank %} {{ customer.first_name }} గారు{% endif %}, మీ ఆర్డర్ {{ order.name }} పంపించాము.{% if fulfillment.tracking_url %} ట్రాక్ చేయండి: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "మీ ఆర్డర్ {{ order.name }} దారిలో ఉంది",
      body: [
        `మీ పార్సిల్${via} మీ దగ్గరకు వస్తోంది.{% if fulfillment.estimated_delivery_at %} {{ fulfillment.estimated_delivery_at | local_date }} నాటికి చేరుతుందని అంచనా.{% endif %}`,
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} దారిలో ఉంది{% if fulfillment.estimated_delivery_at %}, {{ fulfillment.estimated_delivery_at | local_date: "short" }} నాటికి చేరుతుందని అంచనా{% endif %}.{% if fulfillment.tracking_url %} ట్రాక్ చేయండి: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "మీ ఆర్డర్ {{ order.name }} ఈరోజే వస్తుంది!",
      body: [`మీ పార్సిల్${via} డెలివరీకి బయలుదేరింది, ఈరోజే మీకు అందుతుంది. దయచేసి అందుకోవడానికి అందుబాటులో ఉండండి.`],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} డెలివరీకి బయలుదేరింది, ఈరోజే అందుతుంది!{% if fulfillment.tracking_url %} ట్రాక్ చేయండి: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "ఆర్డర్ {{ order.name }}: డెలివరీ కాలేదు",
      body: [
        `కొరియర్${carrier} మీ పార్సిల్ ఇవ్వడానికి వచ్చారు, కానీ డెలివరీ పూర్తి కాలేదు.`,
        "సాధారణంగా తర్వాతి పని దినాన మళ్లీ ప్రయత్నిస్తారు, లేదా తర్వాత ఏం చేయాలో సమాచారం ఇస్తారు.",
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} ఇవ్వడానికి కొరియర్ వచ్చారు, కానీ మీరు అందుబాటులో లేరు.{% if fulfillment.tracking_url %} తర్వాత ఏం చేయాలి: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "మీ ఆర్డర్ {{ order.name }} పికప్‌కు సిద్ధంగా ఉంది",
      body: [
        `మీ ఆర్డర్ {{ order.name }} పికప్ పాయింట్ వద్ద${carrier} మీ కోసం ఎదురుచూస్తోంది.`,
        "తీసుకోవడానికి వెళ్లేటప్పుడు మీ ఆర్డర్ నంబర్, ఫోటో ఉన్న గుర్తింపు కార్డు వెంట తీసుకెళ్లండి.",
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} పికప్‌కు సిద్ధంగా ఉంది!{% if fulfillment.tracking_url %} వివరాలు: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "మీ ఆర్డర్ {{ order.name }} డెలివరీ అయింది",
      body: [
        "మీ పార్సిల్ డెలివరీ అయింది. మీకు నచ్చుతుందని ఆశిస్తున్నాము!",
        `పార్సిల్ కనిపించకపోయినా, ఏదైనా సమస్య ఉన్నా మమ్మల్ని సంప్రదించండి${contact}. తప్పకుండా సహాయం చేస్తాము.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} డెలివరీ అయింది. మీకు నచ్చుతుందని ఆశిస్తున్నాము! పార్సిల్ అందలేదా? మమ్మల్ని సంప్రదించండి{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
    failure: {
      subject: "మీ ఆర్డర్ {{ order.name }} డెలివరీలో సమస్య వచ్చింది",
      body: [
        `క్షమించండి, కొరియర్ సంస్థ${carrier} మీ పార్సిల్ డెలివరీ చేయలేకపోయింది. చిరునామా అసంపూర్తిగా ఉన్నప్పుడు లేదా దారిలో పార్సిల్ దెబ్బతిన్నప్పుడు ఇలా జరగవచ్చు.`,
        `సహాయం కావాలంటే మమ్మల్ని సంప్రదించండి${contact}. కలిసి పరిష్కరిద్దాం.`,
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} డెలివరీలో సమస్య వచ్చింది.{% if fulfillment.tracking_url %} వివరాలు: {{ fulfillment.tracking_url }}{% endif %} సహాయం కోసం మమ్మల్ని సంప్రదించండి{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "మీ ఆర్డర్ {{ order.name }} గురించి సమాచారం",
      body: [
        "ఓపికగా ఎదురుచూస్తున్నందుకు ధన్యవాదాలు. మీ ఆర్డర్ {{ order.name }} సిద్ధం చేయడానికి సాధారణం కంటే కొంచెం ఎక్కువ సమయం పడుతోంది, అందుకే దాన్ని ఇంకా పంపించలేదు.",
        "దానిపై పని చేస్తున్నాము, వీలైనంత త్వరగా పంపిస్తాము. ఆలస్యానికి క్షమించండి.",
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} పంపడంలో కొంచెం ఆలస్యం అవుతోంది. దానిపై పని చేస్తున్నాము, క్షమించండి.{% if order.status_url %} వివరాలు: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}మీ ఆర్డర్ {{ order.name }} డెలివరీలో సమస్య వచ్చింది{% else %}మీ ఆర్డర్ {{ order.name }} ఆలస్యం అవుతోంది{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}మీ పార్సిల్ డెలివరీలో సమస్య వచ్చిందని కొరియర్ సంస్థ${carrier} మాకు తెలియజేసింది.{% else %}మీ పార్సిల్ ఆలస్యంగా చేరుతుందని కొరియర్ సంస్థ${carrier} మాకు తెలియజేసింది.{% endif %}`,
        { if: "delay.new_estimate", text: "కొత్త అంచనా డెలివరీ తేదీ: {{ delay.new_estimate | local_date }}." },
        "ఆలస్యానికి క్షమించండి. మీ పార్సిల్ విషయం మేము గమనిస్తూనే ఉన్నాము.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}మీ ఆర్డర్ {{ order.name }} డెలివరీలో సమస్య వచ్చింది.{% else %}మీ ఆర్డర్ {{ order.name }} ఆలస్యం అవుతుందని కొరియర్ సంస్థ తెలిపింది.{% endif %}{% if delay.new_estimate %} కొత్త తేదీ: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "మీ ఆర్డర్ {{ order.name }} అనుకున్నదానికంటే ఎక్కువ సమయం తీసుకుంటోంది",
      body: [
        "{{ delay.since | local_date }} నుంచి మీ పార్సిల్ ట్రాకింగ్‌లో కొత్త సమాచారం ఏదీ రాలేదు. పార్సిల్ రద్దీగా ఉన్న ఏదో సార్టింగ్ సెంటర్‌లో వేచి ఉన్నప్పుడు సాధారణంగా ఇలా జరుగుతుంది; అది ఇంకా దారిలోనే ఉంటుంది.",
        { if: "delay.new_estimate", text: "కొరియర్ సంస్థ ప్రస్తుత అంచనా ప్రకారం {{ delay.new_estimate | local_date }} నాటికి డెలివరీ అవుతుంది." },
        "మేము గమనిస్తూనే ఉన్నాము. ఆలస్యానికి క్షమించండి.",
      ],
      sms: `{{ shop.name }}: ఆర్డర్ {{ order.name }}: {{ delay.since | local_date: "short" }} నుంచి ట్రాకింగ్‌లో కొత్త సమాచారం లేదు. మేము గమనిస్తున్నాము.${trackSms}`,
    },
    not_picked_up: {
      subject: "మీ ఆర్డర్ {{ order.name }} ఇంకా బయలుదేరలేదు",
      body: [
        `మీ ఆర్డర్ {{ order.name }} ప్యాక్ చేసి సిద్ధంగా ఉంది, కానీ కొరియర్ సంస్థ${carrier} ఇంకా తీసుకెళ్లలేదు.`,
        "వీలైనంత త్వరగా బయలుదేరేలా ప్రయత్నిస్తున్నాము. ఆలస్యానికి క్షమించండి.",
      ],
      sms: `{{ shop.name }}: మీ ఆర్డర్ {{ order.name }} ప్యాక్ చేసి ఉంది, కానీ కొరియర్ ఇంకా తీసుకెళ్లలేదు. ఆలస్యానికి క్షమించండి!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}మీ ఆర్డర్ {{ order.name }} ఇంకా దారిలోనే ఉంది{% else %}మీ ఆర్డర్ {{ order.name }} ఆలస్యమైంది{% endif %}`,
      body: [
        `{% if delay.follow_up %}క్షమించండి, కొత్త అంచనా తేదీ ({{ delay.since | local_date }}) నాటికి కూడా మీ పార్సిల్ చేరలేదు.{% else %}మీ పార్సిల్ {{ delay.since | local_date }} నాటికి చేరాల్సి ఉంది, కానీ ఇంకా డెలివరీ కాలేదు.{% endif %}`,
        "ఒక్కోసారి కొరియర్ అంచనా కంటే కొంచెం ఎక్కువ సమయం పడుతుంది. మేము గమనిస్తూనే ఉన్నాము.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}కొత్త తేదీ ({{ delay.since | local_date: "short" }}) నాటికి కూడా మీ ఆర్డర్ {{ order.name }} చేరలేదు.{% else %}మీ ఆర్డర్ {{ order.name }} చేరాల్సిన తేదీ {{ delay.since | local_date: "short" }}, కానీ ఇంకా దారిలోనే ఉంది.{% endif %} ఆలస్యానికి క్షమించండి!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}ఆర్డర్ {{ order.name }}: దయచేసి మీ డెలివరీ చిరునామా నిర్ధారించండి{% else %}మీ ఆర్డర్ {{ order.name }} గురించి సమాచారం{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}మీ ఆర్డర్ పంపే ముందు మీ డెలివరీ చిరునామాను ఒకసారి సరిచూసుకోవాలి. చిరునామా నిర్ధారించి ఆర్డర్ త్వరగా పంపడానికి దయచేసి మమ్మల్ని సంప్రదించండి.{% when "inventory_out_of_stock" %}మీ ఆర్డర్‌లోని ఒకటి లేదా అంతకంటే ఎక్కువ వస్తువులు ప్రస్తుతం స్టాక్‌లో లేవు, అందుకే అవి వచ్చే వరకు ఆర్డర్ ఆపి ఉంచాము. అన్నీ సిద్ధం కాగానే పంపిస్తాము.{% when "awaiting_payment" %}మీ పేమెంట్ నిర్ధారణ కోసం ఎదురుచూస్తున్నాము. నిర్ధారణ కాగానే మీ ఆర్డర్ సిద్ధం చేస్తాము.{% when "awaiting_return_items" %}మీరు తిరిగి పంపుతున్న వస్తువులు మాకు అందగానే మీ ఆర్డర్ పంపిస్తాము.{% else %}ఒక చిన్న విషయం సరిచేయడానికి మీ ఆర్డర్ కొంతసేపు ఆపాల్సి వచ్చింది. వీలైనంత త్వరగా పంపిస్తాము.{% endcase %}`,
        "ఓపికగా ఎదురుచూస్తున్నందుకు ధన్యవాదాలు.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}ఆర్డర్ {{ order.name }} పంపే ముందు మీ చిరునామా నిర్ధారించాలి. దయచేసి సంప్రదించండి: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}ఆర్డర్ {{ order.name }}: ఒక వస్తువు ప్రస్తుతం స్టాక్‌లో లేదు. అది రాగానే ఆర్డర్ పంపిస్తాము.{% else %}మీ ఆర్డర్ {{ order.name }} ప్రస్తుతం ఆపి ఉంచాము. వీలైనంత త్వరగా పంపిస్తాము.{% endcase %}`,
    },
    rescheduled: {
      subject: "మీ ఆర్డర్ {{ order.name }}: కొత్త షిప్పింగ్ తేదీ",
      body: [
        `{% if delay.follow_up %}క్షమించండి, మీ ఆర్డర్ {{ order.name }} పంపే తేదీని మళ్లీ మార్చాల్సి వచ్చింది.{% else %}మీ ఆర్డర్ {{ order.name }} పంపే తేదీ మారింది.{% endif %} కొత్త తేదీ: {{ delay.new_estimate | local_date }}.`,
        "ఓపికగా ఎదురుచూస్తున్నందుకు ధన్యవాదాలు.",
      ],
      sms: `{{ shop.name }}: ఆర్డర్ {{ order.name }} పంపే తేదీ {% if delay.follow_up %}మళ్లీ {% endif %}మారింది. కొత్త తేదీ: {{ delay.new_estimate | local_date: "short" }}. ఓపికకు ధన్యవాదాలు!`,
    },
  },
  back_in_stock: {
    buyButton: "ఇప్పుడే కొనండి",
    cartLink: "కార్ట్‌కు జోడించి చెక్అవుట్ చేయండి",
    signoff: ["శుభాకాంక్షలతో,", "{{ shop.name }}"],
    confirmation: {
      subject: "{{ product.title }} తిరిగి వచ్చినప్పుడు మేము మీకు తెలియజేస్తాం",
      body: ["{{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} మళ్లీ స్టాక్‌లోకి రాగానే మేము మీకు ఇమెయిల్ చేస్తాం."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}{{ product.title }} మళ్లీ స్టాక్‌లోకి వచ్చినప్పుడు SMS పొందడానికి YES అని జవాబు ఇవ్వండి.{% else %}{{ product.title }} మళ్లీ స్టాక్‌లోకి వచ్చినప్పుడు మేము మీకు SMS పంపుతాం.{% endif %} ఆపడానికి STOP అని పంపండి.",
    },
    alert: {
      subject: "{{ product.title }} మళ్లీ స్టాక్‌లో ఉంది",
      body: ["శుభవార్త: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} మళ్లీ స్టాక్‌లో ఉంది.", "ఇది త్వరగా మళ్లీ అయిపోవచ్చు, కాబట్టి ఆలస్యం చేయకండి."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} మళ్లీ స్టాక్‌లో ఉంది! ఇప్పుడే కొనండి: {{ product.url }}",
    },
  },
});
