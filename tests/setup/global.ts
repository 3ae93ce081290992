import { buildTemplateDatabase } from "./database";

/** Runs once per `vitest run`: builds the migrated template every worker copies. */
export default function setup(): void {
  buildTemplateDatabase();
}
