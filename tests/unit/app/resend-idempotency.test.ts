// Herald's Resend adapter against the loopback fake: what an Idempotency-Key reused with another
// body comes back as.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ResendChannel } from "../../../app/channels/resend.server";
import type { OutgoingEmail } from "../../../app/channels/types";
import { type FakeResend, startFakeResend } from "../../fakes/resend-fake";

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const email = (subject: string): OutgoingEmail => ({
  from: "Maple & Co <updates@maple.test>",
  to: "asha@example.com",
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});

describe("the Resend adapter and idempotency keys", () => {
  it("gives up, with a clear error, on a key Resend already saw with a different email", async () => {
    // GIVEN an email sent under a key
    const channel = new ResendChannel(fake.apiKey, fake.url);
    const first = await channel.send(email("Your order #1001 has shipped"), { idempotencyKey: "herald-msg-1" });
    expect(first.ok).toBe(true);

    // WHEN another email goes under the same key
    const second = await channel.send(email("Your order #1001 is out for delivery"), { idempotencyKey: "herald-msg-1" });

    // THEN Resend refused it as invalid_idempotent_request, and the adapter does not ask for a retry
    expect(fake.requests.map((r) => r.error)).toEqual([null, "invalid_idempotent_request"]);
    expect(second).toMatchObject({ ok: false, provider: "resend", retryable: false });
    expect(!second.ok && second.error).toContain("invalid_idempotent_request");
    expect(fake.emails.map((e) => e.subject)).toEqual(["Your order #1001 has shipped"]);
  });

  it("gives up on a batch whose key Resend already saw with other emails", async () => {
    const channel = new ResendChannel(fake.apiKey, fake.url);
    const first = await channel.sendBatch([email("Back in stock: mug")], { idempotencyKey: "herald-batch-1" });
    expect(first.ok).toBe(true);

    const second = await channel.sendBatch([email("Back in stock: teapot")], { idempotencyKey: "herald-batch-1" });

    expect(second).toMatchObject({ ok: false, retryable: false });
    expect(fake.emails.map((e) => e.subject)).toEqual(["Back in stock: mug"]);
  });

  it("replays the first answer for the same key and the same email", async () => {
    const channel = new ResendChannel(fake.apiKey, fake.url);
    const first = await channel.send(email("Your order #1001 has shipped"), { idempotencyKey: "herald-msg-2" });
    const again = await channel.send(email("Your order #1001 has shipped"), { idempotencyKey: "herald-msg-2" });
    expect(again).toEqual(first);
    expect(fake.emails).toHaveLength(1);
  });
});
