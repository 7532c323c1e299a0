-- DropIndex
DROP INDEX "SurveyResponse_unitId_answeredAt_idx";

-- CreateTable
CREATE TABLE "MysteryPhoto" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "caption" TEXT NOT NULL DEFAULT '',
    "uploadedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MysteryPhoto_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MysteryCheckItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MysteryCheckItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "expected" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "score" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "MysteryCheckItem_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "MysteryVisit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MysteryCheckItem" ("expected", "id", "key", "notes", "position", "score", "visitId", "weight") SELECT "expected", "id", "key", "notes", "position", "score", "visitId", "weight" FROM "MysteryCheckItem";
DROP TABLE "MysteryCheckItem";
ALTER TABLE "new_MysteryCheckItem" RENAME TO "MysteryCheckItem";
CREATE INDEX "MysteryCheckItem_visitId_position_idx" ON "MysteryCheckItem"("visitId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MysteryPhoto_itemId_idx" ON "MysteryPhoto"("itemId");

-- CreateIndex
CREATE INDEX "SurveyResponse_figures_idx" ON "SurveyResponse"("unitId", "answeredAt", "excluded", "complete", "serviceId", "overall", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9");

