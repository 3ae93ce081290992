-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Restock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "units" INTEGER,
    "quota" INTEGER NOT NULL,
    "notified" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "detectedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "run" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Restock" ("detectedAt", "finishedAt", "id", "notified", "quota", "reason", "shop", "status", "units", "variantId") SELECT "detectedAt", "finishedAt", "id", "notified", "quota", "reason", "shop", "status", "units", "variantId" FROM "Restock";
DROP TABLE "Restock";
ALTER TABLE "new_Restock" RENAME TO "Restock";
CREATE INDEX "Restock_shop_variantId_detectedAt_idx" ON "Restock"("shop", "variantId", "detectedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

