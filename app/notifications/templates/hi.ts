import { defineLocale } from "./build";

// Written the way Indian stores and couriers write Hindi: everyday English loanwords (ऑर्डर, पैकेज,
// डिलीवरी, ट्रैक) rather than rare Sanskritised terms, and the polite आप throughout.
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;

/** Hindi default templates. */
export const hi = defineLocale({
  locale: "hi",
  layout: {
    trackButton: "अपना पैकेज ट्रैक करें",
    orderStatusLink: "अपना ऑर्डर देखें",
    itemsHeading: "इस पैकेज में",
    footer: "आपको यह ईमेल इसलिए मिला है क्योंकि आपने {{ shop.name }} से ऑर्डर किया था।",
  },
  greeting: `नमस्ते{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "ट्रैकिंग नंबर",
  trackLink: "अपना पैकेज ट्रैक करें",
  orderLink: "अपना ऑर्डर देखें",
  signoff: ["हमसे खरीदारी करने के लिए धन्यवाद,", "{{ shop.name }}"],
  steps: {
    shipped: {
      subject: "आपका ऑर्डर {{ order.name }} भेज दिया गया है",
      body: [
        `खुशखबरी! आपका ऑर्डर {{ order.name }}{% if fulfillment.carrier %} {{ fulfillment.carrier }} से{% endif %} भेज दिया गया है।`,
        { if: "fulfillment.tracking_url", text: "ट्रैकिंग लिंक से आप हर कदम पर देख सकते हैं कि आपका पैकेज कहाँ पहुँचा।" },
      ],
      items: true,
      sms: `{{ shop.name }}: नमस्ते{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, आपका ऑर्डर {{ order.name }} भेज दिया गया है।{% if fulfillment.tracking_url %} ट्रैक करें: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "आपका ऑर्डर {{ order.name }} रास्ते में है",
      body: [
        `आपका पैकेज{% if fulfillment.carrier %} {{ fulfillment.carrier }} के ज़रिए{% endif %} आप तक पहुँचने के रास्ते में है।{% if fulfillment.estimated_delivery_at %} इसके {{ fulfillment.estimated_delivery_at | local_date }} तक पहुँचने की उम्मीद है।{% endif %}`,
      ],
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} रास्ते में है{% if fulfillment.estimated_delivery_at %}, {{ fulfillment.estimated_delivery_at | local_date: "short" }} तक पहुँचने की उम्मीद है{% endif %}।{% if fulfillment.tracking_url %} ट्रैक करें: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "आपका ऑर्डर {{ order.name }} आज पहुँचेगा!",
      body: [`आपका पैकेज${carrier} डिलीवरी के लिए निकल चुका है और आज आप तक पहुँच जाना चाहिए। कृपया इसे लेने के लिए उपलब्ध रहें।`],
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} डिलीवरी के लिए निकल चुका है, आज पहुँचेगा!{% if fulfillment.tracking_url %} ट्रैक करें: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "ऑर्डर {{ order.name }} की डिलीवरी नहीं हो पाई",
      body: [
        `{{ fulfillment.carrier | default: "कूरियर" }} ने आपका पैकेज पहुँचाने की कोशिश की, लेकिन डिलीवरी पूरी नहीं हो पाई।`,
        "आम तौर पर अगले कामकाजी दिन दोबारा कोशिश की जाती है, या आगे क्या करना है इसकी जानकारी दी जाती है।",
      ],
      sms: `{{ shop.name }}: आपके ऑर्डर {{ order.name }} की डिलीवरी की कोशिश हुई, पर आप नहीं मिले।{% if fulfillment.tracking_url %} आगे क्या करें: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "आपका ऑर्डर {{ order.name }} पिकअप के लिए तैयार है",
      body: [
        `आपका ऑर्डर {{ order.name }} पिकअप पॉइंट${carrier} पर आपका इंतज़ार कर रहा है।`,
        "लेने जाते समय अपना ऑर्डर नंबर और फ़ोटो वाला कोई पहचान पत्र साथ रखें।",
      ],
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} पिकअप के लिए तैयार है!{% if fulfillment.tracking_url %} जानकारी: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "आपका ऑर्डर {{ order.name }} डिलीवर हो गया है",
      body: [
        "आपका पैकेज डिलीवर हो गया है। उम्मीद है आपको यह पसंद आएगा!",
        `अगर पैकेज नहीं मिला या कुछ ठीक नहीं है, तो हमसे संपर्क करें${contact}, हम ज़रूर मदद करेंगे।`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} डिलीवर हो गया है। उम्मीद है आपको पसंद आएगा! पैकेज नहीं मिला? हमसे संपर्क करें{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
    failure: {
      subject: "ऑर्डर {{ order.name }} की डिलीवरी में समस्या आई है",
      body: [
        `माफ़ कीजिए, कूरियर${carrier} आपका पैकेज डिलीवर नहीं कर पाया। ऐसा तब हो सकता है जब पता अधूरा हो या रास्ते में पैकेज को नुकसान पहुँचा हो।`,
        `मदद चाहिए तो हमसे संपर्क करें${contact}। हम मिलकर इसे सुलझा लेंगे।`,
      ],
      sms: `{{ shop.name }}: ऑर्डर {{ order.name }} की डिलीवरी में समस्या आई है।{% if fulfillment.tracking_url %} जानकारी: {{ fulfillment.tracking_url }}{% endif %} मदद के लिए हमसे संपर्क करें{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
  },
});
