-- CreateEnum
CREATE TYPE "InvestmentGoodKind" AS ENUM ('MOVABLE', 'IMMOVABLE');

-- CreateTable
CREATE TABLE "InvestmentGood" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "vatCents" INTEGER NOT NULL,
    "firstUseYear" INTEGER NOT NULL,
    "kind" "InvestmentGoodKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InvestmentGood_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvestmentGood_businessId_idx" ON "InvestmentGood"("businessId");

-- AddForeignKey
ALTER TABLE "InvestmentGood" ADD CONSTRAINT "InvestmentGood_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
