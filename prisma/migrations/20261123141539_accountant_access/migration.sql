-- CreateTable
CREATE TABLE "AccountantInvitation" (
    "id" UUID NOT NULL,
    "businessId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "access" "AccessLevel" NOT NULL DEFAULT 'READ_ONLY',
    "token" TEXT NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "declinedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountantInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountantInvitation_token_key" ON "AccountantInvitation"("token");

-- CreateIndex
CREATE INDEX "AccountantInvitation_email_idx" ON "AccountantInvitation"("email");

-- CreateIndex
CREATE INDEX "AccountantInvitation_businessId_idx" ON "AccountantInvitation"("businessId");

-- AddForeignKey
ALTER TABLE "AccountantInvitation" ADD CONSTRAINT "AccountantInvitation_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;
