import fs from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { ApiVersion } from "@shopify/shopify-api";
import { parseEnv } from "../../../app/env.server";
import { API_VERSION_STRING } from "../../../app/shopify/api-version";
import { rewriteShopifyUrl } from "../../../app/shopify/transport.server";
import { TOPICS } from "../../../app/webhooks/topics.server";

type Subscription = { topics?: string[]; compliance_topics?: string[]; uri: string };
const toml = parse(fs.readFileSync("shopify.app.toml", "utf8")) as {
  webhooks: { api_version: string; subscriptions: Subscription[] };
  access_scopes: { scopes: string };
};

describe("shopify.app.toml", () => {
  it("subscribes to exactly the topics Herald handles, each at /webhooks/<topic>", () => {
    const declared = toml.webhooks.subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])].map((t) => ({ t, uri: s.uri })));
    expect(declared.map((d) => d.t).sort()).toEqual(Object.keys(TOPICS).sort());
    for (const { t, uri } of declared) expect(uri).toBe(`/webhooks/${t}`);
  });

  it("pins the same API version as the code", () => {
    expect(toml.webhooks.api_version).toBe(API_VERSION_STRING);
    expect(ApiVersion.July26).toBe(API_VERSION_STRING);
  });

  it("asks for read-only scopes, and write access only to its own app proxy", () => {
    for (const scope of toml.access_scopes.scopes.split(",")) expect(scope.trim()).toMatch(/^(read_\w+|write_app_proxy)$/);
  });

  it("asks for the scopes Herald's queries need (read_locales for the shop's languages), as SCOPES does by default", () => {
    expect(toml.access_scopes.scopes.split(",")).toContain("read_locales");
    const env = parseEnv({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://herald.example.com" });
    expect(env.SCOPES).toBe(toml.access_scopes.scopes);
    expect(fs.readFileSync("README.md", "utf8")).toContain(`| \`SCOPES\` | no | \`${toml.access_scopes.scopes}\` |`);
  });
});

describe("configuration", () => {
  const valid = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://herald.example.com" };

  it("applies defaults when only the required variables are set", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.HERALD_WORKER).toBe("inline");
  });

  it("names every missing or wrong variable in one clear error", () => {
    let message = "";
    try {
      parseEnv({ SHOPIFY_APP_URL: "not a url", PORT: "eighty" });
    } catch (error) {
      message = String(error);
    }
    for (const name of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "PORT: must be a port number"]) {
      expect(message).toContain(name);
    }
  });

  it("refuses a DATABASE_URL that is neither SQLite nor PostgreSQL", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://db/herald" })).toThrowError(/DATABASE_URL/);
    expect(parseEnv({ ...valid, DATABASE_URL: "postgresql://u@h/db" }).DATABASE_URL).toBe("postgresql://u@h/db");
  });

  it("wants Twilio's three variables together", () => {
    expect(() => parseEnv({ ...valid, TWILIO_ACCOUNT_SID: "AC1" })).toThrowError(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM/);
  });
});

describe("the offline Shopify transport", () => {
  it("sends https://{shop}/admin/... to SHOPIFY_API_BASE_URL/{shop}/admin/...", () => {
    expect(rewriteShopifyUrl("https://demo.myshopify.com/admin/oauth/access_token", "http://127.0.0.1:4010")).toBe(
      "http://127.0.0.1:4010/demo.myshopify.com/admin/oauth/access_token",
    );
    expect(rewriteShopifyUrl("https://demo.myshopify.com/admin/api/2026-07/graphql.json?x=1", "http://s")).toBe(
      "http://s/demo.myshopify.com/admin/api/2026-07/graphql.json?x=1",
    );
  });

  it("leaves other hosts alone", () => {
    expect(rewriteShopifyUrl("https://api.resend.com/emails", "http://s")).toBe("https://api.resend.com/emails");
  });
});
