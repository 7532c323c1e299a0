-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QaQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "userId" INTEGER,
    "displayName" TEXT,
    "text" TEXT NOT NULL,
    "originalText" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "label" TEXT,
    "mergedIntoId" INTEGER,
    "answerText" TEXT,
    "answeredAt" DATETIME,
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "voteVersion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QaQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "QaSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaQuestion_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "QaParticipant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QaQuestion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "QaQuestion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "QaQuestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QaQuestion" ("answerText", "answeredAt", "createdAt", "displayName", "id", "label", "mergedIntoId", "originalText", "participantId", "pinned", "sessionId", "status", "text", "updatedAt", "userId", "version", "voteCount") SELECT "answerText", "answeredAt", "createdAt", "displayName", "id", "label", "mergedIntoId", "originalText", "participantId", "pinned", "sessionId", "status", "text", "updatedAt", "userId", "version", "voteCount" FROM "QaQuestion";
DROP TABLE "QaQuestion";
ALTER TABLE "new_QaQuestion" RENAME TO "QaQuestion";
CREATE INDEX "QaQuestion_sessionId_status_idx" ON "QaQuestion"("sessionId", "status");
CREATE INDEX "QaQuestion_sessionId_status_answeredAt_idx" ON "QaQuestion"("sessionId", "status", "answeredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

