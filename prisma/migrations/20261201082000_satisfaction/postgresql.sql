-- DropForeignKey
ALTER TABLE "SurveyResponse" DROP CONSTRAINT "SurveyResponse_surveyId_fkey";

-- DropForeignKey
ALTER TABLE "SurveyResponse" DROP CONSTRAINT "SurveyResponse_userId_fkey";

-- DropIndex
DROP INDEX "SurveyResponse_surveyId_idx";

-- AlterTable
ALTER TABLE "Survey" DROP COLUMN "periodEnd",
DROP COLUMN "periodStart",
DROP COLUMN "status",
DROP COLUMN "title",
ADD COLUMN     "forumNote" TEXT,
ADD COLUMN     "period" TEXT NOT NULL,
ADD COLUMN     "serviceUsers" INTEGER,
ADD COLUMN     "serviceUsersById" INTEGER,
ADD COLUMN     "unitId" INTEGER NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;

-- AlterTable
ALTER TABLE "SurveyResponse" DROP COLUMN "serviceName",
DROP COLUMN "surveyId",
DROP COLUMN "userId",
ADD COLUMN     "ageGroup" TEXT,
ADD COLUMN     "anomalyId" INTEGER,
ADD COLUMN     "answeredAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "clientKey" TEXT,
ADD COLUMN     "commentModeratedAt" TIMESTAMP(3),
ADD COLUMN     "commentModeratedById" INTEGER,
ADD COLUMN     "commentStatus" TEXT,
ADD COLUMN     "complete" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deviceId" INTEGER,
ADD COLUMN     "education" TEXT,
ADD COLUMN     "enteredById" INTEGER,
ADD COLUMN     "excluded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "occupation" TEXT,
ADD COLUMN     "overall" INTEGER NOT NULL,
ADD COLUMN     "serviceId" INTEGER,
ADD COLUMN     "sex" TEXT,
ADD COLUMN     "tokenId" INTEGER,
ADD COLUMN     "unitId" INTEGER NOT NULL,
ALTER COLUMN "channel" DROP DEFAULT,
ALTER COLUMN "u1" DROP NOT NULL,
ALTER COLUMN "u2" DROP NOT NULL,
ALTER COLUMN "u3" DROP NOT NULL,
ALTER COLUMN "u4" DROP NOT NULL,
ALTER COLUMN "u5" DROP NOT NULL,
ALTER COLUMN "u6" DROP NOT NULL,
ALTER COLUMN "u7" DROP NOT NULL,
ALTER COLUMN "u8" DROP NOT NULL,
ALTER COLUMN "u9" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SurveyElement" (
    "key" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyElement_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SurveyToken" (
    "id" SERIAL NOT NULL,
    "token" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "ticketId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KioskDevice" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "enrolledById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" INTEGER,

    CONSTRAINT "KioskDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnomaly" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "deviceId" INTEGER,
    "kind" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyAnomaly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAlert" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "windowMinutes" INTEGER NOT NULL,
    "negativeShare" DOUBLE PRECISION NOT NULL,
    "answers" INTEGER NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedById" INTEGER,
    "acknowledgedAt" TIMESTAMP(3),
    "comment" TEXT,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MysteryVisit" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "serviceVersionId" INTEGER,
    "plannedById" INTEGER,
    "shopperName" TEXT NOT NULL DEFAULT '',
    "plannedFor" TIMESTAMP(3) NOT NULL,
    "visitedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'planned',
    "score" INTEGER,
    "zone" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MysteryVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MysteryCheckItem" (
    "id" SERIAL NOT NULL,
    "visitId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "expected" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "score" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "photoKeys" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "MysteryCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpAction" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "elementKey" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerName" TEXT NOT NULL,
    "ownerId" INTEGER,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "doneAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpLink" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "aspirationId" INTEGER,
    "agendaItemId" INTEGER,
    "checkItemId" INTEGER,

    CONSTRAINT "FollowUpLink_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "Survey_unitId_period_key" ON "Survey"("unitId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_tokenId_key" ON "SurveyResponse"("tokenId");

-- CreateIndex
CREATE INDEX "SurveyResponse_answeredAt_unitId_idx" ON "SurveyResponse"("answeredAt", "unitId");

-- CreateIndex
CREATE INDEX "SurveyResponse_unitId_answeredAt_idx" ON "SurveyResponse"("unitId", "answeredAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_serviceId_answeredAt_idx" ON "SurveyResponse"("serviceId", "answeredAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_anomalyId_idx" ON "SurveyResponse"("anomalyId");

-- CreateIndex
CREATE INDEX "SurveyResponse_commentStatus_unitId_idx" ON "SurveyResponse"("commentStatus", "unitId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_deviceId_clientKey_key" ON "SurveyResponse"("deviceId", "clientKey");

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "SurveyToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_anomalyId_fkey" FOREIGN KEY ("anomalyId") REFERENCES "SurveyAnomaly"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnomaly" ADD CONSTRAINT "SurveyAnomaly_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MysteryCheckItem" ADD CONSTRAINT "MysteryCheckItem_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "MysteryVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpLink" ADD CONSTRAINT "FollowUpLink_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "FollowUpAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpLink" ADD CONSTRAINT "FollowUpLink_checkItemId_fkey" FOREIGN KEY ("checkItemId") REFERENCES "MysteryCheckItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

