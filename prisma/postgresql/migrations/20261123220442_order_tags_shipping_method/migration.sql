-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingMethod" TEXT,
ADD COLUMN     "tags" TEXT;

