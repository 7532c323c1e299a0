-- AlterTable
ALTER TABLE "Event" ADD COLUMN "descriptionKey" TEXT;
ALTER TABLE "Event" ADD COLUMN "descriptionParams" TEXT;
ALTER TABLE "Event" ADD COLUMN "titleKey" TEXT;
ALTER TABLE "Event" ADD COLUMN "titleParams" TEXT;

