-- CreateTable
CREATE TABLE "Passkey" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebAuthnChallenge" (
    "id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "userId" UUID,
    "challenge" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebAuthnChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Passkey_credentialId_key" ON "Passkey"("credentialId");

-- CreateIndex
CREATE INDEX "Passkey_userId_idx" ON "Passkey"("userId");

-- AddForeignKey
ALTER TABLE "Passkey" ADD CONSTRAINT "Passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (issue #15): a user's passkeys are their own. Logging in with one
-- looks the passkey up before anyone is logged in, in system mode, as password resets do.
-- "WebAuthnChallenge" holds no tenant data (a random challenge, for a login not even a
-- user): like "RateLimit", it has no row-level security.
ALTER TABLE "Passkey" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "Passkey" FOR ALL
  USING (drempel_is_system() OR "userId" = drempel_current_user_id())
  WITH CHECK (drempel_is_system() OR "userId" = drempel_current_user_id());
