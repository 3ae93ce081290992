import { defineLocale } from "./build";

// Italian in the courteous "Lei" register of shop correspondence ("il suo ordine", "ci scriva"), with
// lower-case pronouns as current usage allows; buttons use the usual imperative labels ("Traccia il
// pacco"). Vocabulary of Italian couriers: corriere, tracciamento, punto di ritiro, tentativo di consegna.
//
// SMS bodies are naturally GSM-7: à, è, é, ì, ò and ù are all in the GSM alphabet. Capital È is not, so no
// SMS sentence starts with it.
const carrier = `{% if fulfillment.carrier %} con {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} a {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Tracciamento: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Dettagli: {{ order.status_url }}{% endif %}`;

/** Italian default templates. */
export const it = defineLocale({
  locale: "it",
  layout: {
    trackButton: "Traccia il pacco",
    orderStatusLink: "Visualizza l'ordine",
    itemsHeading: "In questo pacco",
    orderItemsHeading: "Nel suo ordine",
    footer: "Riceve questa email perché ha effettuato un ordine su {{ shop.name }}.",
    stockFooter: "Ricevi questa email perché hai chiesto a {{ shop.name }} di avvisarti quando un articolo torna disponibile.",
    unsubscribeLink: "Annulla l'iscrizione a queste email",
  },
  greeting: `Gentile {{ customer.first_name | default: "cliente" }},`,
  trackingNumber: "Numero di tracciamento",
  trackLink: "Traccia il pacco",
  orderLink: "Visualizza l'ordine",
  contactPrompt: "Ha domande? Siamo qui per aiutarla.",
  contactLink: "Ci contatti",
  signoff: ["Un cordiale saluto,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "Il suo ordine {{ order.name }} è stato spedito",
      body: [
        `Buone notizie: il suo ordine {{ order.name }} è stato spedito${carrier}.`,
        { if: "fulfillment.tracking_url", text: "Con il link di tracciamento può seguire il pacco in ogni fase della consegna." },
      ],
      items: true,
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è stato spedito${carrier}!{% if fulfillment.tracking_url %} Tracciamento: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Il suo ordine {{ order.name }} è in viaggio",
      body: [
        `Il suo pacco è in viaggio${carrier}.{% if fulfillment.estimated_delivery_at %} La consegna è prevista per {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è in viaggio{% if fulfillment.estimated_delivery_at %}, consegna prevista per il {{ fulfillment.estimated_delivery_at | local_date: "short" }}{% endif %}.{% if fulfillment.tracking_url %} Tracciamento: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Il suo ordine {{ order.name }} arriva oggi",
      body: [`Il suo pacco è in consegna${carrier} e dovrebbe arrivare oggi. Ci siamo quasi!`],
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è in consegna e arriva oggi!{% if fulfillment.tracking_url %} Tracciamento: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Tentativo di consegna non riuscito per l'ordine {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "Il corriere" }} ha provato a consegnare il suo pacco, ma il tentativo non è andato a buon fine.`,
        "Di solito il corriere riprova il giorno lavorativo successivo oppure lascia un avviso con le indicazioni su come procedere.",
      ],
      sms: `{{ shop.name }}: il corriere ha tentato la consegna del suo ordine {{ order.name }}, ma senza successo.{% if fulfillment.tracking_url %} Come procedere: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Il suo ordine {{ order.name }} è pronto per il ritiro",
      body: [
        `Il suo ordine {{ order.name }} la aspetta al punto di ritiro{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Al momento del ritiro porti con sé il numero d'ordine e un documento d'identità con foto.",
      ],
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è pronto per il ritiro!{% if fulfillment.tracking_url %} Dettagli: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Il suo ordine {{ order.name }} è stato consegnato",
      body: [
        "Il suo pacco è stato consegnato. Speriamo che le piaccia!",
        `Non lo trova o c'è qualcosa che non va? Ci scriva${email} e la aiuteremo volentieri.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è stato consegnato. Speriamo che le piaccia! Non lo trova? Ci scriva{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Problema con la consegna del suo ordine {{ order.name }}",
      body: [
        `Purtroppo il corriere{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %} non è riuscito a consegnare il suo pacco. Può succedere quando l'indirizzo è incompleto o il pacco si danneggia durante il trasporto.`,
        `Se ha bisogno di aiuto, ci scriva${email}: troveremo insieme una soluzione.`,
      ],
      sms: `{{ shop.name }}: c'è un problema con la consegna del suo ordine {{ order.name }}.{% if fulfillment.tracking_url %} Dettagli: {{ fulfillment.tracking_url }}{% endif %} Ha bisogno di aiuto? Ci scriva{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "Aggiornamento sul suo ordine {{ order.name }}",
      body: [
        "Grazie per la pazienza. La preparazione del suo ordine {{ order.name }} sta richiedendo un po' più tempo del solito e l'ordine non è ancora stato spedito.",
        "Ci stiamo lavorando e lo spediremo il prima possibile. Ci scusiamo per l'attesa.",
      ],
      sms: `{{ shop.name }}: la spedizione del suo ordine {{ order.name }} richiede un po' più tempo del solito. Ci stiamo lavorando, ci scusiamo per l'attesa.{% if order.status_url %} Dettagli: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Problema con la consegna del suo ordine {{ order.name }}{% else %}Il suo ordine {{ order.name }} è in ritardo{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "Il corriere" }} ci ha segnalato un problema nella consegna del suo pacco.{% else %}{{ fulfillment.carrier | default: "Il corriere" }} ci ha comunicato che il suo pacco è in ritardo.{% endif %}`,
        { if: "delay.new_estimate", text: "La nuova data di consegna prevista è {{ delay.new_estimate | local_date }}." },
        "Ci scusiamo per il ritardo: stiamo seguendo la spedizione da vicino.",
      ],
      sms: `{{ shop.name }}: il corriere segnala {% if delay.reason == "failure" %}un problema nella consegna del{% else %}un ritardo per il{% endif %} suo ordine {{ order.name }}.{% if delay.new_estimate %} Nuova data prevista: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Il suo ordine {{ order.name }} sta impiegando più del previsto",
      body: [
        "Il tracciamento del suo pacco non si aggiorna da {{ delay.since | local_date }}. Di solito significa che il pacco è fermo in un centro di smistamento molto trafficato ed è quasi certamente ancora in viaggio.",
        { if: "delay.new_estimate", text: "Al momento il corriere prevede la consegna entro {{ delay.new_estimate | local_date }}." },
        "Lo stiamo tenendo d'occhio. Ci scusiamo per l'attesa.",
      ],
      sms: `{{ shop.name }}: il tracciamento del suo ordine {{ order.name }} non si aggiorna dal {{ delay.since | local_date: "short" }}. Quasi certamente è ancora in viaggio: lo stiamo seguendo.${trackSms}`,
    },
    not_picked_up: {
      subject: "Il suo ordine {{ order.name }} non è ancora partito",
      body: [
        `Il suo ordine {{ order.name }} è imballato e pronto, ma {{ fulfillment.carrier | default: "il corriere" }} non è ancora passato a ritirarlo.`,
        "Stiamo facendo il possibile perché parta al più presto. Ci scusiamo per l'attesa.",
      ],
      sms: `{{ shop.name }}: il suo ordine {{ order.name }} è pronto, ma il corriere non è ancora passato a ritirarlo. Ci scusiamo per l'attesa!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Il suo ordine {{ order.name }} è ancora in viaggio{% else %}Il suo ordine {{ order.name }} è in ritardo{% endif %}`,
      body: [
        `{% if delay.follow_up %}Ci dispiace: il suo pacco non è arrivato neanche entro la nuova data prevista ({{ delay.since | local_date }}).{% else %}Il suo pacco era atteso entro {{ delay.since | local_date }}, ma non è ancora stato consegnato.{% endif %}`,
        "A volte le consegne richiedono un po' più tempo di quanto stimato dal corriere. Stiamo seguendo la spedizione da vicino.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}il suo ordine {{ order.name }} non è arrivato neanche entro la nuova data prevista ({{ delay.since | local_date: "short" }}){% else %}il suo ordine {{ order.name }} era atteso entro il {{ delay.since | local_date: "short" }}, ma è ancora in viaggio{% endif %}. Ci scusiamo per l'attesa!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Confermi il suo indirizzo di spedizione (ordine {{ order.name }}){% else %}Aggiornamento sul suo ordine {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Prima di spedire il suo ordine dobbiamo verificare l'indirizzo di consegna. Ci contatti per confermarlo, così potremo spedire l'ordine senza ritardi.{% when "inventory_out_of_stock" %}Uno o più articoli del suo ordine sono momentaneamente esauriti, quindi abbiamo sospeso l'ordine finché non torneranno disponibili. Lo spediremo appena sarà tutto pronto.{% when "awaiting_payment" %}Siamo in attesa della conferma del pagamento. Non appena arriverà, prepareremo il suo ordine.{% when "awaiting_return_items" %}Spediremo il suo ordine non appena avremo ricevuto gli articoli che ci sta restituendo.{% else %}Abbiamo dovuto sospendere momentaneamente il suo ordine per sistemare un dettaglio. Lo spediremo il prima possibile.{% endcase %}`,
        "Grazie per la pazienza.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}dobbiamo confermare il suo indirizzo prima di spedire l'ordine {{ order.name }}. Ci contatti qui: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}un articolo del suo ordine {{ order.name }} è momentaneamente esaurito. Spediremo l'ordine appena torna disponibile.{% else %}il suo ordine {{ order.name }} è momentaneamente in sospeso. Lo spediremo il prima possibile.{% endcase %}`,
    },
    rescheduled: {
      subject: "Nuova data di spedizione per il suo ordine {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Ci dispiace dover cambiare di nuovo la data: il suo ordine {{ order.name }} verrà spedito {{ delay.new_estimate | local_date }}.{% else %}Abbiamo cambiato la data di spedizione del suo ordine {{ order.name }}: partirà {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Grazie per la pazienza.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}ci dispiace, la data cambia di nuovo: il{% else %}il{% endif %} suo ordine {{ order.name }} verrà spedito il {{ delay.new_estimate | local_date: "short" }}. Grazie per la pazienza!`,
    },
  },
  back_in_stock: {
    buyButton: "Acquista ora",
    cartLink: "Aggiungi al carrello e paga",
    signoff: ["A presto,", "{{ shop.name }}"],
    confirmation: {
      subject: "Ti avviseremo quando {{ product.title }} tornerà disponibile",
      body: ["Ti scriveremo appena {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} sarà di nuovo disponibile."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}rispondi YES per ricevere un SMS quando {{ product.title }} tornerà disponibile.{% else %}ti invieremo un SMS quando {{ product.title }} tornerà disponibile.{% endif %} Rispondi STOP per disiscriverti.",
    },
    alert: {
      subject: "{{ product.title }} è di nuovo disponibile",
      body: ["Buone notizie: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} è di nuovo disponibile.", "Potrebbe esaurirsi di nuovo in fretta, quindi non aspettare troppo."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} è di nuovo disponibile! Acquistalo qui: {{ product.url }}",
    },
  },
});
