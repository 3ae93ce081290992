import type { UnsubscribeTexts } from "./texts";

// The unsubscribe page's words in the languages a merchant may write templates in but Herald has no
// default templates for (TEMPLATE_LOCALES in app/notifications/templates): a customer who got a
// merchant's Hebrew email lands on a Hebrew page, not one in the shop's language. The shop's name
// stays out of case endings and prefixes ("sklepu {shop}", "{shop} mağazasından", "של {shop}").

/** Unsubscribe page texts of languages without default templates, by locale. */
export const MORE_UNSUBSCRIBE_TEXTS: Readonly<Record<string, UnsubscribeTexts>> = {
  bn: {
    confirm: {
      shipping: "{shop} থেকে শিপিং আপডেট পাওয়া বন্ধ করতে চান?",
      delay: "{shop} থেকে ডেলিভারিতে দেরির খবর পাওয়া বন্ধ করতে চান?",
      other: "{shop} থেকে এই ইমেলগুলো পাওয়া বন্ধ করতে চান?",
    },
    unsubscribed: {
      shipping: "আপনি আর {shop} থেকে শিপিং আপডেট পাবেন না।",
      delay: "আপনি আর {shop} থেকে ডেলিভারিতে দেরির খবর পাবেন না।",
      other: "আপনি আর {shop} থেকে এই ইমেলগুলো পাবেন না।",
    },
    othersContinue: "{shop} থেকে অন্য ইমেলগুলো আপনি আগের মতোই পাবেন।",
    unsubscribedAll: "আপনি আর {shop} থেকে কোনো ইমেল পাবেন না।",
    resubscribed: {
      shipping: "আপনি আবার {shop} থেকে শিপিং আপডেট পাবেন।",
      delay: "আপনি আবার {shop} থেকে ডেলিভারিতে দেরির খবর পাবেন।",
      other: "আপনি আবার {shop} থেকে এই ইমেলগুলো পাবেন।",
    },
    undo: "আগের অবস্থায় ফেরান",
    unsubscribe: "আনসাবস্ক্রাইব করুন",
    unsubscribeAll: "{shop} থেকে আসা সব ইমেল বন্ধ করুন",
    brokenTitle: "এই লিঙ্কটি কাজ করছে না",
    brokenBody: "লিঙ্কটি অসম্পূর্ণ বা পরিবর্তিত হতে পারে, তাই কিছুই বদলানো হয়নি। ইমেল থেকে লিঙ্কটি আবার খুলুন, অথবা {shop}-এর সঙ্গে যোগাযোগ করুন।",
  },
  fa: {
    confirm: {
      shipping: "اشتراک به‌روزرسانی‌های ارسال از {shop} لغو شود؟",
      delay: "اشتراک اطلاعیه‌های تأخیر از {shop} لغو شود؟",
      other: "اشتراک این ایمیل‌ها از {shop} لغو شود؟",
    },
    unsubscribed: {
      shipping: "اشتراک شما در به‌روزرسانی‌های ارسال از {shop} لغو شد.",
      delay: "اشتراک شما در اطلاعیه‌های تأخیر از {shop} لغو شد.",
      other: "اشتراک شما در این ایمیل‌ها از {shop} لغو شد.",
    },
    othersContinue: "ایمیل‌های دیگر {shop} همچنان برایتان ارسال می‌شود.",
    unsubscribedAll: "اشتراک شما در همهٔ ایمیل‌های {shop} لغو شد.",
    resubscribed: {
      shipping: "به‌روزرسانی‌های ارسال از {shop} دوباره برایتان ارسال می‌شود.",
      delay: "اطلاعیه‌های تأخیر از {shop} دوباره برایتان ارسال می‌شود.",
      other: "این ایمیل‌ها از {shop} دوباره برایتان ارسال می‌شود.",
    },
    undo: "واگرد",
    unsubscribe: "لغو اشتراک",
    unsubscribeAll: "لغو اشتراک همهٔ ایمیل‌های {shop}",
    brokenTitle: "این پیوند کار نمی‌کند",
    brokenBody: "ممکن است پیوند ناقص باشد یا تغییر کرده باشد، بنابراین هیچ تغییری اعمال نشد. آن را دوباره از ایمیل باز کنید یا با {shop} تماس بگیرید.",
  },
  he: {
    confirm: {
      shipping: "לבטל את ההרשמה לעדכוני המשלוח של {shop}?",
      delay: "לבטל את ההרשמה להודעות על עיכובים של {shop}?",
      other: "לבטל את ההרשמה לאימיילים האלה של {shop}?",
    },
    unsubscribed: {
      shipping: "ההרשמה לעדכוני המשלוח של {shop} בוטלה.",
      delay: "ההרשמה להודעות על עיכובים של {shop} בוטלה.",
      other: "ההרשמה לאימיילים האלה של {shop} בוטלה.",
    },
    othersContinue: "אימיילים אחרים של {shop} ימשיכו להגיע.",
    unsubscribedAll: "ההרשמה לכל האימיילים של {shop} בוטלה.",
    resubscribed: {
      shipping: "עדכוני המשלוח של {shop} יגיעו שוב.",
      delay: "ההודעות על עיכובים של {shop} יגיעו שוב.",
      other: "האימיילים האלה של {shop} יגיעו שוב.",
    },
    undo: "ביטול הפעולה",
    unsubscribe: "ביטול ההרשמה",
    unsubscribeAll: "ביטול ההרשמה לכל האימיילים של {shop}",
    brokenTitle: "הקישור הזה לא עובד",
    brokenBody: "ייתכן שהקישור חלקי או שהשתנה, ולכן שום דבר לא שונה. אפשר לפתוח אותו שוב מהאימייל או לפנות אל {shop}.",
  },
  kn: {
    confirm: {
      shipping: "{shop} ಕಡೆಯಿಂದ ಬರುವ ಶಿಪ್ಪಿಂಗ್ ಅಪ್‌ಡೇಟ್‌ಗಳನ್ನು ನಿಲ್ಲಿಸಬೇಕೇ?",
      delay: "{shop} ಕಡೆಯಿಂದ ಬರುವ ಡೆಲಿವರಿ ವಿಳಂಬದ ಸೂಚನೆಗಳನ್ನು ನಿಲ್ಲಿಸಬೇಕೇ?",
      other: "{shop} ಕಡೆಯಿಂದ ಬರುವ ಈ ಇಮೇಲ್‌ಗಳನ್ನು ನಿಲ್ಲಿಸಬೇಕೇ?",
    },
    unsubscribed: {
      shipping: "ಇನ್ನು ಮುಂದೆ {shop} ಕಡೆಯಿಂದ ಶಿಪ್ಪಿಂಗ್ ಅಪ್‌ಡೇಟ್‌ಗಳು ನಿಮಗೆ ಬರುವುದಿಲ್ಲ.",
      delay: "ಇನ್ನು ಮುಂದೆ {shop} ಕಡೆಯಿಂದ ಡೆಲಿವರಿ ವಿಳಂಬದ ಸೂಚನೆಗಳು ನಿಮಗೆ ಬರುವುದಿಲ್ಲ.",
      other: "ಇನ್ನು ಮುಂದೆ {shop} ಕಡೆಯಿಂದ ಈ ಇಮೇಲ್‌ಗಳು ನಿಮಗೆ ಬರುವುದಿಲ್ಲ.",
    },
    othersContinue: "{shop} ಕಡೆಯಿಂದ ಬರುವ ಇತರ ಇಮೇಲ್‌ಗಳು ಎಂದಿನಂತೆ ನಿಮಗೆ ಬರುತ್ತವೆ.",
    unsubscribedAll: "ಇನ್ನು ಮುಂದೆ {shop} ಕಡೆಯಿಂದ ಯಾವುದೇ ಇಮೇಲ್ ನಿಮಗೆ ಬರುವುದಿಲ್ಲ.",
    resubscribed: {
      shipping: "{shop} ಕಡೆಯಿಂದ ಶಿಪ್ಪಿಂಗ್ ಅಪ್‌ಡೇಟ್‌ಗಳು ಮತ್ತೆ ನಿಮಗೆ ಬರುತ್ತವೆ.",
      delay: "{shop} ಕಡೆಯಿಂದ ಡೆಲಿವರಿ ವಿಳಂಬದ ಸೂಚನೆಗಳು ಮತ್ತೆ ನಿಮಗೆ ಬರುತ್ತವೆ.",
      other: "{shop} ಕಡೆಯಿಂದ ಈ ಇಮೇಲ್‌ಗಳು ಮತ್ತೆ ನಿಮಗೆ ಬರುತ್ತವೆ.",
    },
    undo: "ರದ್ದುಗೊಳಿಸಿ",
    unsubscribe: "ಅನ್‌ಸಬ್‌ಸ್ಕ್ರೈಬ್ ಮಾಡಿ",
    unsubscribeAll: "{shop} ಕಡೆಯಿಂದ ಬರುವ ಎಲ್ಲಾ ಇಮೇಲ್‌ಗಳನ್ನು ನಿಲ್ಲಿಸಿ",
    brokenTitle: "ಈ ಲಿಂಕ್ ಕೆಲಸ ಮಾಡುತ್ತಿಲ್ಲ",
    brokenBody:
      "ಲಿಂಕ್ ಅಪೂರ್ಣವಾಗಿರಬಹುದು ಅಥವಾ ಬದಲಾಗಿರಬಹುದು, ಆದ್ದರಿಂದ ಏನನ್ನೂ ಬದಲಾಯಿಸಿಲ್ಲ. ಇಮೇಲ್‌ನಲ್ಲಿರುವ ಲಿಂಕ್ ಅನ್ನು ಮತ್ತೆ ತೆರೆಯಿರಿ ಅಥವಾ {shop} ಅಂಗಡಿಯನ್ನು ಸಂಪರ್ಕಿಸಿ.",
  },
  ko: {
    confirm: {
      shipping: "{shop}의 배송 알림을 더 이상 받지 않으시겠어요?",
      delay: "{shop}의 배송 지연 알림을 더 이상 받지 않으시겠어요?",
      other: "{shop}의 이 이메일을 더 이상 받지 않으시겠어요?",
    },
    unsubscribed: {
      shipping: "이제 {shop}의 배송 알림을 받지 않습니다.",
      delay: "이제 {shop}의 배송 지연 알림을 받지 않습니다.",
      other: "이제 {shop}의 이 이메일을 받지 않습니다.",
    },
    othersContinue: "{shop}의 다른 이메일은 계속 받게 됩니다.",
    unsubscribedAll: "이제 {shop}의 모든 이메일을 받지 않습니다.",
    resubscribed: {
      shipping: "{shop}의 배송 알림을 다시 받게 됩니다.",
      delay: "{shop}의 배송 지연 알림을 다시 받게 됩니다.",
      other: "{shop}의 이 이메일을 다시 받게 됩니다.",
    },
    undo: "실행 취소",
    unsubscribe: "수신 거부",
    unsubscribeAll: "{shop}의 모든 이메일 수신 거부",
    brokenTitle: "이 링크는 작동하지 않습니다",
    brokenBody: "링크가 불완전하거나 변경되었을 수 있어 아무것도 변경하지 않았습니다. 이메일에서 링크를 다시 열거나 {shop}에 문의해 주세요.",
  },
  mr: {
    confirm: {
      shipping: "{shop} कडून येणारे शिपिंग अपडेट्स बंद करायचे?",
      delay: "{shop} कडून येणाऱ्या डिलिव्हरीला उशीर झाल्याच्या सूचना बंद करायच्या?",
      other: "{shop} कडून येणारे हे ईमेल बंद करायचे?",
    },
    unsubscribed: {
      shipping: "आता तुम्हाला {shop} कडून शिपिंग अपडेट्स येणार नाहीत.",
      delay: "आता तुम्हाला {shop} कडून डिलिव्हरीला उशीर झाल्याच्या सूचना येणार नाहीत.",
      other: "आता तुम्हाला {shop} कडून हे ईमेल येणार नाहीत.",
    },
    othersContinue: "{shop} कडून येणारे इतर ईमेल तुम्हाला नेहमीप्रमाणे येत राहतील.",
    unsubscribedAll: "आता तुम्हाला {shop} कडून कोणताही ईमेल येणार नाही.",
    resubscribed: {
      shipping: "तुम्हाला {shop} कडून शिपिंग अपडेट्स पुन्हा येतील.",
      delay: "तुम्हाला {shop} कडून डिलिव्हरीला उशीर झाल्याच्या सूचना पुन्हा येतील.",
      other: "तुम्हाला {shop} कडून हे ईमेल पुन्हा येतील.",
    },
    undo: "पूर्ववत करा",
    unsubscribe: "सदस्यता रद्द करा",
    unsubscribeAll: "{shop} कडून येणारे सर्व ईमेल बंद करा",
    brokenTitle: "ही लिंक काम करत नाही",
    brokenBody: "लिंक अपूर्ण किंवा बदललेली असू शकते, त्यामुळे काहीही बदलले नाही. ईमेलमधील लिंक पुन्हा उघडा किंवा {shop} शी संपर्क साधा.",
  },
  pl: {
    confirm: {
      shipping: "Wypisać się z powiadomień o wysyłce ze sklepu {shop}?",
      delay: "Wypisać się z powiadomień o opóźnieniach ze sklepu {shop}?",
      other: "Wypisać się z tych wiadomości ze sklepu {shop}?",
    },
    unsubscribed: {
      shipping: "Nie będziesz już otrzymywać powiadomień o wysyłce ze sklepu {shop}.",
      delay: "Nie będziesz już otrzymywać powiadomień o opóźnieniach ze sklepu {shop}.",
      other: "Nie będziesz już otrzymywać tych wiadomości ze sklepu {shop}.",
    },
    othersContinue: "Inne wiadomości ze sklepu {shop} będą nadal przychodzić.",
    unsubscribedAll: "Nie będziesz już otrzymywać żadnych wiadomości ze sklepu {shop}.",
    resubscribed: {
      shipping: "Znów będziesz otrzymywać powiadomienia o wysyłce ze sklepu {shop}.",
      delay: "Znów będziesz otrzymywać powiadomienia o opóźnieniach ze sklepu {shop}.",
      other: "Znów będziesz otrzymywać te wiadomości ze sklepu {shop}.",
    },
    undo: "Cofnij",
    unsubscribe: "Wypisz się",
    unsubscribeAll: "Wypisz się ze wszystkich wiadomości ze sklepu {shop}",
    brokenTitle: "Ten link nie działa",
    brokenBody:
      "Link może być niepełny lub zmieniony, więc niczego nie zmieniono. Otwórz go ponownie z wiadomości e-mail lub skontaktuj się ze sklepem {shop}.",
  },
  "pt-PT": {
    confirm: {
      shipping: "Cancelar a subscrição das atualizações de envio da loja {shop}?",
      delay: "Cancelar a subscrição dos avisos de atraso da loja {shop}?",
      other: "Cancelar a subscrição destes e-mails da loja {shop}?",
    },
    unsubscribed: {
      shipping: "Deixará de receber atualizações de envio da loja {shop}.",
      delay: "Deixará de receber avisos de atraso da loja {shop}.",
      other: "Deixará de receber estes e-mails da loja {shop}.",
    },
    othersContinue: "Continuará a receber os outros e-mails da loja {shop}.",
    unsubscribedAll: "Deixará de receber qualquer e-mail da loja {shop}.",
    resubscribed: {
      shipping: "Voltará a receber atualizações de envio da loja {shop}.",
      delay: "Voltará a receber avisos de atraso da loja {shop}.",
      other: "Voltará a receber estes e-mails da loja {shop}.",
    },
    undo: "Anular",
    unsubscribe: "Cancelar subscrição",
    unsubscribeAll: "Cancelar a subscrição de todos os e-mails da loja {shop}",
    brokenTitle: "Esta ligação não funciona",
    brokenBody:
      "A ligação pode estar incompleta ou ter sido alterada, por isso nada foi mudado. Abra-a novamente a partir do e-mail ou contacte a loja {shop}.",
  },
  ta: {
    confirm: {
      shipping: "{shop} அனுப்பும் ஷிப்பிங் அறிவிப்புகளிலிருந்து விலக வேண்டுமா?",
      delay: "{shop} அனுப்பும் டெலிவரி தாமத அறிவிப்புகளிலிருந்து விலக வேண்டுமா?",
      other: "{shop} அனுப்பும் இந்த மின்னஞ்சல்களிலிருந்து விலக வேண்டுமா?",
    },
    unsubscribed: {
      shipping: "இனி {shop} அனுப்பும் ஷிப்பிங் அறிவிப்புகள் உங்களுக்கு வராது.",
      delay: "இனி {shop} அனுப்பும் டெலிவரி தாமத அறிவிப்புகள் உங்களுக்கு வராது.",
      other: "இனி {shop} அனுப்பும் இந்த மின்னஞ்சல்கள் உங்களுக்கு வராது.",
    },
    othersContinue: "{shop} அனுப்பும் பிற மின்னஞ்சல்கள் உங்களுக்குத் தொடர்ந்து வரும்.",
    unsubscribedAll: "இனி {shop} அனுப்பும் எந்த மின்னஞ்சலும் உங்களுக்கு வராது.",
    resubscribed: {
      shipping: "{shop} அனுப்பும் ஷிப்பிங் அறிவிப்புகள் மீண்டும் உங்களுக்கு வரும்.",
      delay: "{shop} அனுப்பும் டெலிவரி தாமத அறிவிப்புகள் மீண்டும் உங்களுக்கு வரும்.",
      other: "{shop} அனுப்பும் இந்த மின்னஞ்சல்கள் மீண்டும் உங்களுக்கு வரும்.",
    },
    undo: "செயல்தவிர்",
    unsubscribe: "விலகவும்",
    unsubscribeAll: "{shop} அனுப்பும் எல்லா மின்னஞ்சல்களிலிருந்தும் விலகவும்",
    brokenTitle: "இந்த இணைப்பு வேலை செய்யவில்லை",
    brokenBody:
      "இணைப்பு முழுமையற்றதாகவோ மாற்றப்பட்டதாகவோ இருக்கலாம், எனவே எதுவும் மாற்றப்படவில்லை. மின்னஞ்சலில் உள்ள இணைப்பை மீண்டும் திறக்கவும் அல்லது {shop} கடையைத் தொடர்புகொள்ளவும்.",
  },
  th: {
    confirm: {
      shipping: "ต้องการยกเลิกการรับข้อมูลอัปเดตการจัดส่งจาก {shop} หรือไม่",
      delay: "ต้องการยกเลิกการรับการแจ้งเตือนการจัดส่งล่าช้าจาก {shop} หรือไม่",
      other: "ต้องการยกเลิกการรับอีเมลประเภทนี้จาก {shop} หรือไม่",
    },
    unsubscribed: {
      shipping: "คุณจะไม่ได้รับข้อมูลอัปเดตการจัดส่งจาก {shop} อีก",
      delay: "คุณจะไม่ได้รับการแจ้งเตือนการจัดส่งล่าช้าจาก {shop} อีก",
      other: "คุณจะไม่ได้รับอีเมลประเภทนี้จาก {shop} อีก",
    },
    othersContinue: "คุณจะยังได้รับอีเมลอื่นๆ จาก {shop} ตามปกติ",
    unsubscribedAll: "คุณจะไม่ได้รับอีเมลใดๆ จาก {shop} อีก",
    resubscribed: {
      shipping: "คุณจะได้รับข้อมูลอัปเดตการจัดส่งจาก {shop} อีกครั้ง",
      delay: "คุณจะได้รับการแจ้งเตือนการจัดส่งล่าช้าจาก {shop} อีกครั้ง",
      other: "คุณจะได้รับอีเมลประเภทนี้จาก {shop} อีกครั้ง",
    },
    undo: "เลิกทำ",
    unsubscribe: "ยกเลิกการรับอีเมล",
    unsubscribeAll: "ยกเลิกการรับอีเมลทั้งหมดจาก {shop}",
    brokenTitle: "ลิงก์นี้ใช้งานไม่ได้",
    brokenBody: "ลิงก์อาจไม่ครบถ้วนหรือถูกแก้ไข จึงไม่มีการเปลี่ยนแปลงใดๆ โปรดเปิดลิงก์จากอีเมลอีกครั้ง หรือติดต่อ {shop}",
  },
  tr: {
    confirm: {
      shipping: "{shop} mağazasından gelen kargo bildirimlerini almayı bırakmak istiyor musunuz?",
      delay: "{shop} mağazasından gelen gecikme bildirimlerini almayı bırakmak istiyor musunuz?",
      other: "{shop} mağazasından gelen bu e-postaları almayı bırakmak istiyor musunuz?",
    },
    unsubscribed: {
      shipping: "Artık {shop} mağazasından kargo bildirimleri almayacaksınız.",
      delay: "Artık {shop} mağazasından gecikme bildirimleri almayacaksınız.",
      other: "Artık {shop} mağazasından bu e-postaları almayacaksınız.",
    },
    othersContinue: "{shop} mağazasından gelen diğer e-postaları almaya devam edeceksiniz.",
    unsubscribedAll: "Artık {shop} mağazasından hiçbir e-posta almayacaksınız.",
    resubscribed: {
      shipping: "{shop} mağazasından kargo bildirimlerini yeniden alacaksınız.",
      delay: "{shop} mağazasından gecikme bildirimlerini yeniden alacaksınız.",
      other: "{shop} mağazasından bu e-postaları yeniden alacaksınız.",
    },
    undo: "Geri al",
    unsubscribe: "Abonelikten çık",
    unsubscribeAll: "{shop} mağazasının tüm e-postalarından çık",
    brokenTitle: "Bu bağlantı çalışmıyor",
    brokenBody:
      "Bağlantı eksik ya da değiştirilmiş olabilir, bu yüzden hiçbir şey değiştirilmedi. Bağlantıyı e-postadan yeniden açın veya {shop} ile iletişime geçin.",
  },
  ur: {
    confirm: {
      shipping: "کیا آپ {shop} کی جانب سے شپنگ اپ ڈیٹس کی رکنیت ختم کرنا چاہتے ہیں؟",
      delay: "کیا آپ {shop} کی جانب سے ڈیلیوری میں تاخیر کی اطلاعات کی رکنیت ختم کرنا چاہتے ہیں؟",
      other: "کیا آپ {shop} کی جانب سے ان ای میلز کی رکنیت ختم کرنا چاہتے ہیں؟",
    },
    unsubscribed: {
      shipping: "اب آپ کو {shop} کی جانب سے شپنگ اپ ڈیٹس نہیں ملیں گی۔",
      delay: "اب آپ کو {shop} کی جانب سے ڈیلیوری میں تاخیر کی اطلاعات نہیں ملیں گی۔",
      other: "اب آپ کو {shop} کی جانب سے یہ ای میلز نہیں ملیں گی۔",
    },
    othersContinue: "{shop} کی دوسری ای میلز آپ کو ملتی رہیں گی۔",
    unsubscribedAll: "اب آپ کو {shop} کی جانب سے کوئی ای میل نہیں ملے گی۔",
    resubscribed: {
      shipping: "آپ کو {shop} کی جانب سے شپنگ اپ ڈیٹس دوبارہ ملیں گی۔",
      delay: "آپ کو {shop} کی جانب سے ڈیلیوری میں تاخیر کی اطلاعات دوبارہ ملیں گی۔",
      other: "آپ کو {shop} کی جانب سے یہ ای میلز دوبارہ ملیں گی۔",
    },
    undo: "کالعدم کریں",
    unsubscribe: "رکنیت ختم کریں",
    unsubscribeAll: "{shop} کی تمام ای میلز کی رکنیت ختم کریں",
    brokenTitle: "یہ لنک کام نہیں کر رہا",
    brokenBody: "ہو سکتا ہے لنک نامکمل ہو یا اس میں تبدیلی کی گئی ہو، اس لیے کچھ بھی تبدیل نہیں کیا گیا۔ ای میل سے لنک دوبارہ کھولیں یا {shop} سے رابطہ کریں۔",
  },
  vi: {
    confirm: {
      shipping: "Hủy đăng ký nhận cập nhật giao hàng từ {shop}?",
      delay: "Hủy đăng ký nhận thông báo giao hàng chậm trễ từ {shop}?",
      other: "Hủy đăng ký nhận những email này từ {shop}?",
    },
    unsubscribed: {
      shipping: "Bạn đã hủy đăng ký nhận cập nhật giao hàng từ {shop}.",
      delay: "Bạn đã hủy đăng ký nhận thông báo giao hàng chậm trễ từ {shop}.",
      other: "Bạn đã hủy đăng ký nhận những email này từ {shop}.",
    },
    othersContinue: "Bạn vẫn sẽ nhận được các email khác từ {shop}.",
    unsubscribedAll: "Bạn đã hủy đăng ký nhận tất cả email từ {shop}.",
    resubscribed: {
      shipping: "Bạn sẽ lại nhận được cập nhật giao hàng từ {shop}.",
      delay: "Bạn sẽ lại nhận được thông báo giao hàng chậm trễ từ {shop}.",
      other: "Bạn sẽ lại nhận được những email này từ {shop}.",
    },
    undo: "Hoàn tác",
    unsubscribe: "Hủy đăng ký",
    unsubscribeAll: "Hủy đăng ký tất cả email từ {shop}",
    brokenTitle: "Liên kết này không hoạt động",
    brokenBody: "Liên kết có thể không đầy đủ hoặc đã bị thay đổi, nên chưa có gì được thay đổi. Hãy mở lại liên kết từ email hoặc liên hệ với {shop}.",
  },
  "zh-CN": {
    confirm: {
      shipping: "要退订来自 {shop} 的物流通知吗？",
      delay: "要退订来自 {shop} 的延误通知吗？",
      other: "要退订来自 {shop} 的此类邮件吗？",
    },
    unsubscribed: {
      shipping: "您已退订来自 {shop} 的物流通知。",
      delay: "您已退订来自 {shop} 的延误通知。",
      other: "您已退订来自 {shop} 的此类邮件。",
    },
    othersContinue: "您仍会收到来自 {shop} 的其他邮件。",
    unsubscribedAll: "您已退订来自 {shop} 的所有邮件。",
    resubscribed: {
      shipping: "您将再次收到来自 {shop} 的物流通知。",
      delay: "您将再次收到来自 {shop} 的延误通知。",
      other: "您将再次收到来自 {shop} 的此类邮件。",
    },
    undo: "撤销",
    unsubscribe: "退订",
    unsubscribeAll: "退订来自 {shop} 的所有邮件",
    brokenTitle: "此链接无效",
    brokenBody: "链接可能不完整或已被修改，因此未做任何更改。请从邮件中重新打开链接，或联系 {shop}。",
  },
  "zh-TW": {
    confirm: {
      shipping: "要取消訂閱 {shop} 的物流通知嗎？",
      delay: "要取消訂閱 {shop} 的延遲通知嗎？",
      other: "要取消訂閱 {shop} 的這類郵件嗎？",
    },
    unsubscribed: {
      shipping: "您已取消訂閱 {shop} 的物流通知。",
      delay: "您已取消訂閱 {shop} 的延遲通知。",
      other: "您已取消訂閱 {shop} 的這類郵件。",
    },
    othersContinue: "您仍會收到 {shop} 的其他郵件。",
    unsubscribedAll: "您已取消訂閱 {shop} 的所有郵件。",
    resubscribed: {
      shipping: "您將再次收到 {shop} 的物流通知。",
      delay: "您將再次收到 {shop} 的延遲通知。",
      other: "您將再次收到 {shop} 的這類郵件。",
    },
    undo: "復原",
    unsubscribe: "取消訂閱",
    unsubscribeAll: "取消訂閱 {shop} 的所有郵件",
    brokenTitle: "此連結無法使用",
    brokenBody: "連結可能不完整或已遭修改，因此未進行任何變更。請從電子郵件重新開啟連結，或聯絡 {shop}。",
  },
};
