-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_userId_key" ON "CalendarFeed"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (issue #20): a user's calendar feed is their own. The feed's URL is
-- fetched by a calendar app without a session: one narrow function names the feed's
-- owner by the secret's hash (and its language), and the deadlines are then read as that
-- user, under row-level security — never in system mode.
ALTER TABLE "CalendarFeed" ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON "CalendarFeed" FOR ALL
  USING (drempel_is_system() OR "userId" = drempel_current_user_id())
  WITH CHECK (drempel_is_system() OR "userId" = drempel_current_user_id());

CREATE FUNCTION drempel_calendar_feed_owner(secret_hash text) RETURNS TABLE ("userId" uuid, "locale" text)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY SELECT f."userId", u."locale"::text FROM "CalendarFeed" f JOIN "User" u ON u."id" = f."userId" WHERE f."tokenHash" = secret_hash;
END
$$;

REVOKE ALL ON FUNCTION drempel_calendar_feed_owner(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION drempel_calendar_feed_owner(text) TO drempel_app, drempel_worker;
