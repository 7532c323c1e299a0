-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Aspiration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "categoryId" INTEGER,
    "kelurahanId" INTEGER,
    "rwId" INTEGER,
    "address" TEXT,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "submitterId" INTEGER,
    "submitterName" TEXT,
    "submitterContact" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "assistedById" INTEGER,
    "consentRecorded" BOOLEAN NOT NULL DEFAULT false,
    "groupPrimaryId" INTEGER,
    "sourceQuestionId" INTEGER,
    "sourcePostId" INTEGER,
    "sourceEventId" INTEGER,
    "sourceAgendaPointId" INTEGER,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "integrityUnitId" INTEGER,
    "integrityServiceId" INTEGER,
    "verifyDueAt" DATETIME,
    "responseDueAt" DATETIME,
    "verifiedAt" DATETIME,
    "firstResponseAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Aspiration_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_kelurahanId_fkey" FOREIGN KEY ("kelurahanId") REFERENCES "Area" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_rwId_fkey" FOREIGN KEY ("rwId") REFERENCES "Area" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_assistedById_fkey" FOREIGN KEY ("assistedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_groupPrimaryId_fkey" FOREIGN KEY ("groupPrimaryId") REFERENCES "Aspiration" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "QaQuestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_sourcePostId_fkey" FOREIGN KEY ("sourcePostId") REFERENCES "Post" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_sourceEventId_fkey" FOREIGN KEY ("sourceEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_sourceAgendaPointId_fkey" FOREIGN KEY ("sourceAgendaPointId") REFERENCES "EventAgendaPoint" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_integrityUnitId_fkey" FOREIGN KEY ("integrityUnitId") REFERENCES "ServiceUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Aspiration_integrityServiceId_fkey" FOREIGN KEY ("integrityServiceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Aspiration" ("address", "anonymous", "assistedById", "categoryId", "channel", "code", "confidential", "consentRecorded", "createdAt", "description", "firstResponseAt", "groupPrimaryId", "id", "kelurahanId", "responseDueAt", "rwId", "sourceAgendaPointId", "sourceEventId", "sourcePostId", "sourceQuestionId", "status", "submitterContact", "submitterId", "submitterName", "supportCount", "title", "updatedAt", "verifiedAt", "verifyDueAt") SELECT "address", "anonymous", "assistedById", "categoryId", "channel", "code", "confidential", "consentRecorded", "createdAt", "description", "firstResponseAt", "groupPrimaryId", "id", "kelurahanId", "responseDueAt", "rwId", "sourceAgendaPointId", "sourceEventId", "sourcePostId", "sourceQuestionId", "status", "submitterContact", "submitterId", "submitterName", "supportCount", "title", "updatedAt", "verifiedAt", "verifyDueAt" FROM "Aspiration";
DROP TABLE "Aspiration";
ALTER TABLE "new_Aspiration" RENAME TO "Aspiration";
CREATE UNIQUE INDEX "Aspiration_code_key" ON "Aspiration"("code");
CREATE INDEX "Aspiration_status_createdAt_idx" ON "Aspiration"("status", "createdAt");
CREATE INDEX "Aspiration_categoryId_idx" ON "Aspiration"("categoryId");
CREATE INDEX "Aspiration_kelurahanId_rwId_idx" ON "Aspiration"("kelurahanId", "rwId");
CREATE INDEX "Aspiration_groupPrimaryId_createdAt_idx" ON "Aspiration"("groupPrimaryId", "createdAt");
CREATE INDEX "Aspiration_groupPrimaryId_supportCount_idx" ON "Aspiration"("groupPrimaryId", "supportCount");
CREATE INDEX "Aspiration_supportCount_idx" ON "Aspiration"("supportCount");
CREATE INDEX "Aspiration_createdAt_idx" ON "Aspiration"("createdAt");
CREATE INDEX "Aspiration_integrityUnitId_createdAt_idx" ON "Aspiration"("integrityUnitId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

