// Every client of one accountant, one overview row each, from the persisted summaries
// (BusinessYearSummary): one query reads the accountant's memberships, their businesses
// with the books version, and this year's summaries, whatever the number of clients.
//
// A summary is used while it was computed from the current books (its booksVersion equals
// Business.booksVersion, which the database raises with every change of the books) on
// today's date. Clients without one are evaluated here, as the queue's evaluation does —
// their facts in one query, all their invoices in one query, the pure engine in memory —
// and their summaries stored in one statement, so the next call finds them. The version
// used is the one read before their invoices were loaded.
import { db } from "@/lib/db/client";
import { evaluate } from "@/lib/kor/evaluate";
import type { Category, ISODate, Transaction } from "@/lib/kor/types";
import { toEngineBusiness } from "@/lib/turnover/load-engine-input";
import { listDeadlinesDoneOf } from "@/lib/deadlines/deadline-done";
import type { AccessLevel, ClientRow } from "./accountant.types";
import { lastTransactionDate, summaryData, upsertYearSummaries, type SummaryData, type YearSummary } from "./year-summary";

// $3: only memberships of this role (the accountant overview), or NULL for all (the business list).
const CLIENTS = `
SELECT b."id"::text AS "businessId", b."name", b."kvkNumber", m."access"::text AS "access", m."role"::text AS "role", b."booksVersion",
  s."booksVersion" AS "summaryVersion", s."asOf"::text AS "summaryAsOf", s."data"::text AS "data"
FROM "Membership" m
JOIN "Business" b ON b."id" = m."businessId"
LEFT JOIN "BusinessYearSummary" s ON s."businessId" = b."id" AND s."year" = $2::int
WHERE m."userId" = $1::uuid AND ($3::text IS NULL OR m."role"::text = $3::text)`;

// All years, as the queue's evaluation loads them (lib/turnover/load-engine-input.ts).
// Input order is the engine's tie-break within a day when no sequence is given (§2).
const TRANSACTIONS = `
SELECT "businessId"::text AS "businessId",
  json_agg(json_build_array("id", "date"::text, "netCents", "vatCents", "category"::text, "country", "ancillary", "sequence")
    ORDER BY "date", "createdAt", "id")::text AS "rows"
FROM "Invoice"
WHERE "businessId" = ANY(string_to_array($1, ',')::uuid[]) AND "deletedAt" IS NULL
GROUP BY "businessId"`;

type ClientLine = {
  businessId: string;
  name: string;
  kvkNumber: string | null;
  access: AccessLevel;
  role: MembershipRole;
  booksVersion: number;
  summaryVersion: number | null;
  summaryAsOf: string | null;
  data: string | null;
};
type TxTuple = [string, string, number, number, string, string | null, boolean, number | null];

function toTransaction([id, date, netCents, vatCents, category, country, ancillary, sequence]: TxTuple): Transaction {
  return {
    id,
    date,
    netCents,
    vatCents,
    category: category as Category,
    ...(country ? { country } : {}),
    ...(ancillary ? { ancillary: true } : {}),
    ...(sequence !== null ? { sequence } : {}),
  };
}

/** Evaluates the given businesses on asOf and stores their summaries; a constant number of queries. */
async function evaluateSummaries(stale: ClientLine[], asOf: ISODate): Promise<Map<string, SummaryData>> {
  const ids = stale.map((c) => c.businessId);
  const [businesses, loaded, done] = await Promise.all([
    db().business.findMany({ where: { id: { in: ids } }, include: { korParticipations: { select: { from: true, to: true } } } }),
    db().$queryRawUnsafe<{ businessId: string; rows: string }[]>(TRANSACTIONS, ids.join(",")),
    listDeadlinesDoneOf({ businessIds: ids }),
  ]);
  const transactions = new Map(loaded.map(({ businessId, rows }) => [businessId, (JSON.parse(rows) as TxTuple[]).map(toTransaction)]));
  const versions = new Map(stale.map((c) => [c.businessId, c.booksVersion]));
  const year = Number(asOf.slice(0, 4));
  const summaries: YearSummary[] = businesses.map((business) => {
    const list = transactions.get(business.id) ?? [];
    const output = evaluate({ asOf, business: toEngineBusiness(business), transactions: list });
    return {
      businessId: business.id,
      year,
      asOf,
      booksVersion: versions.get(business.id)!,
      data: summaryData({ output, euKorEnabled: business.euKorEnabled, lastInvoiceDate: lastTransactionDate(list), done: done.get(business.id) }),
    };
  });
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
export async function loadMembershipRows(options: { userId: string; asOf: ISODate; role?: MembershipRole }): Promise<(ClientRow & { role: MembershipRole })[]> {
  const { userId, asOf } = options;
  const lines = await db().$queryRawUnsafe<ClientLine[]>(CLIENTS, userId, Number(asOf.slice(0, 4)), options.role ?? null);
  const isFresh = (c: ClientLine) => c.data !== null && c.summaryVersion === c.booksVersion && c.summaryAsOf === asOf;
  const stale = lines.filter((c) => !isFresh(c));
  const evaluated = stale.length > 0 ? await evaluateSummaries(stale, asOf) : new Map<string, SummaryData>();
  return lines.flatMap((c) => {
    const data = isFresh(c) ? (JSON.parse(c.data!) as SummaryData) : evaluated.get(c.businessId);
    // A business deleted between the two reads has no row.
    if (!data) return [];
    return [{ businessId: c.businessId, name: c.name, kvkNumber: c.kvkNumber, access: c.access, role: c.role, ...data }];
  });
}
