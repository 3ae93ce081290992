import type { LayoutLabels } from "./types";

// The email layout's words in the languages a merchant may write templates in but Herald has no
// default templates for (TEMPLATE_LOCALES in index.ts). A merchant's Hebrew body then sits in a
// Hebrew frame: button, links, headings, footer and the unsubscribe link. Locales with default
// templates keep their labels in their own file, next to the rest of their copy.
//
// Short UI strings, in the register stores use. The shop's name is kept out of case endings and
// prefixes (Hebrew ב-/מ-, Turkish and Polish case suffixes, Bengali and Kannada postpositions) by
// a word for "the shop" or a separate postposition, since it is usually a Latin-script name.

/** Layout labels of languages without default templates, by locale. */
export const MORE_LAYOUT_LABELS: Readonly<Record<string, LayoutLabels>> = {
  bn: {
    trackButton: "আপনার পার্সেল ট্র্যাক করুন",
    orderStatusLink: "আপনার অর্ডার দেখুন",
    itemsHeading: "এই পার্সেলে যা আছে",
    orderItemsHeading: "আপনার অর্ডারে যা আছে",
    footer: "আপনি {{ shop.name }} থেকে অর্ডার করেছেন বলে এই ইমেলটি পাচ্ছেন।",
    stockFooter: "কোনো পণ্য আবার স্টকে এলে {{ shop.name }} থেকে খবর পেতে চেয়েছিলেন বলে আপনি এই ইমেলটি পাচ্ছেন।",
    unsubscribeLink: "এই ইমেলগুলো থেকে আনসাবস্ক্রাইব করুন",
  },
  fa: {
    trackButton: "پیگیری مرسوله",
    orderStatusLink: "مشاهدهٔ سفارش",
    itemsHeading: "محتویات این مرسوله",
    orderItemsHeading: "محتویات سفارش شما",
    footer: "این ایمیل را دریافت می‌کنید چون از فروشگاه {{ shop.name }} سفارش داده‌اید.",
    stockFooter: "این ایمیل را دریافت می‌کنید چون از فروشگاه {{ shop.name }} خواسته‌اید وقتی کالایی دوباره موجود شد به شما خبر دهد.",
    unsubscribeLink: "لغو اشتراک این ایمیل‌ها",
  },
  he: {
    trackButton: "מעקב אחר החבילה",
    orderStatusLink: "צפייה בהזמנה",
    itemsHeading: "בחבילה הזו",
    orderItemsHeading: "בהזמנה שלך",
    footer: "קיבלת את האימייל הזה כי ביצעת הזמנה בחנות {{ shop.name }}.",
    stockFooter: "קיבלת את האימייל הזה כי ביקשת שהחנות {{ shop.name }} תעדכן אותך כשמוצר יחזור למלאי.",
    unsubscribeLink: "ביטול ההרשמה לאימיילים האלה",
  },
  kn: {
    trackButton: "ನಿಮ್ಮ ಪಾರ್ಸೆಲ್ ಟ್ರ್ಯಾಕ್ ಮಾಡಿ",
    orderStatusLink: "ನಿಮ್ಮ ಆರ್ಡರ್ ನೋಡಿ",
    itemsHeading: "ಈ ಪಾರ್ಸೆಲ್‌ನಲ್ಲಿ ಇರುವುದು",
    orderItemsHeading: "ನಿಮ್ಮ ಆರ್ಡರ್‌ನಲ್ಲಿ ಇರುವುದು",
    footer: "ನೀವು {{ shop.name }} ಅಂಗಡಿಯಲ್ಲಿ ಆರ್ಡರ್ ಮಾಡಿರುವುದರಿಂದ ಈ ಇಮೇಲ್ ನಿಮಗೆ ಬಂದಿದೆ.",
    stockFooter: "ಉತ್ಪನ್ನವೊಂದು ಮತ್ತೆ ಸ್ಟಾಕ್‌ಗೆ ಬಂದಾಗ ತಿಳಿಸುವಂತೆ ನೀವು {{ shop.name }} ಅಂಗಡಿಯನ್ನು ಕೇಳಿದ್ದರಿಂದ ಈ ಇಮೇಲ್ ನಿಮಗೆ ಬಂದಿದೆ.",
    unsubscribeLink: "ಈ ಇಮೇಲ್‌ಗಳಿಂದ ಅನ್‌ಸಬ್‌ಸ್ಕ್ರೈಬ್ ಮಾಡಿ",
  },
  ko: {
    trackButton: "배송 조회",
    orderStatusLink: "주문 내역 보기",
    itemsHeading: "이 배송에 포함된 상품",
    orderItemsHeading: "주문하신 상품",
    footer: "{{ shop.name }}에서 주문하셔서 이 이메일을 보내 드립니다.",
    stockFooter: "{{ shop.name }}에 재입고 알림을 신청하셔서 이 이메일을 보내 드립니다.",
    unsubscribeLink: "이 이메일 수신 거부",
  },
  mr: {
    trackButton: "तुमचे पार्सल ट्रॅक करा",
    orderStatusLink: "तुमची ऑर्डर पाहा",
    itemsHeading: "या पार्सलमध्ये",
    orderItemsHeading: "तुमच्या ऑर्डरमध्ये",
    footer: "तुम्ही {{ shop.name }} कडे ऑर्डर दिल्यामुळे तुम्हाला हा ईमेल आला आहे.",
    stockFooter: "एखादी वस्तू पुन्हा स्टॉकमध्ये आल्यावर कळवण्याची विनंती तुम्ही {{ shop.name }} कडे केल्यामुळे तुम्हाला हा ईमेल आला आहे.",
    unsubscribeLink: "हे ईमेल येणे बंद करा",
  },
  pl: {
    trackButton: "Śledź przesyłkę",
    orderStatusLink: "Zobacz zamówienie",
    itemsHeading: "W tej przesyłce",
    orderItemsHeading: "W Twoim zamówieniu",
    footer: "Otrzymujesz tę wiadomość w związku z Twoim zamówieniem w sklepie {{ shop.name }}.",
    stockFooter: "Otrzymujesz tę wiadomość, ponieważ Twój adres zapisano w sklepie {{ shop.name }} na powiadomienie o ponownej dostępności produktu.",
    unsubscribeLink: "Wypisz się z tych wiadomości",
  },
  "pt-PT": {
    trackButton: "Seguir o envio",
    orderStatusLink: "Ver a sua encomenda",
    itemsHeading: "Neste envio",
    orderItemsHeading: "Na sua encomenda",
    footer: "Recebeu este e-mail porque fez uma encomenda na loja {{ shop.name }}.",
    stockFooter: "Recebeu este e-mail porque pediu à loja {{ shop.name }} um aviso quando um artigo voltasse a estar disponível.",
    unsubscribeLink: "Cancelar a subscrição destes e-mails",
  },
  ta: {
    trackButton: "உங்கள் பார்சலைக் கண்காணிக்கவும்",
    orderStatusLink: "உங்கள் ஆர்டரைப் பார்க்கவும்",
    itemsHeading: "இந்தப் பார்சலில் உள்ளவை",
    orderItemsHeading: "உங்கள் ஆர்டரில் உள்ளவை",
    footer: "நீங்கள் {{ shop.name }} கடையில் ஆர்டர் செய்ததால் இந்த மின்னஞ்சல் உங்களுக்கு வந்துள்ளது.",
    stockFooter: "ஒரு பொருள் மீண்டும் கையிருப்புக்கு வந்ததும் தெரிவிக்குமாறு {{ shop.name }} கடையிடம் நீங்கள் கேட்டதால் இந்த மின்னஞ்சல் உங்களுக்கு வந்துள்ளது.",
    unsubscribeLink: "இந்த மின்னஞ்சல்களிலிருந்து விலகவும்",
  },
  th: {
    trackButton: "ติดตามพัสดุ",
    orderStatusLink: "ดูคำสั่งซื้อ",
    itemsHeading: "สินค้าในพัสดุนี้",
    orderItemsHeading: "สินค้าในคำสั่งซื้อ",
    footer: "คุณได้รับอีเมลนี้เนื่องจากคุณสั่งซื้อสินค้ากับ {{ shop.name }}",
    stockFooter: "คุณได้รับอีเมลนี้เนื่องจากคุณขอให้ {{ shop.name }} แจ้งเตือนเมื่อสินค้ากลับมามีในสต็อก",
    unsubscribeLink: "ยกเลิกการรับอีเมลประเภทนี้",
  },
  tr: {
    trackButton: "Kargonuzu takip edin",
    orderStatusLink: "Siparişinizi görüntüleyin",
    itemsHeading: "Bu pakette",
    orderItemsHeading: "Siparişinizde",
    footer: "Bu e-postayı {{ shop.name }} mağazasından sipariş verdiğiniz için alıyorsunuz.",
    stockFooter: "Bu e-postayı, bir ürün yeniden stoğa girdiğinde haber verilmesini {{ shop.name }} mağazasından istediğiniz için alıyorsunuz.",
    unsubscribeLink: "Bu e-postaların aboneliğinden çıkın",
  },
  ur: {
    trackButton: "اپنا پارسل ٹریک کریں",
    orderStatusLink: "اپنا آرڈر دیکھیں",
    itemsHeading: "اس پارسل میں",
    orderItemsHeading: "آپ کے آرڈر میں",
    footer: "آپ کو یہ ای میل اس لیے موصول ہوئی ہے کیونکہ آپ نے {{ shop.name }} سے آرڈر کیا تھا۔",
    stockFooter: "آپ کو یہ ای میل اس لیے موصول ہوئی ہے کیونکہ آپ نے {{ shop.name }} سے کہا تھا کہ کوئی چیز دوبارہ اسٹاک میں آنے پر آپ کو بتایا جائے۔",
    unsubscribeLink: "ان ای میلز کی رکنیت ختم کریں",
  },
  vi: {
    trackButton: "Theo dõi kiện hàng",
    orderStatusLink: "Xem đơn hàng",
    itemsHeading: "Trong kiện hàng này",
    orderItemsHeading: "Trong đơn hàng của bạn",
    footer: "Bạn nhận được email này vì bạn đã đặt hàng tại {{ shop.name }}.",
    stockFooter: "Bạn nhận được email này vì bạn đã đăng ký nhận thông báo từ {{ shop.name }} khi sản phẩm có hàng trở lại.",
    unsubscribeLink: "Hủy đăng ký nhận những email này",
  },
  "zh-CN": {
    trackButton: "跟踪包裹",
    orderStatusLink: "查看订单",
    itemsHeading: "本包裹内的商品",
    orderItemsHeading: "订单中的商品",
    footer: "您收到此邮件，是因为您在 {{ shop.name }} 下了订单。",
    stockFooter: "您收到此邮件，是因为您订阅了 {{ shop.name }} 的到货通知。",
    unsubscribeLink: "退订此类邮件",
  },
  "zh-TW": {
    trackButton: "追蹤包裹",
    orderStatusLink: "查看訂單",
    itemsHeading: "此包裹內的商品",
    orderItemsHeading: "訂單中的商品",
    footer: "您收到這封電子郵件，是因為您曾在 {{ shop.name }} 訂購商品。",
    stockFooter: "您收到這封電子郵件，是因為您訂閱了 {{ shop.name }} 的補貨通知。",
    unsubscribeLink: "取消訂閱這類郵件",
  },
};
