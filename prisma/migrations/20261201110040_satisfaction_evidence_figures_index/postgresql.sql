-- DropIndex
DROP INDEX "SurveyResponse_unitId_answeredAt_idx";

-- AlterTable
ALTER TABLE "MysteryCheckItem" DROP COLUMN "photoKeys";

-- CreateTable
CREATE TABLE "MysteryPhoto" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "caption" TEXT NOT NULL DEFAULT '',
    "uploadedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MysteryPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MysteryPhoto_itemId_idx" ON "MysteryPhoto"("itemId");

-- CreateIndex
CREATE INDEX "SurveyResponse_figures_idx" ON "SurveyResponse"("unitId", "answeredAt", "excluded", "complete", "serviceId", "overall", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");

-- AddForeignKey
ALTER TABLE "MysteryPhoto" ADD CONSTRAINT "MysteryPhoto_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MysteryCheckItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

