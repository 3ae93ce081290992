-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "orderId" TEXT;

