import { defineLocale } from "./build";

// Japanese as online shops write to customers: polite です/ます with the humble forms of customer service
// (いたします, ございます, おります), the customer addressed by name with 様 (family name first when known,
// "お客様" when there is no name), the order number in full-width brackets: ご注文（#1001）.
//
// SMS follow the Japanese convention of the sender in 【】 at the start, and keep every link at the very end:
// Japanese has no spaces, and text running straight after a URL could be swallowed into the link. They are
// UCS-2 (70 characters per segment) and kept to about three segments with a tracking link.
const name = `{% if customer.last_name != blank %}{{ customer.last_name }}{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %} 様{% elsif customer.first_name != blank %}{{ customer.first_name }} 様{% else %}お客様{% endif %}`;
const by = `{% if fulfillment.carrier %}{{ fulfillment.carrier }}にて{% endif %}`;
const carrier = `{% if fulfillment.carrier %}（{{ fulfillment.carrier }}）{% endif %}`;
const email = `{% if shop.email %}（{{ shop.email }}）{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %}配送状況：{{ fulfillment.tracking_url }}{% elsif order.status_url %}詳細：{{ order.status_url }}{% endif %}`;

/** Japanese default templates. */
export const ja = defineLocale({
  locale: "ja",
  layout: {
    trackButton: "配送状況を確認する",
    orderStatusLink: "ご注文内容を確認する",
    itemsHeading: "この荷物の商品",
    orderItemsHeading: "ご注文の商品",
    footer: "このメールは、{{ shop.name }}でご注文いただいたお客様にお送りしています。",
    stockFooter: "このメールは、商品の再入荷をお知らせするよう{{ shop.name }}にご依頼いただいたため送信しています。",
    unsubscribeLink: "これらのメールの配信を停止する",
  },
  greeting: name,
  trackingNumber: "追跡番号",
  trackLink: "配送状況の確認",
  orderLink: "ご注文内容の確認",
  contactPrompt: "ご不明な点がございましたら、お気軽にお問い合わせください。",
  contactLink: "お問い合わせ",
  signoff: ["今後ともよろしくお願いいたします。", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "ご注文（{{ order.name }}）の商品を発送しました",
      body: [
        "このたびはご注文いただき、誠にありがとうございます。",
        `ご注文（{{ order.name }}）の商品を${by}発送いたしました。`,
        { if: "fulfillment.tracking_url", text: "配送状況は、追跡リンクからいつでもご確認いただけます。" },
      ],
      items: true,
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品を${by}発送しました。{% if fulfillment.tracking_url %}配送状況：{{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "ご注文（{{ order.name }}）の商品は配送中です",
      body: [
        `お荷物は${by}お届け先へ向けて配送中です。{% if fulfillment.estimated_delivery_at %}{{ fulfillment.estimated_delivery_at | local_date }}にお届けの予定です。{% endif %}`,
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品は配送中です。{% if fulfillment.estimated_delivery_at %}{{ fulfillment.estimated_delivery_at | local_date: "short" }}にお届けの予定です。{% endif %}{% if fulfillment.tracking_url %}配送状況：{{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "ご注文（{{ order.name }}）の商品を本日お届けします",
      body: [`お荷物は${by}配達中で、本日中にお届けの予定です。到着まで今しばらくお待ちください。`],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品は本日お届けの予定です。{% if fulfillment.tracking_url %}配送状況：{{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "ご注文（{{ order.name }}）のお荷物をお届けできませんでした",
      body: [
        `{{ fulfillment.carrier | default: "配送業者" }}がお荷物のお届けに伺いましたが、お渡しできませんでした。`,
        "通常は翌営業日に再度お届けにあがるか、今後の流れを記したご不在連絡票が届きます。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）のお荷物をお届けに伺いましたが、ご不在のためお渡しできませんでした。{% if fulfillment.tracking_url %}詳細：{{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "ご注文（{{ order.name }}）の商品のお受け取り準備が整いました",
      body: [
        `ご注文（{{ order.name }}）の商品が受け取り場所${carrier}に届いています。`,
        "お受け取りの際は、ご注文番号と写真付きの身分証明書をお持ちください。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品が受け取り場所に届きました。{% if fulfillment.tracking_url %}詳細：{{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "ご注文（{{ order.name }}）の商品をお届けしました",
      body: [
        "お荷物のお届けが完了しました。お気に召していただけましたら幸いです。",
        `お荷物が見当たらない場合や、商品に不備がございましたら、お気軽にお問い合わせください${email}。`,
      ],
      trackingNumber: false,
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品をお届けしました。お荷物が見当たらない場合はご連絡ください{% if shop.email %}（{{ shop.email }}）{% endif %}。`,
    },
    failure: {
      subject: "ご注文（{{ order.name }}）の配送に問題が発生しました",
      body: [
        `申し訳ございません。配送業者${carrier}がお荷物をお届けできませんでした。ご住所の情報が不足している場合や、輸送中に荷物が破損した場合などに起こることがございます。`,
        `お困りの際は、お気軽にお問い合わせください${email}。速やかに対応いたします。`,
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の配送に問題が発生しました。お困りの際はご連絡ください{% if shop.email %}（{{ shop.email }}）{% endif %}。{% if fulfillment.tracking_url %}詳細：{{ fulfillment.tracking_url }}{% endif %}`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "ご注文（{{ order.name }}）の発送状況のお知らせ",
      body: [
        "お待たせしており申し訳ございません。ご注文（{{ order.name }}）の商品は、ご用意に通常より少しお時間をいただいており、まだ発送できておりません。",
        "できるだけ早くお届けできるよう準備を進めております。今しばらくお待ちいただけますと幸いです。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の発送が通常より遅れております。大変申し訳ございません。できるだけ早く発送いたします。{% if order.status_url %}詳細：{{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}ご注文（{{ order.name }}）の配送に問題が発生しました{% else %}ご注文（{{ order.name }}）のお届けが遅れています{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}{{ fulfillment.carrier | default: "配送業者" }}より、お荷物の配送中に問題が発生したとの連絡がありました。{% else %}{{ fulfillment.carrier | default: "配送業者" }}より、お荷物のお届けが遅れているとの連絡がありました。{% endif %}`,
        { if: "delay.new_estimate", text: "新しいお届け予定日は{{ delay.new_estimate | local_date }}です。" },
        "ご迷惑をおかけして申し訳ございません。引き続き配送状況を確認してまいります。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）{% if delay.reason == "failure" %}の配送中に問題が発生したと{% else %}のお届けが遅れていると{% endif %}配送業者より連絡がありました。{% if delay.new_estimate %}新しいお届け予定日は{{ delay.new_estimate | local_date: "short" }}です。{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "ご注文（{{ order.name }}）のお届けに時間がかかっております",
      body: [
        "{{ delay.since | local_date }}以降、お荷物の追跡情報が更新されていません。多くの場合、混雑した仕分け拠点で順番を待っているだけで、お荷物は引き続き配送中です。",
        { if: "delay.new_estimate", text: "現在、配送業者は{{ delay.new_estimate | local_date }}までのお届けを予定しております。" },
        "引き続き状況を確認してまいります。お待たせして申し訳ございません。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の追跡情報が{{ delay.since | local_date: "short" }}以降更新されていません。配送は続いているとみられ、引き続き確認してまいります。${trackSms}`,
    },
    not_picked_up: {
      subject: "ご注文（{{ order.name }}）の集荷が遅れています",
      body: [
        `ご注文（{{ order.name }}）の商品は梱包を終えて発送の準備ができておりますが、{{ fulfillment.carrier | default: "配送業者" }}による集荷がまだ行われていません。`,
        "できるだけ早く発送できるよう対応しております。お待たせして申し訳ございません。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）の商品は梱包済みですが、配送業者の集荷がまだです。お待たせして申し訳ございません。${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}ご注文（{{ order.name }}）は引き続き配送中です{% else %}ご注文（{{ order.name }}）のお届けが遅れています{% endif %}`,
      body: [
        `{% if delay.follow_up %}申し訳ございません。新しいお届け予定日（{{ delay.since | local_date }}）を過ぎましたが、お荷物はまだ届いておりません。{% else %}お荷物は{{ delay.since | local_date }}にお届けの予定でしたが、まだ配達が完了しておりません。{% endif %}`,
        "配送業者の予定より多少お時間がかかる場合がございます。引き続き状況を確認してまいります。",
      ],
      sms: `【{{ shop.name }}】ご注文（{{ order.name }}）は{% if delay.follow_up %}新しいお届け予定日（{{ delay.since | local_date: "short" }}）を過ぎましたが{% else %}{{ delay.since | local_date: "short" }}にお届けの予定でしたが{% endif %}、まだ配送中です。お待たせして申し訳ございません。${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}ご注文（{{ order.name }}）のお届け先住所のご確認のお願い{% else %}ご注文（{{ order.name }}）の発送状況のお知らせ{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}ご注文の商品を発送する前に、お届け先のご住所を確認させていただく必要がございます。お手数ですが、当店までご連絡いただけますでしょうか。確認が取れ次第、すぐに発送いたします。{% when "inventory_out_of_stock" %}ご注文の商品の一部が一時的に在庫切れとなっているため、入荷までご注文を保留とさせていただいております。すべての商品が揃い次第、発送いたします。{% when "awaiting_payment" %}現在、お支払いの確認をお待ちしております。確認が取れ次第、商品の準備を進めます。{% when "awaiting_return_items" %}ご返品いただく商品が当店に届き次第、ご注文の商品を発送いたします。{% else %}確認事項があるため、ご注文を一時的に保留とさせていただいております。できるだけ早く発送いたします。{% endcase %}`,
        "今しばらくお待ちいただけますと幸いです。",
      ],
      sms: `【{{ shop.name }}】{% case delay.reason %}{% when "incorrect_address" %}ご注文（{{ order.name }}）の発送前に、お届け先のご住所の確認が必要です。お手数ですが、こちらからご連絡ください：{{ shop.contact_url }}{% when "inventory_out_of_stock" %}ご注文（{{ order.name }}）の商品の一部が一時的に在庫切れです。入荷次第、発送いたします。{% else %}ご注文（{{ order.name }}）は現在保留となっております。できるだけ早く発送いたします。{% endcase %}`,
    },
    rescheduled: {
      subject: "ご注文（{{ order.name }}）の発送日変更のお知らせ",
      body: [
        `{% if delay.follow_up %}度重なる変更となり申し訳ございません。{% endif %}ご注文（{{ order.name }}）の発送日が{{ delay.new_estimate | local_date }}に変更となりました。`,
        "今しばらくお待ちいただけますと幸いです。",
      ],
      sms: `【{{ shop.name }}】{% if delay.follow_up %}度々申し訳ございません。{% endif %}ご注文（{{ order.name }}）の発送日が{{ delay.new_estimate | local_date: "short" }}に変更となりました。今しばらくお待ちください。`,
    },
  },
  back_in_stock: {
    buyButton: "今すぐ購入",
    cartLink: "カートに入れて購入手続きへ",
    signoff: ["今後ともよろしくお願いいたします。", "{{ shop.name }}"],
    confirmation: {
      subject: "{{ product.title }}の再入荷をお知らせします",
      body: ["{{ product.title }}{% if product.variant_title %}（{{ product.variant_title }}）{% endif %}が再入荷しましたら、すぐにメールでお知らせします。"],
      sms: "{{ shop.name }}：{% if signup.confirm_by_reply %}{{ product.title }}の再入荷をSMSで受け取るには、YESと返信してください。{% else %}{{ product.title }}が再入荷したらSMSでお知らせします。{% endif %}配信停止はSTOPと返信してください。",
    },
    alert: {
      subject: "{{ product.title }}が再入荷しました",
      body: ["お待たせしました。{{ product.title }}{% if product.variant_title %}（{{ product.variant_title }}）{% endif %}が再入荷しました。", "数に限りがありますので、お早めにお求めください。"],
      sms: "{{ shop.name }}：{{ product.title }}{% if product.variant_title %}（{{ product.variant_title }}）{% endif %}が再入荷しました！ご購入はこちら：{{ product.url }}",
    },
  },
});
