import { createHash, randomBytes } from "node:crypto";
import { SimOrderStore } from "./orders-store";

/** A simulated shop: what Shopify knows about a store that Herald asks for. */
export interface SimShop {
  domain: string;
  id: number;
  name: string;
  /** Owner's email (Shop.email). */
  email: string;
  /** Customer-facing sender address (Shop.contactEmail). */
  contactEmail: string;
  /** IANA zone, e.g. "Asia/Kolkata". */
  timezone: string;
  /** Primary locale, e.g. "en". */
  locale: string;
  /** Published storefront locales, primary first. */
  locales: string[];
  currency: string;
  createdAt: string;
}

export type ShopInput = Partial<Omit<SimShop, "domain" | "id" | "createdAt">> & { domain: string };

export interface IssuedToken {
  token: string;
  shop: string;
  kind: "offline" | "online";
  scope: string;
  issuedAt: string;
  /** null: a non-expiring offline token. */
  expiresAt: string | null;
  refreshToken: string | null;
  refreshExpiresAt: string | null;
  revoked: boolean;
  /** The token this one was refreshed from; revoked when this one is first used. */
  replaces: string | null;
}

export interface ExchangeRecord {
  at: string;
  shop: string;
  grantType: string;
  requestedTokenType: string | null;
  expiring: boolean;
  outcome: "issued" | "refused";
  status: number;
  error: string | null;
}

export interface GraphqlRecord {
  at: string;
  shop: string;
  operation: string | null;
  status: number;
  outcome: "answered" | "unauthorized" | "unsupported" | "throttled";
}

/** A fulfillment order the platform knows (fulfillment_orders/* payloads do not name their order). */
export interface SimFulfillmentOrder {
  shop: string;
  /** gid://shopify/FulfillmentOrder/... */
  id: string;
  /** gid://shopify/Order/... */
  orderId: string;
  status: string;
}

/** An order's customer as Admin GraphQL describes it (Customer.defaultEmailAddress / defaultPhoneNumber). */
export interface SimCustomer {
  shop: string;
  /** gid://shopify/Customer/... */
  id: string;
  /** gid://shopify/Order/... of the orders placed by this customer. */
  orderIds: string[];
  email: string | null;
  phone: string | null;
  /** marketingState: SUBSCRIBED, NOT_SUBSCRIBED, UNSUBSCRIBED, PENDING... */
  emailMarketing: string | null;
  smsMarketing: string | null;
  updatedAt: string;
}

/** A product variant the platform knows, for back-in-stock look-ups (StockVariant, InventoryItemVariant). */
export interface SimVariant {
  shop: string;
  /** gid://shopify/ProductVariant/... */
  id: string;
  title: string;
  price: string;
  sku: string | null;
  inventoryQuantity: number;
  /** "DENY" | "CONTINUE" */
  inventoryPolicy: string;
  /** gid://shopify/InventoryItem/... */
  inventoryItemId: string;
  imageUrl: string | null;
  product: { id: string; title: string; handle: string; imageUrl: string | null };
  updatedAt: string;
}

/** Shopify's standard plan bucket: 2000 points, refilled at 100 points per second. */
export const BUCKET = { maximumAvailable: 2000, restoreRate: 100 };

/** Everything the fake Shopify remembers. In memory: a restart is a fresh platform. */
export class SimulatorState {
  readonly shops = new Map<string, SimShop>();
  readonly tokens = new Map<string, IssuedToken>();
  readonly exchanges: ExchangeRecord[] = [];
  readonly graphqlCalls: GraphqlRecord[] = [];
  /** Store data GraphQL can be asked about, keyed by "shop gid". Filled by scenarios (/_sim/shops/{shop}/fulfillment-orders). */
  readonly fulfillmentOrders = new Map<string, SimFulfillmentOrder>();
  /** Customers by "shop gid" (/_sim/shops/{shop}/customers). */
  readonly customers = new Map<string, SimCustomer>();
  /** Orders, fulfillments and scans learnt from the webhooks sent (delivered or not): what Admin GraphQL reads. */
  readonly orders = new SimOrderStore();
  /** Variants, keyed by "shop gid" (/_sim/shops/{shop}/variants). */
  readonly variants = new Map<string, SimVariant>();
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(readonly clock: () => Date = () => new Date()) {}

  /** Create or update a shop; unspecified fields keep their value (or get a sensible default). */
  upsertShop(input: ShopInput): SimShop {
    const existing = this.shops.get(input.domain);
    const handle = input.domain.replace(/\.myshopify\.com$/, "");
    const locale = input.locale ?? existing?.locale ?? "en";
    const locales = dedupe([locale, ...(input.locales ?? existing?.locales ?? [])]);
    const shop: SimShop = {
      domain: input.domain,
      id: existing?.id ?? shopIdFor(input.domain),
      name: input.name ?? existing?.name ?? titleCase(handle),
      email: input.email ?? existing?.email ?? `owner@${handle}.example.com`,
      contactEmail: input.contactEmail ?? existing?.contactEmail ?? input.email ?? `hello@${handle}.example.com`,
      timezone: input.timezone ?? existing?.timezone ?? "America/New_York",
      locale,
      locales,
      currency: input.currency ?? existing?.currency ?? "USD",
      createdAt: existing?.createdAt ?? this.clock().toISOString(),
    };
    this.shops.set(shop.domain, shop);
    return shop;
  }

  issueToken(shop: string, kind: "offline" | "online", scope: string, options: { lifetimeSeconds?: number; refreshLifetimeSeconds?: number; replaces?: string } = {}): IssuedToken {
    const now = this.clock().getTime();
    const token: IssuedToken = {
      token: `shpat_sim_${randomBytes(16).toString("hex")}`,
      shop,
      kind,
      scope,
      issuedAt: new Date(now).toISOString(),
      expiresAt: options.lifetimeSeconds ? new Date(now + options.lifetimeSeconds * 1000).toISOString() : null,
      refreshToken: options.refreshLifetimeSeconds ? `shprt_sim_${randomBytes(16).toString("hex")}` : null,
      refreshExpiresAt: options.refreshLifetimeSeconds
        ? new Date(now + options.refreshLifetimeSeconds * 1000).toISOString()
        : null,
      revoked: false,
      replaces: options.replaces ?? null,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** First API use of a refreshed token retires the token it replaced. */
  markUsed(token: IssuedToken): void {
    if (!token.replaces) return;
    const old = this.tokens.get(token.replaces);
    if (old) old.revoked = true;
    token.replaces = null;
  }

  /** A live access token issued for this shop, or null. */
  validAccessToken(shop: string, token: string | null | undefined): IssuedToken | null {
    const found = token ? this.tokens.get(token) : undefined;
    if (!found || found.shop !== shop || found.revoked) return null;
    if (found.expiresAt && Date.parse(found.expiresAt) <= this.clock().getTime()) return null;
    return found;
  }

  /** The token a refresh token belongs to, if still usable. */
  findByRefreshToken(shop: string, refreshToken: string): IssuedToken | null {
    for (const t of this.tokens.values()) {
      if (t.refreshToken !== refreshToken || t.shop !== shop || t.revoked) continue;
      if (t.refreshExpiresAt && Date.parse(t.refreshExpiresAt) <= this.clock().getTime()) return null;
      return t;
    }
    return null;
  }

  /** Uninstall-like: every token of the shop stops working. */
  revokeTokens(shop: string): number {
    let count = 0;
    for (const t of this.tokens.values()) {
      if (t.shop === shop && !t.revoked) {
        t.revoked = true;
        count++;
      }
    }
    return count;
  }

  /**
   * Take `cost` points from the shop's leaky bucket. Returns the throttle status to report and
   * whether the query may run (Shopify refuses the whole query when the bucket lacks the points).
   */
  spend(shop: string, cost: number): { allowed: boolean; currentlyAvailable: number } {
    const now = this.clock().getTime();
    const bucket = this.buckets.get(shop) ?? { available: BUCKET.maximumAvailable, at: now };
    const refilled = Math.min(BUCKET.maximumAvailable, bucket.available + ((now - bucket.at) / 1000) * BUCKET.restoreRate);
    const allowed = refilled >= cost;
    const available = allowed ? refilled - cost : refilled;
    this.buckets.set(shop, { available, at: now });
    return { allowed, currentlyAvailable: Math.floor(available) };
  }

  /** What a scenario step says the platform knows (ScenarioStep.platformRecords), whatever its kind. */
  recordPlatformRecord(
    shop: string,
    record:
      | ({ kind: "fulfillmentOrder" } & Omit<SimFulfillmentOrder, "shop">)
      | ({ kind: "customer"; updatedAt?: string } & Omit<SimCustomer, "shop" | "updatedAt">)
      | ({ kind: "variant" } & Omit<SimVariant, "shop">),
  ): void {
    if (record.kind === "variant") {
      const { kind: _kind, ...variant } = record;
      this.recordVariant({ ...variant, shop });
    } else if (record.kind === "customer") {
      const { kind: _kind, ...customer } = record;
      this.recordCustomer({ ...customer, shop, updatedAt: customer.updatedAt ?? this.clock().toISOString() });
    } else {
      this.recordFulfillmentOrder({ shop, id: record.id, orderId: record.orderId, status: record.status });
    }
  }

  recordFulfillmentOrder(fo: SimFulfillmentOrder): void {
    this.fulfillmentOrders.set(`${fo.shop} ${fo.id}`, fo);
  }

  /**
   * A webhook the platform sent about this shop (or meant to: a dropped delivery still happened in
   * the store). Its order data becomes what GraphQL answers. False when the topic carries none.
   */
  recordWebhook(shop: string, topic: string, body: string, triggeredAt: string): boolean {
    const payload = JSON.parse(body) as Record<string, unknown>;
    if (this.recordStock(shop, topic, payload)) return true;
    return this.orders.record(shop, topic, payload, triggeredAt, (gid) => this.findFulfillmentOrder(shop, gid)?.orderId ?? null);
  }

  /**
   * Stock news changes the variant GraphQL describes: inventory_levels/update reports one location's
   * level (the store's only location here), variants/* the variant's total. False for other topics.
   */
  private recordStock(shop: string, topic: string, payload: Record<string, unknown>): boolean {
    const updatedAt = typeof payload.updated_at === "string" ? new Date(payload.updated_at).toISOString() : null;
    let variant: SimVariant | null = null;
    let quantity: number | null = null;
    if (topic === "inventory_levels/update") {
      variant = this.findVariantByInventoryItem(shop, `gid://shopify/InventoryItem/${String(payload.inventory_item_id)}`);
      quantity = typeof payload.available === "number" ? payload.available : null;
    } else if (topic === "variants/in_stock" || topic === "variants/out_of_stock") {
      variant = this.findVariant(shop, `gid://shopify/ProductVariant/${String(payload.id)}`);
      quantity = typeof payload.inventory_quantity === "number" ? payload.inventory_quantity : null;
    } else {
      return false;
    }
    if (variant && quantity !== null && (!updatedAt || updatedAt >= variant.updatedAt)) {
      this.recordVariant({ ...variant, inventoryQuantity: quantity, updatedAt: updatedAt ?? variant.updatedAt });
    }
    return true;
  }

  recordVariant(variant: SimVariant): void {
    this.variants.set(`${variant.shop} ${variant.id}`, variant);
  }

  findVariant(shop: string, id: string): SimVariant | null {
    return this.variants.get(`${shop} ${id}`) ?? null;
  }

  findVariantByInventoryItem(shop: string, inventoryItemId: string): SimVariant | null {
    for (const v of this.variants.values()) if (v.shop === shop && v.inventoryItemId === inventoryItemId) return v;
    return null;
  }

  findFulfillmentOrder(shop: string, id: string): SimFulfillmentOrder | null {
    return this.fulfillmentOrders.get(`${shop} ${id}`) ?? null;
  }

  /** Add or replace a customer; orders named again are merged into its orders. */
  recordCustomer(customer: SimCustomer): void {
    const key = `${customer.shop} ${customer.id}`;
    const orderIds = [...new Set([...(this.customers.get(key)?.orderIds ?? []), ...customer.orderIds])];
    this.customers.set(key, { ...customer, orderIds });
  }

  /** The customer who placed an order, or null (a guest checkout, or an order the platform was not told about). */
  customerOfOrder(shop: string, orderId: string): SimCustomer | null {
    for (const c of this.customers.values()) if (c.shop === shop && c.orderIds.includes(orderId)) return c;
    return null;
  }

  /** Test hook: empty (or fill) a shop's bucket to provoke THROTTLED. */
  setBucket(shop: string, available: number): void {
    this.buckets.set(shop, { available, at: this.clock().getTime() });
  }

  /** JSON for GET /_sim/state. Token values are shortened: the state page is not a credential store. */
  snapshot() {
    return {
      shops: [...this.shops.values()],
      tokens: [...this.tokens.values()].map((t) => ({
        ...t,
        token: mask(t.token),
        refreshToken: t.refreshToken ? mask(t.refreshToken) : null,
        replaces: t.replaces ? mask(t.replaces) : null,
      })),
      exchanges: this.exchanges,
      graphqlCalls: this.graphqlCalls,
      fulfillmentOrders: [...this.fulfillmentOrders.values()],
      customers: [...this.customers.values()].length,
      orders: [...this.orders.orders.values()].map((o) => ({ shop: o.shop, id: o.id, name: o.order?.name ?? null, updatedAt: o.updatedAt })),
      variants: [...this.variants.values()],
    };
  }
}

/** A stable numeric shop id per domain (Shopify's look like 548380009). */
export function shopIdFor(domain: string): number {
  return 50_000_000 + (createHash("sha256").update(domain).digest().readUInt32BE(0) % 900_000_000);
}

function mask(token: string): string {
  return `${token.slice(0, 14)}…${token.slice(-4)}`;
}

function titleCase(handle: string): string {
  return handle
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ");
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}
