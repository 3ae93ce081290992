import type { TemplateVariables } from "./types";
import type { LayoutLabels } from "./templates/types";

// The one email layout every message shares. Email clients ignore <style> blocks and flexbox, so it is
// tables and inline styles only, 600px wide at most, with the button built as a table cell (Outlook).
//
// The layout is Herald's own (merchants edit the body, not the frame), so it is a function rather
// than a Liquid template: it wraps every email, and Liquid spent about 360 µs on it per email, three
// quarters of a whole render. Every value from the variables is HTML-escaped exactly as the Liquid
// HTML engine escapes output; `body` is the already-rendered (and escaped) merchant body.

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans',Helvetica,Arial,sans-serif";

export interface LayoutInput {
  vars: TemplateVariables;
  /** The rendered HTML body (trusted: the HTML engine escaped its output). */
  body: string;
  subject: string;
  /**
   * Hidden preview text inboxes show after the subject. Empty: none, and inboxes show the start of
   * the email instead (the subject standing in would make them show it twice).
   */
  preheader: string;
  lang: string;
  dir: "ltr" | "rtl";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

/** Escape as Liquid's `escape` filter does (the HTML engine's output escape). */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The one placeholder layout labels may hold (their translations name the shop). */
export const LABEL_PLACEHOLDER = "{{ shop.name }}";

function withShopName(label: string, vars: TemplateVariables): string {
  return label.includes(LABEL_PLACEHOLDER) ? label.replaceAll(LABEL_PLACEHOLDER, escapeHtml(vars.shop.name)) : label;
}

export function renderEmailLayout(labels: LayoutLabels, input: LayoutInput): string {
  const { vars, dir } = input;
  const e = escapeHtml;
  const align = dir === "rtl" ? "right" : "left";
  const opposite = dir === "rtl" ? "left" : "right";
  const trackingUrl = vars.fulfillment?.tracking_url;
  const statusUrl = vars.order?.status_url;
  const parts: string[] = [
    `<!DOCTYPE html>
<html lang="${e(input.lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${e(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;-webkit-text-size-adjust:100%;">
${input.preheader.trim() ? `<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${e(input.preheader)}</div>\n` : ""}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:12px;">
<tr><td style="padding:24px 32px;border-bottom:1px solid #e5e7eb;font-family:${FONT};font-size:20px;font-weight:700;line-height:1.3;color:#111827;text-align:${align};">${e(vars.shop.name)}</td></tr>
<tr><td style="padding:28px 32px 8px;font-family:${FONT};font-size:16px;line-height:1.6;color:#1f2937;text-align:${align};">
${input.body}
</td></tr>
`,
  ];
  if (trackingUrl) {
    parts.push(`<tr><td align="center" style="padding:8px 32px 20px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td align="center" bgcolor="#111827" style="border-radius:8px;background-color:#111827;">
<a href="${e(trackingUrl)}" target="_blank" style="display:inline-block;padding:14px 28px;font-family:${FONT};font-size:16px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:8px;">${labels.trackButton}</a>
</td></tr></table>
</td></tr>`);
  }
  parts.push("\n");
  if (statusUrl) {
    parts.push(`<tr><td align="center" style="padding:0 32px 24px;font-family:${FONT};font-size:14px;line-height:1.5;">
<a href="${e(statusUrl)}" target="_blank" style="color:#2563eb;text-decoration:underline;">${labels.orderStatusLink}</a>
</td></tr>`);
  }
  parts.push("\n");
  if (vars.line_items.length > 0) {
    parts.push(`<tr><td style="padding:8px 32px 28px;">
<div style="padding:0 0 8px;border-bottom:1px solid #e5e7eb;font-family:${FONT};font-size:13px;font-weight:600;letter-spacing:0.03em;color:#4b5563;text-align:${align};">${vars.fulfillment ? labels.itemsHeading : labels.orderItemsHeading}</div>
`);
    for (const item of vars.line_items) {
      const image = item.image_url
        ? `<td width="60" style="padding:12px 0;width:60px;vertical-align:middle;"><img src="${e(item.image_url)}" width="48" height="48" alt="" style="display:block;width:48px;height:48px;border:0;border-radius:6px;object-fit:cover;"></td>`
        : "";
      const variant = item.variant_title ? `<br><span style="font-size:13px;color:#4b5563;">${e(item.variant_title)}</span>` : "";
      parts.push(`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-bottom:1px solid #f3f4f6;"><tr>
${image}
<td style="padding:12px 0;vertical-align:middle;font-family:${FONT};font-size:15px;line-height:1.4;color:#111827;text-align:${align};">${e(item.title)}${variant}</td>
<td style="padding:12px 0;vertical-align:middle;white-space:nowrap;font-family:${FONT};font-size:15px;color:#374151;text-align:${opposite};">&times;&nbsp;${e(item.quantity)}</td>
</tr></table>`);
    }
    parts.push(`
</td></tr>`);
  }
  const unsubscribe = vars.unsubscribe_url
    ? `<br><a href="${e(vars.unsubscribe_url)}" target="_blank" style="color:#4b5563;text-decoration:underline;">${labels.unsubscribeLink}</a>`
    : "";
  parts.push(`
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;">
<tr><td style="padding:16px 32px;font-family:${FONT};font-size:12px;line-height:1.5;color:#4b5563;text-align:center;">${withShopName(vars.product ? labels.stockFooter : labels.footer, vars)}${unsubscribe}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`);
  return parts.join("");
}
