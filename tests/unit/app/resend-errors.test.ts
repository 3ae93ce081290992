import { describe, expect, it } from "vitest";
import { mapResendError } from "../../../app/channels/resend.server";
import { formatFrom } from "../../../app/pipeline/sender";

describe("Resend's answers", () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [null, true],
    [409, true],
    [401, true],
    [422, false],
    [400, false],
    [404, false],
  ])("status %s is retryable: %s", (statusCode, retryable) => {
    const result = mapResendError({ statusCode, name: "x", message: "m" }, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.retryable).toBe(retryable);
  });

  it("retries a 409 while the same key is still in flight, but not one for a key reused with another body", () => {
    const concurrent = mapResendError({ statusCode: 409, name: "concurrent_idempotent_requests", message: "Try the request again later." }, {});
    const reused = mapResendError({ statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." }, {});
    expect(concurrent).toMatchObject({ ok: false, retryable: true });
    expect(reused).toMatchObject({ ok: false, retryable: false });
    expect(!reused.ok && reused.error).toMatch(/^Resend 409 invalid_idempotent_request: .*different email; retrying under it cannot succeed/);
  });

  it("turns retry-after seconds into a wait", () => {
    const result = mapResendError({ statusCode: 429, name: "rate_limit_exceeded" }, { "retry-after": "2" });
    expect(!result.ok && result.retryAfterMs).toBe(2000);
  });
});

describe("the From header", () => {
  it("uses the shop's name on Herald's sending address", () => {
    expect(formatFrom("Café Luna", "Herald <notify@herald.app>")).toBe('"Café Luna" <notify@herald.app>');
    expect(formatFrom('Evil" <x@y>', "notify@herald.app")).toBe('"Evil x@y" <notify@herald.app>');
  });
});
