-- DropIndex
DROP INDEX "Aspiration_groupPrimaryId_idx";

-- CreateIndex
CREATE INDEX "Event_endsAt_startsAt_idx" ON "Event"("endsAt", "startsAt");

-- CreateIndex
CREATE INDEX "Event_updatedAt_idx" ON "Event"("updatedAt");

-- CreateIndex
CREATE INDEX "Rsvp_userId_status_idx" ON "Rsvp"("userId", "status");

-- CreateIndex
CREATE INDEX "QaQuestion_sessionId_status_answeredAt_idx" ON "QaQuestion"("sessionId", "status", "answeredAt");

-- CreateIndex
CREATE INDEX "Aspiration_groupPrimaryId_createdAt_idx" ON "Aspiration"("groupPrimaryId", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_groupPrimaryId_supportCount_idx" ON "Aspiration"("groupPrimaryId", "supportCount");

-- CreateIndex
CREATE INDEX "Aspiration_createdAt_idx" ON "Aspiration"("createdAt");

