-- AlterTable
ALTER TABLE "SautikitConnection" ADD COLUMN     "presentDialInNumber" BOOLEAN NOT NULL DEFAULT true;
