-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "shippingProvince" TEXT;

