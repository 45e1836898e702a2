-- Logging in without system mode (issue #15): system mode is the worker's role's alone
-- (migration *_worker_role_token_limits). Before anyone is logged in, two narrow
-- functions do what a login needs across accounts, and nothing else.

-- A wrong password for an existing account goes into that account's security log. One
-- statement whether or not the address has an account (it inserts nothing for an unknown
-- one), so the answer takes as long either way.
CREATE FUNCTION drempel_record_failed_login(login_email text, details jsonb) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO "AuditLog" ("id", "businessId", "actorId", "action", "entityType", "entityId", "after", "createdAt")
  SELECT gen_random_uuid(), NULL, u."id", 'security.loginFailed', 'User', u."id"::text, details, now() AT TIME ZONE 'UTC'
    FROM "User" u WHERE u."email" = login_email;
END
$$;

-- The account a passkey belongs to, by the credential id the browser's signed answer
-- names; the passkey itself is then read as that account, under its row-level security.
CREATE FUNCTION drempel_passkey_owner(credential text) RETURNS uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT p."userId" FROM "Passkey" p WHERE p."credentialId" = credential);
END
$$;

REVOKE ALL ON FUNCTION drempel_record_failed_login(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION drempel_passkey_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION drempel_record_failed_login(text, jsonb) TO drempel_app, drempel_worker;
GRANT EXECUTE ON FUNCTION drempel_passkey_owner(text) TO drempel_app, drempel_worker;
