import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../simulator/cli";
import { fixturesDir } from "../../simulator/webhooks/fixtures";
import { webhookHmac } from "../../simulator/webhooks/sign";

const SECRET = "cli-secret";
const received: Array<{ url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
const herald = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  received.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
  res.writeHead(200).end();
});
let appUrl = "";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-sim-cli-"));
const toml = path.join(dir, "shopify.app.toml");

beforeAll(async () => {
  await new Promise<void>((resolve) => herald.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(herald.address() as AddressInfo).port}`;
  fs.writeFileSync(
    toml,
    `[webhooks]\napi_version = "2026-07"\n\n[[webhooks.subscriptions]]\ntopics = ["orders/create"]\nuri = "/webhooks/orders/create"\n\n` +
      `[[webhooks.subscriptions]]\ncompliance_topics = ["customers/redact", "shop/redact"]\nuri = "/webhooks/compliance"\n`,
  );
});
afterAll(() => {
  herald.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  received.length = 0;
  vi.restoreAllMocks();
});

/** Run the CLI in-process, capturing what it prints. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("simulate --help", () => {
  it("lists every command", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    for (const c of ["serve", "install", "send", "scenario"]) expect(out).toContain(`  ${c}`);
  });

  it.each(["serve", "install", "send", "scenario"])("explains %s's options and gives examples", async (command) => {
    const { code, out } = await run(command, "--help");
    expect(code).toBe(0);
    expect(out).toContain(`Usage: npm run simulate -- ${command}`);
    expect(out).toContain("Options:");
    expect(out).toContain("Examples:");
  });

  it("names the commands when given an unknown one", async () => {
    const { code, err } = await run("deploy");
    expect(code).toBe(2);
    expect(err).toContain("Commands: serve, install, send, scenario");
  });

  it("points to --help on an unknown option", async () => {
    const { code, err } = await run("send", "orders/create", "--shopp", "x");
    expect(code).toBe(2);
    expect(err).toContain("--shopp");
    expect(err).toContain("send --help");
  });
});

describe("simulate send", () => {
  it("posts the fixture's exact bytes to the toml's uri, so Shopify's 18-digit ids survive", async () => {
    const { code, out } = await run("send", "orders/create", "--app-url", appUrl, "--secret", SECRET, "--config", toml, "--shop", "herald-demo");
    expect(code).toBe(0);
    expect(out).toContain("-> 200");
    const [request] = received;
    const fixture = fs.readFileSync(path.join(fixturesDir(), "orders__create.json"), "utf8");
    expect(request.url).toBe("/webhooks/orders/create");
    expect(request.body).toBe(fixture);
    expect(request.body).toContain("820982911946154508");
    expect(request.headers["x-shopify-hmac-sha256"]).toBe(webhookHmac(fixture, SECRET));
    expect(request.headers["x-shopify-shop-domain"]).toBe("herald-demo.myshopify.com");
    expect(request.headers["x-shopify-topic"]).toBe("orders/create");
    expect(request.headers["x-shopify-api-version"]).toBe("2026-07");
  });

  it("repeats a delivery when given the same --webhook-id twice", async () => {
    const id = "2b1f3c4d-0000-4000-8000-000000000001";
    await run("send", "orders/create", "--app-url", appUrl, "--secret", SECRET, "--config", toml, "--webhook-id", id);
    await run("send", "orders/create", "--app-url", appUrl, "--secret", SECRET, "--config", toml, "--webhook-id", id);
    expect(received.map((r) => r.headers["x-shopify-webhook-id"])).toEqual([id, id]);
  });

  it("sends a compliance topic to its shared uri and any JSON file as given", async () => {
    const file = path.join(dir, "redact.json");
    fs.writeFileSync(file, '{"shop_id": 1, "shop_domain": "herald-demo.myshopify.com"}');
    const { code } = await run("send", "shop/redact", file, "--app-url", appUrl, "--secret", SECRET, "--config", toml);
    expect(code).toBe(0);
    expect(received[0].url).toBe("/webhooks/compliance");
    expect(received[0].body).toBe('{"shop_id": 1, "shop_domain": "herald-demo.myshopify.com"}');
  });

  it("refuses a topic the app does not subscribe to, and says how to send it anyway", async () => {
    const { code, err } = await run("send", "products/update", "--app-url", appUrl, "--secret", SECRET, "--config", toml);
    expect(code).toBe(2);
    expect(err).toContain("no subscription for products/update");
    expect(err).toContain("--topic-uri");
    expect(received).toHaveLength(0);
  });

  it("delivers to --topic-uri without a toml", async () => {
    const { code } = await run("send", "products/update", "--app-url", appUrl, "--secret", SECRET, "--topic-uri", "/webhooks/custom");
    expect(code).toBe(0);
    expect(received[0].url).toBe("/webhooks/custom");
  });

  it("prints the request with --print and sends nothing", async () => {
    const { code, out } = await run("send", "orders/create", "--app-url", appUrl, "--secret", SECRET, "--config", toml, "--print");
    expect(code).toBe(0);
    expect(out).toContain(`POST ${appUrl}/webhooks/orders/create`);
    expect(out).toContain("X-Shopify-Hmac-Sha256: ");
    expect(received).toHaveLength(0);
  });

  it("says which variable to set when the app URL is missing", async () => {
    const saved = process.env.SHOPIFY_APP_URL;
    delete process.env.SHOPIFY_APP_URL;
    try {
      const { code, err } = await run("send", "orders/create", "--secret", SECRET, "--config", toml);
      expect(code).toBe(2);
      expect(err).toContain("SHOPIFY_APP_URL");
    } finally {
      if (saved !== undefined) process.env.SHOPIFY_APP_URL = saved;
    }
  });
});

describe("simulate install and scenario errors", () => {
  it("tells how to start the simulator when it is not running", async () => {
    const { code, err } = await run("install", "--shop", "herald-demo", "--app-url", appUrl, "--simulator", "http://127.0.0.1:9", "--api-key", "k", "--secret", "s");
    expect(code).toBe(1);
    expect(err).toContain("Cannot reach the simulator");
    expect(err).toContain("npm run simulate -- serve");
  });

  it("lists the known scenarios for an unknown one", async () => {
    const { code, err } = await run("scenario", "black-friday", "--app-url", appUrl, "--secret", SECRET);
    expect(code).toBe(2);
    expect(err).toContain("Known: shipping");
  });
});
