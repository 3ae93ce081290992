import { defineLocale } from "./build";

// Malayalam as Kerala shoppers read it from stores and couriers: English loanwords in Malayalam script
// (ഓർഡർ, പാക്കേജ്, ഡെലിവറി, ട്രാക്ക്). Names in Latin script (shop, carrier) are kept out of case suffixes
// ("X എന്ന സ്റ്റോറിൽ", "X വഴി") so the sentences stay grammatical whatever the name.
const via = `{% if fulfillment.carrier %} {{ fulfillment.carrier }} വഴി{% endif %}`;
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} ട്രാക്ക് ചെയ്യാൻ: {{ fulfillment.tracking_url }}{% elsif order.status_url %} വിവരങ്ങൾ: {{ order.status_url }}{% endif %}`;

/** Malayalam default templates. */
export const ml = defineLocale({
  locale: "ml",
  layout: {
    trackButton: "പാക്കേജ് ട്രാക്ക് ചെയ്യുക",
    orderStatusLink: "ഓർഡർ വിവരങ്ങൾ കാണുക",
    itemsHeading: "ഈ പാക്കേജിൽ",
    orderItemsHeading: "നിങ്ങളുടെ ഓർഡറിൽ",
    footer: "{{ shop.name }} എന്ന സ്റ്റോറിൽ നിങ്ങൾ ഓർഡർ ചെയ്തതിനാലാണ് ഈ ഇമെയിൽ ലഭിച്ചത്.",
    stockFooter: "ഒരു ഉൽപ്പന്നം വീണ്ടും സ്റ്റോക്കിൽ വരുമ്പോൾ അറിയിക്കാൻ നിങ്ങൾ {{ shop.name }}-നോട് ആവശ്യപ്പെട്ടതിനാലാണ് ഈ ഇമെയിൽ ലഭിക്കുന്നത്.",
    unsubscribeLink: "ഈ ഇമെയിലുകൾ അൺസബ്‌സ്‌ക്രൈബ് ചെയ്യുക",
  },
  greeting: `നമസ്കാരം{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "ട്രാക്കിംഗ് നമ്പർ",
  trackLink: "പാക്കേജ് ട്രാക്ക് ചെയ്യാൻ",
  orderLink: "ഓർഡർ വിവരങ്ങൾ",
  contactPrompt: "എന്തെങ്കിലും സംശയമുണ്ടോ? സഹായിക്കാൻ ഞങ്ങൾ തയ്യാറാണ്.",
  contactLink: "ഞങ്ങളെ ബന്ധപ്പെടുക",
  signoff: ["ഞങ്ങളിൽ നിന്ന് വാങ്ങിയതിന് നന്ദി,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയച്ചിട്ടുണ്ട്",
      body: [
        `സന്തോഷവാർത്ത! നിങ്ങളുടെ ഓർഡർ {{ order.name }}${via} അയച്ചിട്ടുണ്ട്.`,
        { if: "fulfillment.tracking_url", text: "ട്രാക്കിംഗ് ലിങ്ക് വഴി നിങ്ങളുടെ പാക്കേജ് ഇപ്പോൾ എവിടെയാണെന്ന് എപ്പോൾ വേണമെങ്കിലും അറിയാം." },
      ],
      items: true,
      sms: `{{ shop.name }}: നമസ്കാരം{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയച്ചിട്ടുണ്ട്.{% if fulfillment.tracking_url %} ട്രാക്ക് ചെയ്യാൻ: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} വഴിയിലാണ്",
      body: [
        `നിങ്ങളുടെ പാക്കേജ്${via} നിങ്ങളുടെ അടുത്തേക്കുള്ള യാത്രയിലാണ്.{% if fulfillment.estimated_delivery_at %} പ്രതീക്ഷിക്കുന്ന ഡെലിവറി തീയതി: {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} വഴിയിലാണ്.{% if fulfillment.estimated_delivery_at %} പ്രതീക്ഷിക്കുന്ന തീയതി: {{ fulfillment.estimated_delivery_at | local_date: "short" }}.{% endif %}{% if fulfillment.tracking_url %} ട്രാക്ക് ചെയ്യാൻ: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഇന്ന് എത്തും!",
      body: [
        `നിങ്ങളുടെ പാക്കേജ്${carrier} ഡെലിവറിക്കായി പുറപ്പെട്ടിട്ടുണ്ട്, ഇന്നുതന്നെ നിങ്ങളുടെ കൈയിലെത്തുമെന്നാണ് പ്രതീക്ഷ. സ്വീകരിക്കാൻ ആരെങ്കിലും ഉണ്ടാകുമെന്ന് ഉറപ്പാക്കൂ.`,
      ],
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഡെലിവറിക്കായി പുറപ്പെട്ടു, ഇന്ന് എത്തും!{% if fulfillment.tracking_url %} ട്രാക്ക് ചെയ്യാൻ: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "ഓർഡർ {{ order.name }} ഡെലിവർ ചെയ്യാൻ കഴിഞ്ഞില്ല",
      body: [
        `{{ fulfillment.carrier | default: "കൊറിയർ" }} നിങ്ങളുടെ പാക്കേജ് എത്തിക്കാൻ ശ്രമിച്ചെങ്കിലും ഡെലിവറി പൂർത്തിയാക്കാൻ കഴിഞ്ഞില്ല.`,
        "സാധാരണയായി അടുത്ത പ്രവൃത്തിദിവസം വീണ്ടും ശ്രമിക്കും, അല്ലെങ്കിൽ ഇനി എന്തുചെയ്യണമെന്ന് അറിയിക്കും.",
      ],
      sms: `{{ shop.name }}: ഓർഡർ {{ order.name }} ഡെലിവർ ചെയ്യാനുള്ള ശ്രമം വിജയിച്ചില്ല.{% if fulfillment.tracking_url %} അടുത്ത നടപടികൾ: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} കൈപ്പറ്റാൻ തയ്യാറാണ്",
      body: [
        `നിങ്ങളുടെ ഓർഡർ {{ order.name }} പിക്കപ്പ് പോയിന്റിൽ${carrier} നിങ്ങളെ കാത്തിരിക്കുന്നു.`,
        "കൈപ്പറ്റാൻ പോകുമ്പോൾ ഓർഡർ നമ്പറും ഫോട്ടോയുള്ള ഒരു തിരിച്ചറിയൽ രേഖയും കൈയിൽ കരുതുക.",
      ],
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} കൈപ്പറ്റാൻ തയ്യാറാണ്!{% if fulfillment.tracking_url %} വിശദാംശങ്ങൾ: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഡെലിവർ ചെയ്തു",
      body: [
        "നിങ്ങളുടെ പാക്കേജ് ഡെലിവർ ചെയ്തിട്ടുണ്ട്. നിങ്ങൾക്കിത് ഇഷ്ടപ്പെടുമെന്ന് പ്രതീക്ഷിക്കുന്നു!",
        `പാക്കേജ് കണ്ടില്ലെങ്കിലോ എന്തെങ്കിലും പ്രശ്നമുണ്ടെങ്കിലോ ഞങ്ങളെ ബന്ധപ്പെടൂ${contact}, ഞങ്ങൾ സഹായിക്കാം.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഡെലിവർ ചെയ്തു. ഇഷ്ടപ്പെടുമെന്ന് പ്രതീക്ഷിക്കുന്നു! പാക്കേജ് കിട്ടിയില്ലേ? ഞങ്ങളെ ബന്ധപ്പെടൂ{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
    failure: {
      subject: "ഓർഡർ {{ order.name }} ഡെലിവറിയിൽ ഒരു പ്രശ്നമുണ്ട്",
      body: [
        `ക്ഷമിക്കണം, നിങ്ങളുടെ പാക്കേജ് എത്തിക്കാൻ കൊറിയറിന്${carrier} കഴിഞ്ഞില്ല. വിലാസം അപൂർണ്ണമാകുമ്പോഴോ വഴിയിൽ പാക്കേജിന് കേടുപാട് സംഭവിക്കുമ്പോഴോ ഇങ്ങനെ സംഭവിക്കാം.`,
        `സഹായം വേണമെങ്കിൽ ഞങ്ങളെ ബന്ധപ്പെടൂ${contact}. നമുക്ക് ഒരുമിച്ച് പരിഹരിക്കാം.`,
      ],
      sms: `{{ shop.name }}: ഓർഡർ {{ order.name }} ഡെലിവറിയിൽ ഒരു പ്രശ്നമുണ്ട്.{% if fulfillment.tracking_url %} വിശദാംശങ്ങൾ: {{ fulfillment.tracking_url }}{% endif %} സഹായത്തിന് ഞങ്ങളെ ബന്ധപ്പെടൂ{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }}: ഒരു അപ്ഡേറ്റ്",
      body: [
        "കാത്തിരിക്കുന്നതിന് നന്ദി. നിങ്ങളുടെ ഓർഡർ {{ order.name }} തയ്യാറാക്കാൻ സാധാരണയിലും അല്പം കൂടുതൽ സമയമെടുക്കുന്നുണ്ട്, അത് ഇതുവരെ അയച്ചിട്ടില്ല.",
        "ഞങ്ങൾ അതിന്റെ പണിയിലാണ്, എത്രയും വേഗം അയയ്ക്കും. വൈകുന്നതിൽ ക്ഷമ ചോദിക്കുന്നു.",
      ],
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയയ്ക്കാൻ അല്പം വൈകുന്നു. ഞങ്ങൾ ശ്രദ്ധിക്കുന്നുണ്ട്, ക്ഷമിക്കണം.{% if order.status_url %} വിവരങ്ങൾ: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}ഓർഡർ {{ order.name }} ഡെലിവറിയിൽ ഒരു പ്രശ്നമുണ്ട്{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} വൈകും{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}നിങ്ങളുടെ പാക്കേജ് എത്തിക്കുന്നതിൽ ഒരു പ്രശ്നമുണ്ടായെന്ന് കൊറിയർ${carrier} ഞങ്ങളെ അറിയിച്ചു.{% else %}നിങ്ങളുടെ പാക്കേജ് എത്താൻ വൈകുമെന്ന് കൊറിയർ${carrier} ഞങ്ങളെ അറിയിച്ചു.{% endif %}`,
        { if: "delay.new_estimate", text: "പുതിയ പ്രതീക്ഷിത ഡെലിവറി തീയതി: {{ delay.new_estimate | local_date }}." },
        "വൈകുന്നതിൽ ഞങ്ങൾ ക്ഷമ ചോദിക്കുന്നു. ഞങ്ങൾ ഇത് ശ്രദ്ധിക്കുന്നുണ്ട്.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}ഓർഡർ {{ order.name }} ഡെലിവറിയിൽ ഒരു പ്രശ്നമുണ്ട്.{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} വൈകുമെന്ന് കൊറിയർ അറിയിച്ചു.{% endif %}{% if delay.new_estimate %} പുതിയ തീയതി: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} പ്രതീക്ഷിച്ചതിലും വൈകുന്നു",
      body: [
        "{{ delay.since | local_date }} മുതൽ നിങ്ങളുടെ പാക്കേജിന്റെ ട്രാക്കിംഗിൽ പുതിയ വിവരങ്ങളൊന്നുമില്ല. തിരക്കുള്ള ഏതെങ്കിലും സോർട്ടിംഗ് സെന്ററിൽ പാക്കേജ് കാത്തുകിടക്കുന്നുണ്ടാകാം; മിക്കവാറും അത് ഇപ്പോഴും വഴിയിലാണ്.",
        { if: "delay.new_estimate", text: "കൊറിയറിന്റെ ഇപ്പോഴത്തെ കണക്കനുസരിച്ച് പ്രതീക്ഷിക്കുന്ന ഡെലിവറി തീയതി: {{ delay.new_estimate | local_date }}." },
        "ഞങ്ങൾ ഇത് ശ്രദ്ധിക്കുന്നുണ്ട്. വൈകുന്നതിൽ ക്ഷമ ചോദിക്കുന്നു.",
      ],
      sms: `{{ shop.name }}: ഓർഡർ {{ order.name }}: {{ delay.since | local_date: "short" }} മുതൽ ട്രാക്കിംഗിൽ പുതിയ വിവരമൊന്നുമില്ല. ഞങ്ങൾ ശ്രദ്ധിക്കുന്നുണ്ട്.${trackSms}`,
    },
    not_picked_up: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഇതുവരെ പുറപ്പെട്ടിട്ടില്ല",
      body: [
        `നിങ്ങളുടെ ഓർഡർ {{ order.name }} പാക്ക് ചെയ്ത് തയ്യാറാണ്, പക്ഷേ കൊറിയർ${carrier} ഇതുവരെ അത് കൊണ്ടുപോയിട്ടില്ല.`,
        "എത്രയും വേഗം അത് പുറപ്പെടാൻ ഞങ്ങൾ ശ്രമിക്കുന്നുണ്ട്. വൈകുന്നതിൽ ക്ഷമ ചോദിക്കുന്നു.",
      ],
      sms: `{{ shop.name }}: നിങ്ങളുടെ ഓർഡർ {{ order.name }} തയ്യാറാണ്, പക്ഷേ കൊറിയർ ഇതുവരെ കൊണ്ടുപോയിട്ടില്ല. ക്ഷമിക്കണം!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} ഇപ്പോഴും വഴിയിലാണ്{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} വൈകുന്നു{% endif %}`,
      body: [
        `{% if delay.follow_up %}ക്ഷമിക്കണം, പുതിയ പ്രതീക്ഷിത തീയതി ({{ delay.since | local_date }}) കഴിഞ്ഞിട്ടും നിങ്ങളുടെ പാക്കേജ് എത്തിയിട്ടില്ല.{% else %}പ്രതീക്ഷിച്ച തീയതി ({{ delay.since | local_date }}) കഴിഞ്ഞിട്ടും നിങ്ങളുടെ പാക്കേജ് ഇതുവരെ ഡെലിവർ ചെയ്തിട്ടില്ല.{% endif %}`,
        "ചിലപ്പോൾ കൊറിയർ കണക്കാക്കിയതിലും അല്പം കൂടുതൽ സമയം എടുക്കാറുണ്ട്. ഞങ്ങൾ ഇത് ശ്രദ്ധിക്കുന്നുണ്ട്.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}പുതിയ പ്രതീക്ഷിത തീയതി{% else %}പ്രതീക്ഷിച്ച തീയതി{% endif %} ({{ delay.since | local_date: "short" }}) കഴിഞ്ഞിട്ടും ഓർഡർ {{ order.name }} എത്തിയിട്ടില്ല. ക്ഷമിക്കണം!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}ഓർഡർ {{ order.name }}: നിങ്ങളുടെ ഡെലിവറി വിലാസം ഉറപ്പാക്കണം{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }}: ഒരു അപ്ഡേറ്റ്{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}ഓർഡർ അയയ്ക്കുന്നതിന് മുമ്പ് നിങ്ങളുടെ ഡെലിവറി വിലാസം ഞങ്ങൾക്ക് ഒന്ന് ഉറപ്പാക്കണം. വിലാസം ഉറപ്പാക്കി ഓർഡർ വേഗം അയയ്ക്കാൻ ദയവായി ഞങ്ങളെ ബന്ധപ്പെടൂ.{% when "inventory_out_of_stock" %}നിങ്ങളുടെ ഓർഡറിലെ ഒന്നോ അതിലധികമോ സാധനങ്ങൾ തൽക്കാലം സ്റ്റോക്കിലില്ല, അതിനാൽ അവ എത്തുന്നതുവരെ ഓർഡർ നിർത്തിവെച്ചിരിക്കുകയാണ്. എല്ലാം തയ്യാറായാലുടൻ അയയ്ക്കും.{% when "awaiting_payment" %}നിങ്ങളുടെ പേയ്മെന്റ് സ്ഥിരീകരിക്കുന്നതിനായി ഞങ്ങൾ കാത്തിരിക്കുകയാണ്. സ്ഥിരീകരിച്ചാലുടൻ ഓർഡർ തയ്യാറാക്കും.{% when "awaiting_return_items" %}നിങ്ങൾ തിരിച്ചയയ്ക്കുന്ന സാധനങ്ങൾ ഞങ്ങൾക്ക് ലഭിച്ചാലുടൻ ഓർഡർ അയയ്ക്കും.{% else %}ഒരു ചെറിയ കാര്യം ശരിയാക്കാനായി നിങ്ങളുടെ ഓർഡർ അല്പസമയത്തേക്ക് നിർത്തിവെക്കേണ്ടി വന്നു. എത്രയും വേഗം ഞങ്ങൾ അത് അയയ്ക്കും.{% endcase %}`,
        "ക്ഷമയോടെ കാത്തിരിക്കുന്നതിന് നന്ദി.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}ഓർഡർ {{ order.name }} അയയ്ക്കും മുമ്പ് നിങ്ങളുടെ വിലാസം ഉറപ്പാക്കണം. ദയവായി ബന്ധപ്പെടൂ: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}ഓർഡർ {{ order.name }}: ഒരു സാധനം തൽക്കാലം സ്റ്റോക്കിലില്ല. അത് എത്തിയാലുടൻ ഓർഡർ അയയ്ക്കും.{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} തൽക്കാലം നിർത്തിവെച്ചിരിക്കുകയാണ്. എത്രയും വേഗം അയയ്ക്കും.{% endcase %}`,
    },
    rescheduled: {
      subject: "നിങ്ങളുടെ ഓർഡർ {{ order.name }}: പുതിയ തീയതി",
      body: [
        `{% if delay.follow_up %}ക്ഷമിക്കണം, നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയയ്ക്കുന്ന തീയതി വീണ്ടും മാറ്റേണ്ടി വന്നു.{% else %}നിങ്ങളുടെ ഓർഡർ {{ order.name }} അയയ്ക്കുന്ന തീയതി മാറ്റിയിട്ടുണ്ട്.{% endif %} പുതിയ തീയതി: {{ delay.new_estimate | local_date }}.`,
        "ക്ഷമയോടെ കാത്തിരിക്കുന്നതിന് നന്ദി.",
      ],
      sms: `{{ shop.name }}: ഓർഡർ {{ order.name }} അയയ്ക്കുന്ന തീയതി {% if delay.follow_up %}വീണ്ടും {% endif %}മാറ്റി. പുതിയ തീയതി: {{ delay.new_estimate | local_date: "short" }}. ക്ഷമയ്ക്ക് നന്ദി!`,
    },
  },
  back_in_stock: {
    buyButton: "ഇപ്പോൾ വാങ്ങൂ",
    cartLink: "കാർട്ടിൽ ചേർത്ത് ചെക്ക്ഔട്ട് ചെയ്യൂ",
    signoff: ["ആശംസകളോടെ,", "{{ shop.name }}"],
    confirmation: {
      subject: "{{ product.title }} തിരികെ എത്തുമ്പോൾ ഞങ്ങൾ അറിയിക്കാം",
      body: ["{{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} വീണ്ടും സ്റ്റോക്കിൽ എത്തിയാലുടൻ ഞങ്ങൾ നിങ്ങൾക്ക് ഇമെയിൽ അയയ്ക്കും."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}{{ product.title }} വീണ്ടും സ്റ്റോക്കിൽ എത്തുമ്പോൾ SMS ലഭിക്കാൻ YES എന്ന് മറുപടി അയയ്ക്കുക.{% else %}{{ product.title }} വീണ്ടും സ്റ്റോക്കിൽ എത്തുമ്പോൾ ഞങ്ങൾ SMS അയയ്ക്കും.{% endif %} ഒഴിവാകാൻ STOP എന്ന് മറുപടി അയയ്ക്കുക.",
    },
    alert: {
      subject: "{{ product.title }} വീണ്ടും സ്റ്റോക്കിൽ",
      body: ["സന്തോഷവാർത്ത: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} വീണ്ടും സ്റ്റോക്കിൽ എത്തി.", "ഇത് വേഗം തീർന്നുപോയേക്കാം, അധികം വൈകരുത്."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} വീണ്ടും സ്റ്റോക്കിൽ! ഇപ്പോൾ വാങ്ങൂ: {{ product.url }}",
    },
  },
});
