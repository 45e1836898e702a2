-- CreateEnum
CREATE TYPE "BankLineStatus" AS ENUM ('CANDIDATE', 'ACCEPTED', 'REJECTED', 'MATCHED', 'EXCLUDED', 'OUTGOING');

-- CreateEnum
CREATE TYPE "BankLineExclusion" AS ENUM ('OWN_ACCOUNT', 'REVERSAL', 'REFUND', 'PRIVATE_DEPOSIT', 'COUNTERPARTY_RULE');

-- CreateEnum
CREATE TYPE "CounterpartyDecision" AS ENUM ('TURNOVER', 'NOT_TURNOVER');

-- CreateTable
CREATE TABLE "BankStatementImport" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "accountIban" TEXT NOT NULL,
    "statementId" TEXT,
    "fromDate" DATE,
    "toDate" DATE,
    "openingBalanceCents" INTEGER,
    "closingBalanceCents" INTEGER,
    "lineCount" INTEGER NOT NULL,
    "newLineCount" INTEGER NOT NULL,
    "importedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatementLine" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "accountIban" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "bookingDate" DATE NOT NULL,
    "valueDate" DATE,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "originalAmountCents" INTEGER,
    "originalCurrency" TEXT,
    "counterpartyName" TEXT,
    "counterpartyIban" TEXT,
    "counterpartyKey" TEXT,
    "description" TEXT NOT NULL,
    "endToEndId" TEXT,
    "transactionCode" TEXT,
    "reversal" BOOLEAN NOT NULL DEFAULT false,
    "batchReference" TEXT,
    "status" "BankLineStatus" NOT NULL,
    "exclusion" "BankLineExclusion",
    "matchedInvoiceId" UUID,
    "invoiceId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankCounterpartyRule" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "counterpartyKey" TEXT NOT NULL,
    "counterpartyName" TEXT,
    "decision" "CounterpartyDecision" NOT NULL,
    "category" "InvoiceCategory",
    "country" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BankCounterpartyRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BankStatementImport_businessId_createdAt_idx" ON "BankStatementImport"("businessId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementLine_invoiceId_key" ON "BankStatementLine"("invoiceId");

-- CreateIndex
CREATE INDEX "BankStatementLine_businessId_status_bookingDate_idx" ON "BankStatementLine"("businessId", "status", "bookingDate");

-- CreateIndex
CREATE INDEX "BankStatementLine_businessId_counterpartyKey_idx" ON "BankStatementLine"("businessId", "counterpartyKey");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementLine_businessId_accountIban_externalId_key" ON "BankStatementLine"("businessId", "accountIban", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "BankCounterpartyRule_businessId_counterpartyKey_key" ON "BankCounterpartyRule"("businessId", "counterpartyKey");

-- AddForeignKey
ALTER TABLE "BankStatementImport" ADD CONSTRAINT "BankStatementImport_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "BankStatementImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_matchedInvoiceId_fkey" FOREIGN KEY ("matchedInvoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankStatementLine" ADD CONSTRAINT "BankStatementLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankCounterpartyRule" ADD CONSTRAINT "BankCounterpartyRule_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: plain tenant tables (see the row_level_security migration, section 4).
SELECT drempel_enable_tenant_rls('"BankStatementImport"');
SELECT drempel_enable_tenant_rls('"BankStatementLine"');
SELECT drempel_enable_tenant_rls('"BankCounterpartyRule"');
