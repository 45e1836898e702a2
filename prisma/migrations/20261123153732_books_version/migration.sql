-- DropIndex
DROP INDEX "Invoice_businessId_date_idx";

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "booksVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Invoice_businessId_date_sequence_number_id_idx" ON "Invoice"("businessId", "date", "sequence", "number", "id");

-- The books version (hand-written). Statement-level triggers with transition tables, so
-- a 100,000-row import raises each business's version once, not once per row. They run
-- in the writing transaction: a reader sees the new invoices and the new version
-- together or neither. SECURITY DEFINER: the version is bookkeeping of the database
-- itself, not something the caller's row-level security has to allow.
CREATE FUNCTION drempel_bump_books_version_new() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "Business" SET "booksVersion" = "booksVersion" + 1
   WHERE "id" IN (SELECT DISTINCT "businessId" FROM new_rows);
  RETURN NULL;
END $$;

CREATE FUNCTION drempel_bump_books_version_old() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "Business" SET "booksVersion" = "booksVersion" + 1
   WHERE "id" IN (SELECT DISTINCT "businessId" FROM old_rows);
  RETURN NULL;
END $$;

-- An UPDATE may move a row to another business: both sides change.
CREATE FUNCTION drempel_bump_books_version_both() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE "Business" SET "booksVersion" = "booksVersion" + 1
   WHERE "id" IN (SELECT "businessId" FROM new_rows UNION SELECT "businessId" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER "Invoice_books_version_insert" AFTER INSERT ON "Invoice"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "Invoice_books_version_update" AFTER UPDATE ON "Invoice"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
CREATE TRIGGER "Invoice_books_version_delete" AFTER DELETE ON "Invoice"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();

CREATE TRIGGER "KorParticipation_books_version_insert" AFTER INSERT ON "KorParticipation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_new();
CREATE TRIGGER "KorParticipation_books_version_update" AFTER UPDATE ON "KorParticipation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_both();
CREATE TRIGGER "KorParticipation_books_version_delete" AFTER DELETE ON "KorParticipation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drempel_bump_books_version_old();

-- Any change of the business's own facts (KOR and EU-KOR settings, filing period …)
-- raises it too, unless the statement already set it.
CREATE FUNCTION drempel_bump_business_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."booksVersion" = OLD."booksVersion" THEN
    NEW."booksVersion" := OLD."booksVersion" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Business_books_version" BEFORE UPDATE ON "Business"
  FOR EACH ROW EXECUTE FUNCTION drempel_bump_business_version();
