// Every client of one accountant, one overview row each, from the persisted summaries
// (BusinessYearSummary): one query reads the accountant's memberships, their businesses
// with the books version, and this year's summaries, whatever the number of clients.
//
// A summary is used while it was computed from the current books (its booksVersion equals
// Business.booksVersion, which the database raises with every change of the books) under
// the current member-state thresholds (an operator's `thresholds:set` changes their
// version, lib/features/eu-kor/thresholds-version.ts, read in the same query) on today's date. Clients without one are evaluated here, as the queue's evaluation does —
// all their books in one query (lib/features/books), the pure engine in memory — and their
// summaries stored in one statement, so the next call finds them.
import { db } from "@/lib/platform/db/client";
import { readManyBooks } from "@/lib/features/books/read-books";
import { listDeadlinesDoneOf } from "@/lib/features/deadlines/deadline-done";
import { THRESHOLDS_VERSION } from "@/lib/features/eu-kor/thresholds-version";
import type { ISODate } from "@/lib/kor";
import type { AccessLevel, ClientRow } from "./accountant.types";
import { lastTransactionDate, summaryData, upsertYearSummaries, type SummaryData, type YearSummary } from "./year-summary";

// $3: only memberships of this role (the accountant overview), or NULL for all (the business list).
const CLIENTS = `
SELECT b."id"::text AS "businessId", b."name", b."kvkNumber", m."access"::text AS "access", m."role"::text AS "role", b."booksVersion",
  s."booksVersion" AS "summaryVersion", s."thresholdsVersion" AS "summaryThresholdsVersion", s."asOf"::text AS "summaryAsOf",
  s."data"::text AS "data", ${THRESHOLDS_VERSION} AS "thresholdsVersion"
FROM "Membership" m
JOIN "Business" b ON b."id" = m."businessId"
LEFT JOIN "BusinessYearSummary" s ON s."businessId" = b."id" AND s."year" = $2::int
WHERE m."userId" = $1::uuid AND ($3::text IS NULL OR m."role"::text = $3::text)`;

type ClientLine = {
  businessId: string;
  name: string;
  kvkNumber: string | null;
  access: AccessLevel;
  role: MembershipRole;
  booksVersion: number;
  summaryVersion: number | null;
  summaryThresholdsVersion: string | null;
  summaryAsOf: string | null;
  /** The current thresholds version, the same on every line. */
  thresholdsVersion: string;
  data: string | null;
};

/**
 * Evaluates the given businesses on asOf and stores their summaries, each marked with the
 * books version its rows were read at and the thresholds version read before them (so a
 * change of the thresholds racing this leaves the summary stale rather than wrong); a
 * constant number of queries (lib/features/books/read-books.ts).
 */
async function evaluateSummaries(userId: string, stale: ClientLine[], asOf: ISODate): Promise<Map<string, SummaryData>> {
  const businessIds = stale.map((c) => c.businessId);
  const [books, done] = await Promise.all([readManyBooks({ caller: { userId }, businessIds, asOf }), listDeadlinesDoneOf({ businessIds })]);
  const year = Number(asOf.slice(0, 4));
  const summaries: YearSummary[] = [...books.values()].map(({ businessId, booksVersion, input, output }) => ({
    businessId,
    year,
    asOf,
    booksVersion,
    thresholdsVersion: stale[0]!.thresholdsVersion,
    data: summaryData({
      output,
      euKorEnabled: input.business.euKor !== undefined,
      lastInvoiceDate: lastTransactionDate(input.transactions),
      done: done.get(businessId),
    }),
  }));
  await upsertYearSummaries(db(), summaries);
  return new Map(summaries.map((s) => [s.businessId, s.data]));
}

export type MembershipRole = "OWNER" | "MEMBER" | "ACCOUNTANT";

/** All businesses where the user is an ACCOUNTANT, one row each (unsorted). */
export async function loadClientRows(options: { accountantId: string; asOf: ISODate }): Promise<ClientRow[]> {
  const rows = await loadMembershipRows({ userId: options.accountantId, asOf: options.asOf, role: "ACCOUNTANT" });
  return rows.map(({ role: _role, ...row }) => row);
}

/**
 * Every business the user belongs to (or only those in `role`), one row each with this
 * year's figures, status and next deadline (unsorted): one query for the list and the
 * summaries, and for the missing or stale summaries a constant number more.
 */
export async function loadMembershipRows(options: {
  userId: string;
  asOf: ISODate;
  role?: MembershipRole;
}): Promise<(ClientRow & { role: MembershipRole })[]> {
  const { userId, asOf } = options;
  const lines = await db().$queryRawUnsafe<ClientLine[]>(CLIENTS, userId, Number(asOf.slice(0, 4)), options.role ?? null);
  const isFresh = (c: ClientLine) =>
    c.data !== null && c.summaryVersion === c.booksVersion && c.summaryThresholdsVersion === c.thresholdsVersion && c.summaryAsOf === asOf;
  const stale = lines.filter((c) => !isFresh(c));
  const evaluated = stale.length > 0 ? await evaluateSummaries(userId, stale, asOf) : new Map<string, SummaryData>();
  return lines.flatMap((c) => {
    const data = isFresh(c) ? (JSON.parse(c.data!) as SummaryData) : evaluated.get(c.businessId);
    // A business deleted between the two reads has no row.
    if (!data) return [];
    return [{ businessId: c.businessId, name: c.name, kvkNumber: c.kvkNumber, access: c.access, role: c.role, ...data }];
  });
}
