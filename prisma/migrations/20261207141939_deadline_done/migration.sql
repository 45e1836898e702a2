-- CreateTable
CREATE TABLE "DeadlineDone" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "doneOn" DATE NOT NULL,
    "markedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeadlineDone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeadlineDone_businessId_key_key" ON "DeadlineDone"("businessId", "key");

-- AddForeignKey
ALTER TABLE "DeadlineDone" ADD CONSTRAINT "DeadlineDone_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (as for KorDeregistration): a plain tenant table. The app role's
-- privileges come from the schema's default privileges.
SELECT drempel_enable_tenant_rls('"DeadlineDone"');

-- A deadline marked done changes what the dashboard and the accountant overview show: it
-- raises the books version like a KOR period does, so cached dashboards and summaries follow.
CREATE TRIGGER "DeadlineDone_books_version_insert" AFTER INSERT ON "DeadlineDone"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "DeadlineDone_books_version_update" AFTER UPDATE ON "DeadlineDone"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
CREATE TRIGGER "DeadlineDone_books_version_delete" AFTER DELETE ON "DeadlineDone"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();
