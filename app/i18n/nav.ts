import { defineMessages } from "./define";

/** The admin's navigation menu (app/routes/app.tsx). */
export const navMessages = defineMessages(
  { home: "Home", notifications: "Notifications", atRisk: "At-risk orders", privacy: "Data requests", settings: "Settings", whatsapp: "WhatsApp" },
  {
    es: { home: "Inicio", notifications: "Notificaciones", atRisk: "Pedidos en riesgo", privacy: "Solicitudes de datos", settings: "Configuración", whatsapp: "WhatsApp" },
    fr: { home: "Accueil", notifications: "Notifications", atRisk: "Commandes à risque", privacy: "Demandes de données", settings: "Paramètres", whatsapp: "WhatsApp" },
    de: { home: "Start", notifications: "Benachrichtigungen", atRisk: "Gefährdete Bestellungen", privacy: "Datenanfragen", settings: "Einstellungen", whatsapp: "WhatsApp" },
    hi: { home: "होम", notifications: "सूचनाएँ", atRisk: "जोखिम वाले ऑर्डर", privacy: "डेटा अनुरोध", settings: "सेटिंग्स", whatsapp: "WhatsApp" },
  },
);
