-- Registration and e-mail verification without system mode (issue #15): system mode is
-- the worker's role's alone (migration *_worker_role_token_limits), so the web process
-- writes an account's own rows as that account, inside the transaction that needs them.

-- An account mail (verification link, "someone tried to register with your address")
-- may be queued by the account itself, to its own address, with no business.
CREATE POLICY account_mail ON "OutboxJob" FOR INSERT
  WITH CHECK ("kind" = 'ACCOUNT_EMAIL' AND "status" = 'PENDING' AND "businessId" IS NULL AND "alertId" IS NULL
              AND "userId" = drempel_current_user_id()
              AND "toAddress" = (SELECT u."email" FROM "User" u WHERE u."id" = drempel_current_user_id()));

-- Using a verification link happens before anyone is logged in: the token (under
-- row-level security) is claimed by its hash, which only the link's holder can produce.
-- Answers the account and the address the link was made for, or nothing.
CREATE FUNCTION drempel_claim_email_verification(token_hash text, at timestamptz)
  RETURNS TABLE ("userId" uuid, email text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    UPDATE "EmailVerificationToken" t SET "usedAt" = at
     WHERE t."tokenHash" = token_hash AND t."usedAt" IS NULL AND t."expiresAt" > at
     RETURNING t."userId", t."email";
END
$$;
REVOKE ALL ON FUNCTION drempel_claim_email_verification(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION drempel_claim_email_verification(text, timestamptz) TO drempel_app, drempel_worker;

-- An accountant's access request reaches only businesses with a verified owner, and only
-- verified owners are asked: an address nobody proved is nobody's to receive it.
CREATE OR REPLACE FUNCTION drempel_access_request_targets(kvk text, owner_email text)
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
             WHERE om."businessId" = b."id" AND om."role" = 'OWNER' AND u."emailVerifiedAt" IS NOT NULL)
      FROM "Business" b
     WHERE b."kvkNumber" = kvk
       AND EXISTS (SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
                    WHERE m."businessId" = b."id" AND m."role" = 'OWNER' AND u."emailVerifiedAt" IS NOT NULL
                      AND (owner_email IS NULL OR u."email" = owner_email))
       AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."businessId" = b."id" AND m."userId" = drempel_current_user_id())
     ORDER BY b."id"
     LIMIT 10;
END
$$;
