import { defineLocale } from "./build";

// Brazilian Portuguese as Brazilian stores write to customers: "você" (seu/sua), warm and direct, with the
// words of Brazilian e-commerce (rastreio, transportadora, saiu para entrega, ponto de retirada, "Fale com
// a gente"). A carrier's name follows "via" or stands in brackets after "a transportadora", so a sentence
// never has to guess its article ("a Jadlog", "os Correios").
//
// Emails are fully accented. SMS bodies are worded so they stay in the GSM-7 alphabet (160 characters per
// segment; one ã, õ, ç, á, í, ó, ú, ê, â or ô would switch the whole text to UCS-2 and 70): é and à are
// GSM, so the SMS say "Oi", "Desculpe a demora", "dados de entrega", "Obrigado por aguardar" instead of
// words that need other accents. No word is ever written without the accent it needs. Short dates
// ("1 de dez.") are GSM in every month.
const carrier = `{% if fulfillment.carrier %} via {{ fulfillment.carrier }}{% endif %}`;
const paren = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const email = `{% if shop.email %} pelo e-mail {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} Acompanhe: {{ fulfillment.tracking_url }}{% elsif order.status_url %} Detalhes: {{ order.status_url }}{% endif %}`;

/** Brazilian Portuguese default templates. */
export const ptBR = defineLocale({
  locale: "pt-BR",
  layout: {
    trackButton: "Acompanhar entrega",
    orderStatusLink: "Ver meu pedido",
    itemsHeading: "Neste pacote",
    orderItemsHeading: "No seu pedido",
    footer: "Você está recebendo este e-mail porque fez um pedido na loja {{ shop.name }}.",
    stockFooter: "Você está recebendo este e-mail porque pediu à {{ shop.name }} para avisar quando um item voltasse ao estoque.",
    unsubscribeLink: "Cancelar a inscrição nestes e-mails",
  },
  greeting: `Olá{% if customer.first_name != blank %}, {{ customer.first_name }}{% endif %}!`,
  trackingNumber: "Código de rastreio",
  trackLink: "Acompanhe a entrega",
  orderLink: "Veja seu pedido",
  contactPrompt: "Ficou com alguma dúvida? Estamos aqui para ajudar.",
  contactLink: "Fale com a gente",
  signoff: ["Obrigado por comprar com a gente!", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "Seu pedido {{ order.name }} está a caminho",
      body: [
        `Boa notícia: seu pedido {{ order.name }} foi enviado${carrier}.`,
        { if: "fulfillment.tracking_url", text: "Com o link de rastreio, você acompanha cada etapa da entrega." },
      ],
      items: true,
      sms: `{{ shop.name }}: Oi{% if customer.first_name != blank %}, {{ customer.first_name }}{% endif %}! Seu pedido {{ order.name }} foi enviado${carrier}.{% if fulfillment.tracking_url %} Acompanhe: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "Seu pedido {{ order.name }} segue a caminho",
      body: [
        `Seu pacote segue a caminho${carrier}.{% if fulfillment.estimated_delivery_at %} A entrega está prevista para {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `{{ shop.name }}: seu pedido {{ order.name }} segue a caminho{% if fulfillment.estimated_delivery_at %} (entrega prevista para {{ fulfillment.estimated_delivery_at | local_date: "short" }}){% endif %}.{% if fulfillment.tracking_url %} Acompanhe: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "Seu pedido {{ order.name }} chega hoje!",
      body: [`Seu pacote saiu para entrega${carrier} e deve chegar hoje. Fique de olho!`],
      sms: `{{ shop.name }}: seu pedido {{ order.name }} saiu para entrega e deve chegar hoje!{% if fulfillment.tracking_url %} Acompanhe: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "Tentativa de entrega do pedido {{ order.name }}",
      body: [
        `A transportadora${paren} tentou entregar seu pacote, mas não conseguiu concluir a entrega.`,
        "Normalmente, uma nova tentativa é feita no próximo dia útil, ou fica um aviso explicando o que fazer.",
      ],
      sms: `{{ shop.name }}: a transportadora tentou entregar seu pedido {{ order.name }}, mas ninguém atendeu.{% if fulfillment.tracking_url %} Veja o que fazer: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "Seu pedido {{ order.name }} está pronto para retirada",
      body: [
        `Seu pedido {{ order.name }} já está esperando por você no ponto de retirada{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}.`,
        "Na hora de retirar, leve o número do pedido e um documento com foto.",
      ],
      sms: `{{ shop.name }}: seu pedido {{ order.name }} chegou ao ponto de retirada!{% if fulfillment.tracking_url %} Detalhes: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "Seu pedido {{ order.name }} foi entregue",
      body: [
        "Seu pacote foi entregue. Esperamos que você goste!",
        `Não encontrou o pacote ou algo não está certo? Fale com a gente${email} que a gente resolve.`,
      ],
      trackingNumber: false,
      sms: `{{ shop.name }}: seu pedido {{ order.name }} foi entregue. Esperamos que goste! Algum problema? Fale com a gente{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
    failure: {
      subject: "Problema na entrega do seu pedido {{ order.name }}",
      body: [
        `Infelizmente, a transportadora${paren} não conseguiu entregar seu pacote. Isso pode acontecer quando o endereço está incompleto ou o pacote é danificado no caminho.`,
        `Se precisar de ajuda, fale com a gente${email}. Vamos resolver juntos.`,
      ],
      sms: `{{ shop.name }}: houve um problema na entrega do seu pedido {{ order.name }}.{% if fulfillment.tracking_url %} Detalhes: {{ fulfillment.tracking_url }}{% endif %} Precisa de ajuda? Fale com a gente{% if shop.email %}: {{ shop.email }}{% endif %}.`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "Novidades sobre o seu pedido {{ order.name }}",
      body: [
        "Obrigado pela paciência. A preparação do seu pedido {{ order.name }} está levando um pouco mais de tempo do que o normal, e ele ainda não foi enviado.",
        "Já estamos cuidando disso e vamos enviá-lo o quanto antes. Desculpe pela demora.",
      ],
      sms: `{{ shop.name }}: seu pedido {{ order.name }} vai levar um pouco mais de tempo do que o normal para ser enviado. Estamos cuidando disso. Desculpe a demora!{% if order.status_url %} Detalhes: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}Problema na entrega do seu pedido {{ order.name }}{% else %}Seu pedido {{ order.name }} está atrasado{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}A transportadora${paren} nos avisou que teve um problema na entrega do seu pacote.{% else %}A transportadora${paren} nos avisou que seu pacote está atrasado.{% endif %}`,
        { if: "delay.new_estimate", text: "A nova previsão de entrega é {{ delay.new_estimate | local_date }}." },
        "Pedimos desculpas pelo atraso. Estamos acompanhando tudo de perto.",
      ],
      sms: `{{ shop.name }}: {% if delay.reason == "failure" %}a transportadora teve um problema na entrega do seu pedido {{ order.name }}{% else %}a transportadora avisou que seu pedido {{ order.name }} vai atrasar{% endif %}{% if delay.new_estimate %} (nova data prevista: {{ delay.new_estimate | local_date: "short" }}){% endif %}.${trackSms}`,
    },
    stalled: {
      subject: "Seu pedido {{ order.name }} está demorando mais do que o previsto",
      body: [
        "O rastreio do seu pacote não tem atualizações desde {{ delay.since | local_date }}. Normalmente, isso significa que ele está parado em um centro de distribuição movimentado, mas continua a caminho.",
        { if: "delay.new_estimate", text: "No momento, a transportadora prevê a entrega até {{ delay.new_estimate | local_date }}." },
        "Estamos de olho. Desculpe pela demora!",
      ],
      sms: `{{ shop.name }}: o rastreio do seu pedido {{ order.name }} segue sem novidades desde {{ delay.since | local_date: "short" }}, mas ele deve continuar a caminho. Estamos de olho.${trackSms}`,
    },
    not_picked_up: {
      subject: "Seu pedido {{ order.name }} ainda não saiu",
      body: [
        `Seu pedido {{ order.name }} já está embalado e pronto, mas a transportadora${paren} ainda não passou para retirá-lo.`,
        "Estamos fazendo o possível para que ele saia logo. Desculpe pela demora!",
      ],
      sms: `{{ shop.name }}: seu pedido {{ order.name }} foi embalado e aguarda a coleta da transportadora. Desculpe a demora!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}Seu pedido {{ order.name }} continua a caminho{% else %}Seu pedido {{ order.name }} está atrasado{% endif %}`,
      body: [
        `{% if delay.follow_up %}Pedimos desculpas: seu pacote também não chegou na nova data prevista ({{ delay.since | local_date }}).{% else %}Seu pacote deveria ter chegado até {{ delay.since | local_date }}, mas ainda não foi entregue.{% endif %}`,
        "Às vezes a entrega leva um pouco mais de tempo do que a transportadora prevê. Estamos acompanhando tudo de perto.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}seu pedido {{ order.name }} segue a caminho, mesmo depois da nova data prevista ({{ delay.since | local_date: "short" }}){% else %}seu pedido {{ order.name }} tinha entrega prevista para {{ delay.since | local_date: "short" }} e segue a caminho{% endif %}. Desculpe a demora!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}Confirme seu endereço de entrega (pedido {{ order.name }}){% else %}Novidades sobre o seu pedido {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}Antes de enviar seu pedido, precisamos confirmar seu endereço de entrega. Fale com a gente para confirmá-lo, e logo colocamos seu pedido a caminho.{% when "inventory_out_of_stock" %}Um ou mais itens do seu pedido estão temporariamente sem estoque, por isso deixamos o pedido em espera até que eles voltem. Vamos enviá-lo assim que tudo estiver pronto.{% when "awaiting_payment" %}Estamos aguardando a confirmação do seu pagamento. Assim que ele for confirmado, vamos preparar seu pedido.{% when "awaiting_return_items" %}Vamos enviar seu pedido assim que recebermos os itens que você está devolvendo.{% else %}Precisamos deixar seu pedido em espera por um momento para resolver um detalhe. Vamos enviá-lo assim que possível.{% endcase %}`,
        "Obrigado pela paciência.",
      ],
      sms: `{{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}precisamos confirmar os dados de entrega do seu pedido {{ order.name }} antes de enviar. Fale com a gente: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}um item do seu pedido {{ order.name }} ficou sem estoque por enquanto. Vamos enviar o pedido assim que ele voltar.{% else %}seu pedido {{ order.name }} ficou em espera por enquanto. Vamos enviar o pedido o quanto antes.{% endcase %}`,
    },
    rescheduled: {
      subject: "Nova data de envio do seu pedido {{ order.name }}",
      body: [
        `{% if delay.follow_up %}Pedimos desculpas por mudar a data mais uma vez: a nova data de envio do seu pedido {{ order.name }} é {{ delay.new_estimate | local_date }}.{% else %}Mudamos a data de envio do seu pedido {{ order.name }}: a nova data é {{ delay.new_estimate | local_date }}.{% endif %}`,
        "Obrigado pela paciência.",
      ],
      sms: `{{ shop.name }}: {% if delay.follow_up %}desculpe, mudamos a data de novo. O{% else %}o{% endif %} envio do seu pedido {{ order.name }} ficou para {{ delay.new_estimate | local_date: "short" }}`,
    },
  },
  back_in_stock: {
    buyButton: "Comprar agora",
    cartLink: "Adicionar ao carrinho e finalizar a compra",
    signoff: ["Até breve!", "{{ shop.name }}"],
    confirmation: {
      subject: "Vamos avisar quando {{ product.title }} voltar",
      body: ["Enviaremos um e-mail assim que {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} voltar ao estoque."],
      sms: "{{ shop.name }}: {% if signup.confirm_by_reply %}responda YES para receber um SMS quando {{ product.title }} voltar ao estoque.{% else %}enviaremos um SMS quando {{ product.title }} voltar ao estoque.{% endif %} Responda STOP para cancelar.",
    },
    alert: {
      subject: "{{ product.title }} voltou ao estoque",
      body: ["Boa notícia: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} voltou ao estoque.", "Pode esgotar de novo rapidinho, então não espere muito."],
      sms: "{{ shop.name }}: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} voltou ao estoque! Compre aqui: {{ product.url }}",
    },
  },
});
