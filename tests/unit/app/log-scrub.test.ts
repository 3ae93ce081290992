import { afterEach, describe, expect, it, vi } from "vitest";
import { log, scrubPii } from "../../../app/log.server";

describe("log scrubbing", () => {
  afterEach(() => vi.restoreAllMocks());

  it("replaces emails and international phone numbers in provider text", () => {
    expect(scrubPii("Invalid 'To' Phone Number: +15551234567")).toBe("Invalid 'To' Phone Number: [phone]");
    expect(scrubPii("to whatsapp:+91 98765 43210 failed")).toBe("to whatsapp:[phone] failed");
    expect(scrubPii("The jane.doe+orders@example.co.uk address bounced")).toBe("The [email] address bounced");
  });

  it("keeps ids, times and counts", () => {
    const text = "gid://shopify/Order/1234567890 at 2026-11-24T10:00:00.000Z, 429 after 3 attempts, shop demo.myshopify.com";
    expect(scrubPii(text)).toBe(text);
  });

  it("scrubs every string field of a line, nested ones too, before writing it", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    log.error("message.failed", { message: "m_1", error: "21211: Invalid 'To' Phone Number: +447700900123", detail: { to: "a@b.io" }, attempt: 2 });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ event: "message.failed", message: "m_1", error: "21211: Invalid 'To' Phone Number: [phone]", detail: { to: "[email]" }, attempt: 2 });
  });
});
