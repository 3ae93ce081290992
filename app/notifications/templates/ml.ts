import { defineLocale } from "./build";

// Malayalam as Kerala shoppers read it from stores and couriers: English loanwords in Malayalam script
// (ഓർഡർ, പാക്കേജ്, ഡെലിവറി, ട്രാക്ക്). Names in Latin script (shop, carrier) are kept out of case suffixes
// ("X എന്ന സ്റ്റോറിൽ", "X വഴി") so the sentences stay grammatical whatever the name.
const via = `{% if fulfillment.carrier %} {{ fulfillment.carrier }} വഴി{% endif %}`;
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;

/** Malayalam default templates. */
export const ml = defineLocale({
  locale: "ml",
  layout: {
    trackButton: "പാക്കേജ് ട്രാക്ക് ചെയ്യുക",
    orderStatusLink: "ഓർഡർ വിവരങ്ങൾ കാണുക",
    itemsHeading: "ഈ പാക്കേജിൽ",
    footer: "{{ shop.name }} എന്ന സ്റ്റോറിൽ നിങ്ങൾ ഓർഡർ ചെയ്തതിനാലാണ് ഈ ഇമെയിൽ ലഭിച്ചത്.",
  },
  greeting: `നമസ്കാരം{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "ട്രാക്കിംഗ് നമ്പർ",
  trackLink: "പാക്കേജ് ട്രാക്ക് ചെയ്യാൻ",
  orderLink: "ഓർഡർ വിവരങ്ങൾ",
  signoff: ["ഞങ്ങളിൽ നിന്ന് വാങ്ങിയതിന് നന്ദി,", "{{ shop.name }}"],
  steps: {
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
});
