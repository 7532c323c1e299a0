-- AlterTable
ALTER TABLE "AspirationUpdate" ADD COLUMN "noteKey" TEXT;
ALTER TABLE "AspirationUpdate" ADD COLUMN "noteParams" TEXT;

