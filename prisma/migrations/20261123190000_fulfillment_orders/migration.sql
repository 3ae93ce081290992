-- CreateTable
CREATE TABLE "FulfillmentOrder" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT,
    "status" TEXT NOT NULL,
    "holdReason" TEXT,
    "holdNotes" TEXT,
    "fulfillAt" DATETIME,
    "heldAt" DATETIME,
    "stateAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_orderId_idx" ON "FulfillmentOrder"("shop", "orderId");

