-- AlterTable
ALTER TABLE "AspirationUpdate" ADD COLUMN     "noteKey" TEXT,
ADD COLUMN     "noteParams" TEXT;

