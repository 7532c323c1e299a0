-- CreateIndex
CREATE INDEX "Event_startsAt_endsAt_status_idx" ON "Event"("startsAt", "endsAt", "status");

