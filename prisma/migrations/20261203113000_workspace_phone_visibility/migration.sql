-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "phoneVisibility" TEXT NOT NULL DEFAULT 'admins';
