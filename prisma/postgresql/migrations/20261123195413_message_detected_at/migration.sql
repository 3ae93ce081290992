-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "detectedAt" TIMESTAMP(3);

