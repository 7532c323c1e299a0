-- AlterTable
ALTER TABLE "QaQuestion" ADD COLUMN     "voteVersion" INTEGER NOT NULL DEFAULT 0;

