// The fake Resend API, driven by the official `resend` SDK exactly as Herald's adapter will drive it.
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeResend, startFakeResend } from "../../fakes/resend-fake";

let fake: FakeResend;
let previousBaseUrl: string | undefined;

beforeAll(async () => {
  fake = await startFakeResend();
  previousBaseUrl = process.env.RESEND_BASE_URL;
  // The SDK reads RESEND_BASE_URL when the client is constructed.
  process.env.RESEND_BASE_URL = fake.url;
});
afterEach(() => fake.reset());
afterAll(async () => {
  if (previousBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = previousBaseUrl;
  await fake.close();
});

const client = () => new Resend(fake.apiKey);

const shippingEmail = {
  from: "Maple & Co <updates@maple.test>",
  to: "asha@example.com",
  subject: "Your order #1001 has shipped",
  html: "<p>Good news, Asha: it's on its way.</p>",
  text: "Good news, Asha: it's on its way.",
  headers: { "List-Unsubscribe": "<https://herald.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  tags: [{ name: "herald_message", value: "msg_123" }],
};

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("fake Resend", () => {
  it("records an email sent through the real resend SDK pointed at it by RESEND_BASE_URL", async () => {
    // GIVEN the SDK configured only through the environment
    // WHEN an email is sent
    const { data, error } = await client().emails.send(shippingEmail);

    // THEN the SDK reports success with the id the fake recorded, and the fake saw everything
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.emails).toHaveLength(1);
    const [email] = fake.emails;
    expect(email).toMatchObject({
      id: data!.id,
      from: "Maple & Co <updates@maple.test>",
      to: ["asha@example.com"],
      subject: "Your order #1001 has shipped",
      html: "<p>Good news, Asha: it's on its way.</p>",
      text: "Good news, Asha: it's on its way.",
      headers: { "List-Unsubscribe": "<https://herald.test/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      tags: [{ name: "herald_message", value: "msg_123" }],
      idempotencyKey: null,
    });
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/emails", status: 200, outcome: "accepted" });
    expect(fake.requests[0].userAgent).toMatch(/^resend-node:/);
  });

  it("returns the original id and records one email when the same idempotency key is sent twice", async () => {
    const resend = client();
    const first = await resend.emails.send(shippingEmail, { idempotencyKey: "shop-1/shipped/1001/email" });
    const second = await resend.emails.send(shippingEmail, { idempotencyKey: "shop-1/shipped/1001/email" });

    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data?.id).toBe(first.data?.id);
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0].idempotencyKey).toBe("shop-1/shipped/1001/email");
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "replayed"]);
  });

  it("answers 409 invalid_idempotent_request when a key is reused with a different body", async () => {
    const resend = client();
    await resend.emails.send(shippingEmail, { idempotencyKey: "k-1" });
    const { data, error } = await resend.emails.send({ ...shippingEmail, subject: "Something else" }, { idempotencyKey: "k-1" });

    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(fake.emails).toHaveLength(1);
  });

  it("answers 409 concurrent_idempotent_requests while the first request with that key is in progress", async () => {
    fake.setLatency(150);
    const resend = client();
    const [a, b] = await Promise.all([
      resend.emails.send(shippingEmail, { idempotencyKey: "k-2" }),
      new Promise((r) => setTimeout(r, 30)).then(() => resend.emails.send(shippingEmail, { idempotencyKey: "k-2" })),
    ]);
    expect(a.error).toBeNull();
    expect(b.error).toMatchObject({ statusCode: 409, name: "concurrent_idempotent_requests" });
    expect(fake.emails).toHaveLength(1);
  });

  it("sends again with the same key once the idempotency window has passed", async () => {
    let now = Date.parse("2026-11-20T10:00:00Z");
    const clocked = await startFakeResend({ now: () => now, idempotencyWindowMs: 60_000 });
    try {
      const resend = new Resend(clocked.apiKey, { baseUrl: clocked.url });
      const first = await resend.emails.send(shippingEmail, { idempotencyKey: "k-3" });
      now += 61_000;
      const second = await resend.emails.send(shippingEmail, { idempotencyKey: "k-3" });
      expect(second.data?.id).not.toBe(first.data?.id);
      expect(clocked.emails).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });

  it("fails the next send with a scripted 500 and then accepts the retry with the same key", async () => {
    fake.failNext(1, { status: 500 });
    const resend = client();

    const failed = await resend.emails.send(shippingEmail, { idempotencyKey: "k-4" });
    expect(failed.data).toBeNull();
    expect(failed.error).toMatchObject({ statusCode: 500, name: "application_error" });
    expect(fake.emails).toHaveLength(0);

    const retried = await resend.emails.send(shippingEmail, { idempotencyKey: "k-4" });
    expect(retried.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
    expect(fake.requests.map((r) => [r.status, r.outcome])).toEqual([
      [500, "fault"],
      [200, "accepted"],
    ]);
  });

  it("answers a scripted 429 with a retry-after header the SDK passes back", async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const { error, headers } = await client().emails.send(shippingEmail);

    expect(error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(headers?.["retry-after"]).toBe("7");
  });

  it("rate limits for real with a sliding one-second window when asked", async () => {
    fake.setRateLimit({ requestsPerSecond: 2 });
    const results = await Promise.all([1, 2, 3].map(() => post("/emails", shippingEmail)));
    const statuses = results.map((r) => r.status).sort();

    expect(statuses).toEqual([200, 200, 429]);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("ratelimit-limit")).toBe("2");
    expect(fake.emails).toHaveLength(2);

    await new Promise((r) => setTimeout(r, 1_050));
    expect((await post("/emails", shippingEmail)).status).toBe(200);
  });

  it("records the email but cuts the connection when a lost response is scripted, so a keyed retry replays", async () => {
    fake.loseNextResponse(1);
    const resend = client();
    const lost = await resend.emails.send(shippingEmail, { idempotencyKey: "k-5" });
    expect(lost.error).toMatchObject({ statusCode: null, name: "application_error" });
    expect(fake.emails).toHaveLength(1);

    const retry = await resend.emails.send(shippingEmail, { idempotencyKey: "k-5" });
    expect(retry.data?.id).toBe(fake.emails[0].id);
    expect(fake.emails).toHaveLength(1);
  });

  it("is healthy again after clearFaults: scripted faults, lost answers and the rate limit not used yet are dropped", async () => {
    fake.failNext(3, { status: 503 });
    fake.loseNextResponse(2);
    fake.setRateLimit({ requestsPerSecond: 1 });
    fake.clearFaults();
    const results = await Promise.all([1, 2, 3].map(() => post("/emails", shippingEmail)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(fake.requests.map((r) => r.outcome)).toEqual(["accepted", "accepted", "accepted"]);
  });

  it("sends a batch and returns one id per email in order", async () => {
    const { data, error } = await client().batch.send([
      { ...shippingEmail, to: "a@example.com" },
      { ...shippingEmail, to: ["b@example.com"] },
    ]);

    expect(error).toBeNull();
    expect(data?.data).toHaveLength(2);
    expect(fake.emails.map((e) => [e.id, e.to[0], e.batchIndex])).toEqual([
      [data!.data[0].id, "a@example.com", 0],
      [data!.data[1].id, "b@example.com", 1],
    ]);
  });

  it("refuses a batch of more than 100 emails with 422 and sends none", async () => {
    const batch = Array.from({ length: 101 }, (_, i) => ({ ...shippingEmail, to: `c${i}@example.com` }));
    const { error } = await client().batch.send(batch);

    expect(error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails).toHaveLength(0);
  });

  it("rejects a whole strict batch when one email is invalid, but sends the rest in permissive mode", async () => {
    const batch = [shippingEmail, { ...shippingEmail, to: "not-an-address" }];
    const strict = await client().batch.send(batch);
    expect(strict.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails).toHaveLength(0);

    const permissive = await client().batch.send(batch, { batchValidation: "permissive" });
    expect(permissive.data?.data).toHaveLength(1);
    expect(permissive.data?.errors).toEqual([{ index: 1, message: expect.stringContaining("`to`") }]);
    expect(fake.emails).toHaveLength(1);
  });

  it("answers 401 missing_api_key without a bearer token and 403 invalid_api_key for a wrong one", async () => {
    const missing = await fetch(`${fake.url}/emails`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(shippingEmail) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ statusCode: 401, name: "missing_api_key", message: expect.any(String) });

    const wrong = await new Resend("sk_not_a_resend_key", { baseUrl: fake.url }).emails.send(shippingEmail);
    expect(wrong.error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect(fake.emails).toHaveLength(0);
  });

  it("answers 422 for missing fields and invalid addresses", async () => {
    const noTo = await post("/emails", { ...shippingEmail, to: undefined });
    expect(noTo.status).toBe(422);
    expect(await noTo.json()).toMatchObject({ name: "missing_required_field", message: "Missing `to` field." });

    const noSubject = await post("/emails", { ...shippingEmail, subject: "" });
    expect(await noSubject.json()).toMatchObject({ statusCode: 422, name: "missing_required_field" });

    const badFrom = await client().emails.send({ ...shippingEmail, from: "Maple <not an address>" });
    expect(badFrom.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails).toHaveLength(0);
  });

  it("answers 400 invalid_idempotency_key for a key longer than 256 characters", async () => {
    const { error } = await client().emails.send(shippingEmail, { idempotencyKey: "x".repeat(257) });
    expect(error).toMatchObject({ statusCode: 400, name: "invalid_idempotency_key" });
  });

  it("returns a stored email from GET /emails/:id like Resend does", async () => {
    const resend = client();
    const sent = await resend.emails.send(shippingEmail);
    const { data, error } = await resend.emails.get(sent.data!.id);

    expect(error).toBeNull();
    expect(data).toMatchObject({ object: "email", id: sent.data!.id, subject: shippingEmail.subject, to: ["asha@example.com"], last_event: "sent" });
    expect((await resend.emails.get("00000000-0000-0000-0000-000000000000")).error).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  it("posts a Svix-signed status webhook that the SDK's own verifier accepts", async () => {
    const sent = await client().emails.send(shippingEmail);
    const secret = `whsec_${Buffer.from("herald-test-webhook-secret").toString("base64")}`;
    let received: { body: string; headers: Headers } | undefined;
    const { listen } = await import("../../fakes/http");
    const receiver = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      received = { body: Buffer.concat(chunks).toString(), headers: new Headers(req.headers as Record<string, string>) };
      res.writeHead(200).end();
    });
    try {
      const result = await fake.emitWebhook(sent.data!.id, "email.delivered", { url: `${receiver.url}/webhooks/resend`, secret });
      expect(result.status).toBe(200);
      const verified = client().webhooks.verify({
        payload: received!.body,
        headers: { id: received!.headers.get("svix-id")!, timestamp: received!.headers.get("svix-timestamp")!, signature: received!.headers.get("svix-signature")! },
        webhookSecret: secret,
      });
      expect(verified).toMatchObject({ type: "email.delivered", data: { email_id: sent.data!.id, tags: { herald_message: "msg_123" } } });
      expect(fake.emails[0].lastEvent).toBe("delivered");
    } finally {
      await receiver.close();
    }
  });
});
