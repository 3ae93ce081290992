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
    retention: {
      heading: "What Herald keeps",
      body: "Webhooks from Shopify, which carry your customers' names and addresses, are deleted 30 days after they arrive; those Herald could not read, and data requests, after 90 days, so you can still replay or answer them. Copies in the local outbox go after 30 days. Messages and orders stay for the message log and analytics until a customer asks to be erased, or Shopify asks Herald to erase your store's data after you uninstall.",
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
      retention: {
        heading: "Qué conserva Herald",
        body: "Los webhooks de Shopify, que contienen los nombres y las direcciones de tus clientes, se eliminan 30 días después de llegar; los que Herald no pudo leer y las solicitudes de datos, a los 90 días, para que aún puedas reprocesarlos o responderlas. Las copias de la bandeja de salida local se eliminan a los 30 días. Los mensajes y los pedidos se conservan para el registro de mensajes y las estadísticas hasta que un cliente pide que se borren sus datos, o hasta que Shopify pide a Herald que borre los datos de tu tienda tras desinstalarla.",
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
      retention: {
        heading: "Ce que Herald conserve",
        body: "Les webhooks de Shopify, qui contiennent les noms et adresses de vos clients, sont supprimés 30 jours après leur arrivée ; ceux que Herald n’a pas pu lire, et les demandes de données, après 90 jours, pour que vous puissiez encore les relancer ou y répondre. Les copies de la boîte d’envoi locale sont supprimées après 30 jours. Les messages et les commandes restent pour le journal des messages et les statistiques jusqu’à ce qu’un client demande l’effacement de ses données, ou que Shopify demande à Herald d’effacer les données de votre boutique après sa désinstallation.",
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
      retention: {
        heading: "Was Herald aufbewahrt",
        body: "Webhooks von Shopify, die Namen und Adressen deiner Kunden enthalten, werden 30 Tage nach ihrem Eingang gelöscht; solche, die Herald nicht lesen konnte, und Datenanfragen nach 90 Tagen, damit du sie noch erneut verarbeiten oder beantworten kannst. Kopien im lokalen Postausgang werden nach 30 Tagen gelöscht. Nachrichten und Bestellungen bleiben für das Nachrichtenprotokoll und die Statistiken erhalten, bis ein Kunde die Löschung seiner Daten verlangt oder Shopify Herald nach der Deinstallation auffordert, die Daten deines Shops zu löschen.",
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
      retention: {
        heading: "Herald क्या रखता है",
        body: "Shopify से आए वेबहुक, जिनमें आपके ग्राहकों के नाम और पते होते हैं, आने के 30 दिन बाद हटा दिए जाते हैं; जिन्हें Herald पढ़ नहीं सका वे और डेटा अनुरोध 90 दिन बाद, ताकि आप उन्हें फिर से चला सकें या उनका जवाब दे सकें। लोकल आउटबॉक्स की कॉपियाँ 30 दिन बाद हटती हैं। संदेश और ऑर्डर संदेश लॉग और एनालिटिक्स के लिए तब तक रहते हैं जब तक कोई ग्राहक अपना डेटा हटाने को न कहे, या ऐप अनइंस्टॉल करने के बाद Shopify, Herald से आपके स्टोर का डेटा हटाने को न कहे।",
      },
    },
  },
);
