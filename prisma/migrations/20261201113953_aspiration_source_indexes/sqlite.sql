-- CreateIndex
CREATE INDEX "Aspiration_sourceQuestionId_idx" ON "Aspiration"("sourceQuestionId");

-- CreateIndex
CREATE INDEX "Aspiration_sourcePostId_idx" ON "Aspiration"("sourcePostId");

-- CreateIndex
CREATE INDEX "Aspiration_sourceEventId_createdAt_idx" ON "Aspiration"("sourceEventId", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_sourceAgendaPointId_idx" ON "Aspiration"("sourceAgendaPointId");

