/**
 * True for Prisma's unique-constraint violation (P2002), optionally on one model. Checked by
 * code rather than instanceof: the SQLite and PostgreSQL clients each have their own classes.
 */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; meta?: { modelName?: unknown } };
  if (e.code !== "P2002") return false;
  return model === undefined || e.meta?.modelName === undefined || e.meta.modelName === model;
}
