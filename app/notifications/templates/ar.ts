import { defineLocale } from "./build";

// Modern Standard Arabic as stores across the Arab world write to customers: polite, warm, with the
// everyday words of online shopping (طلبك، شحنتك، شركة الشحن، رقم التتبع). The customer is addressed in
// the generic form stores use; requests go through "يُرجى" so they need no gendered imperative where it
// matters. Carrier and store names stay in Latin script, so no Arabic letter is ever joined to them.
//
// The email layout renders Arabic right to left (textDirection). An SMS has no markup: phones take the
// direction of a message from its first letter, so every SMS starts with an Arabic word ("متجر" before the
// store's name) and keeps the link at the end. SMS are UCS-2 (70 characters per segment), about three
// segments with a tracking link.
const carrier = `{% if fulfillment.carrier %} عبر {{ fulfillment.carrier }}{% endif %}`;
const paren = `{% if fulfillment.carrier %} ({{ fulfillment.carrier }}){% endif %}`;
const email = `{% if shop.email %} على {{ shop.email }}{% endif %}`;
// Delay SMS link to the tracking page, or to the order status page when there is no tracking yet.
const trackSms = `{% if fulfillment.tracking_url %} تتبع شحنتك: {{ fulfillment.tracking_url }}{% elsif order.status_url %} التفاصيل: {{ order.status_url }}{% endif %}`;

/** Arabic default templates (Modern Standard Arabic, right to left). */
export const ar = defineLocale({
  locale: "ar",
  layout: {
    trackButton: "تتبع شحنتك",
    orderStatusLink: "عرض طلبك",
    itemsHeading: "محتويات هذه الشحنة",
    orderItemsHeading: "محتويات طلبك",
    footer: "تصلك هذه الرسالة لأنك قدّمت طلبًا لدى متجر {{ shop.name }}.",
    stockFooter: "تصلك هذه الرسالة لأنك طلبت من {{ shop.name }} إعلامك عند توفر منتج من جديد.",
    unsubscribeLink: "إلغاء الاشتراك في هذه الرسائل",
  },
  greeting: `مرحبًا{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}،`,
  trackingNumber: "رقم التتبع",
  trackLink: "تتبع شحنتك",
  orderLink: "عرض طلبك",
  contactPrompt: "هل لديك أي سؤال؟ يسعدنا مساعدتك.",
  contactLink: "تواصل معنا",
  signoff: ["شكرًا لتسوقك معنا،", "{{ shop.name }}"],
  shipping: {
    shipped: {
      subject: "تم شحن طلبك {{ order.name }}",
      body: [
        `يسعدنا إبلاغك بأنه تم شحن طلبك {{ order.name }}${carrier}.`,
        { if: "fulfillment.tracking_url", text: "يمكنك متابعة شحنتك خطوة بخطوة عبر رابط التتبع." },
      ],
      items: true,
      sms: `متجر {{ shop.name }}: مرحبًا{% if customer.first_name != blank %} {{ customer.first_name }}{% endif %}، تم شحن طلبك {{ order.name }}${carrier}.{% if fulfillment.tracking_url %} تتبع شحنتك: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    in_transit: {
      subject: "طلبك {{ order.name }} في الطريق إليك",
      body: [
        `شحنتك في طريقها إليك${carrier}.{% if fulfillment.estimated_delivery_at %} من المتوقع أن تصلك يوم {{ fulfillment.estimated_delivery_at | local_date }}.{% endif %}`,
      ],
      sms: `متجر {{ shop.name }}: طلبك {{ order.name }} في الطريق إليك{% if fulfillment.estimated_delivery_at %}، ومن المتوقع وصوله يوم {{ fulfillment.estimated_delivery_at | local_date: "short" }}{% endif %}.{% if fulfillment.tracking_url %} تتبع شحنتك: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    out_for_delivery: {
      subject: "طلبك {{ order.name }} يصلك اليوم",
      body: [`خرجت شحنتك للتوصيل${carrier}، ومن المتوقع أن تصلك اليوم.`],
      sms: `متجر {{ shop.name }}: خرج طلبك {{ order.name }} للتوصيل ويصلك اليوم!{% if fulfillment.tracking_url %} تتبع شحنتك: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    attempted_delivery: {
      subject: "تعذّر تسليم طلبك {{ order.name }}",
      body: [
        `حاولت شركة الشحن${paren} تسليم شحنتك، لكن تعذّر إتمام التسليم.`,
        "عادةً ما تُعاد المحاولة في يوم العمل التالي، أو تُترك لك ملاحظة توضّح الخطوات التالية.",
      ],
      sms: `متجر {{ shop.name }}: حاولت شركة الشحن تسليم طلبك {{ order.name }} لكن تعذّر ذلك.{% if fulfillment.tracking_url %} الخطوات التالية: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    ready_for_pickup: {
      subject: "طلبك {{ order.name }} جاهز للاستلام",
      body: [
        `طلبك {{ order.name }} بانتظارك في نقطة الاستلام${paren}.`,
        "عند الذهاب للاستلام، يُرجى إحضار رقم الطلب وإثبات هوية يحمل صورة.",
      ],
      sms: `متجر {{ shop.name }}: طلبك {{ order.name }} جاهز للاستلام!{% if fulfillment.tracking_url %} التفاصيل: {{ fulfillment.tracking_url }}{% endif %}`,
    },
    delivered: {
      subject: "تم تسليم طلبك {{ order.name }}",
      body: [
        "تم تسليم شحنتك. نتمنى أن تنال إعجابك!",
        `إذا لم تجدها أو كانت هناك أي مشكلة، يُرجى التواصل معنا${email} وسنساعدك بكل سرور.`,
      ],
      trackingNumber: false,
      sms: `متجر {{ shop.name }}: تم تسليم طلبك {{ order.name }}. نتمنى أن ينال إعجابك! لم تجده؟ تواصل معنا{% if shop.email %}: {{ shop.email }}{% endif %}`,
    },
    failure: {
      subject: "مشكلة في توصيل طلبك {{ order.name }}",
      body: [
        `للأسف، لم تتمكن شركة الشحن${paren} من توصيل شحنتك. قد يحدث ذلك إذا كان العنوان غير مكتمل أو إذا تعرّضت الشحنة لضرر أثناء النقل.`,
        `إذا احتجت إلى مساعدة، يُرجى التواصل معنا${email} وسنجد الحل معًا.`,
      ],
      sms: `متجر {{ shop.name }}: حدثت مشكلة في توصيل طلبك {{ order.name }}. للمساعدة تواصل معنا{% if shop.email %}: {{ shop.email }}{% endif %}{% if fulfillment.tracking_url %} التفاصيل: {{ fulfillment.tracking_url }}{% endif %}`,
    },
  },
  delay: {
    unfulfilled: {
      subject: "مستجدات طلبك {{ order.name }}",
      body: [
        "شكرًا لصبرك. يستغرق تجهيز طلبك {{ order.name }} وقتًا أطول قليلًا من المعتاد، ولم يُشحن بعد.",
        "نعمل على تجهيزه وسنشحنه في أقرب وقت ممكن. نعتذر عن التأخير.",
      ],
      sms: `متجر {{ shop.name }}: يستغرق شحن طلبك {{ order.name }} وقتًا أطول من المعتاد. نعمل عليه ونعتذر عن التأخير.{% if order.status_url %} التفاصيل: {{ order.status_url }}{% endif %}`,
    },
    carrier_delay: {
      subject: `{% if delay.reason == "failure" %}مشكلة في توصيل طلبك {{ order.name }}{% else %}تأخر في توصيل طلبك {{ order.name }}{% endif %}`,
      body: [
        `{% if delay.reason == "failure" %}أبلغتنا شركة الشحن${paren} بحدوث مشكلة أثناء توصيل شحنتك.{% else %}أبلغتنا شركة الشحن${paren} بأن شحنتك ستتأخر.{% endif %}`,
        { if: "delay.new_estimate", text: "الموعد الجديد المتوقع للتسليم: {{ delay.new_estimate | local_date }}." },
        "نعتذر عن هذا التأخير، ونتابع شحنتك عن كثب.",
      ],
      sms: `متجر {{ shop.name }}: أبلغتنا شركة الشحن {% if delay.reason == "failure" %}بمشكلة في توصيل{% else %}بتأخر{% endif %} طلبك {{ order.name }}.{% if delay.new_estimate %} الموعد المتوقع الجديد: {{ delay.new_estimate | local_date: "short" }}.{% endif %}${trackSms}`,
    },
    stalled: {
      subject: "طلبك {{ order.name }} يستغرق وقتًا أطول من المتوقع",
      body: [
        "لم تظهر أي تحديثات في تتبع شحنتك منذ {{ delay.since | local_date }}. غالبًا ما يعني ذلك أنها تنتظر في مركز فرز مزدحم، وأنها لا تزال في الطريق إليك.",
        { if: "delay.new_estimate", text: "تتوقع شركة الشحن حاليًا تسليمها بحلول {{ delay.new_estimate | local_date }}." },
        "نتابع الأمر عن كثب. نعتذر عن الانتظار.",
      ],
      sms: `متجر {{ shop.name }}: لا تحديثات في تتبع طلبك {{ order.name }} منذ {{ delay.since | local_date: "short" }}. غالبًا لا يزال في الطريق، ونحن نتابعه.${trackSms}`,
    },
    not_picked_up: {
      subject: "طلبك {{ order.name }} لم يُشحن بعد",
      body: [
        `طلبك {{ order.name }} مُغلَّف وجاهز، لكن شركة الشحن${paren} لم تستلمه بعد.`,
        "نبذل ما بوسعنا ليُشحن في أقرب وقت. نعتذر عن الانتظار.",
      ],
      sms: `متجر {{ shop.name }}: طلبك {{ order.name }} جاهز، لكن شركة الشحن لم تستلمه بعد. نعتذر عن الانتظار!${trackSms}`,
    },
    eta_passed: {
      subject: `{% if delay.follow_up %}طلبك {{ order.name }} لا يزال في الطريق{% else %}تأخر وصول طلبك {{ order.name }}{% endif %}`,
      body: [
        `{% if delay.follow_up %}نعتذر منك: لم تصل شحنتك في الموعد الجديد المتوقع ({{ delay.since | local_date }}) أيضًا.{% else %}كان من المتوقع أن تصلك شحنتك بحلول {{ delay.since | local_date }}، لكنها لم تُسلَّم بعد.{% endif %}`,
        "أحيانًا تستغرق الشحنات وقتًا أطول قليلًا مما تقدّره شركة الشحن. نحن نتابع الأمر عن كثب.",
      ],
      sms: `متجر {{ shop.name }}: {% if delay.follow_up %}لم يصل طلبك {{ order.name }} في الموعد الجديد ({{ delay.since | local_date: "short" }}) أيضًا{% else %}كان متوقعًا وصول طلبك {{ order.name }} بحلول {{ delay.since | local_date: "short" }}، ولا يزال في الطريق{% endif %}. نعتذر عن الانتظار!${trackSms}`,
    },
    on_hold: {
      subject: `{% if delay.reason == "incorrect_address" %}يُرجى تأكيد عنوان الشحن لطلبك {{ order.name }}{% else %}مستجدات طلبك {{ order.name }}{% endif %}`,
      body: [
        `{% case delay.reason %}{% when "incorrect_address" %}قبل شحن طلبك، نحتاج إلى التحقق من عنوان الشحن. يُرجى التواصل معنا لتأكيده حتى نتمكن من شحن طلبك دون تأخير.{% when "inventory_out_of_stock" %}بعض المنتجات في طلبك غير متوفرة مؤقتًا، لذا علّقنا الطلب إلى حين توفرها. سنشحنه فور جاهزية كل شيء.{% when "awaiting_payment" %}ننتظر تأكيد عملية الدفع، وبمجرد تأكيدها سنبدأ تجهيز طلبك.{% when "awaiting_return_items" %}سنشحن طلبك فور استلامنا المنتجات التي تعيدها.{% else %}اضطررنا إلى تعليق طلبك لفترة قصيرة لتسوية أمر بسيط. سنشحنه في أقرب وقت ممكن.{% endcase %}`,
        "شكرًا لصبرك.",
      ],
      sms: `متجر {{ shop.name }}: {% case delay.reason %}{% when "incorrect_address" %}نحتاج إلى تأكيد عنوانك قبل شحن طلبك {{ order.name }}. يُرجى التواصل معنا: {{ shop.contact_url }}{% when "inventory_out_of_stock" %}أحد منتجات طلبك {{ order.name }} غير متوفر حاليًا. سنشحن طلبك فور توفره.{% else %}طلبك {{ order.name }} معلّق حاليًا. سنشحنه في أقرب وقت ممكن.{% endcase %}`,
    },
    rescheduled: {
      subject: "موعد شحن جديد لطلبك {{ order.name }}",
      body: [
        `{% if delay.follow_up %}نعتذر عن تغيير الموعد مرة أخرى: سيُشحن طلبك {{ order.name }} الآن يوم {{ delay.new_estimate | local_date }}.{% else %}تغيّر موعد شحن طلبك {{ order.name }}: سيُشحن الآن يوم {{ delay.new_estimate | local_date }}.{% endif %}`,
        "شكرًا لصبرك.",
      ],
      sms: `متجر {{ shop.name }}: {% if delay.follow_up %}نعتذر، تغيّر الموعد مرة أخرى. {% endif %}سيُشحن طلبك {{ order.name }} يوم {{ delay.new_estimate | local_date: "short" }}. شكرًا لصبرك!`,
    },
  },
  back_in_stock: {
    buyButton: "تسوق الآن",
    cartLink: "أضف إلى السلة وأتمم الشراء",
    signoff: ["مع أطيب التحيات،", "{{ shop.name }}"],
    confirmation: {
      subject: "سنخبرك عندما يتوفر {{ product.title }} من جديد",
      body: ["سنرسل إليك رسالة بالبريد الإلكتروني فور توفر {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} من جديد."],
      sms: "متجر {{ shop.name }}: {% if signup.confirm_by_reply %}أرسل YES لتصلك رسالة نصية عندما يتوفر {{ product.title }} من جديد.{% else %}سنرسل إليك رسالة نصية عندما يتوفر {{ product.title }} من جديد.{% endif %} أرسل STOP لإلغاء الاشتراك.",
    },
    alert: {
      subject: "متوفر من جديد: {{ product.title }}",
      body: ["خبر سار: {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} متوفر من جديد.", "قد تنفد الكمية بسرعة، فلا تتأخر."],
      sms: "متجر {{ shop.name }}: خبر سار، {{ product.title }}{% if product.variant_title %} ({{ product.variant_title }}){% endif %} متوفر من جديد! تسوق الآن: {{ product.url }}",
    },
  },
});
