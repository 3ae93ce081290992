import { defineMessages } from "./define";

/**
 * The morning digest emailed to the shop's staff (app/pipeline/digest.server.ts), in the shop's primary
 * language. Column names, "told" texts and reasons are at-risk.ts's; kind names are steps.ts's.
 */
export const digestMessages = defineMessages(
  {
    subject: { one: "{count} at-risk order at {shop} · {date}", other: "{count} at-risk orders at {shop} · {date}" },
    intro: "Orders that are late, stalled, on hold or past their estimate, and whether the customer has heard from you.",
    footer: "Open Herald's At-risk orders screen for details.",
  },
  {
    es: {
      subject: { one: "{count} pedido en riesgo en {shop} · {date}", other: "{count} pedidos en riesgo en {shop} · {date}" },
      intro: "Pedidos con retraso, detenidos, retenidos o fuera de plazo, y si el cliente ya ha recibido noticias tuyas.",
      footer: "Abre la pantalla Pedidos en riesgo de Herald para ver los detalles.",
    },
    fr: {
      subject: { one: "{count} commande à risque chez {shop} · {date}", other: "{count} commandes à risque chez {shop} · {date}" },
      intro: "Commandes en retard, bloquées, en attente ou au-delà de leur date estimée, et si le client a eu de vos nouvelles.",
      footer: "Ouvrez l’écran Commandes à risque de Herald pour en savoir plus.",
    },
    de: {
      subject: { one: "{count} gefährdete Bestellung bei {shop} · {date}", other: "{count} gefährdete Bestellungen bei {shop} · {date}" },
      intro: "Bestellungen, die verspätet, stecken geblieben, zurückgestellt oder über ihrem Termin sind, und ob der Kunde schon von dir gehört hat.",
      footer: "Details findest du in Herald unter „Gefährdete Bestellungen“.",
    },
    hi: {
      subject: { one: "{shop} में {count} जोखिम वाला ऑर्डर · {date}", other: "{shop} में {count} जोखिम वाले ऑर्डर · {date}" },
      intro: "वे ऑर्डर जो देर से हैं, अटके हुए हैं, होल्ड पर हैं या अनुमानित तारीख पार कर चुके हैं, और क्या ग्राहक को आपसे कोई सूचना मिली है।",
      footer: "पूरी जानकारी के लिए Herald की जोखिम वाले ऑर्डर स्क्रीन खोलें।",
    },
  },
);
