-- DropIndex
DROP INDEX "RosterEvent_meetingId_idx";

-- CreateIndex
CREATE INDEX "RosterEvent_meetingId_legId_idx" ON "RosterEvent"("meetingId", "legId");

-- CreateIndex
CREATE INDEX "RosterEvent_meetingId_kind_idx" ON "RosterEvent"("meetingId", "kind");
