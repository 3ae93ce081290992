import { db } from "../../app/db.server";
import { Prisma } from "@prisma/client";

// Every model, children first (MessageAttempt references Message).
const TABLES = Prisma.dmmf.datamodel.models.map((m) => m.name).sort((a, b) => Number(b === "MessageAttempt") - Number(a === "MessageAttempt"));

/** Empty every table of this worker's database. */
export async function resetDatabase(): Promise<void> {
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
}

/** A shop that has Herald installed. */
export async function installShop(domain = "herald-test.myshopify.com", overrides: Partial<{ name: string; timezone: string; primaryLocale: string; settings: object }> = {}) {
  const { settings, ...rest } = overrides;
  return db.shop.create({
    data: {
      domain,
      name: "Maison Test",
      email: "owner@maison-test.example",
      timezone: "America/New_York",
      primaryLocale: "en",
      currency: "USD",
      settings: JSON.stringify(settings ?? {}),
      ...rest,
    },
  });
}
