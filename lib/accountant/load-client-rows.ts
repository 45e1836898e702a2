// Every client of one accountant, one overview row each, from the persisted summaries
// (BusinessYearSummary): one query reads the accountant's memberships, their businesses
// with the books version, and this year's summaries, whatever the number of clients.
//
// A summary is used while it was computed from the current books (its booksVersion equals
// Business.booksVersion, which the database raises with every change of the books) on
// today's date. Clients without one are evaluated here, as the queue's evaluation does —
// all their books in one query (lib/books), the pure engine in memory — and their
// summaries stored in one statement, so the next call finds them.
import { db } from "@/lib/db/client";
import { readManyBooks } from "@/lib/books/read-books";
import type { ISODate } from "@/lib/kor/types";
import type { AccessLevel, ClientRow } from "./accountant.types";
import { lastTransactionDate, summaryData, upsertYearSummaries, type SummaryData, type YearSummary } from "./year-summary";

const CLIENTS = `
SELECT b."id"::text AS "businessId", b."name", b."kvkNumber", m."access"::text AS "access", b."booksVersion",
  s."booksVersion" AS "summaryVersion", s."asOf"::text AS "summaryAsOf", s."data"::text AS "data"
FROM "Membership" m
JOIN "Business" b ON b."id" = m."businessId"
LEFT JOIN "BusinessYearSummary" s ON s."businessId" = b."id" AND s."year" = $2::int
WHERE m."userId" = $1::uuid AND m."role" = 'ACCOUNTANT'`;

type ClientLine = {
  businessId: string;
  name: string;
  kvkNumber: string | null;
  access: AccessLevel;
  booksVersion: number;
  summaryVersion: number | null;
  summaryAsOf: string | null;
  data: string | null;
};

/**
 * Evaluates the given businesses on asOf and stores their summaries, each marked with the
 * books version its rows were read at; a constant number of queries (lib/books/read-books.ts).
 */
async function evaluateSummaries(accountantId: string, stale: ClientLine[], asOf: ISODate): Promise<Map<string, SummaryData>> {
  const books = await readManyBooks({ caller: { userId: accountantId }, businessIds: stale.map((c) => c.businessId), asOf });
  const year = Number(asOf.slice(0, 4));
  const summaries: YearSummary[] = [...books.values()].map(({ businessId, booksVersion, input, output }) => ({
    businessId,
    year,
    asOf,
    booksVersion,
    data: summaryData({ output, euKorEnabled: input.business.euKor !== undefined, lastInvoiceDate: lastTransactionDate(input.transactions) }),
  }));
  await upsertYearSummaries(db(), summaries);
  return new Map(summaries.map((s) => [s.businessId, s.data]));
}

/** All businesses where the user is an ACCOUNTANT, one row each (unsorted). */
export async function loadClientRows(options: { accountantId: string; asOf: ISODate }): Promise<ClientRow[]> {
  const { accountantId, asOf } = options;
  const lines = await db().$queryRawUnsafe<ClientLine[]>(CLIENTS, accountantId, Number(asOf.slice(0, 4)));
  const isFresh = (c: ClientLine) => c.data !== null && c.summaryVersion === c.booksVersion && c.summaryAsOf === asOf;
  const stale = lines.filter((c) => !isFresh(c));
  const evaluated = stale.length > 0 ? await evaluateSummaries(accountantId, stale, asOf) : new Map<string, SummaryData>();
  return lines.flatMap((c) => {
    const data = isFresh(c) ? (JSON.parse(c.data!) as SummaryData) : evaluated.get(c.businessId);
    // A business deleted between the two reads has no row.
    if (!data) return [];
    return [{ businessId: c.businessId, name: c.name, kvkNumber: c.kvkNumber, access: c.access, ...data }];
  });
}
