// The inbox page: what a merchant sees of the messages the fake providers received.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ProviderFakes, startProviderFakes } from "../../fakes/index";

let fakes: ProviderFakes;
beforeAll(async () => {
  fakes = await startProviderFakes({ resendPort: 0, twilioPort: 0, inboxPort: 0 });
});
afterEach(() => fakes.reset());
afterAll(() => fakes.close());

async function sendEmail(body: Record<string, unknown>) {
  const res = await fetch(`${fakes.env.RESEND_BASE_URL}/emails`, {
    method: "POST",
    headers: { authorization: `Bearer ${fakes.env.RESEND_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ from: "Maple & Co <updates@maple.test>", to: "asha@example.com", html: "<p>Hello</p>", text: "Hello", ...body }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function sendText(to: string, body: string) {
  const { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_BASE_URL: base, TWILIO_FROM: from } = fakes.env;
  const res = await fetch(`${base}/2010-04-01/Accounts/${sid}/Messages.json`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ To: to, From: to.startsWith("whatsapp:") ? `whatsapp:${from}` : from, Body: body }).toString(),
  });
  expect(res.status).toBe(201);
}

const page = async (path = "/") => {
  const res = await fetch(`${fakes.inbox!.url}${path}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

describe("inbox page", () => {
  it("lists a received email's subject and an SMS body", async () => {
    await sendEmail({ subject: "Your order #1001 has shipped" });
    await sendText("+919847012345", "നിങ്ങളുടെ ഓർഡർ അയച്ചു");

    const { status, html } = await page();

    expect(status).toBe(200);
    expect(html).toContain("Your order #1001 has shipped");
    expect(html).toContain("നിങ്ങളുടെ ഓർഡർ അയച്ചു");
    expect(html).toContain("1 segment · UCS-2");
    expect(html).toMatch(/<p class="bubble" dir="auto" lang="ml">/);
  });

  it("escapes a <script> in a subject instead of running it", async () => {
    await sendEmail({ subject: `<script>alert("pwned")</script> & "quotes"`, to: `"<b>Eve</b>" <eve@example.com>` });

    const { html, headers } = await page();

    expect(html).not.toContain(`<script>alert("pwned")</script>`);
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).not.toContain("<b>Eve</b>");
    // the page's only script is its own, allowed by nonce
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+'/);
  });

  it("renders the HTML body in a sandboxed srcdoc iframe that cannot run scripts", async () => {
    await sendEmail({ subject: "Shipped", html: `<h1>Shipped</h1><script>parent.document.title = "owned"</script>` });

    const { html } = await page();
    const iframe = /<iframe [^>]*>/.exec(html)?.[0] ?? "";

    const sandbox = / sandbox="([^"]*)"/.exec(iframe)?.[1];
    expect(sandbox).toBeDefined();
    expect(sandbox).not.toContain("allow-scripts");
    expect(iframe).toContain("srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;h1&gt;Shipped&lt;/h1&gt;&lt;script&gt;");
  });

  it("marks WhatsApp threads, keeps Arabic right-to-left, and shows List-Unsubscribe headers", async () => {
    await sendEmail({ subject: "Shipped", headers: { "List-Unsubscribe": "<https://herald.test/u/x>" } });
    await sendText("whatsapp:+971501234567", "تم شحن طلبك #1001");

    const { html } = await page();

    expect(html).toContain(">WhatsApp<");
    expect(html).toContain(`<p class="bubble" dir="auto" lang="">تم شحن طلبك #1001</p>`);
    expect(html).toContain("<dt>List-Unsubscribe</dt><dd><code>&lt;https://herald.test/u/x&gt;</code></dd>");
  });

  it("says what to do when nothing has been received yet", async () => {
    const { html } = await page();
    expect(html).toContain("No messages yet — run <code class=\"cmd\">npm run simulate -- scenario shipping</code>");
  });

  it("serves both lists newest first as JSON and one email as a full page", async () => {
    const older = await sendEmail({ subject: "Order confirmed" });
    const newer = await sendEmail({ subject: "Order shipped" });
    await sendText("+919847012345", "Shipped");

    const json = (await (await fetch(`${fakes.inbox!.url}/api/messages`)).json()) as { emails: Array<{ id: string }>; texts: Array<{ body: string }>; version: string };
    expect(json.emails.map((e) => e.id)).toEqual([newer, older]);
    expect(json.texts.map((t) => t.body)).toEqual(["Shipped"]);

    const full = await page(`/emails/${newer}`);
    expect(full.status).toBe(200);
    expect(full.html).toContain("<title>Order shipped · Customer inbox · Herald</title>");
    expect((await page("/emails/nope")).status).toBe(404);
  });

  it("changes the version the page polls when a message arrives", async () => {
    const before = ((await (await fetch(`${fakes.inbox!.url}/api/version`)).json()) as { version: string }).version;
    await sendText("+919847012345", "Out for delivery");
    const after = ((await (await fetch(`${fakes.inbox!.url}/api/version`)).json()) as { version: string }).version;
    expect(after).not.toBe(before);
  });
});
