import { defineMessages } from "./define";

/**
 * What the admin says when something did not work: the error pages of app/components/AdminErrorPage.tsx,
 * a download that failed, and a request the server refused outright (the screen's own answers, such as
 * a template's problems, stay in that screen's file). Also the words of the editors' save bar.
 */
export const adminErrorMessages = defineMessages(
  {
    page: {
      notFound: { title: "Not found", body: "This page does not exist, or what it showed was deleted. Links from older messages or emails can point to it." },
      failed: { title: "Something went wrong", body: "Herald could not show this page. Nothing was changed. Try again in a moment." },
      home: "Back to Herald",
      retry: "Try again",
    },
    download: { failed: "The file could not be downloaded. Try again." },
    request: {
      refused: "Not saved: {error}",
      failed: "Not saved: Herald could not be reached. Your changes are still here; try again.",
      tooLong: "“{part}” is longer than {max} characters",
      invalid: "the request was not understood",
    },
    preview: { failed: "The preview could not be updated. It shows your last version that could be rendered." },
    saveBar: { save: "Save", discard: "Discard" },
  },
  {
    es: {
      page: {
        notFound: { title: "No encontrado", body: "Esta página no existe o lo que mostraba se eliminó. Los enlaces de mensajes o correos antiguos pueden llevar aquí." },
        failed: { title: "Algo salió mal", body: "Herald no pudo mostrar esta página. No se cambió nada. Vuelve a intentarlo en un momento." },
        home: "Volver a Herald",
        retry: "Reintentar",
      },
      download: { failed: "No se pudo descargar el archivo. Vuelve a intentarlo." },
      request: {
        refused: "No se guardó: {error}",
        failed: "No se guardó: no se pudo contactar con Herald. Tus cambios siguen aquí; vuelve a intentarlo.",
        tooLong: "el campo «{part}» tiene más de {max} caracteres",
        invalid: "no se entendió la solicitud",
      },
      preview: { failed: "No se pudo actualizar la vista previa. Muestra tu última versión que se pudo generar." },
      saveBar: { save: "Guardar", discard: "Descartar" },
    },
    fr: {
      page: {
        notFound: { title: "Introuvable", body: "Cette page n’existe pas, ou ce qu’elle affichait a été supprimé. Des liens d’anciens messages ou e-mails peuvent y mener." },
        failed: { title: "Un problème est survenu", body: "Herald n’a pas pu afficher cette page. Rien n’a été modifié. Réessayez dans un instant." },
        home: "Retour à Herald",
        retry: "Réessayer",
      },
      download: { failed: "Le fichier n’a pas pu être téléchargé. Réessayez." },
      request: {
        refused: "Non enregistré : {error}",
        failed: "Non enregistré : Herald est injoignable. Vos modifications sont toujours là ; réessayez.",
        tooLong: "le champ « {part} » dépasse {max} caractères",
        invalid: "la requête n’a pas été comprise",
      },
      preview: { failed: "L’aperçu n’a pas pu être mis à jour. Il montre votre dernière version qui a pu être rendue." },
      saveBar: { save: "Enregistrer", discard: "Ignorer" },
    },
    de: {
      page: {
        notFound: { title: "Nicht gefunden", body: "Diese Seite gibt es nicht, oder was sie zeigte, wurde gelöscht. Links aus älteren Nachrichten oder E-Mails können hierher führen." },
        failed: { title: "Etwas ist schiefgelaufen", body: "Herald konnte diese Seite nicht anzeigen. Es wurde nichts geändert. Versuche es gleich noch einmal." },
        home: "Zurück zu Herald",
        retry: "Erneut versuchen",
      },
      download: { failed: "Die Datei konnte nicht heruntergeladen werden. Versuche es noch einmal." },
      request: {
        refused: "Nicht gespeichert: {error}",
        failed: "Nicht gespeichert: Herald war nicht erreichbar. Deine Änderungen sind noch da; versuche es noch einmal.",
        tooLong: "das Feld „{part}“ ist länger als {max} Zeichen",
        invalid: "die Anfrage wurde nicht verstanden",
      },
      preview: { failed: "Die Vorschau konnte nicht aktualisiert werden. Sie zeigt deine letzte Version, die dargestellt werden konnte." },
      saveBar: { save: "Speichern", discard: "Verwerfen" },
    },
    hi: {
      page: {
        notFound: { title: "नहीं मिला", body: "यह पेज मौजूद नहीं है, या जो यह दिखाता था वह हटा दिया गया है। पुराने संदेशों या ईमेल के लिंक यहाँ ला सकते हैं।" },
        failed: { title: "कुछ गड़बड़ हो गई", body: "Herald यह पेज नहीं दिखा सका। कुछ भी नहीं बदला गया। थोड़ी देर में फिर से कोशिश करें।" },
        home: "Herald पर वापस जाएँ",
        retry: "फिर से कोशिश करें",
      },
      download: { failed: "फ़ाइल डाउनलोड नहीं हो सकी। फिर से कोशिश करें।" },
      request: {
        refused: "सेव नहीं हुआ: {error}",
        failed: "सेव नहीं हुआ: Herald से संपर्क नहीं हो सका। आपके बदलाव यहीं हैं; फिर से कोशिश करें।",
        tooLong: "“{part}” में {max} से ज़्यादा अक्षर हैं",
        invalid: "अनुरोध समझा नहीं जा सका",
      },
      preview: { failed: "प्रीव्यू अपडेट नहीं हो सका। यह आपका आख़िरी संस्करण दिखाता है जो रेंडर हो सका।" },
      saveBar: { save: "सेव करें", discard: "छोड़ें" },
    },
  },
);
