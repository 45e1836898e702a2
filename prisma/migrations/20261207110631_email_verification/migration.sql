-- Verified e-mail addresses and invitations accepted by their mailed token (issue #15).

-- Mails with a live link that are redacted once an SMTP server took them.
ALTER TYPE "OutboxKind" ADD VALUE 'ACCOUNT_EMAIL';
ALTER TYPE "OutboxKind" ADD VALUE 'INVITATION_EMAIL';

-- Accounts that existed before verification count as verified: they were created, like
-- the seeded demo accounts, before anyone could have been asked to prove the address.
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3);
UPDATE "User" SET "emailVerifiedAt" = "createdAt";

-- An invitation keeps only the SHA-256 of its token. The old plain tokens were never
-- mailed; their hashes keep the column unique and non-null, and such an invitation can
-- be answered only after the owner invites again (a new mail with a token).
ALTER TABLE "AccountantInvitation" ADD COLUMN "tokenHash" TEXT;
UPDATE "AccountantInvitation" SET "tokenHash" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
ALTER TABLE "AccountantInvitation" ALTER COLUMN "tokenHash" SET NOT NULL;
DROP INDEX "AccountantInvitation_token_key";
ALTER TABLE "AccountantInvitation" DROP COLUMN "token";
CREATE UNIQUE INDEX "AccountantInvitation_tokenHash_key" ON "AccountantInvitation"("tokenHash");

-- CreateTable
CREATE TABLE "EmailVerificationToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailVerificationToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "EmailVerificationToken_tokenHash_key" ON "EmailVerificationToken"("tokenHash");
CREATE INDEX "EmailVerificationToken_userId_idx" ON "EmailVerificationToken"("userId");
ALTER TABLE "EmailVerificationToken" ADD CONSTRAINT "EmailVerificationToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Verification tokens are the user's own, like password reset tokens; registering and
-- using a link happen before anyone is logged in, so the application does that in system
-- mode.
ALTER TABLE "EmailVerificationToken" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "EmailVerificationToken" FOR ALL
  USING (drempel_is_system() OR "userId" = drempel_current_user_id())
  WITH CHECK (drempel_is_system() OR "userId" = drempel_current_user_id());

-- An invitation is visible, answerable and grants the right to add one's own ACCOUNTANT
-- membership only to the VERIFIED holder of the invited address. Every policy that
-- matches invitations on the address goes through drempel_current_user_email(), so it
-- answers NULL (matching nothing) while the user's address is unverified:
-- drempel_invited_business_ids() (Business invitee_reads, Membership invitee_accepts,
-- AuditLog tenant_appends) and AccountantInvitation invitee_rows / invitee_answers.
CREATE OR REPLACE FUNCTION drempel_current_user_email() RETURNS text
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT lower(u."email") FROM "User" u
           WHERE u."id" = drempel_current_user_id() AND u."emailVerifiedAt" IS NOT NULL);
END
$$;

CREATE OR REPLACE FUNCTION drempel_invited_business_ids() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (
    SELECT coalesce(array_agg(DISTINCT i."businessId"), '{}'::uuid[])
      FROM "AccountantInvitation" i
     WHERE i."email" = drempel_current_user_email() AND i."withdrawnAt" IS NULL);
END
$$;
