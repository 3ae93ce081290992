import { describe, expect, it } from "vitest";
import { buildVariables, renderMessage, type RenderRequest } from "~/notifications/render";
import { countSegments } from "~/notifications/segments";
import type { RenderedMessage } from "~/notifications/types";
import { at, event, fulfillment, order, shop } from "./fixtures";

// "#1001" in Arabic text displays as "1001#" unless it is isolated: in a right-to-left message,
// order numbers, shipment names, tracking numbers, SKUs and phones are wrapped in U+2066 ... U+2069
// (plain text, subject, SMS) or <span dir="ltr"> (email HTML).

const LRI = "\u2066";
const PDI = "\u2069";

const variables = buildVariables({
  shop: shop(),
  order: order(),
  fulfillment: fulfillment({ name: "#1001.1", events: [{ ...event("in_transit", at(2)), estimatedDeliveryAt: new Date("2025-06-12T10:00:00Z") }] }),
});

function render(request: Partial<RenderRequest> & Pick<RenderRequest, "channel" | "locale">): RenderedMessage {
  const result = renderMessage({ trigger: "shipping", step: "in_transit", variables, ...request });
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

describe("left-to-right values in right-to-left messages", () => {
  it("isolates the order and tracking numbers in an Arabic email's subject and text part, and marks them left to right in the HTML", () => {
    const message = render({ channel: "email", locale: "ar" });
    expect(message.subject).toContain(`${LRI}#1001${PDI}`);
    expect(message.text).toContain(`رقم التتبع: ${LRI}1Z999AA10123456784${PDI}`);
    expect(message.html).toContain('<span dir="ltr">1Z999AA10123456784</span>');
    expect(message.html).toMatch(/<span dir="ltr">#1001<\/span>|\u2066#1001\u2069/);
    // No bare "#1001" is left for the paragraph's direction to scramble.
    expect(message.subject!.replaceAll(`${LRI}#1001${PDI}`, "")).not.toContain("#1001");
    expect(message.html!.replaceAll('<span dir="ltr">#1001</span>', "").replaceAll(`${LRI}#1001${PDI}`, "")).not.toContain("#1001");
  });

  it("isolates the order number in an Arabic SMS, which is UCS-2 either way", () => {
    const message = render({ channel: "sms", locale: "ar" });
    expect(message.text).toContain(`${LRI}#1001${PDI}`);
    expect(countSegments(message.text).encoding).toBe("UCS-2");
    expect(message.segments).toBe(countSegments(message.text).segments);
  });

  it("isolates every left-to-right token a merchant's template prints, whatever its filters", () => {
    const template = {
      body: "طلبك {{ order.name | upcase }} / الشحنة {{ fulfillment.name }} / رقم التتبع {{ fulfillment.tracking_number }} / {% for item in line_items %}{{ item.sku }}{% endfor %} / {{ customer.phone }}",
    };
    const message = render({ channel: "sms", locale: "ar", template });
    expect(message.text).toBe(
      `طلبك ${LRI}#1001${PDI} / الشحنة ${LRI}#1001.1${PDI} / رقم التتبع ${LRI}1Z999AA10123456784${PDI} / ${LRI}LS-M${PDI} / ${LRI}+919876543210${PDI}`,
    );
  });

  it("keeps links a template builds from a value working: no marks inside a URL or an HTML tag", () => {
    const template = {
      subject: "طلبك {{ order.name }}",
      html: '<p><a href="https://track.example/?n={{ fulfillment.tracking_number }}" title="{{ order.name }}">تتبع {{ fulfillment.tracking_number }}</a></p>',
      text: "تتبع: https://track.example/?n={{ fulfillment.tracking_number }}&o={{ order.name | url_encode }} ({{ fulfillment.tracking_number }})",
    };
    const message = render({ channel: "email", locale: "ar", template });
    expect(message.html).toContain('<a href="https://track.example/?n=1Z999AA10123456784" title="#1001">تتبع <span dir="ltr">1Z999AA10123456784</span></a>');
    expect(message.text).toContain(`تتبع: https://track.example/?n=1Z999AA10123456784&o=%231001 (${LRI}1Z999AA10123456784${PDI})`);
  });

  it("leaves left-to-right messages as they were", () => {
    for (const locale of ["en", "hi", "ja"]) {
      const email = render({ channel: "email", locale });
      const sms = render({ channel: "sms", locale });
      for (const part of [email.subject, email.text, email.html, sms.text]) {
        expect(part).not.toMatch(/[\u2066\u2069]/);
        expect(part).not.toContain('dir="ltr">#');
      }
    }
  });
});
