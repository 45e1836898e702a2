-- CreateEnum
CREATE TYPE "FirmRole" AS ENUM ('ADMIN', 'MEMBER');

-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'ACCESS_EMAIL';

-- CreateTable
CREATE TABLE "BusinessYearSummary" (
    "businessId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "booksVersion" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BusinessYearSummary_pkey" PRIMARY KEY ("businessId","year")
);

-- CreateTable
CREATE TABLE "Firm" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Firm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FirmMember" (
    "firmId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "FirmRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FirmMember_pkey" PRIMARY KEY ("firmId","userId")
);

-- CreateTable
CREATE TABLE "AccountantAccessRequest" (
    "id" UUID NOT NULL,
    "accountantId" UUID NOT NULL,
    "kvkNumber" TEXT NOT NULL,
    "ownerEmail" TEXT,
    "businessId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedAt" TIMESTAMPTZ(3),
    "rejectedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "access" "AccessLevel",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountantAccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FirmMember_userId_key" ON "FirmMember"("userId");

-- CreateIndex
CREATE INDEX "AccountantAccessRequest_accountantId_createdAt_idx" ON "AccountantAccessRequest"("accountantId", "createdAt");

-- CreateIndex
CREATE INDEX "AccountantAccessRequest_businessId_idx" ON "AccountantAccessRequest"("businessId");

-- AddForeignKey
ALTER TABLE "BusinessYearSummary" ADD CONSTRAINT "BusinessYearSummary_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmMember" ADD CONSTRAINT "FirmMember_firmId_fkey" FOREIGN KEY ("firmId") REFERENCES "Firm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FirmMember" ADD CONSTRAINT "FirmMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountantAccessRequest" ADD CONSTRAINT "AccountantAccessRequest_accountantId_fkey" FOREIGN KEY ("accountantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountantAccessRequest" ADD CONSTRAINT "AccountantAccessRequest_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
