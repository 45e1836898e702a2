-- CreateTable
CREATE TABLE "KorDeregistration" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "endDate" DATE NOT NULL,
    "sentOn" DATE NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KorDeregistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KorDeregistration_businessId_endDate_key" ON "KorDeregistration"("businessId", "endDate");

-- AddForeignKey
ALTER TABLE "KorDeregistration" ADD CONSTRAINT "KorDeregistration_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (hand-written, as in the rls_new_tables migration): a plain tenant
-- table. The app role's privileges come from the schema's default privileges.
SELECT drempel_enable_tenant_rls('"KorDeregistration"');

-- Ticking the step off changes what the dashboard shows: it raises the books version like
-- a KOR period does (see the books_version migration), so cached dashboards follow.
CREATE TRIGGER "KorDeregistration_books_version_insert" AFTER INSERT ON "KorDeregistration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "KorDeregistration_books_version_update" AFTER UPDATE ON "KorDeregistration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
CREATE TRIGGER "KorDeregistration_books_version_delete" AFTER DELETE ON "KorDeregistration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();
