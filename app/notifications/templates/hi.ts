import { defineLocale } from "./build";

// Written the way Indian stores and couriers write Hindi: everyday English loanwords (ऑर्डर, पैकेज,
// डिलीवरी, ट्रैक) rather than rare Sanskritised terms, and the polite आप throughout.
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} ट्रैक करें: {{ fulfillment.tracking_url }}{% elsif order.status_url %} जानकारी: {{ order.status_url }}{% endif %}`;

/** Hindi default templates. */
export const hi = defineLocale({
  locale: "hi",
  layout: {
    trackButton: "अपना पैकेज ट्रैक करें",
    orderStatusLink: "अपना ऑर्डर देखें",
    itemsHeading: "इस पैकेज में",
    orderItemsHeading: "आपके ऑर्डर में",
    footer: "आपको यह ईमेल इसलिए मिला है क्योंकि आपने {{ shop.name }} से ऑर्डर किया था।",
    stockFooter: "आपको यह ईमेल इसलिए मिला है क्योंकि आपने {{ shop.name }} से कहा था कि कोई आइटम फिर से स्टॉक में आने पर आपको बताया जाए।",
    unsubscribeLink: "इन ईमेल की सदस्यता छोड़ें",
  },
  greeting: `नमस्ते{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "ट्रैकिंग नंबर",
  trackLink: "अपना पैकेज ट्रैक करें",
  orderLink: "अपना ऑर्डर देखें",
  contactPrompt: "कोई सवाल है? हम आपकी मदद के लिए यहाँ हैं।",
  contactLink: "हमसे संपर्क करें",
  signoff: ["हमसे खरीदारी करने के लिए धन्यवाद,", "{{ shop.name }}"],
  shipping: {
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
  delay: {
    unfulfilled: {
      subject: "आपके ऑर्डर {{ order.name }} के बारे में जानकारी",
      body: [
        "आपके धैर्य के लिए धन्यवाद। आपका ऑर्डर {{ order.name }} तैयार होने में सामान्य से थोड़ा ज़्यादा समय लग रहा है, और यह अभी तक भेजा नहीं गया है।",
        "हम इस पर काम कर रहे हैं और इसे जल्द से जल्द भेज देंगे। इंतज़ार के लिए हमें खेद है।",
      ],
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} भेजने में थोड़ी देर हो रही है। हम इस पर काम कर रहे हैं, इंतज़ार के लिए माफ़ी।{% if order.status_url %} जानकारी: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}ऑर्डर {{ order.name }} की डिलीवरी में समस्या आई है{% else %}आपके ऑर्डर {{ order.name }} में देरी हो रही है{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}कूरियर${carrier} ने हमें बताया है कि आपका पैकेज पहुँचाने में उन्हें एक समस्या आई है।{% else %}कूरियर${carrier} ने हमें बताया है कि आपका पैकेज तय समय से देर से पहुँचेगा।{% endif %}`,
        { if: "delay.new_estimate", text: "डिलीवरी की नई अनुमानित तारीख: {{ delay.new_estimate | local_date }}।" },
        "देरी के लिए हमें खेद है। हम आपके पैकेज पर नज़र रखे हुए हैं।",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}ऑर्डर {{ order.name }} की डिलीवरी में समस्या आई है।{% else %}आपके ऑर्डर {{ order.name }} में देरी हो रही है।{% endif %}{% if delay.new_estimate %} नई तारीख: {{ delay.new_estimate | local_date: "short" }}।{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "आपके ऑर्डर {{ order.name }} में उम्मीद से ज़्यादा समय लग रहा है",
      body: [
        "{{ delay.since | local_date }} के बाद से आपके पैकेज की ट्रैकिंग में कोई नई जानकारी नहीं आई है। आम तौर पर इसका मतलब होता है कि पैकेज किसी व्यस्त सॉर्टिंग सेंटर में है और अब भी रास्ते में है।",
        { if: "delay.new_estimate", text: "कूरियर के मुताबिक़ अभी इसके {{ delay.new_estimate | local_date }} तक पहुँचने की उम्मीद है।" },
        "हम इस पर नज़र रखे हुए हैं। इंतज़ार के लिए माफ़ी चाहते हैं।",
      ],
      sms: `{{ shop.name }}: {{ delay.since | local_date: "short" }} के बाद से ऑर्डर {{ order.name }} की ट्रैकिंग में कोई नई जानकारी नहीं है। हम नज़र रखे हुए हैं।${trackSms}`,
    },
    not_picked_up: {
      subject: "आपका ऑर्डर {{ order.name }} अभी रवाना नहीं हुआ है",
      body: [
        `आपका ऑर्डर {{ order.name }} पैक होकर तैयार है, लेकिन कूरियर${carrier} ने अभी तक इसे उठाया नहीं है।`,
        "हम कोशिश कर रहे हैं कि यह जल्द से जल्द रवाना हो। इंतज़ार के लिए माफ़ी चाहते हैं।",
      ],
      sms: `{{ shop.name }}: आपका ऑर्डर {{ order.name }} पैक है, पर कूरियर ने अभी तक इसे उठाया नहीं है। इंतज़ार के लिए माफ़ी!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}आपका ऑर्डर {{ order.name }} अब भी रास्ते में है{% else %}आपके ऑर्डर {{ order.name }} में देरी हो रही है{% endif %}`,
      body: [
        `{% if delay.follow_up %}माफ़ कीजिए, आपका पैकेज नई अनुमानित तारीख ({{ delay.since | local_date }}) तक भी नहीं पहुँचा।{% else %}आपका पैकेज {{ delay.since | local_date }} तक पहुँचना था, लेकिन अभी तक डिलीवर नहीं हुआ है।{% endif %}`,
        "कभी-कभी पैकेज पहुँचने में कूरियर के अनुमान से थोड़ा ज़्यादा समय लग जाता है। हम इस पर नज़र रखे हुए हैं।",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}आपका ऑर्डर {{ order.name }} नई अनुमानित तारीख ({{ delay.since | local_date: "short" }}) तक भी नहीं पहुँचा।{% else %}आपका ऑर्डर {{ order.name }} {{ delay.since | local_date: "short" }} तक पहुँचना था, पर अभी रास्ते में है।{% endif %} इंतज़ार के लिए माफ़ी!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}ऑर्डर {{ order.name }}: कृपया अपना डिलीवरी पता कन्फ़र्म करें{% else %}आपके ऑर्डर {{ order.name }} के बारे में जानकारी{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}आपका ऑर्डर भेजने से पहले हमें आपका डिलीवरी पता एक बार जाँचना है। कृपया हमसे संपर्क करें, ताकि हम पता कन्फ़र्म करके आपका ऑर्डर जल्दी भेज सकें।{% when "inventory_out_of_stock" %}आपके ऑर्डर की एक या ज़्यादा चीज़ें अभी स्टॉक में नहीं हैं, इसलिए हमने ऑर्डर को कुछ समय के लिए रोका है। सब कुछ उपलब्ध होते ही हम इसे भेज देंगे।{% when "awaiting_payment" %}हम आपके पेमेंट की पुष्टि का इंतज़ार कर रहे हैं। पुष्टि होते ही हम आपका ऑर्डर तैयार करेंगे।{% when "awaiting_return_items" %}आप जो सामान लौटा रहे हैं, वह हमारे पास पहुँचते ही हम आपका ऑर्डर भेज देंगे।{% else %}एक छोटी-सी बात सुलझाने के लिए हमें आपका ऑर्डर कुछ समय के लिए रोकना पड़ा है। हम इसे जल्द से जल्द भेज देंगे।{% endcase %}`,
        "आपके धैर्य के लिए धन्यवाद।",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}ऑर्डर {{ order.name }} भेजने से पहले हमें आपका पता कन्फ़र्म करना है। कृपया संपर्क करें: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}ऑर्डर {{ order.name }} की एक चीज़ अभी स्टॉक में नहीं है। उपलब्ध होते ही हम ऑर्डर भेज देंगे।{% else %}आपका ऑर्डर {{ order.name }} फ़िलहाल रुका हुआ है। हम इसे जल्द से जल्द भेज देंगे।{% endcase %}`,
    },
    rescheduled: {
      subject: "आपके ऑर्डर {{ order.name }} के लिए नई तारीख",
      body: [
        `{% if delay.follow_up %}माफ़ कीजिए, हमें तारीख फिर से बदलनी पड़ी है: आपका ऑर्डर {{ order.name }} अब {{ delay.new_estimate | local_date }} को भेजा जाएगा।{% else %}आपके ऑर्डर {{ order.name }} की तारीख बदल गई है: अब इसे {{ delay.new_estimate | local_date }} को भेजा जाएगा।{% endif %}`,
        "आपके धैर्य के लिए धन्यवाद।",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}माफ़ कीजिए, तारीख फिर बदली है। {% endif %}आपका ऑर्डर {{ order.name }} अब {{ delay.new_estimate | local_date: "short" }} को भेजा जाएगा। धैर्य के लिए धन्यवाद!`,
    },
  },
  back_in_stock: {
    buyButton: "अभी खरीदें",
    cartLink: "कार्ट में डालें और चेकआउट करें",
    signoff: ["शुभकामनाओं सहित,", "{{ shop.name }}"],
    confirmation: {
      subject: "{{ product.title }} के वापस आने पर हम आपको बताएँगे",
      body: ["जैसे ही {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} फिर से स्टॉक में आएगा, हम आपको ईमेल करेंगे।"],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}{{ product.title }} के फिर से स्टॉक में आने पर SMS पाने के लिए YES लिखकर जवाब दें।{% else %}{{ product.title }} के फिर से स्टॉक में आने पर हम आपको SMS करेंगे।{% endif %} सदस्यता छोड़ने के लिए STOP लिखें।",
    },
    alert: {
      subject: "{{ product.title }} फिर से स्टॉक में है",
      body: ["खुशखबरी: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} फिर से स्टॉक में है।", "यह जल्दी ही फिर से खत्म हो सकता है, इसलिए ज़्यादा देर न करें।"],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} फिर से स्टॉक में है! अभी खरीदें: {{ product.url }}",
    },
  },
});
