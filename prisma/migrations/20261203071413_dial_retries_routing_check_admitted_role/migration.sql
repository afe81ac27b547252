-- AlterTable
ALTER TABLE "Leg" ADD COLUMN     "admittedRole" TEXT,
ADD COLUMN     "dialError" TEXT,
ADD COLUMN     "dialErrorCode" TEXT,
ADD COLUMN     "dialTries" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SautikitConnection" ADD COLUMN     "routingCheckedAt" TIMESTAMP(3),
ADD COLUMN     "routingProblems" JSONB,
ADD COLUMN     "unreachableSince" TIMESTAMP(3);
