-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "callAtStart" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "remindByCall" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderMinutes" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "remindByCall" BOOLEAN;
