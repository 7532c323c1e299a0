-- DropIndex
DROP INDEX "QueueTicket_unitId_closedAt_idx";

-- CreateIndex
CREATE INDEX "QueueTicket_figures_idx" ON "QueueTicket"("unitId", "closedAt", "serviceId", "day", "takenAt", "status", "calledAt", "servingAt", "servedAt");

