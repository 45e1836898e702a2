-- AlterTable
ALTER TABLE "Purchase" ADD COLUMN     "creditsPurchaseId" UUID;

-- CreateIndex
CREATE INDEX "Purchase_creditsPurchaseId_idx" ON "Purchase"("creditsPurchaseId");

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_creditsPurchaseId_fkey" FOREIGN KEY ("creditsPurchaseId") REFERENCES "Purchase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Tenant scoping: the column lives in "Purchase", whose row-level security
-- (drempel_enable_tenant_rls in the purchases_vat_return migration) covers it; the app checks
-- that the linked purchase belongs to the same business (lib/purchases/save-purchase.ts).
