-- CreateTable
CREATE TABLE "FulfillmentOrder" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT,
    "status" TEXT NOT NULL,
    "holdReason" TEXT,
    "holdNotes" TEXT,
    "fulfillAt" TIMESTAMP(3),
    "heldAt" TIMESTAMP(3),
    "stateAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FulfillmentOrder_pkey" PRIMARY KEY ("shop","id")
);

-- CreateIndex
CREATE INDEX "FulfillmentOrder_shop_orderId_idx" ON "FulfillmentOrder"("shop", "orderId");

