-- CreateIndex
CREATE INDEX "Aspiration_verifiedAt_verifyDueAt_idx" ON "Aspiration"("verifiedAt", "verifyDueAt");

-- CreateIndex
CREATE INDEX "Aspiration_firstResponseAt_responseDueAt_idx" ON "Aspiration"("firstResponseAt", "responseDueAt");

