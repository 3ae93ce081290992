import fs from "node:fs";
import path from "node:path";

/**
 * Where topic fixtures live, first match wins: --fixtures, $HERALD_WEBHOOK_FIXTURES, a copy inside the
 * repository (tests/fixtures/shopify-webhooks), then the shared folder next to the checkout.
 */
export const FIXTURE_DIR_CANDIDATES = [
  "tests/fixtures/shopify-webhooks",
  "../shared/fixtures/shopify-webhooks",
];

export class FixtureError extends Error {}

/** The fixtures folder to use; throws FixtureError listing what was tried. */
export function fixturesDir(explicit?: string): string {
  const candidates = [explicit, process.env.HERALD_WEBHOOK_FIXTURES, ...FIXTURE_DIR_CANDIDATES].filter(
    (c): c is string => Boolean(c),
  );
  for (const candidate of candidates) {
    const dir = path.resolve(candidate);
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir;
  }
  throw new FixtureError(
    `No webhook fixtures folder found (tried ${candidates.map((c) => path.resolve(c)).join(", ")}). ` +
      `Pass --fixtures <dir> or a JSON file to send.`,
  );
}

/** "orders/create" -> "orders__create.json" (the fixtures' naming). */
export function fixtureFileName(topic: string): string {
  return `${topic.replace(/\//g, "__")}.json`;
}

/** Topics that have a fixture, for --help and error messages. */
export function availableTopics(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, "").replace(/__/g, "/"))
    .sort();
}

/**
 * The fixture's exact bytes. Sent as-is, never re-serialized: Shopify's samples carry 18-digit ids
 * that JSON.parse would round, and the HMAC must cover what is on the wire.
 */
export function readFixture(topic: string, dir: string): string {
  const file = path.join(dir, fixtureFileName(topic));
  if (!fs.existsSync(file)) {
    throw new FixtureError(
      `No fixture for topic "${topic}" in ${dir}. Known topics: ${availableTopics(dir).join(", ")}. ` +
        `Or pass a JSON file: simulate -- send ${topic} path/to/payload.json`,
    );
  }
  return fs.readFileSync(file, "utf8");
}

/** A fixture parsed, for building variations (ids above 2^53 lose precision: replace them). */
export function loadFixture<T = Record<string, unknown>>(topic: string, dir: string): T {
  return JSON.parse(readFixture(topic, dir)) as T;
}
