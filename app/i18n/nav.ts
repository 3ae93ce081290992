import { defineMessages } from "./define";

/** The admin's navigation menu (app/routes/app.tsx). */
export const navMessages = defineMessages(
  { home: "Home", notifications: "Notifications", atRisk: "At-risk orders", privacy: "Data requests", messages: "Message log", analytics: "Analytics" },
  {
    es: { home: "Inicio", notifications: "Notificaciones", atRisk: "Pedidos en riesgo", privacy: "Solicitudes de datos", messages: "Registro de mensajes", analytics: "Analíticas" },
    fr: { home: "Accueil", notifications: "Notifications", atRisk: "Commandes à risque", privacy: "Demandes de données", messages: "Journal des messages", analytics: "Statistiques" },
    de: { home: "Start", notifications: "Benachrichtigungen", atRisk: "Gefährdete Bestellungen", privacy: "Datenanfragen", messages: "Nachrichtenprotokoll", analytics: "Analysen" },
    hi: { home: "होम", notifications: "सूचनाएँ", atRisk: "जोखिम वाले ऑर्डर", privacy: "डेटा अनुरोध", messages: "संदेश लॉग", analytics: "विश्लेषण" },
  },
);
