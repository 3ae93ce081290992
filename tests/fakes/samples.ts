// Sample traffic for the inbox page (`tsx tests/fakes/cli.ts --samples`): what a store selling to
// customers in several languages would send. Sent over HTTP like Herald would, so the fakes record
// exactly what they'd record from the app.

import type { ProviderFakes } from "./index";

const STORE = "Maple & Thread <updates@maple-thread.test>";

const shippedHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your order is on its way</title></head>
<body style="margin:0;background:#f4f1ec;font-family:Helvetica,Arial,sans-serif;color:#222">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f1ec;padding:24px 0"><tr><td align="center">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:10px;overflow:hidden">
<tr><td style="background:#2f4b3a;color:#fff;padding:18px 28px;font-size:18px;font-weight:bold;letter-spacing:.5px">Maple &amp; Thread</td></tr>
<tr><td style="padding:28px">
<h1 style="margin:0 0 12px;font-size:22px">Your order is on its way, Asha</h1>
<p style="margin:0 0 16px;font-size:15px;line-height:1.5">Good news: order <strong>#1001</strong> left our studio today with Delhivery. It should arrive by <strong>Thursday, 26 November</strong>.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-top:1px solid #eee;border-bottom:1px solid #eee;margin:8px 0 20px">
<tr><td style="padding:10px 0;font-size:14px">Handwoven linen throw × 1</td><td align="right" style="font-size:14px">₹3,400</td></tr>
<tr><td style="padding:10px 0;font-size:14px">Block-print cushion cover × 2</td><td align="right" style="font-size:14px">₹1,800</td></tr>
</table>
<a href="https://track.example/DLV123456789IN" style="display:inline-block;background:#2f4b3a;color:#fff;text-decoration:none;padding:12px 22px;border-radius:6px;font-weight:bold">Track your parcel</a>
<p style="margin:20px 0 0;font-size:13px;color:#666">Tracking number DLV123456789IN</p>
</td></tr>
<tr><td style="padding:16px 28px;background:#faf8f5;font-size:12px;color:#777">You're receiving this because you ordered from Maple &amp; Thread. <a href="https://herald.test/u/abc123" style="color:#777">Unsubscribe from shipping updates</a></td></tr>
</table></td></tr></table></body></html>`;

const delayHtml = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"></head>
<body style="margin:0;font-family:Helvetica,Arial,sans-serif;background:#f4f1ec">
<div style="max-width:560px;margin:24px auto;background:#fff;border-radius:10px;padding:28px">
<p style="font-weight:bold;color:#2f4b3a;margin:0 0 16px">Maple &amp; Thread</p>
<h1 style="font-size:21px;margin:0 0 12px">Tu pedido #1003 llegará un poco más tarde</h1>
<p style="font-size:15px;line-height:1.5">Hola Lucía: la transportista nos avisa de un retraso. La nueva fecha estimada de entrega es el <strong>lunes 30 de noviembre</strong>. Sentimos las molestias.</p>
<a href="https://track.example/ES998877" style="display:inline-block;background:#2f4b3a;color:#fff;text-decoration:none;padding:12px 22px;border-radius:6px">Seguir mi envío</a>
</div></body></html>`;

/** Send a handful of realistic messages through the fakes' HTTP APIs. */
export async function seedSampleMessages(fakes: ProviderFakes): Promise<void> {
  const { RESEND_BASE_URL, RESEND_API_KEY, TWILIO_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM } = fakes.env;

  const email = async (body: Record<string, unknown>, key: string) => {
    const res = await fetch(`${RESEND_BASE_URL}/emails`, {
      method: "POST",
      headers: { authorization: `Bearer ${RESEND_API_KEY}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sample email refused: ${res.status} ${await res.text()}`);
  };
  const text = async (params: Record<string, string>) => {
    const res = await fetch(`${TWILIO_BASE_URL}/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${TWILIO_ACCOUNT_SID}:${TWILIO_AUTH_TOKEN}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(params).toString(),
    });
    if (!res.ok) throw new Error(`sample text refused: ${res.status} ${await res.text()}`);
  };
  const unsubscribe = {
    "List-Unsubscribe": "<https://herald.test/u/abc123>, <mailto:unsubscribe@herald.test?subject=abc123>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };

  await email(
    {
      from: STORE,
      to: "asha.menon@example.com",
      subject: "Your order #1001 is on its way",
      html: shippedHtml,
      text: "Your order is on its way, Asha.\n\nOrder #1001 left our studio today with Delhivery and should arrive by Thursday, 26 November.\n\nTrack your parcel: https://track.example/DLV123456789IN\n\nUnsubscribe: https://herald.test/u/abc123",
      headers: unsubscribe,
      tags: [{ name: "herald_trigger", value: "shipped" }],
    },
    "sample/maple/shipped/1001/email",
  );
  // A retried send with the same key: shows as "duplicate suppressed" in the provider log.
  await email(
    {
      from: STORE,
      to: "asha.menon@example.com",
      subject: "Your order #1001 is on its way",
      html: shippedHtml,
      text: "Your order is on its way, Asha.\n\nOrder #1001 left our studio today with Delhivery and should arrive by Thursday, 26 November.\n\nTrack your parcel: https://track.example/DLV123456789IN\n\nUnsubscribe: https://herald.test/u/abc123",
      headers: unsubscribe,
      tags: [{ name: "herald_trigger", value: "shipped" }],
    },
    "sample/maple/shipped/1001/email",
  );
  await text({
    To: "+919847012345",
    From: TWILIO_FROM,
    Body: "Maple & Thread: നിങ്ങളുടെ ഓർഡർ #1001 അയച്ചിരിക്കുന്നു. വ്യാഴാഴ്ച എത്തും. ട്രാക്ക് ചെയ്യാൻ: https://t.herald.test/a1 STOP=നിർത്തുക",
  });
  await text({
    To: "+919847012345",
    From: TWILIO_FROM,
    Body: "Maple & Thread: ഓർഡർ #1001 ഇന്ന് ഡെലിവറിക്ക് പുറപ്പെട്ടു.",
  });
  await text({
    To: "+971501234567",
    From: TWILIO_FROM,
    Body: "مرحبًا سارة، تم شحن طلبك #1002 من Maple & Thread وسيصل يوم الخميس. تتبّعي الشحنة: https://t.herald.test/b2",
  });
  await text({
    To: "+14155550134",
    From: TWILIO_FROM,
    Body: "Maple & Thread: your order #1004 was delivered. Questions? Reply to this text. Reply STOP to opt out.",
  });
  const contentSid = "HX" + "4d1f".repeat(8);
  fakes.twilio.registerContentTemplate(contentSid, "Hi {{1}}, your Maple & Thread order {{2}} is out for delivery today 🚚");
  await text({
    To: "whatsapp:+525512345678",
    From: `whatsapp:${TWILIO_FROM}`,
    ContentSid: contentSid,
    ContentVariables: JSON.stringify({ 1: "Lucía", 2: "#1003" }),
  });
  await email(
    {
      from: STORE,
      to: "Lucía Romero <lucia@example.com>",
      subject: "Tu pedido #1003 llegará un poco más tarde",
      html: delayHtml,
      text: "Hola Lucía: la transportista nos avisa de un retraso. Nueva fecha estimada: lunes 30 de noviembre.",
      headers: unsubscribe,
    },
    "sample/maple/delay/1003/email",
  );
}
