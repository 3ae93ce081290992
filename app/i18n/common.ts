import { defineMessages } from "./define";

/** Words every admin screen shares: message statuses, channels, triggers. */
export const commonMessages = defineMessages(
  {
    status: {
      PENDING: "pending",
      SENDING: "sending",
      SENT: "sent",
      DEFERRED: "deferred",
      FAILED: "failed",
      SKIPPED: "skipped",
      delivered: "delivered",
      opened: "opened",
      clicked: "clicked",
      bounced: "bounced",
      complained: "marked as spam",
      undelivered: "undelivered",
      delivery_delayed: "delivery delayed",
    },
    channel: { email: "Email", sms: "SMS", whatsapp: "WhatsApp" },
    trigger: { shipping: "Shipping update", delay: "Delay notice", back_in_stock: "Back in stock" },
  },
  {
    es: {
      status: {
        PENDING: "pendiente",
        SENDING: "enviando",
        SENT: "enviado",
        DEFERRED: "aplazado",
        FAILED: "fallido",
        SKIPPED: "omitido",
        delivered: "entregado",
        opened: "abierto",
        clicked: "clic",
        bounced: "rebotado",
        complained: "marcado como spam",
        undelivered: "no entregado",
        delivery_delayed: "entrega retrasada",
      },
      channel: { email: "Correo", sms: "SMS", whatsapp: "WhatsApp" },
      trigger: { shipping: "Actualización de envío", delay: "Aviso de retraso", back_in_stock: "De nuevo en stock" },
    },
    fr: {
      status: {
        PENDING: "en attente",
        SENDING: "envoi en cours",
        SENT: "envoyé",
        DEFERRED: "reporté",
        FAILED: "échec",
        SKIPPED: "ignoré",
        delivered: "distribué",
        opened: "ouvert",
        clicked: "cliqué",
        bounced: "rejeté",
        complained: "signalé comme spam",
        undelivered: "non distribué",
        delivery_delayed: "distribution retardée",
      },
      channel: { email: "E-mail", sms: "SMS", whatsapp: "WhatsApp" },
      trigger: { shipping: "Suivi d’expédition", delay: "Avis de retard", back_in_stock: "De retour en stock" },
    },
    de: {
      status: {
        PENDING: "ausstehend",
        SENDING: "wird gesendet",
        SENT: "gesendet",
        DEFERRED: "verschoben",
        FAILED: "fehlgeschlagen",
        SKIPPED: "übersprungen",
        delivered: "zugestellt",
        opened: "geöffnet",
        clicked: "geklickt",
        bounced: "unzustellbar",
        complained: "als Spam markiert",
        undelivered: "nicht zugestellt",
        delivery_delayed: "Zustellung verzögert",
      },
      channel: { email: "E-Mail", sms: "SMS", whatsapp: "WhatsApp" },
      trigger: { shipping: "Versand-Update", delay: "Verzögerungshinweis", back_in_stock: "Wieder auf Lager" },
    },
    hi: {
      status: {
        PENDING: "लंबित",
        SENDING: "भेजा जा रहा है",
        SENT: "भेजा गया",
        DEFERRED: "स्थगित",
        FAILED: "विफल",
        SKIPPED: "छोड़ा गया",
        delivered: "पहुँचा",
        opened: "खोला गया",
        clicked: "क्लिक किया गया",
        bounced: "वापस लौटा",
        complained: "स्पैम चिह्नित",
        undelivered: "नहीं पहुँचा",
        delivery_delayed: "पहुँचने में देरी",
      },
      channel: { email: "ईमेल", sms: "SMS", whatsapp: "WhatsApp" },
      trigger: { shipping: "शिपिंग अपडेट", delay: "देरी की सूचना", back_in_stock: "फिर से स्टॉक में" },
    },
  },
);

type Group = keyof typeof commonMessages.en;

/** A status, channel or trigger in the admin's language; values Herald has no word for are shown as they are. */
export function commonLabel(t: (key: `${Group}.${string}`) => string, group: Group, value: string): string {
  return Object.hasOwn(commonMessages.en[group], value) ? t(`${group}.${value}`) : value.replaceAll("_", " ").toLowerCase();
}
