import { buildTemplateDatabase } from "./database";
import { buildPostgresTemplate } from "./postgres";

/** Runs once per `vitest run`: builds the migrated template every worker copies. */
export default async function setup(): Promise<void> {
  if (process.env.HERALD_TEST_POSTGRES_URL) await buildPostgresTemplate(process.env.HERALD_TEST_POSTGRES_URL);
  else buildTemplateDatabase();
}
