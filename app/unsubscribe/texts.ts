import { MORE_UNSUBSCRIBE_TEXTS } from "./texts-more";

// Words of the unsubscribe page, per locale. `{shop}` is replaced by the shop's name (isolated for
// bidirectional text). Sentences are whole per kind of message rather than assembled from pieces:
// case endings and word order differ too much between these languages for a "{kind}" slot.
// Tone follows the default templates: informal where stores usually are (es, it, nl, pt-BR), polite
// where that is the norm (fr, de, ja, hi).

/** The kinds of message an unsubscribe link can name; any other trigger reads as "these emails". */
export type ScopeKind = "shipping" | "delay" | "other";

export interface UnsubscribeTexts {
  /** Heading when the link is opened: "Unsubscribe from shipping updates from {shop}?" (nothing changed yet). */
  confirm: Record<ScopeKind, string>;
  /** Heading after unsubscribing from one kind: "You're unsubscribed from shipping updates from {shop}." */
  unsubscribed: Record<ScopeKind, string>;
  /** Makes the scope explicit: other kinds keep coming. */
  othersContinue: string;
  /** Heading after unsubscribing from everything. */
  unsubscribedAll: string;
  /** Heading after "Undo": the kind is switched back on. */
  resubscribed: Record<ScopeKind, string>;
  undo: string;
  /** Button to unsubscribe from the link's kind (the confirmation, and after "Undo"). */
  unsubscribe: string;
  /** Button for scope "all". */
  unsubscribeAll: string;
  /** Page for a broken, cut or altered link. */
  brokenTitle: string;
  brokenBody: string;
}

const en: UnsubscribeTexts = {
  confirm: {
    shipping: "Unsubscribe from shipping updates from {shop}?",
    delay: "Unsubscribe from delay notices from {shop}?",
    other: "Unsubscribe from these emails from {shop}?",
  },
  unsubscribed: {
    shipping: "You're unsubscribed from shipping updates from {shop}.",
    delay: "You're unsubscribed from delay notices from {shop}.",
    other: "You're unsubscribed from these emails from {shop}.",
  },
  othersContinue: "You'll still get other emails from {shop}.",
  unsubscribedAll: "You're unsubscribed from all emails from {shop}.",
  resubscribed: {
    shipping: "You'll get shipping updates from {shop} again.",
    delay: "You'll get delay notices from {shop} again.",
    other: "You'll get these emails from {shop} again.",
  },
  undo: "Undo",
  unsubscribe: "Unsubscribe",
  unsubscribeAll: "Unsubscribe from all emails from {shop}",
  brokenTitle: "This link doesn't work",
  brokenBody: "The link may be incomplete or altered, so nothing was changed. Open it again from the email, or contact {shop}.",
};

const es: UnsubscribeTexts = {
  confirm: {
    shipping: "¿Quieres darte de baja de las actualizaciones de envío de {shop}?",
    delay: "¿Quieres darte de baja de los avisos de retraso de {shop}?",
    other: "¿Quieres darte de baja de estos correos de {shop}?",
  },
  unsubscribed: {
    shipping: "Ya no recibirás actualizaciones de envío de {shop}.",
    delay: "Ya no recibirás avisos de retraso de {shop}.",
    other: "Ya no recibirás estos correos de {shop}.",
  },
  othersContinue: "Seguirás recibiendo los demás correos de {shop}.",
  unsubscribedAll: "Ya no recibirás ningún correo de {shop}.",
  resubscribed: {
    shipping: "Volverás a recibir actualizaciones de envío de {shop}.",
    delay: "Volverás a recibir avisos de retraso de {shop}.",
    other: "Volverás a recibir estos correos de {shop}.",
  },
  undo: "Deshacer",
  unsubscribe: "Darme de baja",
  unsubscribeAll: "Darme de baja de todos los correos de {shop}",
  brokenTitle: "Este enlace no funciona",
  brokenBody: "Puede que esté incompleto o se haya modificado, así que no se ha cambiado nada. Vuelve a abrir el enlace del correo o escribe a {shop}.",
};

const fr: UnsubscribeTexts = {
  confirm: {
    shipping: "Voulez-vous vous désinscrire des e-mails de suivi de livraison de {shop} ?",
    delay: "Voulez-vous vous désinscrire des avis de retard de {shop} ?",
    other: "Voulez-vous vous désinscrire de ces e-mails de {shop} ?",
  },
  unsubscribed: {
    shipping: "Vous ne recevrez plus les e-mails de suivi de livraison de {shop}.",
    delay: "Vous ne recevrez plus les avis de retard de {shop}.",
    other: "Vous ne recevrez plus ces e-mails de {shop}.",
  },
  othersContinue: "Vous continuerez à recevoir les autres e-mails de {shop}.",
  unsubscribedAll: "Vous ne recevrez plus aucun e-mail de {shop}.",
  resubscribed: {
    shipping: "Vous recevrez à nouveau les e-mails de suivi de livraison de {shop}.",
    delay: "Vous recevrez à nouveau les avis de retard de {shop}.",
    other: "Vous recevrez à nouveau ces e-mails de {shop}.",
  },
  undo: "Annuler",
  unsubscribe: "Me désinscrire",
  unsubscribeAll: "Me désinscrire de tous les e-mails de {shop}",
  brokenTitle: "Ce lien ne fonctionne pas",
  brokenBody: "Il est peut-être incomplet ou a été modifié, donc rien n'a été changé. Rouvrez le lien depuis l'e-mail ou contactez {shop}.",
};

const de: UnsubscribeTexts = {
  confirm: {
    shipping: "Möchten Sie sich von den Versandbenachrichtigungen von {shop} abmelden?",
    delay: "Möchten Sie sich von den Hinweisen zu Lieferverzögerungen von {shop} abmelden?",
    other: "Möchten Sie sich von diesen E-Mails von {shop} abmelden?",
  },
  unsubscribed: {
    shipping: "Sie erhalten keine Versandbenachrichtigungen mehr von {shop}.",
    delay: "Sie erhalten keine Hinweise zu Lieferverzögerungen mehr von {shop}.",
    other: "Sie erhalten diese E-Mails von {shop} nicht mehr.",
  },
  othersContinue: "Andere E-Mails von {shop} erhalten Sie weiterhin.",
  unsubscribedAll: "Sie erhalten keine E-Mails mehr von {shop}.",
  resubscribed: {
    shipping: "Sie erhalten wieder Versandbenachrichtigungen von {shop}.",
    delay: "Sie erhalten wieder Hinweise zu Lieferverzögerungen von {shop}.",
    other: "Sie erhalten diese E-Mails von {shop} wieder.",
  },
  undo: "Rückgängig machen",
  unsubscribe: "Abmelden",
  unsubscribeAll: "Von allen E-Mails von {shop} abmelden",
  brokenTitle: "Dieser Link funktioniert nicht",
  brokenBody: "Er ist vielleicht unvollständig oder wurde verändert, deshalb wurde nichts geändert. Öffnen Sie den Link aus der E-Mail noch einmal oder wenden Sie sich an {shop}.",
};

const ptBR: UnsubscribeTexts = {
  confirm: {
    shipping: "Quer deixar de receber atualizações de entrega de {shop}?",
    delay: "Quer deixar de receber avisos de atraso de {shop}?",
    other: "Quer deixar de receber estes e-mails de {shop}?",
  },
  unsubscribed: {
    shipping: "Você não vai mais receber atualizações de entrega de {shop}.",
    delay: "Você não vai mais receber avisos de atraso de {shop}.",
    other: "Você não vai mais receber estes e-mails de {shop}.",
  },
  othersContinue: "Você continua recebendo os outros e-mails de {shop}.",
  unsubscribedAll: "Você não vai mais receber nenhum e-mail de {shop}.",
  resubscribed: {
    shipping: "Você voltará a receber atualizações de entrega de {shop}.",
    delay: "Você voltará a receber avisos de atraso de {shop}.",
    other: "Você voltará a receber estes e-mails de {shop}.",
  },
  undo: "Desfazer",
  unsubscribe: "Cancelar inscrição",
  unsubscribeAll: "Cancelar todos os e-mails de {shop}",
  brokenTitle: "Este link não funciona",
  brokenBody: "Ele pode estar incompleto ou ter sido alterado, então nada foi mudado. Abra de novo o link do e-mail ou fale com {shop}.",
};

const it: UnsubscribeTexts = {
  confirm: {
    shipping: "Vuoi disiscriverti dagli aggiornamenti sulla spedizione di {shop}?",
    delay: "Vuoi disiscriverti dagli avvisi di ritardo di {shop}?",
    other: "Vuoi disiscriverti da queste email di {shop}?",
  },
  unsubscribed: {
    shipping: "Non riceverai più aggiornamenti sulla spedizione da {shop}.",
    delay: "Non riceverai più avvisi di ritardo da {shop}.",
    other: "Non riceverai più queste email da {shop}.",
  },
  othersContinue: "Continuerai a ricevere le altre email di {shop}.",
  unsubscribedAll: "Non riceverai più nessuna email da {shop}.",
  resubscribed: {
    shipping: "Riceverai di nuovo gli aggiornamenti sulla spedizione da {shop}.",
    delay: "Riceverai di nuovo gli avvisi di ritardo da {shop}.",
    other: "Riceverai di nuovo queste email da {shop}.",
  },
  undo: "Annulla",
  unsubscribe: "Disiscriviti",
  unsubscribeAll: "Disiscriviti da tutte le email di {shop}",
  brokenTitle: "Questo link non funziona",
  brokenBody: "Potrebbe essere incompleto o modificato, quindi non è stato cambiato nulla. Riapri il link dall'email o contatta {shop}.",
};

const nl: UnsubscribeTexts = {
  confirm: {
    shipping: "Wil je je afmelden voor verzendupdates van {shop}?",
    delay: "Wil je je afmelden voor vertragingsmeldingen van {shop}?",
    other: "Wil je je afmelden voor deze e-mails van {shop}?",
  },
  unsubscribed: {
    shipping: "Je ontvangt geen verzendupdates meer van {shop}.",
    delay: "Je ontvangt geen vertragingsmeldingen meer van {shop}.",
    other: "Je ontvangt deze e-mails van {shop} niet meer.",
  },
  othersContinue: "Andere e-mails van {shop} blijf je gewoon ontvangen.",
  unsubscribedAll: "Je ontvangt geen e-mails meer van {shop}.",
  resubscribed: {
    shipping: "Je ontvangt weer verzendupdates van {shop}.",
    delay: "Je ontvangt weer vertragingsmeldingen van {shop}.",
    other: "Je ontvangt deze e-mails van {shop} weer.",
  },
  undo: "Ongedaan maken",
  unsubscribe: "Afmelden",
  unsubscribeAll: "Afmelden voor alle e-mails van {shop}",
  brokenTitle: "Deze link werkt niet",
  brokenBody: "Hij is misschien onvolledig of aangepast, dus er is niets veranderd. Open de link uit de e-mail opnieuw of neem contact op met {shop}.",
};

const ja: UnsubscribeTexts = {
  confirm: {
    shipping: "{shop}からの配送状況のお知らせを停止しますか？",
    delay: "{shop}からの遅延のお知らせを停止しますか？",
    other: "{shop}からのこのメールを停止しますか？",
  },
  unsubscribed: {
    shipping: "{shop}からの配送状況のお知らせを停止しました。",
    delay: "{shop}からの遅延のお知らせを停止しました。",
    other: "{shop}からのこのメールを停止しました。",
  },
  othersContinue: "{shop}からのその他のメールは引き続き届きます。",
  unsubscribedAll: "{shop}からのすべてのメールを停止しました。",
  resubscribed: {
    shipping: "{shop}からの配送状況のお知らせを再開しました。",
    delay: "{shop}からの遅延のお知らせを再開しました。",
    other: "{shop}からのこのメールを再開しました。",
  },
  undo: "元に戻す",
  unsubscribe: "配信を停止する",
  unsubscribeAll: "{shop}からのすべてのメールを停止する",
  brokenTitle: "このリンクは無効です",
  brokenBody: "リンクが途中で切れているか、書き換えられている可能性があるため、設定は変更していません。メールのリンクをもう一度開くか、{shop}にお問い合わせください。",
};

const hi: UnsubscribeTexts = {
  confirm: {
    shipping: "क्या आप {shop} से शिपिंग अपडेट पाना बंद करना चाहते हैं?",
    delay: "क्या आप {shop} से देरी की सूचनाएँ पाना बंद करना चाहते हैं?",
    other: "क्या आप {shop} से ये ईमेल पाना बंद करना चाहते हैं?",
  },
  unsubscribed: {
    shipping: "अब आपको {shop} से शिपिंग अपडेट नहीं मिलेंगे।",
    delay: "अब आपको {shop} से देरी की सूचनाएँ नहीं मिलेंगी।",
    other: "अब आपको {shop} से ये ईमेल नहीं मिलेंगे।",
  },
  othersContinue: "{shop} के बाकी ईमेल आपको मिलते रहेंगे।",
  unsubscribedAll: "अब आपको {shop} से कोई भी ईमेल नहीं मिलेगा।",
  resubscribed: {
    shipping: "आपको {shop} से शिपिंग अपडेट फिर से मिलेंगे।",
    delay: "आपको {shop} से देरी की सूचनाएँ फिर से मिलेंगी।",
    other: "आपको {shop} से ये ईमेल फिर से मिलेंगे।",
  },
  undo: "पहले जैसा करें",
  unsubscribe: "सदस्यता छोड़ें",
  unsubscribeAll: "{shop} के सभी ईमेल की सदस्यता छोड़ें",
  brokenTitle: "यह लिंक काम नहीं कर रहा है",
  brokenBody: "हो सकता है लिंक अधूरा हो या उसमें बदलाव हुआ हो, इसलिए कुछ भी नहीं बदला गया। ईमेल से लिंक दोबारा खोलें या {shop} से संपर्क करें।",
};

const ar: UnsubscribeTexts = {
  confirm: {
    shipping: "هل تريد إلغاء اشتراكك في تحديثات الشحن من {shop}؟",
    delay: "هل تريد إلغاء اشتراكك في إشعارات التأخير من {shop}؟",
    other: "هل تريد إلغاء اشتراكك في هذه الرسائل من {shop}؟",
  },
  unsubscribed: {
    shipping: "تم إلغاء اشتراكك في تحديثات الشحن من {shop}.",
    delay: "تم إلغاء اشتراكك في إشعارات التأخير من {shop}.",
    other: "تم إلغاء اشتراكك في هذه الرسائل من {shop}.",
  },
  othersContinue: "ستصلك رسائل {shop} الأخرى كالمعتاد.",
  unsubscribedAll: "تم إلغاء اشتراكك في جميع رسائل البريد الإلكتروني من {shop}.",
  resubscribed: {
    shipping: "ستصلك تحديثات الشحن من {shop} من جديد.",
    delay: "ستصلك إشعارات التأخير من {shop} من جديد.",
    other: "ستصلك هذه الرسائل من {shop} من جديد.",
  },
  undo: "تراجع",
  unsubscribe: "إلغاء الاشتراك",
  unsubscribeAll: "إلغاء الاشتراك في جميع رسائل {shop}",
  brokenTitle: "هذا الرابط لا يعمل",
  brokenBody: "ربما يكون الرابط ناقصًا أو تم تعديله، لذلك لم يتغير شيء. افتح الرابط من الرسالة مرة أخرى أو تواصل مع {shop}.",
};

const ml: UnsubscribeTexts = {
  confirm: {
    shipping: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഷിപ്പിംഗ് അപ്‌ഡേറ്റുകൾ നിർത്തണോ?",
    delay: "{shop} എന്ന സ്റ്റോറിൽ നിന്ന് ഡെലിവറി വൈകുന്നതിനെക്കുറിച്ചുള്ള അറിയിപ്പുകൾ നിർത്തണോ?",
    other: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഈ ഇമെയിലുകൾ നിർത്തണോ?",
  },
  unsubscribed: {
    shipping: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഷിപ്പിംഗ് അപ്‌ഡേറ്റുകൾ ഇനി നിങ്ങൾക്ക് ലഭിക്കില്ല.",
    delay: "{shop} എന്ന സ്റ്റോറിൽ നിന്ന് ഡെലിവറി വൈകുന്നതിനെക്കുറിച്ചുള്ള അറിയിപ്പുകൾ ഇനി നിങ്ങൾക്ക് ലഭിക്കില്ല.",
    other: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഈ ഇമെയിലുകൾ ഇനി നിങ്ങൾക്ക് ലഭിക്കില്ല.",
  },
  othersContinue: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള മറ്റ് ഇമെയിലുകൾ തുടർന്നും ലഭിക്കും.",
  unsubscribedAll: "{shop} എന്ന സ്റ്റോറിൽ നിന്ന് ഇനി ഒരു ഇമെയിലും നിങ്ങൾക്ക് ലഭിക്കില്ല.",
  resubscribed: {
    shipping: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഷിപ്പിംഗ് അപ്‌ഡേറ്റുകൾ നിങ്ങൾക്ക് വീണ്ടും ലഭിക്കും.",
    delay: "{shop} എന്ന സ്റ്റോറിൽ നിന്ന് ഡെലിവറി വൈകുന്നതിനെക്കുറിച്ചുള്ള അറിയിപ്പുകൾ നിങ്ങൾക്ക് വീണ്ടും ലഭിക്കും.",
    other: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള ഈ ഇമെയിലുകൾ നിങ്ങൾക്ക് വീണ്ടും ലഭിക്കും.",
  },
  undo: "പഴയപടിയാക്കുക",
  unsubscribe: "അൺസബ്‌സ്‌ക്രൈബ് ചെയ്യുക",
  unsubscribeAll: "{shop} എന്ന സ്റ്റോറിൽ നിന്നുള്ള എല്ലാ ഇമെയിലുകളും നിർത്തുക",
  brokenTitle: "ഈ ലിങ്ക് പ്രവർത്തിക്കുന്നില്ല",
  brokenBody: "ലിങ്ക് അപൂർണ്ണമോ മാറ്റം വരുത്തിയതോ ആകാം, അതിനാൽ ഒന്നും മാറ്റിയിട്ടില്ല. ഇമെയിലിലെ ലിങ്ക് വീണ്ടും തുറക്കുക, അല്ലെങ്കിൽ {shop} എന്ന സ്റ്റോറുമായി ബന്ധപ്പെടുക.",
};

const gu: UnsubscribeTexts = {
  confirm: {
    shipping: "શું તમે {shop} તરફથી શિપિંગ અપડેટ્સ મેળવવાનું બંધ કરવા માંગો છો?",
    delay: "શું તમે {shop} તરફથી વિલંબની સૂચનાઓ મેળવવાનું બંધ કરવા માંગો છો?",
    other: "શું તમે {shop} તરફથી આ ઇમેઇલ્સ મેળવવાનું બંધ કરવા માંગો છો?",
  },
  unsubscribed: {
    shipping: "હવે તમને {shop} તરફથી શિપિંગ અપડેટ્સ નહીં મળે.",
    delay: "હવે તમને {shop} તરફથી વિલંબની સૂચનાઓ નહીં મળે.",
    other: "હવે તમને {shop} તરફથી આ ઇમેઇલ્સ નહીં મળે.",
  },
  othersContinue: "{shop} તરફથી બીજા ઇમેઇલ્સ તમને મળતા રહેશે.",
  unsubscribedAll: "હવે તમને {shop} તરફથી કોઈ ઇમેઇલ નહીં મળે.",
  resubscribed: {
    shipping: "તમને {shop} તરફથી શિપિંગ અપડેટ્સ ફરીથી મળશે.",
    delay: "તમને {shop} તરફથી વિલંબની સૂચનાઓ ફરીથી મળશે.",
    other: "તમને {shop} તરફથી આ ઇમેઇલ્સ ફરીથી મળશે.",
  },
  undo: "પૂર્વવત્ કરો",
  unsubscribe: "અનસબ્સ્ક્રાઇબ કરો",
  unsubscribeAll: "{shop} તરફથી આવતા બધા ઇમેઇલ્સ બંધ કરો",
  brokenTitle: "આ લિંક કામ કરતી નથી",
  brokenBody: "લિંક અધૂરી હોય અથવા તેમાં ફેરફાર થયો હોય એવું બની શકે, તેથી કંઈ બદલાયું નથી. ઇમેઇલમાંની લિંક ફરીથી ખોલો અથવા {shop} નો સંપર્ક કરો.",
};

const sw: UnsubscribeTexts = {
  confirm: {
    shipping: "Ungependa kuacha kupokea taarifa za usafirishaji kutoka {shop}?",
    delay: "Ungependa kuacha kupokea taarifa za kuchelewa kwa oda kutoka {shop}?",
    other: "Ungependa kuacha kupokea barua pepe hizi kutoka {shop}?",
  },
  unsubscribed: {
    shipping: "Hutapokea tena taarifa za usafirishaji kutoka {shop}.",
    delay: "Hutapokea tena taarifa za kuchelewa kwa oda kutoka {shop}.",
    other: "Hutapokea tena barua pepe hizi kutoka {shop}.",
  },
  othersContinue: "Utaendelea kupokea barua pepe nyingine kutoka {shop}.",
  unsubscribedAll: "Hutapokea tena barua pepe yoyote kutoka {shop}.",
  resubscribed: {
    shipping: "Utapokea tena taarifa za usafirishaji kutoka {shop}.",
    delay: "Utapokea tena taarifa za kuchelewa kwa oda kutoka {shop}.",
    other: "Utapokea tena barua pepe hizi kutoka {shop}.",
  },
  undo: "Tendua",
  unsubscribe: "Jiondoe",
  unsubscribeAll: "Jiondoe kwenye barua pepe zote za {shop}",
  brokenTitle: "Kiungo hiki hakifanyi kazi",
  brokenBody: "Huenda hakijakamilika au kimebadilishwa, kwa hiyo hakuna kilichobadilishwa. Fungua tena kiungo kilicho kwenye barua pepe au wasiliana na {shop}.",
};

const te: UnsubscribeTexts = {
  confirm: {
    shipping: "{shop} నుండి షిప్పింగ్ అప్‌డేట్‌లను ఆపివేయాలా?",
    delay: "{shop} నుండి డెలివరీ ఆలస్యం గురించిన సందేశాలను ఆపివేయాలా?",
    other: "{shop} నుండి ఈ ఈమెయిల్‌లను ఆపివేయాలా?",
  },
  unsubscribed: {
    shipping: "ఇకపై మీకు {shop} నుండి షిప్పింగ్ అప్‌డేట్‌లు రావు.",
    delay: "ఇకపై మీకు {shop} నుండి డెలివరీ ఆలస్యం గురించిన సందేశాలు రావు.",
    other: "ఇకపై మీకు {shop} నుండి ఈ ఈమెయిల్‌లు రావు.",
  },
  othersContinue: "{shop} నుండి ఇతర ఈమెయిల్‌లు మీకు యథావిధిగా వస్తాయి.",
  unsubscribedAll: "ఇకపై మీకు {shop} నుండి ఏ ఈమెయిల్‌లూ రావు.",
  resubscribed: {
    shipping: "మీకు {shop} నుండి షిప్పింగ్ అప్‌డేట్‌లు మళ్లీ వస్తాయి.",
    delay: "మీకు {shop} నుండి డెలివరీ ఆలస్యం గురించిన సందేశాలు మళ్లీ వస్తాయి.",
    other: "మీకు {shop} నుండి ఈ ఈమెయిల్‌లు మళ్లీ వస్తాయి.",
  },
  undo: "చర్య రద్దు చేయండి",
  unsubscribe: "అన్‌సబ్‌స్క్రయిబ్ చేయండి",
  unsubscribeAll: "{shop} నుండి వచ్చే అన్ని ఈమెయిల్‌లను ఆపివేయండి",
  brokenTitle: "ఈ లింక్ పని చేయడం లేదు",
  brokenBody: "లింక్ అసంపూర్తిగా ఉండవచ్చు లేదా మార్చబడి ఉండవచ్చు, కాబట్టి ఏమీ మార్చలేదు. ఈమెయిల్‌లోని లింక్‌ను మళ్లీ తెరవండి లేదా {shop} వారిని సంప్రదించండి.",
};

/**
 * Texts by locale: Herald's default locales here, the other template languages in texts-more.ts. Add a
 * locale: write its texts, list them here (a test checks every key is filled).
 */
export const UNSUBSCRIBE_TEXTS: Readonly<Record<string, UnsubscribeTexts>> = {
  en,
  es,
  fr,
  de,
  "pt-BR": ptBR,
  it,
  nl,
  ja,
  hi,
  ar,
  ml,
  gu,
  sw,
  te,
  ...MORE_UNSUBSCRIBE_TEXTS,
};

export const UNSUBSCRIBE_LOCALES: readonly string[] = Object.keys(UNSUBSCRIBE_TEXTS);

/** The kind a trigger name reads as on the page. */
export function scopeKind(scope: string): ScopeKind {
  return scope === "shipping" || scope === "delay" ? scope : "other";
}
