import type { LayoutLabels } from "./templates/types";

// The one email layout every message shares. Email clients ignore <style> blocks and flexbox, so it is
// tables and inline styles only, 600px wide at most, with the button built as a table cell (Outlook).
// Rendered by the HTML engine: every {{ output }} is escaped except the already-rendered body.
// Layout scope: the template variables plus body, subject, preheader (hidden preview text; the subject
// when empty), lang, dir, align (start side), opposite.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans',Helvetica,Arial,sans-serif";

// Built once per locale's labels: every email renders the layout, and the same source string (not an
// equal copy) lets the parse cache find it without re-reading 5 KB of text.
const built = new WeakMap<LayoutLabels, string>();

/** Liquid source of the email layout for one locale's labels (ours, trusted: inlined as Liquid). */
export function emailLayoutSource(labels: LayoutLabels): string {
  let source = built.get(labels);
  if (source === undefined) {
    source = buildLayoutSource(labels);
    built.set(labels, source);
  }
  return source;
}

function buildLayoutSource(labels: LayoutLabels): string {
  return `<!DOCTYPE html>
<html lang="{{ lang }}" dir="{{ dir }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>{{ subject }}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;-webkit-text-size-adjust:100%;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">{% if preheader != blank %}{{ preheader }}{% else %}{{ subject }}{% endif %}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="{{ dir }}" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:12px;">
<tr><td style="padding:24px 32px;border-bottom:1px solid #e5e7eb;font-family:${FONT};font-size:20px;font-weight:700;line-height:1.3;color:#111827;text-align:{{ align }};">{{ shop.name }}</td></tr>
<tr><td style="padding:28px 32px 8px;font-family:${FONT};font-size:16px;line-height:1.6;color:#1f2937;text-align:{{ align }};">
{{ body | raw }}
</td></tr>
{% if fulfillment.tracking_url %}<tr><td align="center" style="padding:8px 32px 20px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="#111827" style="border-radius:8px;background-color:#111827;">
<a href="{{ fulfillment.tracking_url }}" target="_blank" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:16px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:8px;">${labels.trackButton}</a>
</td></tr></table>
</td></tr>{% endif %}
{% if order.status_url %}<tr><td align="center" style="padding:0 32px 24px;font-family:${FONT};font-size:14px;line-height:1.5;">
<a href="{{ order.status_url }}" target="_blank" style="color:#2563eb;text-decoration:underline;">${labels.orderStatusLink}</a>
</td></tr>{% endif %}
{% if line_items.size > 0 %}<tr><td style="padding:8px 32px 28px;">
<div style="padding:0 0 8px;border-bottom:1px solid #e5e7eb;font-family:${FONT};font-size:13px;font-weight:600;letter-spacing:0.03em;color:#4b5563;text-align:{{ align }};">{% if fulfillment %}${labels.itemsHeading}{% else %}${labels.orderItemsHeading}{% endif %}</div>
{% for item in line_items %}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-bottom:1px solid #f3f4f6;"><tr>
{% if item.image_url %}<td width="60" style="padding:12px 0;width:60px;vertical-align:middle;"><img src="{{ item.image_url }}" width="48" height="48" alt="" style="display:block;width:48px;height:48px;border:0;border-radius:6px;object-fit:cover;"></td>{% endif %}
<td style="padding:12px 0;vertical-align:middle;font-family:${FONT};font-size:15px;line-height:1.4;color:#111827;text-align:{{ align }};">{{ item.title }}{% if item.variant_title %}<br><span style="font-size:13px;color:#4b5563;">{{ item.variant_title }}</span>{% endif %}</td>
<td style="padding:12px 0;vertical-align:middle;white-space:nowrap;font-family:${FONT};font-size:15px;color:#374151;text-align:{{ opposite }};">&times;&nbsp;{{ item.quantity }}</td>
</tr></table>{% endfor %}
</td></tr>{% endif %}
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;">
<tr><td style="padding:16px 32px;font-family:${FONT};font-size:12px;line-height:1.5;color:#4b5563;text-align:center;">{% if product %}${labels.stockFooter}{% else %}${labels.footer}{% endif %}{% if unsubscribe_url %}<br><a href="{{ unsubscribe_url }}" target="_blank" style="color:#4b5563;text-decoration:underline;">${labels.unsubscribeLink}</a>{% endif %}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}
