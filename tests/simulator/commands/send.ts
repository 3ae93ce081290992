import fs from "node:fs";
import { need, settingsFrom, UsageError } from "../config";
import { normalizeShop } from "../session-token";
import { availableTopics, fixturesDir, readFixture } from "../webhooks/fixtures";
import { deliverWebhook } from "../webhooks/send";
import { DEFAULT_API_VERSION, webhookHeaders } from "../webhooks/sign";
import { applyIncludeFields, deliveryUrl, findSubscription, readAppToml } from "../webhooks/subscriptions";
import { DEFAULT_SHOP } from "../scenario/player";
import { CONNECTION_OPTIONS, num, str, type Command } from "./common";

export const sendCommand: Command = {
  name: "send",
  summary: "Send one webhook to Herald exactly as Shopify would: signed, with every X-Shopify-* header, to the uri shopify.app.toml declares for the topic.",
  usage: "send <topic> [file.json] [options]",
  details: [
    "Without a file, the topic's sample payload is sent (fixtures: tests/fixtures/shopify-webhooks or ../shared/fixtures/shopify-webhooks, or --fixtures). The file's bytes are sent unchanged, so the HMAC covers exactly what Herald receives.",
    "Send the same --webhook-id twice to play a duplicate delivery or a Shopify retry.",
  ],
  options: {
    shop: { type: "string", value: "DOMAIN", help: `X-Shopify-Shop-Domain (default: ${DEFAULT_SHOP})` },
    "webhook-id": { type: "string", value: "ID", help: "X-Shopify-Webhook-Id (default: a new uuid)" },
    "event-id": { type: "string", value: "ID", help: "X-Shopify-Event-Id (default: a new uuid)" },
    "triggered-at": { type: "string", value: "ISO", help: "X-Shopify-Triggered-At (default: now)" },
    "api-version": { type: "string", value: "VERSION", help: `X-Shopify-API-Version (default: shopify.app.toml's, else ${DEFAULT_API_VERSION})` },
    "topic-uri": { type: "string", value: "URI", help: "deliver to this path/URL instead of shopify.app.toml's uri" },
    config: { type: "string", value: "FILE", help: "shopify.app.toml to read (default: ./shopify.app.toml)" },
    fixtures: { type: "string", value: "DIR", help: "folder of <resource>__<event>.json samples" },
    timeout: { type: "string", value: "MS", help: "give up after this long, like Shopify (default: 5000)" },
    print: { type: "boolean", help: "print the request (URL, headers, body) instead of sending it" },
    "app-url": CONNECTION_OPTIONS["app-url"],
    secret: CONNECTION_OPTIONS.secret,
  },
  examples: [
    "npm run simulate -- send orders/create",
    "npm run simulate -- send fulfillment_events/create my-event.json --shop herald-demo.myshopify.com",
    "npm run simulate -- send orders/create --webhook-id 2b1f3c4d-0000-4000-8000-000000000001   # twice: a duplicate",
    "npm run simulate -- send customers/redact --print",
  ],
  async run(flags, positionals) {
    const [topic, file, ...extra] = positionals;
    if (!topic) throw new UsageError("Which topic? e.g. npm run simulate -- send orders/create (see --help)");
    if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
    if (!/^[a-z_]+\/[a-z_]+$/.test(topic)) throw new UsageError(`"${topic}" is not a webhook topic (like orders/create).`);

    const settings = settingsFrom(flags);
    const appUrl = need(settings, "appUrl");
    const secret = need(settings, "apiSecret");
    const shop = normalizeShop(str(flags, "shop") ?? DEFAULT_SHOP);

    let rawBody: string;
    if (file) {
      if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
      rawBody = fs.readFileSync(file, "utf8");
      try {
        JSON.parse(rawBody);
      } catch (error) {
        throw new UsageError(`${file} is not JSON: ${(error as Error).message}`);
      }
    } else {
      const dir = fixturesDir(str(flags, "fixtures"));
      if (!availableTopics(dir).includes(topic)) {
        throw new UsageError(`No sample payload for "${topic}". Known: ${availableTopics(dir).join(", ")}. Or pass a JSON file.`);
      }
      rawBody = readFixture(topic, dir);
    }

    let url: string;
    let apiVersion = str(flags, "api-version");
    const topicUri = str(flags, "topic-uri");
    if (topicUri) {
      url = deliveryUrl(appUrl, topicUri);
    } else {
      const toml = readAppToml(str(flags, "config"));
      const subscription = findSubscription(toml, topic);
      if (!subscription) {
        throw new UsageError(
          `${toml.file} has no subscription for ${topic}, so Shopify would never send it. ` +
            `Subscribed: ${toml.subscriptions.map((s) => s.topic).join(", ") || "(none)"}. Use --topic-uri to send it anyway.`,
        );
      }
      url = deliveryUrl(appUrl, subscription.uri, toml.applicationUrl);
      apiVersion ??= toml.apiVersion ?? undefined;
      if (subscription.includeFields) rawBody = JSON.stringify(applyIncludeFields(JSON.parse(rawBody), subscription.includeFields));
      if (subscription.filter) console.error(`note: the subscription's filter "${subscription.filter}" is not evaluated by the simulator`);
    }

    const delivery = {
      url,
      topic,
      shop,
      rawBody,
      secret,
      apiVersion: apiVersion ?? DEFAULT_API_VERSION,
      webhookId: str(flags, "webhook-id"),
      eventId: str(flags, "event-id"),
      triggeredAt: str(flags, "triggered-at"),
      timeoutMs: num(flags, "timeout"),
    };
    if (flags.print) {
      const headers = webhookHeaders(delivery);
      console.log(`POST ${url}`);
      for (const [k, v] of Object.entries(headers)) console.log(`${k}: ${v}`);
      console.log("");
      console.log(rawBody);
      return 0;
    }
    const result = await deliverWebhook(delivery);
    const id = result.headers["X-Shopify-Webhook-Id"];
    if (result.status === null) {
      console.error(`${topic} -> ${url}: ${result.error}`);
      return 1;
    }
    console.log(`${topic} -> POST ${url} -> ${result.status} in ${result.durationMs} ms (webhook id ${id})`);
    if (!result.ok) {
      if (result.responseBody) console.log(result.responseBody.slice(0, 500));
      if (result.status === 401) console.error("Herald rejected the HMAC: use the same SHOPIFY_API_SECRET as Herald.");
      if (result.status === 400) console.error("Herald said a required header is missing or the payload is invalid.");
      if (result.status === 404) console.error(`Herald has no route at ${new URL(url).pathname}.`);
      return 1;
    }
    return 0;
  },
};
