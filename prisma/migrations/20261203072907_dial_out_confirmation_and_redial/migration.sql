-- AlterTable
ALTER TABLE "Leg" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'dial';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "confirmAnswer" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "redialOnDrop" BOOLEAN NOT NULL DEFAULT true;
