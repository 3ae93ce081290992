-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "reconciledAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Customer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "emailMarketing" TEXT,
    "smsMarketing" TEXT,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "WhatsAppTemplate" (
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "contentSid" TEXT NOT NULL,
    "variables" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppTemplate_pkey" PRIMARY KEY ("shop","trigger","step","locale")
);

-- CreateTable
CREATE TABLE "Variant" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "inventoryItemId" TEXT,
    "productTitle" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sku" TEXT,
    "price" TEXT,
    "imageUrl" TEXT,
    "productHandle" TEXT,
    "available" BOOLEAN NOT NULL,
    "inventoryQuantity" INTEGER,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Variant_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "StockSubscription" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "waitingKey" TEXT,
    "smsConfirmed" BOOLEAN,
    "restockId" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Restock" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "units" INTEGER,
    "quota" INTEGER NOT NULL,
    "notified" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Restock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertConversion" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "subscriptionId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "revenue" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertConversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProxyNonce" (
    "shop" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProxyNonce_pkey" PRIMARY KEY ("shop","signature")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Customer_shop_email_idx" ON "Customer"("shop", "email");

-- CreateIndex
CREATE INDEX "Customer_shop_phone_idx" ON "Customer"("shop", "phone");

-- CreateIndex
CREATE INDEX "Variant_shop_inventoryItemId_idx" ON "Variant"("shop", "inventoryItemId");

-- CreateIndex
CREATE INDEX "Variant_shop_productId_idx" ON "Variant"("shop", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "StockSubscription_waitingKey_key" ON "StockSubscription"("waitingKey");

-- CreateIndex
CREATE INDEX "StockSubscription_shop_variantId_status_createdAt_idx" ON "StockSubscription"("shop", "variantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "StockSubscription_shop_email_idx" ON "StockSubscription"("shop", "email");

-- CreateIndex
CREATE INDEX "StockSubscription_shop_phone_idx" ON "StockSubscription"("shop", "phone");

-- CreateIndex
CREATE INDEX "Restock_shop_variantId_detectedAt_idx" ON "Restock"("shop", "variantId", "detectedAt");

-- CreateIndex
CREATE INDEX "AlertConversion_shop_orderedAt_idx" ON "AlertConversion"("shop", "orderedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertConversion_shop_orderId_subscriptionId_key" ON "AlertConversion"("shop", "orderId", "subscriptionId");

-- CreateIndex
CREATE INDEX "ProxyNonce_seenAt_idx" ON "ProxyNonce"("seenAt");

