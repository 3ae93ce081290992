-- AlterTable
ALTER TABLE "Message" ADD COLUMN "detectedAt" DATETIME;

