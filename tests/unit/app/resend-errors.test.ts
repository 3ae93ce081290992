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
