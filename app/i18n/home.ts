import { defineMessages } from "./define";

/** Home (app/routes/app._index.tsx). */
export const homeMessages = defineMessages(
  {
    subtitle: "Customer notifications for {shop}",
    figures: { sent: "Sent (30 days)", waiting: "Waiting to send (30 days)", skipped: "Skipped (30 days)", failed: "Failed (30 days)" },
    empty: {
      heading: "No messages yet",
      body: "When you fulfill an order, Herald tells the customer it has shipped, then follows the carrier until it is delivered.",
    },
    recent: {
      heading: "Recent messages",
      created: "Created",
      message: "Message",
      channel: "Channel",
      language: "Language",
      status: "Status",
      details: "Details",
      attempts: { one: "{count} attempt", other: "{count} attempts" },
    },
    failed: { heading: "Webhooks Herald could not read", received: "Received", topic: "Topic", reason: "Reason" },
  },
  {
    es: {
      subtitle: "Notificaciones a clientes de {shop}",
      figures: { sent: "Enviados (30 días)", waiting: "Pendientes de envío (30 días)", skipped: "Omitidos (30 días)", failed: "Fallidos (30 días)" },
      empty: {
        heading: "Aún no hay mensajes",
        body: "Cuando prepares un pedido, Herald avisará al cliente de que se ha enviado y seguirá al transportista hasta la entrega.",
      },
      recent: {
        heading: "Mensajes recientes",
        created: "Creado",
        message: "Mensaje",
        channel: "Canal",
        language: "Idioma",
        status: "Estado",
        details: "Detalles",
        attempts: { one: "{count} intento", other: "{count} intentos" },
      },
      failed: { heading: "Webhooks que Herald no pudo leer", received: "Recibido", topic: "Tema", reason: "Motivo" },
    },
    fr: {
      subtitle: "Notifications clients de {shop}",
      figures: { sent: "Envoyés (30 jours)", waiting: "En attente d’envoi (30 jours)", skipped: "Ignorés (30 jours)", failed: "En échec (30 jours)" },
      empty: {
        heading: "Aucun message pour l’instant",
        body: "Quand vous expédiez une commande, Herald prévient le client, puis suit le transporteur jusqu’à la livraison.",
      },
      recent: {
        heading: "Messages récents",
        created: "Créé",
        message: "Message",
        channel: "Canal",
        language: "Langue",
        status: "Statut",
        details: "Détails",
        attempts: { one: "{count} tentative", other: "{count} tentatives" },
      },
      failed: { heading: "Webhooks que Herald n’a pas pu lire", received: "Reçu", topic: "Sujet", reason: "Raison" },
    },
    de: {
      subtitle: "Kundenbenachrichtigungen für {shop}",
      figures: { sent: "Gesendet (30 Tage)", waiting: "Wartet auf Versand (30 Tage)", skipped: "Übersprungen (30 Tage)", failed: "Fehlgeschlagen (30 Tage)" },
      empty: {
        heading: "Noch keine Nachrichten",
        body: "Wenn du eine Bestellung ausführst, sagt Herald dem Kunden, dass sie versandt wurde, und verfolgt die Sendung bis zur Zustellung.",
      },
      recent: {
        heading: "Neueste Nachrichten",
        created: "Erstellt",
        message: "Nachricht",
        channel: "Kanal",
        language: "Sprache",
        status: "Status",
        details: "Details",
        attempts: { one: "{count} Versuch", other: "{count} Versuche" },
      },
      failed: { heading: "Webhooks, die Herald nicht lesen konnte", received: "Empfangen", topic: "Thema", reason: "Grund" },
    },
    hi: {
      subtitle: "{shop} के ग्राहकों के लिए सूचनाएँ",
      figures: { sent: "भेजे गए (30 दिन)", waiting: "भेजे जाने की प्रतीक्षा में (30 दिन)", skipped: "छोड़े गए (30 दिन)", failed: "विफल (30 दिन)" },
      empty: {
        heading: "अभी कोई संदेश नहीं",
        body: "जब आप कोई ऑर्डर पूरा करते हैं, Herald ग्राहक को बताता है कि वह भेज दिया गया है, फिर डिलीवरी तक कूरियर पर नज़र रखता है।",
      },
      recent: {
        heading: "हाल के संदेश",
        created: "बनाया गया",
        message: "संदेश",
        channel: "चैनल",
        language: "भाषा",
        status: "स्थिति",
        details: "विवरण",
        attempts: { one: "{count} प्रयास", other: "{count} प्रयास" },
      },
      failed: { heading: "वे वेबहुक जिन्हें Herald पढ़ नहीं सका", received: "प्राप्त", topic: "विषय", reason: "कारण" },
    },
  },
);
