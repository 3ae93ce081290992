import { databaseKind } from "./url";

/**
 * Which SQL dialect this process's database speaks. The hot paths (webhook ingest, the embedded
 * queue) use raw SQL written for both; the few clauses only one of them has are chosen here.
 */
export const dialect: "sqlite" | "postgresql" = databaseKind(process.env.DATABASE_URL);
