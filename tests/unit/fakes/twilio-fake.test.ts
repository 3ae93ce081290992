// The fake Twilio Messages API, driven with plain fetch + Basic auth + a form body, the way Herald's
// adapter (no Twilio SDK) talks to Twilio.
import type http from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../fakes/http";
import { countSegments } from "../../fakes/segments";
import { type FakeTwilio, startFakeTwilio, twilioSignature } from "../../fakes/twilio-fake";

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function send(params: Record<string, string>, opts: { sid?: string; token?: string; headers?: Record<string, string> } = {}) {
  const sid = opts.sid ?? fake.accountSid;
  const token = opts.token ?? fake.authToken;
  return fetch(`${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Messages.json`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      ...opts.headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}

// 137 UTF-16 units: fits in 2 x 70 but not in 2 x 67, so a carrier bills THREE parts. A counter that
// forgets the 3 units each part spends on its header, or counts GSM-7, gets 2 or 1.
const MALAYALAM =
  "Maple & Thread: നിങ്ങളുടെ ഓർഡർ #1001 അയച്ചിരിക്കുന്നു, വ്യാഴാഴ്ച എത്തും. ട്രാക്ക് ചെയ്യാൻ: https://t.herald.test/a1 നിർത്താൻ STOP അയക്കുക";

describe("fake Twilio", () => {
  it("records a UCS-2 message with a Malayalam body and counts its segments correctly", async () => {
    // GIVEN a Malayalam body of 137 UTF-16 units (between 2 x 67 and 2 x 70)
    expect(MALAYALAM.length).toBe(137);

    // WHEN Herald posts it
    const res = await send({ To: "+919847012345", From: "+15005550006", Body: MALAYALAM, StatusCallback: "https://herald.test/webhooks/twilio/status" });

    // THEN Twilio's 201 resource comes back and the fake recorded three UCS-2 segments
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      status: "queued",
      to: "+919847012345",
      from: "+15005550006",
      body: MALAYALAM,
      num_segments: "3",
      direction: "outbound-api",
      account_sid: fake.accountSid,
    });
    expect(body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({
      sid: body.sid,
      channel: "sms",
      encoding: "UCS-2",
      segments: 3,
      statusCallback: "https://herald.test/webhooks/twilio/status",
    });
  });

  it("counts GSM-7 at 160 characters a part and 153 once split, extension characters costing two", () => {
    expect(countSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(countSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", segments: 2, units: 161 });
    expect(countSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(countSegments("€".repeat(81)).segments).toBe(2);
    // one smart quote makes the whole message UCS-2
    expect(countSegments(`Your order’s on its way`).encoding).toBe("UCS-2");
    expect(countSegments("ا".repeat(70)).segments).toBe(1);
    expect(countSegments("ا".repeat(71)).segments).toBe(2);
  });

  it("answers 401 with Twilio's 20003 error when the credentials are wrong", async () => {
    const res = await send({ To: "+919847012345", From: "+15005550006", Body: "hi" }, { token: "wrong" });

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    expect(fake.messages).toHaveLength(0);
  });

  it("answers 21610 for a recipient who opted out, and sends again after they opt back in", async () => {
    fake.optOut("+447700900123");
    const blocked = await send({ To: "+447700900123", From: "+15005550006", Body: "Your order shipped" });
    expect(blocked.status).toBe(400);
    expect(await blocked.json()).toMatchObject({ code: 21610, status: 400 });
    expect(fake.messages).toHaveLength(0);

    fake.optIn("+447700900123");
    expect((await send({ To: "+447700900123", From: "+15005550006", Body: "Your order shipped" })).status).toBe(201);
  });

  it("validates like Twilio: missing To 21604, missing Body 21602, non-E.164 To 21211", async () => {
    const codeOf = async (params: Record<string, string>) => ((await (await send(params)).json()) as { code: number }).code;
    expect(await codeOf({ From: "+15005550006", Body: "hi" })).toBe(21604);
    expect(await codeOf({ To: "+919847012345", From: "+15005550006" })).toBe(21602);
    expect(await codeOf({ To: "09847012345", From: "+15005550006", Body: "hi" })).toBe(21211);
    expect(await codeOf({ To: "+1234567", From: "+15005550006", Body: "hi" })).toBe(21211);
    expect(await codeOf({ To: "whatsapp:+971501234567", From: "+15005550006", Body: "hi" })).toBe(21910);
    expect(fake.messages).toHaveLength(0);
  });

  it("records a WhatsApp template message with its ContentSid and variables, rendered when the template is known", async () => {
    const contentSid = "HX" + "b".repeat(32);
    fake.registerContentTemplate(contentSid, "Your order {{1}} is out for delivery today.");
    const res = await send({ To: "whatsapp:+971501234567", From: "whatsapp:+15005550006", ContentSid: contentSid, ContentVariables: JSON.stringify({ 1: "#1001" }) });

    expect(res.status).toBe(201);
    expect(fake.messages[0]).toMatchObject({
      channel: "whatsapp",
      contentSid,
      contentVariables: { 1: "#1001" },
      body: "Your order #1001 is out for delivery today.",
      segments: 1,
    });
  });

  it("refuses ContentVariables outside Twilio's limits (21656) and keeps nothing", async () => {
    const codeOf = async (params: Record<string, string>) => ((await (await send(params)).json()) as { code: number }).code;
    const base = { To: "whatsapp:+971501234567", From: "whatsapp:+15005550006", ContentSid: "HX" + "b".repeat(32) };
    expect(await codeOf({ ...base, ContentVariables: "not json" })).toBe(21656);
    expect(await codeOf({ ...base, ContentVariables: JSON.stringify({ 1: 42 }) })).toBe(21656);
    expect(await codeOf({ ...base, ContentVariables: JSON.stringify({ a_very_long_variable_key: "x" }) })).toBe(21656);
    expect(await codeOf({ ...base, ContentVariables: JSON.stringify({ 1: "x".repeat(1601) }) })).toBe(21656);
    expect(await codeOf({ ...base, ContentSid: "HX123" })).toBe(21655);
    expect(fake.messages).toHaveLength(0);
  });

  it("fails the next send with a scripted 503 and records the idempotency token Herald sent on the retry", async () => {
    fake.failNext(1, { status: 503 });
    const params = { To: "+919847012345", From: "+15005550006", Body: "Shipped!" };
    const first = await send(params, { headers: { "I-Twilio-Idempotency-Token": "msg_42" } });
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({ code: 20503, status: 503 });

    const second = await send(params, { headers: { "I-Twilio-Idempotency-Token": "msg_42" } });
    expect(second.status).toBe(201);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0].idempotencyToken).toBe("msg_42");
    expect(fake.requests.map((r) => [r.status, r.outcome, r.idempotencyToken])).toEqual([
      [503, "fault", "msg_42"],
      [201, "accepted", "msg_42"],
    ]);
  });

  it("posts a status callback signed the way Twilio signs them", async () => {
    let seen: { signature: string; params: Record<string, string> } | undefined;
    const receiver = await listen((req: http.IncomingMessage, res: http.ServerResponse) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        seen = { signature: String(req.headers["x-twilio-signature"]), params: Object.fromEntries(new URLSearchParams(raw)) };
        res.writeHead(204).end();
      });
    });
    try {
      const url = `${receiver.url}/webhooks/twilio/status?shop=maple.myshopify.com`;
      const created = await (await send({ To: "+919847012345", From: "+15005550006", Body: "hi", StatusCallback: url })).json();
      const cb = await fake.updateStatus(created.sid, "delivered");

      expect(cb?.responseStatus).toBe(204);
      expect(seen?.params).toMatchObject({ MessageSid: created.sid, MessageStatus: "delivered", To: "+919847012345" });
      expect(seen?.signature).toBe(twilioSignature(fake.authToken, url, seen!.params));
      expect(fake.messages[0].status).toBe("delivered");
    } finally {
      await receiver.close();
    }
  });

  it("opts a customer out when they reply STOP", async () => {
    await fake.receiveReply({ from: "+919847012345", to: "+15005550006", body: " stop " });
    const res = await send({ To: "+919847012345", From: "+15005550006", Body: "hi" });
    expect(((await res.json()) as { code: number }).code).toBe(21610);
  });

  describe("the message list", () => {
    type Page = { messages: Array<{ sid: string; to: string; date_sent: string | null }>; page_size: number; next_page_uri: string | null };
    const list = async (query: string) => {
      const res = await fetch(`${fake.url}/2010-04-01/Accounts/${fake.accountSid}/Messages.json${query}`, {
        headers: { authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString("base64")}` },
      });
      return { status: res.status, body: (await res.json()) as Page & { code?: number } };
    };

    it("filters by To and From, newest first, and pages by PageSize with next_page_uri", async () => {
      for (const body of ["one", "two", "three"]) await send({ To: "+919847012345", From: "+15005550006", Body: body });
      await send({ To: "+14155550123", From: "+15005550006", Body: "someone else" });
      const first = await list("?To=%2B919847012345&From=%2B15005550006&PageSize=2");
      expect(first.status).toBe(200);
      expect(first.body.page_size).toBe(2);
      expect(first.body.messages.map((m) => m.sid)).toEqual([fake.messages[2].sid, fake.messages[1].sid]);
      expect(first.body.next_page_uri).toMatch(/Page=1/);
      const second = await list(first.body.next_page_uri!.slice(first.body.next_page_uri!.indexOf("?")));
      expect(second.body.messages.map((m) => m.sid)).toEqual([fake.messages[0].sid]);
      expect(second.body.next_page_uri).toBeNull();
      expect((await list("?PageSize=1001")).status).toBe(400);
    });

    it("dates a message sent only once it leaves Twilio: a queued one matches no DateSent filter", async () => {
      await send({ To: "+919847012345", From: "+15005550006", Body: "queued" });
      const day = new Date().toISOString().slice(0, 10);
      expect((await list(`?DateSent%3E=${day}`)).body.messages).toHaveLength(0);
      expect((await list("")).body.messages[0].date_sent).toBeNull();
      await fake.updateStatus(fake.messages[0].sid, "sent");
      const sent = await list(`?DateSent%3E=${day}`);
      expect(sent.body.messages).toHaveLength(1);
      expect(sent.body.messages[0].date_sent).toMatch(/\+0000$/);
      expect((await list(`?DateSent%3C=2000-01-01`)).body.messages).toHaveLength(0);
    });
  });

  it("records a message whose 201 answer it garbles, and one whose request it drops not at all", async () => {
    fake.garbleNextResponse(1);
    fake.dropNextRequest(1);
    const params = { To: "+919847012345", From: "+15005550006", Body: "hi" };
    await expect(send(params)).rejects.toThrow(); // dropped: the connection is cut, nothing recorded
    expect(fake.messages).toHaveLength(0);
    const garbled = await send(params);
    expect(garbled.status).toBe(201);
    await expect(garbled.json()).rejects.toThrow();
    expect(fake.messages).toHaveLength(1);
    expect(fake.requests.map((r) => r.outcome)).toEqual(["dropped", "garbled"]);
  });
});
