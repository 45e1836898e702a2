// A calendar feed by its secret: the feed's user (one narrow SECURITY DEFINER function
// names the owner of the secret's hash; nothing else is readable before the user is
// known), then, read as that user under row-level security,
// the deadlines of every business the user belongs to (owner or accountant), computed now
// from the books by the same evaluation and deadline list the dashboard shows, the books of
// all the businesses read at once (lib/features/books readManyBooks), whatever their number — read
// from the read replica when there is one (lib/platform/db/replica.ts). An unknown or revoked secret
// is null: the route answers 404.
import { listBusinesses } from "@/lib/features/businesses/list-businesses";
import { queryRows } from "@/lib/platform/db/client";
import { runAsUser, runWithoutContext } from "@/lib/platform/db/db-context";
import { readFromReplica } from "@/lib/platform/db/replica";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { enforceRateLimits, type RateLimitOptions } from "@/lib/platform/rate-limit/hit-rate-limit";
import { readManyBooks } from "@/lib/features/books/read-books";
import { buildDeadlines } from "@/lib/features/dashboard/cards/deadlines";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { listDeadlinesDoneOf } from "@/lib/features/deadlines/deadline-done";
import { buildCalendar, type CalendarDeadline } from "@/lib/features/calendar/build-calendar";
import { hashFeedSecret, isFeedSecretFormat } from "@/lib/features/calendar/feed-secret";

/** The feed's owner, or null for a malformed, unknown or revoked secret. */
export async function findCalendarFeedOwner(secret: string): Promise<{ userId: string; language: "nl" | "en" } | null> {
  if (!isFeedSecretFormat(secret)) return null;
  const [row] = await runWithoutContext(() =>
    queryRows<{ userId: string; locale: string }>(
      Prisma.sql`SELECT "userId"::text AS "userId", "locale" FROM drempel_calendar_feed_owner(${hashFeedSecret(secret)})`,
    ),
  );
  if (!row) return null;
  return { userId: row.userId, language: row.locale === "en" ? "en" : "nl" };
}

// A calendar app polls a few times an hour at most; more is someone guessing or a loop.
export const FEED_LIMITS = { perAddress: { limit: 120, windowSeconds: 600 }, perFeed: { limit: 60, windowSeconds: 3600 } } as const;

/** Throws RATE_LIMITED (429 with Retry-After) past either limit: per client address, and per secret. */
export async function getCalendarFeed(options: { secret: string; appUrl: string; ip?: string; now?: Date }): Promise<string | null> {
  const checks: RateLimitOptions[] = [{ key: `calendar:feed:${hashFeedSecret(options.secret).slice(0, 32)}`, ...FEED_LIMITS.perFeed }];
  if (options.ip) checks.push({ key: `calendar:ip:${options.ip}`, ...FEED_LIMITS.perAddress });
  await enforceRateLimits(checks, "Too many calendar requests");
  const owner = await findCalendarFeedOwner(options.secret);
  if (!owner) return null;
  const caller = { userId: owner.userId };
  // The owner was found on the primary; the deadlines may come from a replica (a calendar
  // app polls a few times an hour: a second of lag changes nothing).
  const deadlines = await readFromReplica(() =>
    runAsUser(owner.userId, async () => {
      const businesses = await listBusinesses({ caller });
      const businessIds = businesses.map((business) => business.id);
      const [books, done] = await Promise.all([
        readManyBooks({ caller, businessIds, asOf: amsterdamToday() }),
        listDeadlinesDoneOf({ businessIds }),
      ]);
      return businesses.flatMap((business): CalendarDeadline[] => {
        const output = books.get(business.id)?.output;
        if (!output) return [];
        return buildDeadlines(output, done.get(business.id) ?? new Map()).map((deadline) => ({
          businessId: business.id,
          businessName: business.name,
          deadline,
        }));
      });
    }),
  );
  return buildCalendar({ language: owner.language, deadlines, now: options.now ?? new Date(), appUrl: options.appUrl });
}
