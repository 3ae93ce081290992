import { defineLocale } from "./build";

// SMS bodies avoid á, í, ó and ú on purpose: they are not in the GSM-7 alphabet and one of them would
// turn the whole text into UCS-2 (70 characters per segment instead of 160). é, ñ, ¡ and ¿ are fine.
const carrier = `{% if fulfillment.carrier %} con {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} a {{ shop.email }}{% endif %}`;

/** Spanish default templates (neutral, tuteo, understood from Madrid to Buenos Aires). */
export const es = defineLocale({
  locale: "es",
  layout: {
    trackButton: "Seguir mi paquete",
    orderStatusLink: "Ver mi pedido",
    itemsHeading: "En este paquete",
    footer: "Recibes este correo porque hiciste un pedido en {{ shop.name }}.",
  },
  greeting: `Hola{% if customer.first_name != blank %}, {{ customer.first_name }}{% endif %}:`,
  trackingNumber: "Número de seguimiento",
  trackLink: "Sigue tu paquete",
  orderLink: "Ver tu pedido",
  signoff: ["¡Gracias por tu compra!", "{{ shop.name }}"],
  steps: {
    shipped: {
      subject: "Tu pedido {{ order.name }} ya va en camino",
      body: [
        `¡Buenas noticias! Ya enviamos tu pedido {{ order.name }}${carrier}.`,
        { if: "fulfillment.tracking_url", text: "Con el enlace de seguimiento puedes ver dónde está tu paquete en todo momento." },
      ],
      items: true,
      sms: `{{ shop.name }}: ¡Hola{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}! Tu pedido {{ order.name }} ya va en camino${carrier}.{% if fulfillment.tracking_url %} Sigue tu paquete: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Tu pedido {{ order.name }} sigue su camino",
      body: [
        `Tu paquete sigue en camino hacia ti${carrier}.{% if fulfillment.estimated_delivery_at %} Debería llegar el {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: tu pedido {{ order.name }} sigue en camino{% if fulfillment.estimated_delivery_at %} y esperamos que llegue el {{ fulfillment.estimated_delivery_at | local_date: "short" }}{% endif %}.{% if fulfillment.tracking_url %} Sigue tu paquete: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "¡Tu pedido {{ order.name }} llega hoy!",
      body: [`Tu paquete ya está en reparto${carrier} y debería llegar hoy. ¡Atención al timbre!`],
      sms: `{{ shop.name }}: ¡tu pedido {{ order.name }} llega hoy!{% if fulfillment.tracking_url %} Sigue el reparto: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Intentaron entregar tu pedido {{ order.name }}",
      body: [
        `{{ fulfillment.carrier | default: "La empresa de transporte" }} intentó entregar tu paquete, pero no pudo completar la entrega.`,
        "Normalmente lo vuelven a intentar el siguiente día hábil o dejan un aviso con los pasos a seguir.",
      ],
      sms: `{{ shop.name }}: intentaron entregar tu pedido {{ order.name }}, pero no te encontraron.{% if fulfillment.tracking_url %} Pasos a seguir: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Tu pedido {{ order.name }} está listo para recoger",
      body: [
        `Tu pedido {{ order.name }} ya te espera en el punto de recogida{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Cuando vayas a recogerlo, lleva tu número de pedido y un documento de identidad.",
      ],
      sms: `{{ shop.name }}: ¡tu pedido {{ order.name }} te espera! Ya puedes recogerlo.{% if fulfillment.tracking_url %} Detalles: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "¡Tu pedido {{ order.name }} ha llegado!",
      body: [
        "Tu paquete ya fue entregado. ¡Esperamos que lo disfrutes!",
        `Si no lo encuentras o algo no está bien, escríbenos${email} y lo solucionamos.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: ¡tu pedido {{ order.name }} ha llegado! Esperamos que lo disfrutes. Si no lo encuentras, contacta con nosotros{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Hay un problema con la entrega de tu pedido {{ order.name }}",
      body: [
        `Lo sentimos: la empresa de transporte no pudo entregar tu paquete{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}. Puede pasar cuando la dirección está incompleta o el paquete sufre algún daño en el camino.`,
        `Si necesitas ayuda, escríbenos${email}. Lo resolvemos juntos.`,
      ],
      sms: `{{ shop.name }}: hay un problema con la entrega de tu pedido {{ order.name }}.{% if fulfillment.tracking_url %} Detalles: {{ fulfillment.tracking_url }}{% endif %} Si necesitas ayuda, contacta con nosotros{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
});
