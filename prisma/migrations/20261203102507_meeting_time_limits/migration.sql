-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "extendedMinutes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "maxMeetingMinutes" INTEGER NOT NULL DEFAULT 240,
ADD COLUMN     "stopGraceMinutes" INTEGER NOT NULL DEFAULT 15;
