-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QaPoll" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "showResults" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "answersVersion" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "copiedFromId" INTEGER,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QaPoll_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "QaSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaPoll_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "QaPoll" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QaPoll" ("closedAt", "copiedFromId", "createdAt", "id", "kind", "openedAt", "position", "question", "sessionId", "showResults", "status", "updatedAt", "version") SELECT "closedAt", "copiedFromId", "createdAt", "id", "kind", "openedAt", "position", "question", "sessionId", "showResults", "status", "updatedAt", "version" FROM "QaPoll";
DROP TABLE "QaPoll";
ALTER TABLE "new_QaPoll" RENAME TO "QaPoll";
CREATE INDEX "QaPoll_sessionId_position_idx" ON "QaPoll"("sessionId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

