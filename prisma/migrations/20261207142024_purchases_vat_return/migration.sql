-- CreateEnum
CREATE TYPE "PurchaseDocumentKind" AS ENUM ('INVOICE', 'RECEIPT');

-- CreateEnum
CREATE TYPE "PurchaseVatTreatment" AS ENUM ('NL_VAT', 'NL_REVERSE_CHARGE', 'EU_REVERSE_CHARGE', 'NON_EU_REVERSE_CHARGE', 'NO_VAT');

-- CreateEnum
CREATE TYPE "PurchaseCategory" AS ENUM ('COSTS', 'GOODS_FOR_RESALE', 'INVESTMENT_MOVABLE', 'INVESTMENT_IMMOVABLE');

-- CreateTable
CREATE TABLE "Purchase" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "documentKind" "PurchaseDocumentKind" NOT NULL DEFAULT 'INVOICE',
    "reference" TEXT,
    "date" DATE NOT NULL,
    "supplierName" TEXT NOT NULL,
    "supplierCountry" TEXT NOT NULL DEFAULT 'NL',
    "supplierVatId" TEXT,
    "netCents" INTEGER NOT NULL,
    "vatCents" INTEGER NOT NULL DEFAULT 0,
    "ratePercent" INTEGER NOT NULL DEFAULT 21,
    "vatTreatment" "PurchaseVatTreatment" NOT NULL DEFAULT 'NL_VAT',
    "category" "PurchaseCategory" NOT NULL DEFAULT 'COSTS',
    "description" TEXT,
    "investmentGoodId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Purchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VatReturnFiling" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "filedOn" DATE NOT NULL,
    "figures" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VatReturnFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KorComparisonChoice" (
    "businessId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "inputVatCents" INTEGER NOT NULL,
    "businessCustomerShare" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "savedById" UUID,
    "savedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KorComparisonChoice_pkey" PRIMARY KEY ("businessId","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "Purchase_investmentGoodId_key" ON "Purchase"("investmentGoodId");

-- CreateIndex
CREATE INDEX "Purchase_businessId_date_id_idx" ON "Purchase"("businessId", "date", "id");

-- CreateIndex
CREATE UNIQUE INDEX "VatReturnFiling_businessId_period_key" ON "VatReturnFiling"("businessId", "period");

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_investmentGoodId_fkey" FOREIGN KEY ("investmentGoodId") REFERENCES "InvestmentGood"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VatReturnFiling" ADD CONSTRAINT "VatReturnFiling_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KorComparisonChoice" ADD CONSTRAINT "KorComparisonChoice_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (hand-written, as in the rls_new_tables migration): plain tenant
-- tables. The app role's privileges come from the schema's default privileges.
SELECT drempel_enable_tenant_rls('"Purchase"');
SELECT drempel_enable_tenant_rls('"VatReturnFiling"');
SELECT drempel_enable_tenant_rls('"KorComparisonChoice"');

-- Purchases change what the dashboard shows (the KOR comparison's input VAT, investment
-- goods), filings and the saved comparison too: each raises the books version like an
-- invoice does (see the books_version migration), so cached pages follow.
CREATE TRIGGER "Purchase_books_version_insert" AFTER INSERT ON "Purchase"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "Purchase_books_version_update" AFTER UPDATE ON "Purchase"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
CREATE TRIGGER "Purchase_books_version_delete" AFTER DELETE ON "Purchase"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();
CREATE TRIGGER "VatReturnFiling_books_version_insert" AFTER INSERT ON "VatReturnFiling"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "VatReturnFiling_books_version_delete" AFTER DELETE ON "VatReturnFiling"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();
CREATE TRIGGER "KorComparisonChoice_books_version_insert" AFTER INSERT ON "KorComparisonChoice"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "KorComparisonChoice_books_version_update" AFTER UPDATE ON "KorComparisonChoice"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
