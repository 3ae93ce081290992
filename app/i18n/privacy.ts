import { defineMessages } from "./define";

/** Customer data requests (app/routes/app.privacy.tsx). */
export const privacyMessages = defineMessages(
  {
    title: "Customer data requests",
    subtitle: "When a customer asks what your store holds about them, Shopify forwards the request here",
    empty: {
      heading: "No data requests",
      body: "Requests appear here as soon as Shopify sends one. Each export lists every message Herald sent the customer, their orders as Herald knows them, and their opt-outs.",
    },
    resource: { singular: "data request", plural: "data requests" },
    columns: { received: "Received", customer: "Customer", orders: "Orders", export: "Export" },
    customer: "Customer {id}",
    download: "Download JSON",
    downloadLabel: "Download the data export for customer {id}",
    erasure: {
      heading: "Erasure",
      body: "Redaction requests are carried out automatically: the customer's orders and the content and addresses of their messages are removed, keeping only anonymous counts.",
    },
  },
  {
    es: {
      title: "Solicitudes de datos de clientes",
      subtitle: "Cuando un cliente pregunta qué datos suyos guarda tu tienda, Shopify te reenvía la solicitud aquí",
      empty: {
        heading: "No hay solicitudes de datos",
        body: "Las solicitudes aparecen aquí en cuanto Shopify envía una. Cada exportación incluye todos los mensajes que Herald envió al cliente, sus pedidos tal como Herald los conoce y sus bajas.",
      },
      resource: { singular: "solicitud de datos", plural: "solicitudes de datos" },
      columns: { received: "Recibida", customer: "Cliente", orders: "Pedidos", export: "Exportación" },
      customer: "Cliente {id}",
      download: "Descargar JSON",
      downloadLabel: "Descargar la exportación de datos del cliente {id}",
      erasure: {
        heading: "Eliminación",
        body: "Las solicitudes de eliminación se cumplen automáticamente: se borran los pedidos del cliente y el contenido y las direcciones de sus mensajes, y solo se conservan recuentos anónimos.",
      },
    },
    fr: {
      title: "Demandes de données clients",
      subtitle: "Quand un client demande ce que votre boutique conserve à son sujet, Shopify transmet la demande ici",
      empty: {
        heading: "Aucune demande de données",
        body: "Les demandes apparaissent ici dès que Shopify en envoie une. Chaque export liste tous les messages envoyés au client par Herald, ses commandes telles que Herald les connaît et ses désinscriptions.",
      },
      resource: { singular: "demande de données", plural: "demandes de données" },
      columns: { received: "Reçue", customer: "Client", orders: "Commandes", export: "Export" },
      customer: "Client {id}",
      download: "Télécharger le JSON",
      downloadLabel: "Télécharger l’export des données du client {id}",
      erasure: {
        heading: "Effacement",
        body: "Les demandes d’effacement sont traitées automatiquement : les commandes du client ainsi que le contenu et les adresses de ses messages sont supprimés ; seuls des décomptes anonymes sont conservés.",
      },
    },
    de: {
      title: "Datenanfragen von Kunden",
      subtitle: "Wenn ein Kunde wissen möchte, welche Daten dein Shop über ihn speichert, leitet Shopify die Anfrage hierher weiter",
      empty: {
        heading: "Keine Datenanfragen",
        body: "Anfragen erscheinen hier, sobald Shopify eine sendet. Jeder Export enthält alle Nachrichten, die Herald dem Kunden gesendet hat, seine Bestellungen, wie Herald sie kennt, und seine Abmeldungen.",
      },
      resource: { singular: "Datenanfrage", plural: "Datenanfragen" },
      columns: { received: "Eingegangen", customer: "Kunde", orders: "Bestellungen", export: "Export" },
      customer: "Kunde {id}",
      download: "JSON herunterladen",
      downloadLabel: "Datenexport für Kunde {id} herunterladen",
      erasure: {
        heading: "Löschung",
        body: "Löschanfragen werden automatisch ausgeführt: Die Bestellungen des Kunden sowie Inhalt und Adressen seiner Nachrichten werden entfernt, nur anonyme Zahlen bleiben erhalten.",
      },
    },
    hi: {
      title: "ग्राहकों के डेटा अनुरोध",
      subtitle: "जब कोई ग्राहक पूछता है कि आपके स्टोर में उसके बारे में क्या रखा है, तो Shopify अनुरोध यहाँ भेजता है",
      empty: {
        heading: "कोई डेटा अनुरोध नहीं",
        body: "Shopify के अनुरोध भेजते ही वे यहाँ दिखते हैं। हर एक्सपोर्ट में Herald द्वारा ग्राहक को भेजे गए सभी संदेश, Herald को पता उसके ऑर्डर और उसकी ऑप्ट-आउट जानकारी होती है।",
      },
      resource: { singular: "डेटा अनुरोध", plural: "डेटा अनुरोध" },
      columns: { received: "प्राप्त", customer: "ग्राहक", orders: "ऑर्डर", export: "एक्सपोर्ट" },
      customer: "ग्राहक {id}",
      download: "JSON डाउनलोड करें",
      downloadLabel: "ग्राहक {id} का डेटा एक्सपोर्ट डाउनलोड करें",
      erasure: {
        heading: "डेटा हटाना",
        body: "डेटा हटाने के अनुरोध अपने-आप पूरे होते हैं: ग्राहक के ऑर्डर और उसके संदेशों की सामग्री व पते हटा दिए जाते हैं, केवल गुमनाम गिनती रखी जाती है।",
      },
    },
  },
);
