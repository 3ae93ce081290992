// Raw rows as the two databases answer them, decoded into what Prisma's models would hold.
// SQLite (better-sqlite3) answers dates as ISO 8601 text and booleans as 0/1; PostgreSQL (through
// Prisma) answers Date objects, booleans, and bigint for counts.

type Cell = unknown;

export function dateOf(value: Cell): Date {
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${String(value)}`);
  return date;
}

export function dateOrNull(value: Cell): Date | null {
  return value === null || value === undefined ? null : dateOf(value);
}

export function boolOf(value: Cell): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t" || value === "true";
}

export function numberOf(value: Cell): number {
  return typeof value === "number" ? value : Number(value);
}
