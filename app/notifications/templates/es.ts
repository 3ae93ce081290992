import { defineLocale } from "./build";

// SMS bodies avoid á, í, ó and ú on purpose: they are not in the GSM-7 alphabet and one of them would
// turn the whole text into UCS-2 (70 characters per segment instead of 160). é, ñ, ¡ and ¿ are fine.
const carrier = `{% if fulfillment.carrier %} con {{ fulfillment.carrier }}{% endif %}`;
const email = `{% if shop.email %} a {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Sigue tu paquete: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Detalles: {{ order.status_url }}{% endif %}`;

/** Spanish default templates (neutral, tuteo, understood from Madrid to Buenos Aires). */
export const es = defineLocale({
  locale: "es",
  layout: {
    trackButton: "Seguir mi paquete",
    orderStatusLink: "Ver mi pedido",
    itemsHeading: "En este paquete",
    orderItemsHeading: "En tu pedido",
    footer: "Recibes este correo porque hiciste un pedido en {{ shop.name }}.",
    stockFooter: "Recibes este correo porque pediste a {{ shop.name }} que te avisara cuando un artículo volviera a estar disponible.",
    unsubscribeLink: "Darme de baja de estos correos",
  },
  greeting: `Hola{% if customer.first_name != blank %}, {{ customer.first_name }}{% endif %}:`,
  trackingNumber: "Número de seguimiento",
  trackLink: "Sigue tu paquete",
  orderLink: "Ver tu pedido",
  contactPrompt: "¿Tienes alguna pregunta? Estamos aquí para ayudarte.",
  contactLink: "Contáctanos",
  signoff: ["¡Gracias por tu compra!", "{{ shop.name }}"],
  shipping: {
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
  delay: {
    unfulfilled: {
      subject: "Novedades sobre tu pedido {{ order.name }}",
      body: [
        "Gracias por tu paciencia. Preparar tu pedido {{ order.name }} nos está llevando un poco más de lo habitual y todavía no ha salido.",
        "Ya estamos en ello y lo enviaremos lo antes posible. Sentimos la espera.",
      ],
      sms: `{{ shop.name }}: tu pedido {{ order.name }} va con algo de retraso, pero ya estamos en ello. ¡Perdona la espera!{% if order.status_url %} Detalles: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Hay un problema con la entrega de tu pedido {{ order.name }}{% else %}Tu pedido {{ order.name }} viene con retraso{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "La empresa de transporte" }} nos ha avisado de que tuvo un problema al entregar tu paquete.{% else %}{{ fulfillment.carrier | default: "La empresa de transporte" }} nos ha avisado de que tu paquete lleva retraso.{% endif %}`,
        { if: "delay.new_estimate", text: "La nueva fecha estimada de entrega es el {{ delay.new_estimate | local_date }}." },
        "Sentimos el retraso. Seguimos pendientes de tu envío.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}hubo un problema con la entrega de tu pedido {{ order.name }}{% else %}tu pedido {{ order.name }} viene con retraso{% endif %}.{% if delay.new_estimate %} Nueva fecha estimada: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "Tu pedido {{ order.name }} está tardando más de lo previsto",
      body: [
        "Tu paquete no tiene novedades de seguimiento desde el {{ delay.since | local_date }}. Normalmente significa que está esperando en un centro de clasificación con mucho volumen y que sigue en camino.",
        { if: "delay.new_estimate", text: "Por ahora, la empresa de transporte prevé entregarlo el {{ delay.new_estimate | local_date }}." },
        "Seguimos pendientes de tu envío. Sentimos la espera.",
      ],
      sms: `{{ shop.name }}: tu pedido {{ order.name }} no tiene novedades de seguimiento desde el {{ delay.since | local_date: "short" }}. Seguramente sigue en camino y estamos pendientes.${trackSms}`,
    },
    not_picked_up: {
      subject: "Tu pedido {{ order.name }} aún no ha salido",
      body: [
        `Tu pedido {{ order.name }} ya está preparado, pero {{ fulfillment.carrier | default: "la empresa de transporte" }} todavía no ha pasado a recogerlo.`,
        "Haremos lo posible para que salga cuanto antes. Sentimos la espera.",
      ],
      sms: `{{ shop.name }}: ya tenemos listo tu pedido {{ order.name }}, pero la empresa de transporte no ha pasado a recogerlo. ¡Perdona la espera!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Tu pedido {{ order.name }} sigue en camino{% else %}Tu pedido {{ order.name }} viene con retraso{% endif %}`,
      body: [
        `{% if delay.follow_up %}Lo sentimos: tu paquete tampoco llegó en la nueva fecha estimada ({{ delay.since | local_date }}).{% else %}Esperábamos que tu paquete llegara el {{ delay.since | local_date }}, pero todavía no se ha entregado.{% endif %}`,
        "A veces los envíos tardan un poco más de lo que estima la empresa de transporte. Seguimos pendientes.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}tu pedido {{ order.name }} sigue sin llegar tras la nueva fecha estimada ({{ delay.since | local_date: "short" }}){% else %}la fecha estimada de tu pedido {{ order.name }} era el {{ delay.since | local_date: "short" }} y sigue en camino{% endif %}. ¡Perdona la espera!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Necesitamos confirmar tu dirección de envío (pedido {{ order.name }}){% else %}Novedades sobre tu pedido {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Antes de enviar tu pedido necesitamos comprobar tu dirección de envío. Escríbenos para confirmarla y lo pondremos en camino enseguida.{% when "inventory_out_of_stock" %}Uno o más artículos de tu pedido están agotados temporalmente, así que lo hemos dejado en espera hasta que vuelvan. Lo enviaremos en cuanto esté todo listo.{% when "awaiting_payment" %}Estamos esperando la confirmación de tu pago. En cuanto la recibamos, prepararemos tu pedido.{% when "awaiting_return_items" %}Enviaremos tu pedido en cuanto recibamos los artículos que nos devuelves.{% else %}Hemos tenido que dejar tu pedido en espera un momento mientras resolvemos un detalle. Lo enviaremos en cuanto podamos.{% endcase %}`,
        "Gracias por tu paciencia.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}necesitamos confirmar los datos de entrega de tu pedido {{ order.name }} antes de enviarlo. Contacta con nosotros: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}un producto de tu pedido {{ order.name }} se ha agotado por ahora. Enviaremos tu pedido en cuanto vuelva.{% else %}tu pedido {{ order.name }} queda en espera por ahora. Lo enviaremos en cuanto podamos.{% endcase %}`,
    },
    rescheduled: {
      subject: "Nueva fecha de envío para tu pedido {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Sentimos tener que cambiar la fecha otra vez: tu pedido {{ order.name }} saldrá el {{ delay.new_estimate | local_date }}.{% else %}Hemos cambiado la fecha de envío de tu pedido {{ order.name }}: saldrá el {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Gracias por tu paciencia.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}lo sentimos, cambia de nuevo la fecha. Nueva{% else %}nueva{% endif %} fecha de salida de tu pedido {{ order.name }}: el {{ delay.new_estimate | local_date: "short" }}. ¡Gracias por tu paciencia!`,
    },
  },
  back_in_stock: {
    buyButton: "Comprar ahora",
    cartLink: "Añadir al carrito y pagar",
    signoff: ["¡Hasta pronto!", "{{ shop.name }}"],
    confirmation: {
      subject: "Te avisaremos cuando vuelva {{ product.title }}",
      body: ["Te enviaremos un correo en cuanto {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} vuelva a estar disponible."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}responde YES para recibir un SMS cuando {{ product.title }} vuelva a estar disponible.{% else %}te enviaremos un SMS cuando {{ product.title }} vuelva a estar disponible.{% endif %} Responde STOP para darte de baja.",
    },
    alert: {
      subject: "{{ product.title }} vuelve a estar disponible",
      body: ["Buenas noticias: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} vuelve a estar disponible.", "Puede agotarse de nuevo pronto, así que no esperes demasiado."],
      sms: "{{ shop.name }}: ¡{{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} vuelve a estar disponible! Cómpralo aquí: {{ product.url }}",
    },
  },
});
