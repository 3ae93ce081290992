import { defineLocale } from "./build";

// French as a shop writes to its customers: "vous" throughout, e-commerce vocabulary (colis, point de
// retrait, avis de passage, transporteur).
//
// Emails follow French typography: a no-break space (`nb`) before ":", "?" and "!", so the mark never
// wraps to a line of its own. The labels that build.ts follows with ":" carry it at their end (it is
// invisible where the HTML layout shows them alone); contactLink does not, as it is the text of a link.
//
// SMS bodies keep proper accents but are worded to stay in the GSM-7 alphabet (160 characters per
// segment instead of 70): é, è, à, ù and É are GSM; ê, â, ô, î, û, ç, ë and ï are not, so words such as
// "prête", "bientôt" or "reçu" are avoided there (never misspelt). They use a plain space before ":",
// "?" and "!" (a no-break space is not GSM). Only a date in August ("août") takes an SMS to UCS-2.
const nb = "\u00a0";
const carrier = `{% if fulfillment.carrier %} via {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} à {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Suivi : {{ fulfillment.tracking_url }}{% elsif order.status_url %} Détails : {{ order.status_url }}{% endif %}`;

/** French default templates. */
export const fr = defineLocale({
  locale: "fr",
  layout: {
    trackButton: "Suivre mon colis",
    orderStatusLink: "Voir ma commande",
    itemsHeading: `Dans ce colis${nb}`,
    orderItemsHeading: `Dans votre commande${nb}`,
    footer: "Vous recevez cet e-mail car vous avez passé commande chez {{ shop.name }}.",
    stockFooter: "Vous recevez cet e-mail car vous avez demandé à {{ shop.name }} de vous prévenir du retour d'un article en stock.",
    unsubscribeLink: "Se désabonner de ces e-mails",
  },
  greeting: `Bonjour{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %},`,
  trackingNumber: `Numéro de suivi${nb}`,
  trackLink: `Suivre votre colis${nb}`,
  orderLink: `Voir votre commande${nb}`,
  contactPrompt: `Une question${nb}? Nous sommes là pour vous aider.`,
  contactLink: "Contactez-nous",
  signoff: ["Merci de votre confiance,", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "Votre commande {{ order.name }} est en route",
      body: [
        `Bonne nouvelle${nb}: votre commande {{ order.name }} a été expédiée${carrier}.`,
        { if: "fulfillment.tracking_url", text: "Le lien de suivi vous permet de savoir à tout moment où se trouve votre colis." },
      ],
      items: true,
      sms: `{{ shop.name }} : Bonjour{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}, votre commande {{ order.name }} a été expédiée${carrier} !{% if fulfillment.tracking_url %} Suivi : {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Votre commande {{ order.name }} poursuit sa route",
      body: [
        `Votre colis est bien en route${carrier}.{% if fulfillment.estimated_delivery_at %} Sa livraison est prévue le {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }} : votre commande {{ order.name }} est en route{% if fulfillment.estimated_delivery_at %} (livraison prévue le {{ fulfillment.estimated_delivery_at | local_date: "short" }}){% endif %}.{% if fulfillment.tracking_url %} Suivi : {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Votre commande {{ order.name }} arrive aujourd'hui",
      body: [`Votre colis est en cours de livraison${carrier} et devrait vous être remis aujourd'hui. Plus que quelques heures${nb}!`],
      sms: `{{ shop.name }} : votre commande {{ order.name }} est en cours de livraison et arrive aujourd'hui !{% if fulfillment.tracking_url %} Suivi : {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Tentative de livraison pour votre commande {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "Le transporteur" }} a tenté de livrer votre colis, sans succès.`,
        "En général, une nouvelle tentative a lieu le jour ouvré suivant, ou un avis de passage vous indique la marche à suivre.",
      ],
      sms: `{{ shop.name }} : le transporteur n'a pas pu vous remettre votre commande {{ order.name }}.{% if fulfillment.tracking_url %} Marche à suivre : {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Votre commande {{ order.name }} est disponible en point de retrait",
      body: [
        `Votre commande {{ order.name }} vous attend au point de retrait{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Pour la récupérer, munissez-vous de votre numéro de commande et d'une pièce d'identité.",
      ],
      sms: `{{ shop.name }} : votre commande {{ order.name }} vous attend au point de retrait !{% if fulfillment.tracking_url %} Détails : {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Votre commande {{ order.name }} a été livrée",
      body: [
        `Votre colis a bien été livré. Nous espérons qu'il vous plaira${nb}!`,
        `Vous ne le trouvez pas ou quelque chose ne va pas${nb}? Écrivez-nous${email} et nous trouverons une solution.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }} : votre commande {{ order.name }} a été livrée. Bonne découverte ! Colis introuvable ? Écrivez-nous{% if shop.email %} : {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Problème de livraison pour votre commande {{ order.name }}",
      body: [
        `Malheureusement, le transporteur{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %} n'a pas pu livrer votre colis. Cela peut arriver lorsque l'adresse est incomplète ou que le colis a été endommagé pendant le transport.`,
        `Besoin d'aide${nb}? Écrivez-nous${email}, nous trouverons une solution ensemble.`,
      ],
      sms: `{{ shop.name }} : un problème est survenu lors de la livraison de votre commande {{ order.name }}.{% if fulfillment.tracking_url %} Détails : {{ fulfillment.tracking_url }}{% endif %} Besoin d'aide ? Écrivez-nous{% if shop.email %} : {{ shop.email }}{% endif %}.`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "Des nouvelles de votre commande {{ order.name }}",
      body: [
        `Merci de votre patience. Votre commande {{ order.name }} n'a pas encore été expédiée${nb}: sa préparation prend un peu plus de temps que prévu.`,
        "Nous faisons le nécessaire pour vous l'envoyer au plus vite. Toutes nos excuses pour l'attente.",
      ],
      sms: `{{ shop.name }} : la préparation de votre commande {{ order.name }} prend un peu plus de temps que prévu. Nous faisons au plus vite, merci de votre patience !{% if order.status_url %} Détails : {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Problème de livraison pour votre commande {{ order.name }}{% else %}Retard de livraison pour votre commande {{ order.name }}{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "Le transporteur" }} nous a signalé un problème lors de la livraison de votre colis.{% else %}{{ fulfillment.carrier | default: "Le transporteur" }} nous a prévenus que votre colis aurait du retard.{% endif %}`,
        { if: "delay.new_estimate", text: "La livraison est désormais prévue le {{ delay.new_estimate | local_date }}." },
        "Toutes nos excuses pour ce retard. Nous suivons votre colis de près.",
      ],
      sms: `{{ shop.name }} : le transporteur signale {% if delay.reason == "failure" %}un problème de livraison{% else %}un retard{% endif %} pour votre commande {{ order.name }}{% if delay.new_estimate %} (nouvelle date prévue : {{ delay.new_estimate | local_date: "short" }}){% endif %}.${trackSms}`,
    },
    stalled: {
      subject: "Votre commande {{ order.name }} prend plus de temps que prévu",
      body: [
        `Le suivi de votre colis n'a pas été mis à jour depuis le {{ delay.since | local_date }}. En général, cela signifie qu'il patiente dans un centre de tri très chargé${nb}: il est sans doute toujours en route.`,
        { if: "delay.new_estimate", text: "Le transporteur prévoit actuellement de le livrer d'ici le {{ delay.new_estimate | local_date }}." },
        "Nous le suivons de près. Toutes nos excuses pour l'attente.",
      ],
      sms: `{{ shop.name }} : pas de mise à jour du suivi de votre commande {{ order.name }} depuis le {{ delay.since | local_date: "short" }}, mais elle est sans doute toujours en route. Nous restons attentifs.${trackSms}`,
    },
    not_picked_up: {
      subject: "Votre commande {{ order.name }} n'est pas encore partie",
      body: [
        `Votre commande {{ order.name }} est emballée et prête, mais {{ fulfillment.carrier | default: "le transporteur" }} n'est pas encore venu la chercher.`,
        "Nous faisons le nécessaire pour qu'elle parte au plus vite. Toutes nos excuses pour l'attente.",
      ],
      sms: `{{ shop.name }} : votre commande {{ order.name }} est emballée, mais le transporteur n'est pas encore venu la chercher. Toutes nos excuses pour l'attente !${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Votre commande {{ order.name }} est toujours en route{% else %}Votre commande {{ order.name }} a du retard{% endif %}`,
      body: [
        `{% if delay.follow_up %}Toutes nos excuses${nb}: votre colis n'est pas non plus arrivé à la nouvelle date prévue ({{ delay.since | local_date }}).{% else %}Votre colis devait arriver le {{ delay.since | local_date }}, mais il n'a pas encore été livré.{% endif %}`,
        "Il arrive qu'un colis mette un peu plus de temps que prévu par le transporteur. Nous suivons la situation de près.",
      ],
      sms: `{{ shop.name }} : {% if delay.follow_up %}votre commande {{ order.name }} n'est pas non plus arrivée à la nouvelle date prévue ({{ delay.since | local_date: "short" }}){% else %}votre commande {{ order.name }} devait arriver le {{ delay.since | local_date: "short" }}, mais elle est toujours en route{% endif %}. Toutes nos excuses pour l'attente !${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Merci de confirmer votre adresse de livraison (commande {{ order.name }}){% else %}Des nouvelles de votre commande {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Avant d'expédier votre commande, nous devons vérifier votre adresse de livraison. Pourriez-vous nous contacter pour la confirmer${nb}? Nous pourrons ensuite vous l'envoyer sans attendre.{% when "inventory_out_of_stock" %}Un ou plusieurs articles de votre commande sont temporairement en rupture de stock${nb}: nous l'avons donc mise en attente jusqu'à leur retour. Nous vous l'enverrons dès que tout sera prêt.{% when "awaiting_payment" %}Nous attendons la confirmation de votre paiement. Dès qu'elle nous parvient, nous préparons votre commande.{% when "awaiting_return_items" %}Nous expédierons votre commande dès réception des articles que vous nous retournez.{% else %}Nous avons dû mettre votre commande en attente le temps de régler un détail. Nous vous l'enverrons dès que possible.{% endcase %}`,
        "Merci de votre patience.",
      ],
      sms: `{{ shop.name }} : {% case delay.reason %}{% when "incorrect_address" %}nous devons confirmer votre adresse de livraison avant d'expédier la commande {{ order.name }}. Contactez-nous : {{ shop.contact_url }}{% when "inventory_out_of_stock" %}un article de votre commande {{ order.name }} est en rupture de stock pour le moment. Nous l'enverrons dès son retour en stock.{% else %}votre commande {{ order.name }} est en attente pour le moment. Nous l'enverrons dès que possible.{% endcase %}`,
    },
    rescheduled: {
      subject: "Nouvelle date d'expédition pour votre commande {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Toutes nos excuses, la date change à nouveau${nb}: votre commande {{ order.name }} sera désormais expédiée le {{ delay.new_estimate | local_date }}.{% else %}La date d'expédition de votre commande {{ order.name }} a changé${nb}: elle partira le {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Merci de votre patience.",
      ],
      sms: `{{ shop.name }} : {% if delay.follow_up %}toutes nos excuses, la date change à nouveau : votre{% else %}votre{% endif %} commande {{ order.name }} sera expédiée le {{ delay.new_estimate | local_date: "short" }}, merci de votre patience !`,
    },
  },
  back_in_stock: {
    buyButton: "Acheter maintenant",
    cartLink: "Ajouter au panier et payer",
    signoff: ["À très bientôt,", "{{ shop.name }}"],
    confirmation: {
      subject: "C'est noté pour {{ product.title }}",
      body: ["Nous vous enverrons un e-mail dès que {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} sera de nouveau en stock."],
      sms: "{{ shop.name }} : {% if signup.confirm_by_reply %}répondez YES pour recevoir un SMS quand {{ product.title }} sera de nouveau en stock.{% else %}nous vous enverrons un SMS quand {{ product.title }} sera de nouveau en stock.{% endif %} Répondez STOP pour vous désabonner.",
    },
    alert: {
      subject: "{{ product.title }} est de nouveau en stock",
      body: ["Bonne nouvelle : {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} est de nouveau en stock.", "Il pourrait partir vite, alors n'attendez pas trop."],
      sms: "{{ shop.name }} : {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} est de nouveau en stock ! À découvrir ici : {{ product.url }}",
    },
  },
});
