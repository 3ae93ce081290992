import { useCallback, useMemo } from "react";
import { defineMessages } from "./define";
import { useT } from "./react";

/**
 * Names of what Herald tells customers, wherever a screen shows them: the trigger groups, each step
 * (shipping updates and delay notices) with a one-line description, and the kinds of delay the at-risk
 * list sorts orders by.
 */
export const stepMessages = defineMessages(
  {
    triggers: { shipping: "Shipping updates", delay: "Delay notices" , back_in_stock: "Back-in-stock alerts" },
    steps: {
      shipped: { label: "Shipped", description: "A fulfillment is created: carrier, tracking number and link when known." },
      in_transit: { label: "In transit", description: "The carrier's first in-transit scan." },
      out_for_delivery: { label: "Out for delivery", description: "The carrier is delivering the package today." },
      attempted_delivery: { label: "Delivery attempted", description: "The carrier could not deliver the package." },
      ready_for_pickup: { label: "Ready for pickup", description: "The package waits at a pickup point." },
      delivered: { label: "Delivered", description: "The carrier confirms delivery." },
      failure: { label: "Delivery failed", description: "The carrier reports a delivery failure." },
      unfulfilled: { label: "Not shipped yet", description: "The order is still unfulfilled some business hours after it was placed." },
      carrier_delay: { label: "Carrier delay", description: "The carrier reports the package delayed." },
      stalled: { label: "No tracking updates", description: "No carrier scan for some business days while in transit." },
      not_picked_up: { label: "Not picked up by the carrier", description: "A label was created but the carrier has not collected the package." },
      eta_passed: { label: "Estimated delivery passed", description: "The estimated delivery day passed without a delivery." },
      on_hold: { label: "Order on hold", description: "The fulfillment was put on hold (address to confirm, item out of stock…)." },
      rescheduled: { label: "Shipping rescheduled", description: "The fulfillment was rescheduled to a later date." },
      confirmation: { label: "Sign-up confirmed", description: "The customer asked to hear when a sold-out item is back." },
      alert: { label: "Back in stock", description: "The item the customer waited for can be bought again." },
    },
    kinds: {
      unfulfilled: "Not fulfilled",
      carrier_delay: "Carrier delay",
      stalled: "Stalled in transit",
      not_picked_up: "Not picked up",
      eta_passed: "Estimate passed",
      on_hold: "On hold",
      rescheduled: "Rescheduled",
    },
  },
  {
    es: {
      triggers: { shipping: "Actualizaciones de envío", delay: "Avisos de retraso" , back_in_stock: "Avisos de reposición" },
      steps: {
        shipped: { label: "Enviado", description: "Se crea un envío: transportista, número y enlace de seguimiento cuando se conocen." },
        in_transit: { label: "En tránsito", description: "El primer escaneo en tránsito del transportista." },
        out_for_delivery: { label: "En reparto", description: "El transportista entrega el paquete hoy." },
        attempted_delivery: { label: "Intento de entrega", description: "El transportista no pudo entregar el paquete." },
        ready_for_pickup: { label: "Listo para recoger", description: "El paquete espera en un punto de recogida." },
        delivered: { label: "Entregado", description: "El transportista confirma la entrega." },
        failure: { label: "Entrega fallida", description: "El transportista informa de un fallo en la entrega." },
        unfulfilled: { label: "Aún no enviado", description: "El pedido sigue sin preparar unas horas laborables después de realizarse." },
        carrier_delay: { label: "Retraso del transportista", description: "El transportista informa de que el paquete se ha retrasado." },
        stalled: { label: "Sin novedades de seguimiento", description: "Ningún escaneo del transportista durante varios días laborables en tránsito." },
        not_picked_up: { label: "No recogido por el transportista", description: "Se creó una etiqueta, pero el transportista no ha recogido el paquete." },
        eta_passed: { label: "Fecha estimada superada", description: "Pasó el día de entrega estimado sin que se entregara." },
        on_hold: { label: "Pedido retenido", description: "El envío se puso en espera (dirección por confirmar, artículo agotado…)." },
        rescheduled: { label: "Envío reprogramado", description: "El envío se reprogramó para una fecha posterior." },
        confirmation: { label: "Suscripción confirmada", description: "El cliente pidió saber cuándo vuelve un artículo agotado." },
        alert: { label: "De nuevo en stock", description: "El artículo que esperaba el cliente se puede volver a comprar." },
      },
      kinds: {
        unfulfilled: "Sin preparar",
        carrier_delay: "Retraso del transportista",
        stalled: "Detenido en tránsito",
        not_picked_up: "No recogido",
        eta_passed: "Fecha estimada superada",
        on_hold: "Retenido",
        rescheduled: "Reprogramado",
      },
    },
    fr: {
      triggers: { shipping: "Suivi d’expédition", delay: "Avis de retard" , back_in_stock: "Alertes de retour en stock" },
      steps: {
        shipped: { label: "Expédiée", description: "Un traitement est créé : transporteur, numéro et lien de suivi quand ils sont connus." },
        in_transit: { label: "En transit", description: "Le premier scan en transit du transporteur." },
        out_for_delivery: { label: "En cours de livraison", description: "Le transporteur livre le colis aujourd’hui." },
        attempted_delivery: { label: "Tentative de livraison", description: "Le transporteur n’a pas pu livrer le colis." },
        ready_for_pickup: { label: "Prête pour le retrait", description: "Le colis attend dans un point de retrait." },
        delivered: { label: "Livrée", description: "Le transporteur confirme la livraison." },
        failure: { label: "Échec de livraison", description: "Le transporteur signale un échec de livraison." },
        unfulfilled: { label: "Pas encore expédiée", description: "La commande n’est toujours pas traitée quelques heures ouvrées après avoir été passée." },
        carrier_delay: { label: "Retard du transporteur", description: "Le transporteur signale que le colis est retardé." },
        stalled: { label: "Aucune mise à jour du suivi", description: "Aucun scan du transporteur depuis quelques jours ouvrés pendant le transit." },
        not_picked_up: { label: "Non pris en charge par le transporteur", description: "Une étiquette a été créée, mais le transporteur n’a pas récupéré le colis." },
        eta_passed: { label: "Date de livraison estimée dépassée", description: "Le jour de livraison estimé est passé sans livraison." },
        on_hold: { label: "Commande en attente", description: "Le traitement a été mis en attente (adresse à confirmer, article en rupture…)." },
        rescheduled: { label: "Expédition reprogrammée", description: "Le traitement a été reporté à une date ultérieure." },
        confirmation: { label: "Inscription confirmée", description: "Le client a demandé à être prévenu du retour d’un article épuisé." },
        alert: { label: "De retour en stock", description: "L’article attendu par le client est de nouveau disponible." },
      },
      kinds: {
        unfulfilled: "Non traitée",
        carrier_delay: "Retard du transporteur",
        stalled: "Bloquée en transit",
        not_picked_up: "Non prise en charge",
        eta_passed: "Date estimée dépassée",
        on_hold: "En attente",
        rescheduled: "Reprogrammée",
      },
    },
    de: {
      triggers: { shipping: "Versand-Updates", delay: "Verzögerungshinweise" , back_in_stock: "Wieder-verfügbar-Hinweise" },
      steps: {
        shipped: { label: "Versandt", description: "Eine Ausführung wird erstellt: Versanddienstleister, Sendungsnummer und Link, sofern bekannt." },
        in_transit: { label: "Unterwegs", description: "Der erste Unterwegs-Scan des Versanddienstleisters." },
        out_for_delivery: { label: "In Zustellung", description: "Der Versanddienstleister stellt das Paket heute zu." },
        attempted_delivery: { label: "Zustellversuch", description: "Der Versanddienstleister konnte das Paket nicht zustellen." },
        ready_for_pickup: { label: "Abholbereit", description: "Das Paket wartet an einer Abholstelle." },
        delivered: { label: "Zugestellt", description: "Der Versanddienstleister bestätigt die Zustellung." },
        failure: { label: "Zustellung fehlgeschlagen", description: "Der Versanddienstleister meldet eine fehlgeschlagene Zustellung." },
        unfulfilled: { label: "Noch nicht versandt", description: "Die Bestellung ist einige Geschäftsstunden nach Eingang noch nicht ausgeführt." },
        carrier_delay: { label: "Verzögerung beim Versanddienstleister", description: "Der Versanddienstleister meldet das Paket als verspätet." },
        stalled: { label: "Keine Sendungsupdates", description: "Seit einigen Werktagen kein Scan des Versanddienstleisters während des Transports." },
        not_picked_up: { label: "Nicht vom Versanddienstleister abgeholt", description: "Ein Etikett wurde erstellt, aber der Versanddienstleister hat das Paket nicht abgeholt." },
        eta_passed: { label: "Voraussichtliche Zustellung überschritten", description: "Der voraussichtliche Zustelltag ist ohne Zustellung verstrichen." },
        on_hold: { label: "Bestellung zurückgestellt", description: "Die Ausführung wurde zurückgestellt (Adresse zu bestätigen, Artikel nicht vorrätig …)." },
        rescheduled: { label: "Versand verschoben", description: "Die Ausführung wurde auf einen späteren Termin verschoben." },
        confirmation: { label: "Anmeldung bestätigt", description: "Der Kunde möchte erfahren, wann ein ausverkaufter Artikel zurück ist." },
        alert: { label: "Wieder auf Lager", description: "Der Artikel, auf den der Kunde gewartet hat, ist wieder erhältlich." },
      },
      kinds: {
        unfulfilled: "Nicht ausgeführt",
        carrier_delay: "Verzögerung beim Versanddienstleister",
        stalled: "Unterwegs stecken geblieben",
        not_picked_up: "Nicht abgeholt",
        eta_passed: "Termin überschritten",
        on_hold: "Zurückgestellt",
        rescheduled: "Verschoben",
      },
    },
    hi: {
      triggers: { shipping: "शिपिंग अपडेट", delay: "देरी की सूचनाएँ" , back_in_stock: "स्टॉक में वापसी की सूचनाएँ" },
      steps: {
        shipped: { label: "भेज दिया गया", description: "फ़ुलफ़िलमेंट बनाया गया: कूरियर, ट्रैकिंग नंबर और लिंक, जब पता हों।" },
        in_transit: { label: "रास्ते में", description: "कूरियर का पहला इन-ट्रांज़िट स्कैन।" },
        out_for_delivery: { label: "डिलीवरी के लिए निकला", description: "कूरियर आज पैकेज डिलीवर कर रहा है।" },
        attempted_delivery: { label: "डिलीवरी का प्रयास किया गया", description: "कूरियर पैकेज डिलीवर नहीं कर सका।" },
        ready_for_pickup: { label: "पिकअप के लिए तैयार", description: "पैकेज पिकअप पॉइंट पर इंतज़ार कर रहा है।" },
        delivered: { label: "डिलीवर हो गया", description: "कूरियर डिलीवरी की पुष्टि करता है।" },
        failure: { label: "डिलीवरी विफल", description: "कूरियर डिलीवरी विफल होने की सूचना देता है।" },
        unfulfilled: { label: "अभी तक नहीं भेजा गया", description: "ऑर्डर देने के कुछ कामकाजी घंटे बाद भी वह पूरा नहीं हुआ है।" },
        carrier_delay: { label: "कूरियर की ओर से देरी", description: "कूरियर बताता है कि पैकेज में देरी है।" },
        stalled: { label: "ट्रैकिंग में कोई अपडेट नहीं", description: "रास्ते में रहते हुए कुछ कामकाजी दिनों से कूरियर का कोई स्कैन नहीं।" },
        not_picked_up: { label: "कूरियर ने पिकअप नहीं किया", description: "लेबल बन गया, लेकिन कूरियर ने पैकेज नहीं उठाया।" },
        eta_passed: { label: "अनुमानित डिलीवरी की तारीख निकल गई", description: "अनुमानित डिलीवरी का दिन बिना डिलीवरी के निकल गया।" },
        on_hold: { label: "ऑर्डर होल्ड पर", description: "फ़ुलफ़िलमेंट होल्ड पर रखा गया (पता पक्का करना है, आइटम स्टॉक में नहीं…)।" },
        rescheduled: { label: "शिपिंग की तारीख बदली गई", description: "फ़ुलफ़िलमेंट को बाद की तारीख पर कर दिया गया।" },
        confirmation: { label: "साइन-अप की पुष्टि", description: "ग्राहक ने बिक चुके आइटम के वापस आने पर सूचना माँगी है।" },
        alert: { label: "फिर से स्टॉक में", description: "ग्राहक जिस आइटम का इंतज़ार कर रहा था, वह फिर से खरीदा जा सकता है।" },
      },
      kinds: {
        unfulfilled: "पूरा नहीं हुआ",
        carrier_delay: "कूरियर की ओर से देरी",
        stalled: "रास्ते में अटका",
        not_picked_up: "पिकअप नहीं हुआ",
        eta_passed: "अनुमानित तारीख निकल गई",
        on_hold: "होल्ड पर",
        rescheduled: "तारीख बदली गई",
      },
    },
  },
);

type Group = keyof typeof stepMessages.en;

const spelledOut = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replaceAll("_", " ");

/**
 * Trigger, step and delay-kind names in the admin user's language. Keys Herald has no words for are
 * spelled out from the key ("new_step" -> "New step").
 */
export function useStepNames() {
  const t = useT(stepMessages) as (key: string) => string;
  const known = useCallback((group: Group, key: string, leaf = "") => (Object.hasOwn(stepMessages.en[group], key) ? t(`${group}.${key}${leaf}`) : null), [t]);
  return useMemo(
    () => ({
      trigger: (trigger: string) => known("triggers", trigger) ?? spelledOut(trigger),
      step: (step: string) => known("steps", step, ".label") ?? spelledOut(step),
      description: (step: string) => known("steps", step, ".description") ?? "",
      kind: (kind: string) => known("kinds", kind) ?? spelledOut(kind),
    }),
    [known],
  );
}
