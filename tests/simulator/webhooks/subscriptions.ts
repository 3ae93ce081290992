import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

/** One topic's subscription, as shopify.app.toml declares it. */
export interface Subscription {
  topic: string;
  /** As written: "/webhooks/orders/create", or an absolute https URL. */
  uri: string;
  compliance: boolean;
  includeFields: string[] | null;
  filter: string | null;
}

export interface AppToml {
  file: string;
  clientId: string | null;
  applicationUrl: string | null;
  apiVersion: string | null;
  scopes: string | null;
  subscriptions: Subscription[];
  /** [app_proxy]: storefront requests to https://{shop}/{prefix}/{subpath}/* are forwarded to `url`/*. */
  appProxy: { url: string; prefix: string; subpath: string } | null;
}

export class AppTomlError extends Error {}

/** Default location: the project root, where `npm run simulate` runs. */
export const DEFAULT_TOML = "shopify.app.toml";

/** Read shopify.app.toml; throws AppTomlError with a hint when it is missing or malformed. */
export function readAppToml(file = DEFAULT_TOML): AppToml {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved)) {
    throw new AppTomlError(
      `${resolved} does not exist. Run from the project root, pass --config <path to shopify.app.toml>, ` +
        `or give the webhook URI yourself with --topic-uri /webhooks/...`,
    );
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(fs.readFileSync(resolved, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new AppTomlError(`${resolved} is not valid TOML: ${(error as Error).message}`);
  }
  return parseAppToml(doc, resolved);
}

/** Pure part of readAppToml, for tests. */
export function parseAppToml(doc: Record<string, unknown>, file = "shopify.app.toml"): AppToml {
  const webhooks = (doc.webhooks ?? {}) as Record<string, unknown>;
  const entries = Array.isArray(webhooks.subscriptions) ? (webhooks.subscriptions as Record<string, unknown>[]) : [];
  const subscriptions: Subscription[] = [];
  for (const entry of entries) {
    const uri = typeof entry.uri === "string" ? entry.uri : null;
    if (!uri) continue;
    const includeFields = Array.isArray(entry.include_fields) ? entry.include_fields.map(String) : null;
    const filter = typeof entry.filter === "string" ? entry.filter : null;
    for (const [key, compliance] of [["topics", false], ["compliance_topics", true]] as const) {
      const topics = entry[key];
      if (!Array.isArray(topics)) continue;
      for (const topic of topics) {
        subscriptions.push({ topic: String(topic), uri, compliance, includeFields, filter });
      }
    }
  }
  const scopes = ((doc.access_scopes ?? {}) as Record<string, unknown>).scopes;
  const proxy = (doc.app_proxy ?? {}) as Record<string, unknown>;
  return {
    file,
    clientId: typeof doc.client_id === "string" ? doc.client_id : null,
    applicationUrl: typeof doc.application_url === "string" ? doc.application_url : null,
    apiVersion: typeof webhooks.api_version === "string" ? webhooks.api_version : null,
    scopes: typeof scopes === "string" ? scopes : null,
    subscriptions,
    appProxy:
      typeof proxy.url === "string" && typeof proxy.prefix === "string" && typeof proxy.subpath === "string"
        ? { url: proxy.url, prefix: proxy.prefix, subpath: proxy.subpath }
        : null,
  };
}

/** The subscription for a topic, or null when the app does not subscribe to it. */
export function findSubscription(toml: AppToml, topic: string): Subscription | null {
  return toml.subscriptions.find((s) => s.topic === topic) ?? null;
}

/**
 * Where Shopify would POST: a relative uri is resolved against the app URL (the Shopify CLI does the
 * same against application_url); an absolute one pointing at application_url is moved onto appUrl so
 * the simulator reaches the locally running Herald.
 */
export function deliveryUrl(appUrl: string, uri: string, applicationUrl: string | null = null): string {
  const base = appUrl.replace(/\/+$/, "");
  if (/^https?:\/\//.test(uri)) {
    if (applicationUrl && uri.startsWith(applicationUrl.replace(/\/+$/, ""))) {
      return base + uri.slice(applicationUrl.replace(/\/+$/, "").length);
    }
    return uri;
  }
  if (!uri.startsWith("/")) {
    throw new AppTomlError(`Webhook uri "${uri}" is neither a path nor an https URL (pubsub:// and arn: are not simulated).`);
  }
  return base + uri;
}

/**
 * Apply a subscription's include_fields the way Shopify does: only the listed fields (dotted paths
 * reach into objects and arrays of objects) are delivered.
 */
export function applyIncludeFields(payload: unknown, fields: string[] | null): unknown {
  if (!fields || fields.length === 0) return payload;
  const tree: Record<string, unknown> = {};
  for (const field of fields) {
    let node = tree;
    const parts = field.split(".");
    for (const [i, part] of parts.entries()) {
      if (node[part] === true) break; // a parent is already included whole
      if (i === parts.length - 1) {
        node[part] = true;
        break;
      }
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
  }
  return pick(payload, tree);
}

function pick(value: unknown, tree: Record<string, unknown> | true): unknown {
  if (tree === true || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => pick(v, tree));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (key in (value as Record<string, unknown>)) {
      out[key] = pick((value as Record<string, unknown>)[key], sub as Record<string, unknown> | true);
    }
  }
  return out;
}
