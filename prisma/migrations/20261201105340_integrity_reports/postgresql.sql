-- AlterTable
ALTER TABLE "Aspiration" ADD COLUMN     "integrityServiceId" INTEGER,
ADD COLUMN     "integrityUnitId" INTEGER;

-- CreateIndex
CREATE INDEX "Aspiration_integrityUnitId_createdAt_idx" ON "Aspiration"("integrityUnitId", "createdAt");

-- AddForeignKey
ALTER TABLE "Aspiration" ADD CONSTRAINT "Aspiration_integrityUnitId_fkey" FOREIGN KEY ("integrityUnitId") REFERENCES "ServiceUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Aspiration" ADD CONSTRAINT "Aspiration_integrityServiceId_fkey" FOREIGN KEY ("integrityServiceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

