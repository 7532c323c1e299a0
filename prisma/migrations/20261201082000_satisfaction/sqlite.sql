-- CreateTable
CREATE TABLE "SurveyElement" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionEn" TEXT NOT NULL,
    "answer1Id" TEXT NOT NULL,
    "answer2Id" TEXT NOT NULL,
    "answer3Id" TEXT NOT NULL,
    "answer4Id" TEXT NOT NULL,
    "answer1En" TEXT NOT NULL,
    "answer2En" TEXT NOT NULL,
    "answer3En" TEXT NOT NULL,
    "answer4En" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "ticketId" INTEGER,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "KioskDevice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "enrolledById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedById" INTEGER
);

-- CreateTable
CREATE TABLE "SurveyAnomaly" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "deviceId" INTEGER,
    "kind" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "windowEnd" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyAnomaly_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "threshold" REAL NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "negativeShare" REAL NOT NULL,
    "answers" INTEGER NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" INTEGER,
    "acknowledgedAt" DATETIME,
    "comment" TEXT,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "MysteryVisit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "serviceVersionId" INTEGER,
    "plannedById" INTEGER,
    "shopperName" TEXT NOT NULL DEFAULT '',
    "plannedFor" DATETIME NOT NULL,
    "visitedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "score" INTEGER,
    "zone" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MysteryCheckItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "expected" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "score" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "photoKeys" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "MysteryCheckItem_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "MysteryVisit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "elementKey" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerName" TEXT NOT NULL,
    "ownerId" INTEGER,
    "dueOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "doneAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FollowUpLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actionId" INTEGER NOT NULL,
    "aspirationId" INTEGER,
    "agendaItemId" INTEGER,
    "checkItemId" INTEGER,
    CONSTRAINT "FollowUpLink_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "FollowUpAction" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpLink_checkItemId_fkey" FOREIGN KEY ("checkItemId") REFERENCES "MysteryCheckItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Survey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "serviceUsers" INTEGER,
    "serviceUsersById" INTEGER,
    "forumNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Survey" ("createdAt", "id") SELECT "createdAt", "id" FROM "Survey";
DROP TABLE "Survey";
ALTER TABLE "new_Survey" RENAME TO "Survey";
CREATE UNIQUE INDEX "Survey_unitId_period_key" ON "Survey"("unitId", "period");
CREATE TABLE "new_SurveyResponse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "channel" TEXT NOT NULL,
    "u1" INTEGER,
    "u2" INTEGER,
    "u3" INTEGER,
    "u4" INTEGER,
    "u5" INTEGER,
    "u6" INTEGER,
    "u7" INTEGER,
    "u8" INTEGER,
    "u9" INTEGER,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "overall" INTEGER NOT NULL,
    "ageGroup" TEXT,
    "sex" TEXT,
    "education" TEXT,
    "occupation" TEXT,
    "comment" TEXT,
    "commentStatus" TEXT,
    "commentModeratedById" INTEGER,
    "commentModeratedAt" DATETIME,
    "tokenId" INTEGER,
    "deviceId" INTEGER,
    "clientKey" TEXT,
    "enteredById" INTEGER,
    "answeredAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anomalyId" INTEGER,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SurveyResponse_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "SurveyToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_anomalyId_fkey" FOREIGN KEY ("anomalyId") REFERENCES "SurveyAnomaly" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_SurveyResponse" ("channel", "comment", "createdAt", "id", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9") SELECT "channel", "comment", "createdAt", "id", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9" FROM "SurveyResponse";
DROP TABLE "SurveyResponse";
ALTER TABLE "new_SurveyResponse" RENAME TO "SurveyResponse";
CREATE UNIQUE INDEX "SurveyResponse_tokenId_key" ON "SurveyResponse"("tokenId");
CREATE INDEX "SurveyResponse_answeredAt_unitId_idx" ON "SurveyResponse"("answeredAt", "unitId");
CREATE INDEX "SurveyResponse_unitId_answeredAt_idx" ON "SurveyResponse"("unitId", "answeredAt");
CREATE INDEX "SurveyResponse_serviceId_answeredAt_idx" ON "SurveyResponse"("serviceId", "answeredAt");
CREATE INDEX "SurveyResponse_anomalyId_idx" ON "SurveyResponse"("anomalyId");
CREATE INDEX "SurveyResponse_commentStatus_unitId_idx" ON "SurveyResponse"("commentStatus", "unitId");
CREATE UNIQUE INDEX "SurveyResponse_deviceId_clientKey_key" ON "SurveyResponse"("deviceId", "clientKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SurveyToken_token_key" ON "SurveyToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyToken_ticketId_key" ON "SurveyToken"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_tokenHash_key" ON "KioskDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "KioskDevice_unitId_idx" ON "KioskDevice"("unitId");

-- CreateIndex
CREATE INDEX "SurveyAnomaly_unitId_status_idx" ON "SurveyAnomaly"("unitId", "status");

-- CreateIndex
CREATE INDEX "SurveyAlert_unitId_closedAt_idx" ON "SurveyAlert"("unitId", "closedAt");

-- CreateIndex
CREATE INDEX "MysteryVisit_unitId_plannedFor_idx" ON "MysteryVisit"("unitId", "plannedFor");

-- CreateIndex
CREATE INDEX "MysteryCheckItem_visitId_position_idx" ON "MysteryCheckItem"("visitId", "position");

-- CreateIndex
CREATE INDEX "FollowUpAction_unitId_period_idx" ON "FollowUpAction"("unitId", "period");

-- CreateIndex
CREATE INDEX "FollowUpLink_actionId_idx" ON "FollowUpLink"("actionId");

-- CreateIndex
CREATE INDEX "FollowUpLink_aspirationId_idx" ON "FollowUpLink"("aspirationId");

-- CreateIndex
CREATE INDEX "FollowUpLink_agendaItemId_idx" ON "FollowUpLink"("agendaItemId");

-- CreateIndex
CREATE INDEX "FollowUpLink_checkItemId_idx" ON "FollowUpLink"("checkItemId");

