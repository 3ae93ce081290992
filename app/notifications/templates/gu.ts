import { defineLocale } from "./build";

// Gujarati as shoppers in Gujarat read it from stores and couriers: the polite "તમે" (તમારો ઓર્ડર), the
// usual loanwords in Gujarati script (ઓર્ડર, પાર્સલ, ડિલિવરી, ટ્રૅક, કુરિયર). Gujarati joins case endings to
// the word (ઓર્ડરમાં, ડિલિવરીની), so names and numbers that come from variables (store, carrier, order
// number, dates) are only followed by separate words ("UPS દ્વારા", "... સુધીમાં") or set off with a colon
// or brackets, never by a joined ending.
const via = `{% if fulfillment.carrier %} {{ fulfillment.carrier }} દ્વારા{% endif %}`;
const carrier = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const contact = `{% if shop.email %} ({{ shop.email }}){% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} ટ્રૅક કરો: {{ fulfillment.tracking_url }}{% elsif order.status_url %} વિગતો: {{ order.status_url }}{% endif %}`;

/** Gujarati default templates. */
export const gu = defineLocale({
  locale: "gu",
  layout: {
    trackButton: "તમારું પાર્સલ ટ્રૅક કરો",
    orderStatusLink: "તમારો ઓર્ડર જુઓ",
    itemsHeading: "આ પાર્સલમાં",
    orderItemsHeading: "તમારા ઓર્ડરમાં",
    footer: "તમે {{ shop.name }} પરથી ઓર્ડર કર્યો હોવાથી તમને આ ઇમેઇલ મળ્યો છે.",
    stockFooter: "તમને આ ઇમેઇલ મળ્યો છે કારણ કે તમે {{ shop.name }}ને કોઈ વસ્તુ ફરી સ્ટોકમાં આવે ત્યારે જણાવવા કહ્યું હતું.",
    unsubscribeLink: "આ ઇમેઇલ્સમાંથી અનસબ્સ્ક્રાઇબ કરો",
  },
  greeting: `નમસ્તે{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: "ટ્રૅકિંગ નંબર",
  trackLink: "તમારું પાર્સલ ટ્રૅક કરો",
  orderLink: "તમારો ઓર્ડર જુઓ",
  contactPrompt: "કોઈ પ્રશ્ન છે? અમે મદદ માટે હાજર છીએ.",
  contactLink: "અમારો સંપર્ક કરો",
  signoff: ["અમારી પાસેથી ખરીદી કરવા બદલ આભાર,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "તમારો ઓર્ડર {{ order.name }} રવાના થઈ ગયો છે",
      body: [
        `ખુશખબર! તમારો ઓર્ડર {{ order.name }}${via} મોકલી દેવામાં આવ્યો છે.`,
        { if: "fulfillment.tracking_url", text: "ટ્રૅકિંગ લિંક પરથી તમે ગમે ત્યારે જોઈ શકો છો કે તમારું પાર્સલ ક્યાં પહોંચ્યું છે." },
      ],
      items: true,
      sms: `{{ shop.name }}: નમસ્તે{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, તમારો ઓર્ડર {{ order.name }} રવાના થઈ ગયો છે.{% if fulfillment.tracking_url %} ટ્રૅક કરો: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "તમારો ઓર્ડર {{ order.name }} રસ્તામાં છે",
      body: [
        `તમારું પાર્સલ${via} તમારા સુધી આવી રહ્યું છે.{% if fulfillment.estimated_delivery_at %} તે {{ fulfillment.estimated_delivery_at | local_date }} સુધીમાં પહોંચી જશે એવી અપેક્ષા છે.{% endif %}`,
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} રસ્તામાં છે{% if fulfillment.estimated_delivery_at %}, {{ fulfillment.estimated_delivery_at | local_date: "short" }} સુધીમાં પહોંચવાની અપેક્ષા છે{% endif %}.{% if fulfillment.tracking_url %} ટ્રૅક કરો: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "તમારો ઓર્ડર {{ order.name }} આજે પહોંચશે!",
      body: [`તમારું પાર્સલ${via} ડિલિવરી માટે નીકળી ગયું છે અને આજે તમારા સુધી પહોંચી જશે. તેને લેવા માટે કૃપા કરીને હાજર રહેજો.`],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} ડિલિવરી માટે નીકળી ગયો છે, આજે પહોંચશે!{% if fulfillment.tracking_url %} ટ્રૅક કરો: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "ઓર્ડર {{ order.name }}: ડિલિવરી થઈ શકી નથી",
      body: [
        `કુરિયર${carrier} તમારું પાર્સલ આપવા આવ્યો હતો, પણ ડિલિવરી પૂરી થઈ શકી નહીં.`,
        "સામાન્ય રીતે આગલા કામકાજના દિવસે ફરી પ્રયાસ થાય છે, અથવા હવે શું કરવું તેની જાણકારી આપવામાં આવે છે.",
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} આપવા કુરિયર આવ્યો હતો, પણ તમે મળ્યા નહીં.{% if fulfillment.tracking_url %} હવે શું કરવું: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "તમારો ઓર્ડર {{ order.name }} પિકઅપ માટે તૈયાર છે",
      body: [
        `તમારો ઓર્ડર {{ order.name }} પિકઅપ પોઇન્ટ પર${carrier} તમારી રાહ જોઈ રહ્યો છે.`,
        "લેવા જાઓ ત્યારે તમારો ઓર્ડર નંબર અને ફોટોવાળું ઓળખપત્ર સાથે રાખજો.",
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} પિકઅપ માટે તૈયાર છે!{% if fulfillment.tracking_url %} વિગતો: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "તમારો ઓર્ડર {{ order.name }} ડિલિવર થઈ ગયો છે",
      body: [
        "તમારું પાર્સલ ડિલિવર થઈ ગયું છે. આશા છે કે તમને ગમશે!",
        `જો પાર્સલ ન મળ્યું હોય અથવા કંઈક બરાબર ન હોય, તો અમારો સંપર્ક કરો${contact}. અમે ચોક્કસ મદદ કરીશું.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} ડિલિવર થઈ ગયો છે. આશા છે તમને ગમશે! પાર્સલ ન મળ્યું? અમારો સંપર્ક કરો{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
    failure: {
      subject: "તમારો ઓર્ડર {{ order.name }} પહોંચાડવામાં સમસ્યા આવી છે",
      body: [
        `માફ કરશો, કુરિયર કંપની${carrier} તમારું પાર્સલ પહોંચાડી શકી નથી. સરનામું અધૂરું હોય અથવા રસ્તામાં પાર્સલને નુકસાન થયું હોય ત્યારે આવું બની શકે છે.`,
        `મદદ જોઈતી હોય તો અમારો સંપર્ક કરો${contact}. આપણે સાથે મળીને ઉકેલ લાવીશું.`,
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} પહોંચાડવામાં સમસ્યા આવી છે.{% if fulfillment.tracking_url %} વિગતો: {{ fulfillment.tracking_url }}{% endif %} મદદ માટે અમારો સંપર્ક કરો{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "તમારા ઓર્ડર {{ order.name }} વિશે જાણકારી",
      body: [
        "ધીરજ રાખવા બદલ આભાર. તમારો ઓર્ડર {{ order.name }} તૈયાર કરવામાં સામાન્ય કરતાં થોડો વધુ સમય લાગી રહ્યો છે, અને તે હજી મોકલાયો નથી.",
        "અમે તેના પર કામ કરી રહ્યા છીએ અને બને એટલો જલદી મોકલી દઈશું. રાહ જોવડાવવા બદલ માફ કરશો.",
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} મોકલવામાં થોડું મોડું થઈ રહ્યું છે. અમે તેના પર કામ કરી રહ્યા છીએ, માફ કરશો.{% if order.status_url %} વિગતો: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}તમારો ઓર્ડર {{ order.name }} પહોંચાડવામાં સમસ્યા આવી છે{% else %}તમારો ઓર્ડર {{ order.name }} મોડો પહોંચશે{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}કુરિયર કંપનીએ${carrier} અમને જણાવ્યું છે કે તમારું પાર્સલ પહોંચાડવામાં સમસ્યા આવી છે.{% else %}કુરિયર કંપનીએ${carrier} અમને જણાવ્યું છે કે તમારું પાર્સલ મોડું પહોંચશે.{% endif %}`,
        { if: "delay.new_estimate", text: "ડિલિવરીની નવી અંદાજિત તારીખ: {{ delay.new_estimate | local_date }}." },
        "વિલંબ બદલ અમે દિલગીર છીએ. અમે તમારા પાર્સલ પર નજર રાખી રહ્યા છીએ.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}તમારો ઓર્ડર {{ order.name }} પહોંચાડવામાં સમસ્યા આવી છે.{% else %}કુરિયર કંપનીના કહેવા મુજબ તમારો ઓર્ડર {{ order.name }} મોડો પહોંચશે.{% endif %}{% if delay.new_estimate %} નવી તારીખ: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "તમારો ઓર્ડર {{ order.name }} પહોંચવામાં ધાર્યા કરતાં વધુ સમય લાગી રહ્યો છે",
      body: [
        "{{ delay.since | local_date }} પછી તમારા પાર્સલના ટ્રૅકિંગમાં કોઈ નવી માહિતી આવી નથી. સામાન્ય રીતે તેનો અર્થ એ હોય છે કે પાર્સલ કોઈ વ્યસ્ત સૉર્ટિંગ સેન્ટરમાં છે અને હજી રસ્તામાં જ છે.",
        { if: "delay.new_estimate", text: "કુરિયર કંપનીના અંદાજ મુજબ હવે તે {{ delay.new_estimate | local_date }} સુધીમાં પહોંચવું જોઈએ." },
        "અમે તેના પર નજર રાખી રહ્યા છીએ. રાહ જોવડાવવા બદલ માફ કરશો.",
      ],
      sms: `{{ shop.name }}: ઓર્ડર {{ order.name }}: {{ delay.since | local_date: "short" }} પછી ટ્રૅકિંગમાં કોઈ નવી માહિતી નથી. અમે નજર રાખી રહ્યા છીએ.${trackSms}`,
    },
    not_picked_up: {
      subject: "તમારો ઓર્ડર {{ order.name }} હજી રવાના થયો નથી",
      body: [
        `તમારો ઓર્ડર {{ order.name }} પૅક થઈને તૈયાર છે, પણ કુરિયર કંપની${carrier} હજી તેને લઈ ગઈ નથી.`,
        "તે જલદી રવાના થાય તે માટે અમે પ્રયત્ન કરી રહ્યા છીએ. રાહ જોવડાવવા બદલ માફ કરશો.",
      ],
      sms: `{{ shop.name }}: તમારો ઓર્ડર {{ order.name }} પૅક છે, પણ કુરિયર હજી તેને લઈ ગયો નથી. રાહ જોવડાવવા બદલ માફ કરશો!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}તમારો ઓર્ડર {{ order.name }} હજી રસ્તામાં છે{% else %}તમારો ઓર્ડર {{ order.name }} મોડો પડ્યો છે{% endif %}`,
      body: [
        `{% if delay.follow_up %}માફ કરશો, નવી અંદાજિત તારીખ ({{ delay.since | local_date }}) સુધીમાં પણ તમારું પાર્સલ પહોંચ્યું નથી.{% else %}તમારું પાર્સલ {{ delay.since | local_date }} સુધીમાં પહોંચવાનું હતું, પણ હજી સુધી ડિલિવર થયું નથી.{% endif %}`,
        "ક્યારેક પાર્સલ પહોંચવામાં કુરિયરના અંદાજ કરતાં થોડો વધુ સમય લાગે છે. અમે તેના પર નજર રાખી રહ્યા છીએ.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}તમારો ઓર્ડર {{ order.name }} નવી તારીખ ({{ delay.since | local_date: "short" }}) સુધીમાં પણ પહોંચ્યો નથી.{% else %}તમારો ઓર્ડર {{ order.name }} પહોંચવાની અંદાજિત તારીખ {{ delay.since | local_date: "short" }} હતી, પણ તે હજી રસ્તામાં છે.{% endif %} રાહ જોવડાવવા બદલ માફ કરશો!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}ઓર્ડર {{ order.name }}: કૃપા કરીને તમારું ડિલિવરી સરનામું કન્ફર્મ કરો{% else %}તમારા ઓર્ડર {{ order.name }} વિશે જાણકારી{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}તમારો ઓર્ડર મોકલતાં પહેલાં અમારે તમારું ડિલિવરી સરનામું એક વાર ચકાસવું છે. કૃપા કરીને અમારો સંપર્ક કરો, જેથી સરનામું કન્ફર્મ કરીને અમે તમારો ઓર્ડર ઝડપથી મોકલી શકીએ.{% when "inventory_out_of_stock" %}તમારા ઓર્ડરની એક કે વધુ વસ્તુઓ હાલમાં સ્ટૉકમાં નથી, તેથી અમે ઓર્ડર થોડા સમય માટે રોક્યો છે. બધું ઉપલબ્ધ થતાં જ અમે તેને મોકલી દઈશું.{% when "awaiting_payment" %}અમે તમારા પેમેન્ટની પુષ્ટિની રાહ જોઈ રહ્યા છીએ. પુષ્ટિ થતાં જ અમે તમારો ઓર્ડર તૈયાર કરીશું.{% when "awaiting_return_items" %}તમે પરત કરી રહ્યા છો તે વસ્તુઓ અમને મળતાં જ અમે તમારો ઓર્ડર મોકલી દઈશું.{% else %}એક નાની બાબત ઉકેલવા માટે અમારે તમારો ઓર્ડર થોડા સમય માટે રોકવો પડ્યો છે. અમે તેને બને એટલો જલદી મોકલી દઈશું.{% endcase %}`,
        "ધીરજ રાખવા બદલ આભાર.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}ઓર્ડર {{ order.name }} મોકલતાં પહેલાં અમારે તમારું સરનામું કન્ફર્મ કરવું છે. કૃપા કરીને સંપર્ક કરો: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}ઓર્ડર {{ order.name }}: એક વસ્તુ હાલમાં સ્ટૉકમાં નથી. ઉપલબ્ધ થતાં જ અમે ઓર્ડર મોકલી દઈશું.{% else %}તમારો ઓર્ડર {{ order.name }} હાલ પૂરતો રોકાયેલો છે. અમે તેને બને એટલો જલદી મોકલી દઈશું.{% endcase %}`,
    },
    rescheduled: {
      subject: "ઓર્ડર {{ order.name }}: મોકલવાની નવી તારીખ",
      body: [
        `{% if delay.follow_up %}માફ કરશો, અમારે તારીખ ફરી બદલવી પડી છે.{% else %}અમારે તારીખમાં ફેરફાર કરવો પડ્યો છે.{% endif %} તમારો ઓર્ડર {{ order.name }} મોકલવાની નવી તારીખ: {{ delay.new_estimate | local_date }}.`,
        "ધીરજ રાખવા બદલ આભાર.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}માફ કરશો, તારીખ ફરી બદલાઈ છે. {% endif %}ઓર્ડર {{ order.name }} મોકલવાની નવી તારીખ: {{ delay.new_estimate | local_date: "short" }}. ધીરજ બદલ આભાર!`,
    },
  },
  back_in_stock: {
    buyButton: "હમણાં ખરીદો",
    cartLink: "કાર્ટમાં ઉમેરો અને ચેકઆઉટ કરો",
    signoff: ["શુભેચ્છાઓ સાથે,", "{{ shop.name }}"],
    confirmation: {
      subject: "{{ product.title }} પાછું આવશે ત્યારે અમે તમને જણાવીશું",
      body: ["{{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} ફરી સ્ટોકમાં આવતાં જ અમે તમને ઇમેઇલ કરીશું."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}{{ product.title }} ફરી સ્ટોકમાં આવે ત્યારે SMS મેળવવા YES લખીને જવાબ આપો.{% else %}{{ product.title }} ફરી સ્ટોકમાં આવશે ત્યારે અમે તમને SMS કરીશું.{% endif %} બંધ કરવા STOP લખો.",
    },
    alert: {
      subject: "{{ product.title }} ફરી સ્ટોકમાં છે",
      body: ["સારા સમાચાર: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} ફરી સ્ટોકમાં છે.", "તે ફરી ઝડપથી વેચાઈ શકે છે, તેથી વધુ રાહ ન જુઓ."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} ફરી સ્ટોકમાં છે! હમણાં ખરીદો: {{ product.url }}",
    },
  },
});
