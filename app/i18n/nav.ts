import { defineMessages } from "./define";

/** The admin's navigation menu (app/routes/app.tsx). */
export const navMessages = defineMessages(
  { home: "Home", notifications: "Notifications", atRisk: "At-risk orders", privacy: "Data requests", settings: "Settings" },
  {
    es: { home: "Inicio", notifications: "Notificaciones", atRisk: "Pedidos en riesgo", privacy: "Solicitudes de datos", settings: "Configuración" },
    fr: { home: "Accueil", notifications: "Notifications", atRisk: "Commandes à risque", privacy: "Demandes de données", settings: "Paramètres" },
    de: { home: "Start", notifications: "Benachrichtigungen", atRisk: "Gefährdete Bestellungen", privacy: "Datenanfragen", settings: "Einstellungen" },
    hi: { home: "होम", notifications: "सूचनाएँ", atRisk: "जोखिम वाले ऑर्डर", privacy: "डेटा अनुरोध", settings: "सेटिंग्स" },
  },
);
