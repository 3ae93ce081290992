import { loadFixture } from "../webhooks/fixtures";
import { CUSTOMERS, PRODUCTS } from "./cast";
import { seededRandom } from "./random";
import { isoInZone, storyTime } from "./time";
import type { Scenario, ScenarioInput, ScenarioStep, Shopper, StorefrontStep, TimelineStep, VariantRecord } from "./types";

/**
 * The shoppers of the restock story, oldest sign-up first: four of the shipping story's customers,
 * Priya with her phone only (a text confirmation that asks for a YES she never sends), and two
 * shoppers who only ever come for the mug.
 */
export const SHOPPERS: Shopper[] = [
  shopperOf("anjali"),
  { ...shopperOf("priya"), email: null },
  shopperOf("neema"),
  shopperOf("sofia"),
  shopperOf("emily"),
  { key: "lukas", firstName: "Lukas", lastName: "Becker", locale: "de-DE", email: "lukas.becker@example.com", phone: null },
  { key: "layla", firstName: "Layla", lastName: "Haddad", locale: "ar-JO", email: "layla.haddad@example.com", phone: null },
];

function shopperOf(key: keyof typeof CUSTOMERS): Shopper {
  const c = CUSTOMERS[key];
  // Sign-ups by email where the customer has one; Priya leaves the phone she checks out with.
  return { key, firstName: c.firstName, lastName: c.lastName, locale: c.locale, email: c.email, phone: c.email ? null : c.phone };
}

/** Units that come back: fewer than the shoppers waiting, so Herald's fairness shows. */
const UNITS = 2;

/**
 * "restock": the sea-green ceramic mug is sold out. Seven shoppers ask to be told on its product
 * page, through the theme block, which posts to the storefront's app proxy (signed by Shopify):
 * one by phone only, one whose browser sends her form twice (the replay is refused), one who signs up
 * a second time days later (still one subscription). Then the merchant receives 2 units at one
 * location: inventory_levels/update (delivered twice) and variants/in_stock for the same change.
 * With Herald's defaults (2 alerts per unit, SMS double opt-in) the 4 oldest reachable sign-ups are
 * told, each in their language; the two newest wait for the next restock; Priya, who never replied
 * YES, is not texted.
 */
export function buildRestockScenario(input: ScenarioInput): Scenario {
  const random = seededRandom(input.seed);
  const now = input.now;
  const t = (hours: number) => storyTime(now, hours);
  const zoned = (at: Date) => isoInZone(at, input.timezone);
  const mug = PRODUCTS.mug;
  const ids = { product: random.shopifyId(), variant: random.shopifyId(), inventoryItem: random.shopifyId(), location: random.shopifyId() };
  const soldOutAt = t(-96);

  const variant: VariantRecord = {
    kind: "variant",
    id: `gid://shopify/ProductVariant/${ids.variant}`,
    title: mug.variantTitle,
    price: mug.price,
    sku: mug.sku,
    inventoryQuantity: 0,
    inventoryPolicy: "DENY",
    inventoryItemId: `gid://shopify/InventoryItem/${ids.inventoryItem}`,
    // No image: the offline demo must not reach for a CDN.
    imageUrl: null,
    product: { id: `gid://shopify/Product/${ids.product}`, title: mug.title, handle: "hand-thrown-ceramic-mug", imageUrl: null },
    updatedAt: soldOutAt.toISOString(),
  };

  const timeline: TimelineStep[] = [];
  const signups = new Map<string, StorefrontStep>();
  const signUp = (shopper: Shopper, at: Date, expect: StorefrontStep["expect"], note = ""): StorefrontStep => {
    const step: StorefrontStep = {
      kind: "storefront",
      path: "back-in-stock",
      form: [
        ["variant_id", String(ids.variant)],
        ["product_id", String(ids.product)],
        ["email", shopper.email ?? ""],
        ["phone", shopper.phone ?? ""],
        ["locale", shopper.locale],
        ["consent", "1"],
      ],
      ip: ipOf(shopper),
      delivery: "first",
      requestId: random.uuid(),
      expect,
      at: at.toISOString(),
      concurrent: false,
      pauseMs: 250 + random.int(0, 100),
      description: `${shopper.firstName} asks to be told (${shopper.email ? "email" : "phone"}, ${shopper.locale})${note}`,
      shopper: shopper.key,
    };
    timeline.push(step);
    signups.set(shopper.key, step);
    return step;
  };

  const [anjali, priya, neema, sofia, emily, lukas, layla] = SHOPPERS;
  const first = signUp(anjali, t(-72), { status: 200, signup: "subscribed" });
  // Herald looks the variant up (Admin GraphQL StockVariant) to confirm the first sign-up: the store knows it.
  first.platformRecords = [variant];
  signUp(priya, t(-60), { status: 200, signup: "confirm_sms" }, ": a text asks her to reply YES");
  signUp(neema, t(-50), { status: 200, signup: "subscribed" });
  const sofiaFirst = signUp(sofia, t(-30), { status: 200, signup: "subscribed" });
  timeline.push({
    ...sofiaFirst,
    delivery: "double_submit",
    requestId: random.uuid(),
    sameAs: sofiaFirst.requestId,
    expect: { status: 401 },
    pauseMs: 0,
    description: `${sofia.firstName}'s browser sends the same form again (same signature, same body): refused as a replay`,
  });
  signUp(emily, t(-26), { status: 200, signup: "subscribed" });
  signUp(lukas, t(-20), { status: 200, signup: "subscribed" });
  signUp(layla, t(-12), { status: 200, signup: "subscribed" });
  signUp(emily, t(-6), { status: 200, signup: "already_subscribed" }, ": again, days later");

  // ---- the restock ---------------------------------------------------------------------------------
  const restockedAt = t(-1);
  const eventId = random.uuid();
  const webhook = (topic: string, payload: Record<string, unknown>, description: string, options: { pauseMs?: number } = {}): ScenarioStep => {
    const step: ScenarioStep = {
      topic,
      body: JSON.stringify(payload),
      webhookId: random.uuid(),
      eventId,
      triggeredAt: restockedAt.toISOString(),
      delivery: "first",
      concurrent: false,
      pauseMs: options.pauseMs ?? 400,
      description,
      order: "",
      fulfillment: null,
      customer: null,
    };
    timeline.push({ kind: "webhook", ...step });
    return step;
  };
  const level = webhook(
    "inventory_levels/update",
    {
      ...loadFixture("inventory_levels/update", input.fixturesDir),
      inventory_item_id: ids.inventoryItem,
      location_id: ids.location,
      available: UNITS,
      updated_at: zoned(restockedAt),
      admin_graphql_api_id: `gid://shopify/InventoryLevel/${ids.location}?inventory_item_id=${ids.inventoryItem}`,
    },
    `${mug.title} (${mug.variantTitle}): ${UNITS} units received at the warehouse`,
    { pauseMs: 800 },
  );
  timeline.push({ kind: "webhook", ...level, delivery: "duplicate", pauseMs: 200, description: `${level.description}` });
  webhook(
    "variants/in_stock",
    {
      ...loadFixture("variants/in_stock", input.fixturesDir),
      id: ids.variant,
      product_id: ids.product,
      title: mug.variantTitle,
      price: mug.price,
      sku: mug.sku,
      option1: mug.variantTitle,
      compare_at_price: null,
      inventory_quantity: UNITS,
      old_inventory_quantity: 0,
      created_at: zoned(t(-24 * 90)),
      updated_at: zoned(restockedAt),
      admin_graphql_api_id: variant.id,
    },
    `${mug.title} (${mug.variantTitle}) is in stock again (the same change, told by another topic)`,
    { pauseMs: 60 },
  );

  return {
    name: "restock",
    title: "Seven shoppers wait for a sold-out mug; 2 units come back",
    seed: input.seed,
    now: now.toISOString(),
    shop: input.shop,
    orders: [],
    steps: timeline.filter((s): s is ScenarioStep & { kind: "webhook" } => s.kind === "webhook").map(({ kind: _kind, ...step }) => step),
    fulfillments: [],
    silentOrders: [],
    delayNotices: [],
    timeline,
    backInStock: {
      variant: {
        id: String(ids.variant),
        productId: String(ids.product),
        inventoryItemId: String(ids.inventoryItem),
        productTitle: mug.title,
        title: mug.variantTitle,
        price: mug.price,
        handle: variant.product.handle,
      },
      signups: SHOPPERS,
      units: UNITS,
    },
  };
}

/** Each shopper browses from an address of their own (documentation ranges, RFC 5737). */
function ipOf(shopper: Shopper): string {
  return `203.0.113.${10 + SHOPPERS.findIndex((s) => s.key === shopper.key)}`;
}
