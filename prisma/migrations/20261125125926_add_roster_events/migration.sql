-- CreateTable
CREATE TABLE "RosterEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "legId" TEXT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "seq" BIGINT,
    "at" TIMESTAMP(3) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RosterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RosterEvent_meetingId_idx" ON "RosterEvent"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "RosterEvent_meetingId_key_key" ON "RosterEvent"("meetingId", "key");

-- AddForeignKey
ALTER TABLE "RosterEvent" ADD CONSTRAINT "RosterEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
