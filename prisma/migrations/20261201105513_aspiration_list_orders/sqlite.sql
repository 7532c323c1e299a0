-- DropIndex
DROP INDEX "Aspiration_categoryId_idx";

-- DropIndex
DROP INDEX "Aspiration_groupPrimaryId_supportCount_idx";

-- CreateIndex
CREATE INDEX "Aspiration_groupPrimaryId_supportCount_createdAt_idx" ON "Aspiration"("groupPrimaryId", "supportCount", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_categoryId_groupPrimaryId_createdAt_idx" ON "Aspiration"("categoryId", "groupPrimaryId", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_categoryId_groupPrimaryId_supportCount_createdAt_idx" ON "Aspiration"("categoryId", "groupPrimaryId", "supportCount", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_kelurahanId_groupPrimaryId_createdAt_idx" ON "Aspiration"("kelurahanId", "groupPrimaryId", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_kelurahanId_groupPrimaryId_supportCount_createdAt_idx" ON "Aspiration"("kelurahanId", "groupPrimaryId", "supportCount", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_status_groupPrimaryId_createdAt_idx" ON "Aspiration"("status", "groupPrimaryId", "createdAt");

-- CreateIndex
CREATE INDEX "Aspiration_status_groupPrimaryId_supportCount_createdAt_idx" ON "Aspiration"("status", "groupPrimaryId", "supportCount", "createdAt");

