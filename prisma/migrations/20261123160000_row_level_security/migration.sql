-- Row-level security (issue #8): defence in depth under the application's own checks
-- (requireBusinessAccess stays). The one place where the tenant policies are defined;
-- a later migration that adds a tenant table calls drempel_enable_tenant_rls() (section
-- 4) and, only if the table needs more, adds a commented policy of its own.
--
-- How it works
-- * The web app and the worker connect as the login role drempel_app (no superuser, no
--   BYPASSRLS, not the owner of any table). Migrations, backups and restores connect as
--   the owner (DATABASE_URL), which bypasses RLS as the tables' owner. RLS is ENABLEd,
--   deliberately not FORCEd: forcing it on the owner would make the SECURITY DEFINER
--   functions below (owned by the owner) recurse into the policies that call them, and
--   would make pg_dump by a non-superuser owner fail.
-- * Before every pool checkout (one autocommit statement, or one whole transaction) the
--   app sets two settings for its context (lib/db/context-pool.ts):
--     drempel.user_id = the signed-in user's id, or ''
--     drempel.system  = 'on' for the worker, the scheduler, seeding and scripts, or ''
--   Without either a session sees no tenant row at all.
-- * createBusiness sets drempel.new_business (transaction-local) to the id it is about
--   to insert: a business that has no member yet is visible to its creator until the
--   OWNER membership exists (INSERT … RETURNING needs to see the row).
-- * Visibility is computed by STABLE functions called as `= ANY ((SELECT f())::uuid[])`, an
--   init plan evaluated once per statement, not once per row (without the cast,
--   `ANY (SELECT …)` would be read as a row-wise subquery).
-- * "AuditLog" is append-only for drempel_app: SELECT and INSERT only.
-- * PGlite (the embedded demo) connects as a superuser: the policies exist there but do
--   not apply.

-- 1. and 2. The application's login role and what it may do, in one function: restoring a
--    backup (pg_dump --no-privileges, lib/backup) calls it again to put the grants back.
--    Roles are cluster-wide and many databases share a cluster (tests), so the role is
--    created only when missing. Production gives it a password
--    (ALTER ROLE drempel_app PASSWORD '…') and sets APP_DATABASE_URL.
--    Tables and sequences created later by the migration role get the same grants through
--    the default privileges, so a new tenant table MUST get its policy in the migration
--    that creates it (section 4); a test checks that every table with a "businessId"
--    column has RLS enabled.
CREATE FUNCTION drempel_grant_app_privileges() RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'drempel_app') THEN
        CREATE ROLE drempel_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created at the same moment by another database's migration
    END;
    GRANT USAGE ON SCHEMA public TO drempel_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO drempel_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO drempel_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO drempel_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO drempel_app;
    -- The migrations' bookkeeping is the owner's alone.
    IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
      REVOKE ALL ON TABLE "_prisma_migrations" FROM drempel_app;
    END IF;
    -- The audit log is append-only for the app.
    REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "AuditLog" FROM drempel_app;
    -- The visibility functions (section 3) are for the policies and the app role only.
    REVOKE ALL ON FUNCTION drempel_visible_business_ids() FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_current_user_email() FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_invited_business_ids() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION drempel_visible_business_ids() TO drempel_app;
    GRANT EXECUTE ON FUNCTION drempel_current_user_email() TO drempel_app;
    GRANT EXECUTE ON FUNCTION drempel_invited_business_ids() TO drempel_app;
    REVOKE ALL ON FUNCTION drempel_enable_tenant_rls(regclass, text) FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_grant_app_privileges() FROM PUBLIC;
  END
  $$;

-- 3. The context and what it may see.

-- The current user's id ('' or unset: none).
CREATE FUNCTION drempel_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('drempel.user_id', true), '')::uuid $$;

-- The worker, the scheduler, seeding and scripts: every row.
CREATE FUNCTION drempel_is_system() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('drempel.system', true), '') = 'on' $$;

-- The businesses the current user belongs to (any role), plus a business being created
-- in this transaction while it has no member yet. SECURITY DEFINER: it reads
-- "Membership" as the owner, so the Membership policy does not recurse into itself.
CREATE FUNCTION drempel_visible_business_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(ids.id), '{}'::uuid[])
      FROM (
        SELECT m."businessId" AS id FROM "Membership" m WHERE m."userId" = drempel_current_user_id()
        UNION
        SELECT nb.id FROM (SELECT nullif(current_setting('drempel.new_business', true), '')::uuid AS id) nb
         WHERE nb.id IS NOT NULL AND drempel_current_user_id() IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "Membership" m2 WHERE m2."businessId" = nb.id)
      ) ids
  $$;

-- The current user's e-mail address (lower-cased as invitations store it).
CREATE FUNCTION drempel_current_user_email() RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$ SELECT lower(u."email") FROM "User" u WHERE u."id" = drempel_current_user_id() $$;

-- Businesses that invited the current user as accountant and did not withdraw it
-- (pending, accepted or declined): the invitee sees the business's name, may add its own
-- ACCOUNTANT membership when accepting, and may log its answer.
CREATE FUNCTION drempel_invited_business_ids() RETURNS uuid[]
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(DISTINCT i."businessId"), '{}'::uuid[])
      FROM "AccountantInvitation" i
     WHERE i."email" = drempel_current_user_email() AND i."withdrawnAt" IS NULL
  $$;


-- 4. The standard policy of a tenant table: every command, rows of visible businesses
--    (or every row in system mode). To protect a new table that has "businessId", put
--        SELECT drempel_enable_tenant_rls('"NewTable"');
--    in the migration that creates it (after CREATE TABLE).
CREATE FUNCTION drempel_enable_tenant_rls(target regclass, business_column text DEFAULT 'businessId') RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %s FOR ALL TO PUBLIC
         USING (drempel_is_system() OR %2$I = ANY ((SELECT drempel_visible_business_ids())::uuid[]))
         WITH CHECK (drempel_is_system() OR %2$I = ANY ((SELECT drempel_visible_business_ids())::uuid[]))',
      target, business_column);
  END
  $$;

-- The grants of sections 1 and 2, now that every function exists.
SELECT drempel_grant_app_privileges();

SELECT drempel_enable_tenant_rls('"KorParticipation"');
SELECT drempel_enable_tenant_rls('"Invoice"');
SELECT drempel_enable_tenant_rls('"BusinessAlert"');

-- "Business": its own id; invitees may also read the row (the name on /accountant).
SELECT drempel_enable_tenant_rls('"Business"', 'id');
CREATE POLICY invitee_reads ON "Business" FOR SELECT
  USING ("id" = ANY ((SELECT drempel_invited_business_ids())::uuid[]));

-- "Membership": the business's members; a user always sees its own memberships (the
-- row an accountant just added by accepting is returned to it), and may add its own
-- ACCOUNTANT membership to a business that invited it.
SELECT drempel_enable_tenant_rls('"Membership"');
CREATE POLICY own_rows ON "Membership" FOR SELECT
  USING ("userId" = drempel_current_user_id());
CREATE POLICY invitee_accepts ON "Membership" FOR INSERT
  WITH CHECK ("userId" = drempel_current_user_id() AND "role" = 'ACCOUNTANT'
              AND "businessId" = ANY ((SELECT drempel_invited_business_ids())::uuid[]));

-- "AccountantInvitation": the business's members, and the invitee (matched on e-mail),
-- who may answer it (UPDATE of acceptedAt/declinedAt, filtered by the app).
SELECT drempel_enable_tenant_rls('"AccountantInvitation"');
CREATE POLICY invitee_rows ON "AccountantInvitation" FOR SELECT
  USING ("email" = drempel_current_user_email());
CREATE POLICY invitee_answers ON "AccountantInvitation" FOR UPDATE
  USING ("email" = drempel_current_user_email())
  WITH CHECK ("email" = drempel_current_user_email());

-- "AuditLog" (append-only, section 2): entries of visible businesses, and the user's own
-- entries without a business. An invitee may log its answer to the business that
-- invited it (written without RETURNING, so it need not read it back).
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_reads ON "AuditLog" FOR SELECT
  USING (drempel_is_system()
         OR "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])
         OR ("businessId" IS NULL AND "actorId" = drempel_current_user_id()));
CREATE POLICY tenant_appends ON "AuditLog" FOR INSERT
  WITH CHECK (drempel_is_system()
              OR "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])
              OR ("actorId" = drempel_current_user_id()
                  AND ("businessId" IS NULL OR "businessId" = ANY ((SELECT drempel_invited_business_ids())::uuid[]))));

-- "Notification": a user's own notifications of businesses it still belongs to (written
-- by the worker, read and marked read by the user).
ALTER TABLE "Notification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "Notification" FOR ALL
  USING (drempel_is_system()
         OR ("userId" = drempel_current_user_id() AND "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])))
  WITH CHECK (drempel_is_system()
              OR ("userId" = drempel_current_user_id() AND "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])));

-- "OutboxJob": mails are their recipient's (the outbox page); jobs without a recipient
-- (evaluations) belong to their business, whose members queue them with invoice changes.
-- Everything else (claiming, sending, digests) is the worker's, in system mode.
ALTER TABLE "OutboxJob" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "OutboxJob" FOR ALL
  USING (drempel_is_system()
         OR "userId" = drempel_current_user_id()
         OR ("userId" IS NULL AND "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])))
  WITH CHECK (drempel_is_system()
              OR ("userId" IS NULL AND "businessId" = ANY ((SELECT drempel_visible_business_ids())::uuid[])));
