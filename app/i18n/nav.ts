import { defineMessages } from "./define";

/** The admin's navigation menu (app/routes/app.tsx). */
export const navMessages = defineMessages(
  {
    home: "Home",
    notifications: "Notifications",
    messages: "Message log",
    atRisk: "At-risk orders",
    analytics: "Analytics",
    whatsapp: "WhatsApp",
    privacy: "Data requests",
    settings: "Settings",
  },
  {
    es: {
      home: "Inicio",
      notifications: "Notificaciones",
      messages: "Registro de mensajes",
      atRisk: "Pedidos en riesgo",
      analytics: "Analíticas",
      whatsapp: "WhatsApp",
      privacy: "Solicitudes de datos",
      settings: "Configuración",
    },
    fr: {
      home: "Accueil",
      notifications: "Notifications",
      messages: "Journal des messages",
      atRisk: "Commandes à risque",
      analytics: "Statistiques",
      whatsapp: "WhatsApp",
      privacy: "Demandes de données",
      settings: "Paramètres",
    },
    de: {
      home: "Start",
      notifications: "Benachrichtigungen",
      messages: "Nachrichtenprotokoll",
      atRisk: "Gefährdete Bestellungen",
      analytics: "Analysen",
      whatsapp: "WhatsApp",
      privacy: "Datenanfragen",
      settings: "Einstellungen",
    },
    hi: {
      home: "होम",
      notifications: "सूचनाएँ",
      messages: "संदेश लॉग",
      atRisk: "जोखिम वाले ऑर्डर",
      analytics: "विश्लेषण",
      whatsapp: "WhatsApp",
      privacy: "डेटा अनुरोध",
      settings: "सेटिंग्स",
    },
  },
);
