-- Moderation modes, raised hands and the floor (ADR 0020).
ALTER TABLE "Meeting" ADD COLUMN "moderation" TEXT NOT NULL DEFAULT 'open';
ALTER TABLE "Leg" ADD COLUMN "handRaisedAt" TIMESTAMP(3);
ALTER TABLE "Leg" ADD COLUMN "onFloor" BOOLEAN NOT NULL DEFAULT false;
