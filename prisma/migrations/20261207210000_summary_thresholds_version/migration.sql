-- AlterTable
ALTER TABLE "BusinessYearSummary" ADD COLUMN     "thresholdsVersion" TEXT NOT NULL DEFAULT '';
