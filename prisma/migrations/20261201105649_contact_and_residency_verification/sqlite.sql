-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResidencyVerification" (
    "userId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kelurahanId" INTEGER NOT NULL,
    "rwId" INTEGER,
    "method" TEXT NOT NULL DEFAULT 'in_person',
    "note" TEXT,
    "verifiedById" INTEGER,
    "verifiedAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedById" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ResidencyVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deliberation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'draft',
    "intakeStart" DATETIME NOT NULL,
    "intakeEnd" DATETIME NOT NULL,
    "reviewStart" DATETIME NOT NULL,
    "reviewEnd" DATETIME NOT NULL,
    "eventId" INTEGER,
    "votesPerResident" INTEGER NOT NULL DEFAULT 5,
    "verifiedResidentsOnly" BOOLEAN NOT NULL DEFAULT false,
    "weightSupports" REAL NOT NULL DEFAULT 1,
    "weightVotes" REAL NOT NULL DEFAULT 1,
    "weightUrgency" REAL NOT NULL DEFAULT 1,
    "weightReach" REAL NOT NULL DEFAULT 1,
    "minutes" TEXT,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Deliberation_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deliberation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Deliberation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Deliberation" ("areaId", "createdAt", "createdById", "eventId", "id", "intakeEnd", "intakeStart", "level", "minutes", "phase", "reviewEnd", "reviewStart", "updatedAt", "votesPerResident", "weightReach", "weightSupports", "weightUrgency", "weightVotes", "year") SELECT "areaId", "createdAt", "createdById", "eventId", "id", "intakeEnd", "intakeStart", "level", "minutes", "phase", "reviewEnd", "reviewStart", "updatedAt", "votesPerResident", "weightReach", "weightSupports", "weightUrgency", "weightVotes", "year" FROM "Deliberation";
DROP TABLE "Deliberation";
ALTER TABLE "new_Deliberation" RENAME TO "Deliberation";
CREATE UNIQUE INDEX "Deliberation_eventId_key" ON "Deliberation"("eventId");
CREATE UNIQUE INDEX "Deliberation_year_level_areaId_key" ON "Deliberation"("year", "level", "areaId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContactVerification_value_idx" ON "ContactVerification"("value");

-- CreateIndex
CREATE UNIQUE INDEX "ContactVerification_userId_kind_key" ON "ContactVerification"("userId", "kind");

-- CreateIndex
CREATE INDEX "ResidencyVerification_kelurahanId_revokedAt_idx" ON "ResidencyVerification"("kelurahanId", "revokedAt");

