import { defineLocale } from "./build";

// Dutch as webshops write to customers in the polite "u" form, with the words Dutch and Flemish shoppers
// know from their parcel services: track & trace, bezorger, afhaalpunt, "niet thuis getroffen".
//
// SMS bodies are naturally GSM-7: Dutch rarely needs an accent, and é (één) is GSM. ë and ï are not
// (ideeën, geïnformeerd), so the SMS bodies avoid words that need them.
const carrier = `{% if fulfillment.carrier %} met {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} via {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Track & trace: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Details: {{ order.status_url }}{% endif %}`;

/** Dutch default templates. */
export const nl = defineLocale({
  locale: "nl",
  layout: {
    trackButton: "Volg uw pakket",
    orderStatusLink: "Bekijk uw bestelling",
    itemsHeading: "In dit pakket",
    orderItemsHeading: "In uw bestelling",
    footer: "U ontvangt deze e-mail omdat u een bestelling heeft geplaatst bij {{ shop.name }}.",
    stockFooter: "Je ontvangt deze e-mail omdat je {{ shop.name }} hebt gevraagd je te laten weten wanneer een artikel weer op voorraad is.",
    unsubscribeLink: "Afmelden voor deze e-mails",
  },
  greeting: `Beste {{ customer.first_name | default: "klant" }},`,
  trackingNumber: "Track & trace-code",
  trackLink: "Volg uw pakket",
  orderLink: "Bekijk uw bestelling",
  contactPrompt: "Vragen? We helpen u graag.",
  contactLink: "Neem contact op",
  signoff: ["Met vriendelijke groet,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "Uw bestelling {{ order.name }} is onderweg",
      body: [
        `Goed nieuws: uw bestelling {{ order.name }} is verzonden${carrier}.`,
        { if: "fulfillment.tracking_url", text: "Via de track & trace-link kunt u uw pakket stap voor stap volgen." },
      ],
      items: true,
      sms: `{{ shop.name }}: Hallo{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, uw bestelling {{ order.name }} is verzonden${carrier}!{% if fulfillment.tracking_url %} Track & trace: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Uw bestelling {{ order.name }} is onderweg naar u",
      body: [
        `Uw pakket is${carrier} onderweg naar u.{% if fulfillment.estimated_delivery_at %} Het wordt naar verwachting op {{ fulfillment.estimated_delivery_at | local_date }} bezorgd.{% endif %}`,
      ],
      sms: `{{ shop.name }}: uw bestelling {{ order.name }} is onderweg{% if fulfillment.estimated_delivery_at %} en wordt naar verwachting op {{ fulfillment.estimated_delivery_at | local_date: "short" }} bezorgd{% endif %}.{% if fulfillment.tracking_url %} Track & trace: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Uw bestelling {{ order.name }} wordt vandaag bezorgd",
      body: [
        `De bezorger{% if fulfillment.carrier %} van {{ fulfillment.carrier }}{% endif %} is vandaag met uw pakket onderweg. U kunt het in de loop van de dag verwachten.`,
      ],
      sms: `{{ shop.name }}: uw bestelling {{ order.name }} wordt vandaag bezorgd!{% if fulfillment.tracking_url %} Track & trace: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Bezorgpoging voor uw bestelling {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "De vervoerder" }} heeft geprobeerd uw pakket te bezorgen, maar dat is niet gelukt.`,
        "Meestal volgt de volgende werkdag een nieuwe poging, of laat de bezorger een kaartje achter met wat u kunt doen.",
      ],
      sms: `{{ shop.name }}: de bezorger heeft u helaas niet thuis getroffen bij het bezorgen van uw bestelling {{ order.name }}.{% if fulfillment.tracking_url %} Zo gaat het verder: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Uw bestelling {{ order.name }} ligt klaar om op te halen",
      body: [
        `Uw bestelling {{ order.name }} ligt voor u klaar bij het afhaalpunt{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Neem bij het ophalen uw bestelnummer en een geldig identiteitsbewijs mee.",
      ],
      sms: `{{ shop.name }}: uw bestelling {{ order.name }} ligt klaar bij het afhaalpunt!{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Uw bestelling {{ order.name }} is bezorgd",
      body: [
        "Uw pakket is bezorgd. We hopen dat u er blij mee bent!",
        `Kunt u het niet vinden of klopt er iets niet? Neem contact met ons op${email}, dan helpen we u verder.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: uw bestelling {{ order.name }} is bezorgd. Veel plezier ermee! Kunt u het pakket niet vinden? Neem contact met ons op{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Probleem met de bezorging van uw bestelling {{ order.name }}",
      body: [
        `Helaas kon de vervoerder{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %} uw pakket niet bezorgen. Dat kan gebeuren als het adres onvolledig is of als het pakket onderweg beschadigd is geraakt.`,
        `Hulp nodig? Neem contact met ons op${email}. Samen lossen we het op.`,
      ],
      sms: `{{ shop.name }}: er is een probleem met de bezorging van uw bestelling {{ order.name }}.{% if fulfillment.tracking_url %} Details: {{ fulfillment.tracking_url }}{% endif %} Hulp nodig? Neem contact met ons op{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "Een update over uw bestelling {{ order.name }}",
      body: [
        "Bedankt voor uw geduld. Uw bestelling {{ order.name }} is nog niet verzonden: het klaarmaken ervan duurt wat langer dan normaal.",
        "We werken eraan en versturen uw bestelling zo snel mogelijk. Onze excuses voor het wachten.",
      ],
      sms: `{{ shop.name }}: het verzenden van uw bestelling {{ order.name }} duurt wat langer dan normaal. We werken eraan, excuses voor het wachten!{% if order.status_url %} Details: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Probleem met de bezorging van uw bestelling {{ order.name }}{% else %}Uw bestelling {{ order.name }} heeft vertraging{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "De vervoerder" }} heeft ons laten weten dat er een probleem is bij de bezorging van uw pakket.{% else %}{{ fulfillment.carrier | default: "De vervoerder" }} heeft ons laten weten dat uw pakket vertraging heeft.{% endif %}`,
        { if: "delay.new_estimate", text: "De nieuwe verwachte bezorgdatum is {{ delay.new_estimate | local_date }}." },
        "Onze excuses voor de vertraging. We houden uw zending goed in de gaten.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}er is een probleem bij de bezorging van uw bestelling {{ order.name }}{% else %}volgens de vervoerder heeft uw bestelling {{ order.name }} vertraging{% endif %}.{% if delay.new_estimate %} Nieuwe verwachte datum: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Uw bestelling {{ order.name }} doet er langer over dan verwacht",
      body: [
        "Sinds {{ delay.since | local_date }} is er geen nieuwe track & trace-update voor uw pakket. Meestal betekent dit dat het in een druk sorteercentrum wacht; het is dan vrijwel zeker nog onderweg.",
        { if: "delay.new_estimate", text: "De vervoerder verwacht het nu uiterlijk {{ delay.new_estimate | local_date }} te bezorgen." },
        "We houden het in de gaten. Onze excuses voor het wachten.",
      ],
      sms: `{{ shop.name }}: sinds {{ delay.since | local_date: "short" }} is er geen track & trace-update voor uw bestelling {{ order.name }}. Die is vrijwel zeker nog onderweg; we houden het in de gaten.${trackSms}`,
    },
    not_picked_up: {
      subject: "Uw bestelling {{ order.name }} is nog niet vertrokken",
      body: [
        `Uw bestelling {{ order.name }} is ingepakt en staat klaar, maar {{ fulfillment.carrier | default: "de vervoerder" }} heeft het pakket nog niet opgehaald.`,
        "We doen er alles aan om het snel op weg te krijgen. Onze excuses voor het wachten.",
      ],
      sms: `{{ shop.name }}: uw bestelling {{ order.name }} is ingepakt, maar de vervoerder heeft het pakket nog niet opgehaald. Excuses voor het wachten!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Uw bestelling {{ order.name }} is nog onderweg{% else %}Uw bestelling {{ order.name }} heeft vertraging{% endif %}`,
      body: [
        `{% if delay.follow_up %}Het spijt ons: uw pakket is ook op de nieuwe verwachte datum ({{ delay.since | local_date }}) niet aangekomen.{% else %}Uw pakket werd uiterlijk {{ delay.since | local_date }} verwacht, maar is nog niet bezorgd.{% endif %}`,
        "Soms duurt de bezorging wat langer dan de vervoerder inschat. We houden het in de gaten.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}uw bestelling {{ order.name }} is ook op de nieuwe datum ({{ delay.since | local_date: "short" }}) niet aangekomen{% else %}uw bestelling {{ order.name }} werd uiterlijk {{ delay.since | local_date: "short" }} verwacht, maar is nog onderweg{% endif %}. Excuses voor het wachten!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Bevestig uw bezorgadres voor bestelling {{ order.name }}{% else %}Een update over uw bestelling {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Voordat we uw bestelling versturen, willen we uw bezorgadres nog even controleren. Neem contact met ons op om het te bevestigen, dan kunnen we uw bestelling snel versturen.{% when "inventory_out_of_stock" %}Eén of meer artikelen uit uw bestelling zijn tijdelijk uitverkocht. Daarom houden we uw bestelling even vast tot ze weer op voorraad zijn. We versturen alles zodra het klaar is.{% when "awaiting_payment" %}We wachten nog op de bevestiging van uw betaling. Zodra die binnen is, maken we uw bestelling klaar.{% when "awaiting_return_items" %}We versturen uw bestelling zodra we de artikelen die u retourneert hebben ontvangen.{% else %}We hebben uw bestelling even moeten pauzeren om een detail op te lossen. We versturen uw bestelling zo snel mogelijk.{% endcase %}`,
        "Bedankt voor uw geduld.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}we moeten uw bezorgadres bevestigen voordat we bestelling {{ order.name }} kunnen versturen. Neem contact met ons op: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}een artikel uit uw bestelling {{ order.name }} is tijdelijk uitverkocht. We versturen uw bestelling zodra het weer op voorraad is.{% else %}uw bestelling {{ order.name }} staat tijdelijk in de wacht. We versturen deze zo snel mogelijk.{% endcase %}`,
    },
    rescheduled: {
      subject: "Nieuwe verzenddatum voor uw bestelling {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Het spijt ons dat de datum opnieuw verandert: uw bestelling {{ order.name }} wordt nu op {{ delay.new_estimate | local_date }} verzonden.{% else %}De verzenddatum van uw bestelling {{ order.name }} is gewijzigd: we versturen deze nu op {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Bedankt voor uw geduld.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}excuses, de datum is opnieuw gewijzigd: uw{% else %}uw{% endif %} bestelling {{ order.name }} wordt nu op {{ delay.new_estimate | local_date: "short" }} verzonden. Bedankt voor uw geduld!`,
    },
  },
  back_in_stock: {
    buyButton: "Nu kopen",
    cartLink: "In winkelwagen en afrekenen",
    signoff: ["Tot snel,", "{{ shop.name }}"],
    confirmation: {
      subject: "We laten het je weten zodra {{ product.title }} terug is",
      body: ["We sturen je een e-mail zodra {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} weer op voorraad is."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}antwoord YES om een sms te krijgen zodra {{ product.title }} weer op voorraad is.{% else %}we sturen je een sms zodra {{ product.title }} weer op voorraad is.{% endif %} Antwoord STOP om je af te melden.",
    },
    alert: {
      subject: "{{ product.title }} is weer op voorraad",
      body: ["Goed nieuws: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} is weer op voorraad.", "Het kan snel weer uitverkocht zijn, dus wacht niet te lang."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} is weer op voorraad! Bestel hier: {{ product.url }}",
    },
  },
});
