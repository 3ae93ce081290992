-- CreateIndex
CREATE INDEX "StockSubscription_shop_status_notifiedAt_idx" ON "StockSubscription"("shop", "status", "notifiedAt");

