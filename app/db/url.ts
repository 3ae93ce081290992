import path from "node:path";

/** The SQLite file used when DATABASE_URL is unset: prisma/herald.db under the project root. */
export const DEFAULT_SQLITE_FILE = path.resolve("prisma", "herald.db");

/** Which database a DATABASE_URL selects: unset or file: is SQLite, postgres(ql):// is PostgreSQL. */
export function databaseKind(url: string | undefined): "sqlite" | "postgresql" {
  if (!url || url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be unset (SQLite file), file:<path> (SQLite) or postgresql://... (PostgreSQL); got "${url.split(":")[0]}:..."`,
  );
}

/** The better-sqlite3 file path for a DATABASE_URL that selects SQLite. */
export function sqliteUrl(url: string | undefined): string {
  if (!url) return DEFAULT_SQLITE_FILE;
  if (!url.startsWith("file:")) throw new Error("sqliteUrl() needs a file: URL");
  const file = url.slice("file:".length);
  return path.isAbsolute(file) ? file : path.resolve(file);
}
