-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "descriptionKey" TEXT,
ADD COLUMN     "descriptionParams" TEXT,
ADD COLUMN     "titleKey" TEXT,
ADD COLUMN     "titleParams" TEXT;

