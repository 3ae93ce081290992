import crypto from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. For rows written on
 * every webhook (events, jobs): a random UUID as primary key lands each insert on a random page of
 * the index, so every commit dirties (and the WAL checkpoint rewrites) pages all over the file;
 * time-ordered ids append at the index's right edge. Still unique and unguessable enough for ids.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const bytes = randomBytes16();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Random bytes drawn 4 KiB at a time: one call into the system's generator per 256 ids instead of
// one per id (a few percent of a webhook's CPU), as crypto.randomUUID does internally.
const POOL = Buffer.alloc(4096);
let taken = POOL.length;

function randomBytes16(): Buffer {
  if (taken === POOL.length) {
    crypto.randomFillSync(POOL);
    taken = 0;
  }
  const bytes = Buffer.from(POOL.subarray(taken, taken + 16));
  taken += 16;
  return bytes;
}

/**
 * The smallest time-ordered id of millisecond `ms`: an id made earlier sorts below it, one made
 * then or later does not (the ids' hex is lower-case, so text order is time order). A range on the
 * primary key then selects rows by age without an index on a time column.
 */
export function timeOrderedUuidFloor(ms: number): string {
  const hex = ms.toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
