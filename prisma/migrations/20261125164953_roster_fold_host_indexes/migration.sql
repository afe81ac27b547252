-- CreateIndex
CREATE INDEX "Leg_participantId_idx" ON "Leg"("participantId");

-- CreateIndex
CREATE INDEX "Participant_meetingId_role_idx" ON "Participant"("meetingId", "role");
