-- CreateTable
CREATE TABLE "QaPoll" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "showResults" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "copiedFromId" INTEGER,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QaPoll_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "QaSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaPoll_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "QaPoll" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QaPollOption" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pollId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "QaPollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "QaPoll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QaPollAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pollId" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QaPollAnswer_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "QaPoll" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QaPollAnswer_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "QaParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QaPoll_sessionId_position_idx" ON "QaPoll"("sessionId", "position");

-- CreateIndex
CREATE INDEX "QaPollOption_pollId_position_idx" ON "QaPollOption"("pollId", "position");

-- CreateIndex
CREATE INDEX "QaPollAnswer_pollId_value_idx" ON "QaPollAnswer"("pollId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "QaPollAnswer_pollId_participantId_key" ON "QaPollAnswer"("pollId", "participantId");

