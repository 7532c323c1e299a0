-- AlterTable
ALTER TABLE "QaPoll" ADD COLUMN     "answersVersion" INTEGER NOT NULL DEFAULT 0;

