-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "businessIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- System mode belongs to a role of its own (issue #15). Until now a session was in
-- system mode when its setting drempel.system was 'on', a plain setting that any session
-- of drempel_app could set with set_config: the web role could switch itself into every
-- tenant's rows. Now system mode is being the role drempel_worker (or a member of it):
-- the queue worker, the scheduler, seeding and scripts connect as that role
-- (WORKER_DATABASE_URL, lib/db/context-pool.ts), and the setting drempel.system means
-- nothing any more. drempel_app is not a member and cannot SET ROLE to it. The worker's
-- role, like drempel_app, is no superuser, has no BYPASSRLS and owns nothing; it gets
-- the same table grants (the audit log append-only, no migrations' bookkeeping).
-- Production gives it a password (ALTER ROLE drempel_worker PASSWORD '…') and sets
-- WORKER_DATABASE_URL. Roles are cluster-wide: created only when missing, and
-- drempel_app's attributes are left as they are.
CREATE OR REPLACE FUNCTION drempel_grant_app_privileges() RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    app_role text;
  BEGIN
    FOREACH app_role IN ARRAY ARRAY['drempel_app', 'drempel_worker'] LOOP
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE', app_role);
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created at the same moment by another database's migration
      END;
      EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app_role);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app_role);
      -- The migrations' bookkeeping is the owner's alone.
      IF to_regclass('public."_prisma_migrations"') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON TABLE "_prisma_migrations" FROM %I', app_role);
      END IF;
      -- The audit log is append-only for the app and the worker.
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "AuditLog" FROM %I', app_role);
      EXECUTE format('GRANT EXECUTE ON FUNCTION drempel_visible_business_ids() TO %I', app_role);
      EXECUTE format('GRANT EXECUTE ON FUNCTION drempel_current_user_email() TO %I', app_role);
      EXECUTE format('GRANT EXECUTE ON FUNCTION drempel_invited_business_ids() TO %I', app_role);
    END LOOP;
    -- The visibility functions are for the policies and the two roles only.
    REVOKE ALL ON FUNCTION drempel_visible_business_ids() FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_current_user_email() FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_invited_business_ids() FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_enable_tenant_rls(regclass, text) FROM PUBLIC;
    REVOKE ALL ON FUNCTION drempel_grant_app_privileges() FROM PUBLIC;
    -- The web's narrow stand-ins for system mode (below), for both roles (lib functions
    -- called by scripts in system mode use them too).
    IF to_regprocedure('drempel_reset_token_usable(text, timestamptz)') IS NOT NULL THEN
      REVOKE ALL ON FUNCTION drempel_reset_token_usable(text, timestamptz) FROM PUBLIC;
      REVOKE ALL ON FUNCTION drempel_claim_reset_token(text, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION drempel_reset_token_usable(text, timestamptz) TO drempel_app, drempel_worker;
      GRANT EXECUTE ON FUNCTION drempel_claim_reset_token(text, timestamptz) TO drempel_app, drempel_worker;
    END IF;
    IF to_regprocedure('drempel_access_request_targets(text, text)') IS NOT NULL THEN
      REVOKE ALL ON FUNCTION drempel_access_request_targets(text, text) FROM PUBLIC;
      REVOKE ALL ON FUNCTION drempel_queue_access_request_mail(uuid, uuid, text, text, text, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION drempel_access_request_targets(text, text) TO drempel_app, drempel_worker;
      GRANT EXECUTE ON FUNCTION drempel_queue_access_request_mail(uuid, uuid, text, text, text, timestamptz) TO drempel_app, drempel_worker;
    END IF;
  END
  $$;

SELECT drempel_grant_app_privileges();

-- Every policy calls this: true only for a session of the worker's role (or of a member of
-- it). The tables' owner bypasses the policies anyway (RLS is not FORCEd).
CREATE OR REPLACE FUNCTION drempel_is_system() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT pg_has_role(current_user, 'drempel_worker', 'MEMBER') $$;

-- Idempotency-Key answers (they hold the created invoice or business) are their user's
-- own; the worker deletes expired ones.
ALTER TABLE "IdempotencyRecord" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "IdempotencyRecord" FOR ALL
  USING (drempel_is_system() OR "userId" = drempel_current_user_id())
  WITH CHECK (drempel_is_system() OR "userId" = drempel_current_user_id());

-- What the web did in system mode, narrowed (lib/auth/password-reset/).
-- "Wachtwoord vergeten?": anyone may queue a bare reset request for an address (the
-- worker looks the account up); nothing else of the outbox, and without RETURNING.
CREATE POLICY reset_request ON "OutboxJob" FOR INSERT
  WITH CHECK ("kind" = 'PASSWORD_RESET_REQUEST' AND "status" = 'PENDING' AND "userId" IS NULL AND "businessId" IS NULL
              AND "alertId" IS NULL AND "dedupeKey" IS NULL AND "subject" IS NULL AND "textBody" IS NULL AND "htmlBody" IS NULL);

-- Whether a reset link (by the SHA-256 of its token) still works.
CREATE FUNCTION drempel_reset_token_usable(token_hash text, at timestamptz) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM "PasswordResetToken" t WHERE t."tokenHash" = token_hash AND t."usedAt" IS NULL AND t."expiresAt" > at);
END
$$;

-- Uses a reset link: claims it (unused and unexpired) and kills every other link of its
-- user, in the caller's transaction; returns the user's id, or null for a wrong, used or
-- expired link. Only the holder of the link knows the token whose hash matches.
CREATE FUNCTION drempel_claim_reset_token(token_hash text, at timestamptz) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  claimed uuid;
BEGIN
  UPDATE "PasswordResetToken" SET "usedAt" = at
   WHERE "tokenHash" = token_hash AND "usedAt" IS NULL AND "expiresAt" > at
   RETURNING "userId" INTO claimed;
  IF claimed IS NOT NULL THEN
    UPDATE "PasswordResetToken" SET "usedAt" = at WHERE "userId" = claimed AND "usedAt" IS NULL;
  END IF;
  RETURN claimed;
END
$$;

-- An accountant's access request by KVK number (lib/accountant/request-access.ts): the
-- businesses with that number (and, if given, an owner with that e-mail) that the
-- current user does not belong to, with their owners, at most 10. Only what the request
-- and its mails need; the answer to the accountant is the same either way.
CREATE FUNCTION drempel_access_request_targets(kvk text, owner_email text)
  RETURNS TABLE (id uuid, name text, owners jsonb)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF drempel_current_user_id() IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT b."id", b."name",
           (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u."id", 'email', u."email", 'name', u."name", 'locale', u."locale") ORDER BY u."id"), '[]'::jsonb)
              FROM "Membership" om JOIN "User" u ON u."id" = om."userId"
             WHERE om."businessId" = b."id" AND om."role" = 'OWNER')
      FROM "Business" b
     WHERE b."kvkNumber" = kvk
       AND EXISTS (SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
                    WHERE m."businessId" = b."id" AND m."role" = 'OWNER' AND (owner_email IS NULL OR u."email" = owner_email))
       AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."businessId" = b."id" AND m."userId" = drempel_current_user_id())
     ORDER BY b."id"
     LIMIT 10;
END
$$;

-- Queues the mail of an access request to one owner: only for a request of the current
-- user, to an OWNER of the asked business, at that owner's address; once per request and
-- owner. The text is the caller's (rendered in lib/accountant), the rest is not.
CREATE FUNCTION drempel_queue_access_request_mail(request_id uuid, recipient uuid, mail_subject text, text_body text, html_body text, at timestamptz)
  RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO "OutboxJob" ("id", "kind", "dedupeKey", "businessId", "userId", "toAddress", "subject", "textBody", "htmlBody", "nextAttemptAt")
  SELECT gen_random_uuid(), 'ACCESS_EMAIL', 'access-request:' || r."id" || ':' || u."id", r."businessId", u."id", u."email",
         mail_subject, text_body, html_body, at
    FROM "AccountantAccessRequest" r
    JOIN "Membership" m ON m."businessId" = r."businessId" AND m."role" = 'OWNER' AND m."userId" = recipient
    JOIN "User" u ON u."id" = m."userId"
   WHERE r."id" = request_id AND r."accountantId" = drempel_current_user_id()
  ON CONFLICT ("dedupeKey") DO NOTHING;
END
$$;

SELECT drempel_grant_app_privileges();
