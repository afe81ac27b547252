-- AlterTable
ALTER TABLE "Leg" ADD COLUMN     "dialErrorKey" TEXT,
ADD COLUMN     "dialErrorParams" JSONB;

-- AlterTable
ALTER TABLE "SautikitConnection" ADD COLUMN     "lastErrorKey" TEXT,
ADD COLUMN     "lastErrorParams" JSONB;
