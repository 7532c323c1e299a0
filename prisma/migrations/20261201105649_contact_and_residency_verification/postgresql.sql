-- AlterTable
ALTER TABLE "Deliberation" ADD COLUMN     "verifiedResidentsOnly" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ContactVerification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidencyVerification" (
    "userId" INTEGER NOT NULL,
    "kelurahanId" INTEGER NOT NULL,
    "rwId" INTEGER,
    "method" TEXT NOT NULL DEFAULT 'in_person',
    "note" TEXT,
    "verifiedById" INTEGER,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResidencyVerification_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ContactVerification_value_idx" ON "ContactVerification"("value");

-- CreateIndex
CREATE UNIQUE INDEX "ContactVerification_userId_kind_key" ON "ContactVerification"("userId", "kind");

-- CreateIndex
CREATE INDEX "ResidencyVerification_kelurahanId_revokedAt_idx" ON "ResidencyVerification"("kelurahanId", "revokedAt");

-- AddForeignKey
ALTER TABLE "ContactVerification" ADD CONSTRAINT "ContactVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResidencyVerification" ADD CONSTRAINT "ResidencyVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

