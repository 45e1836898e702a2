// The one statement that turns a business's stored books into the rules engine's input:
// its facts, KOR periods and every non-deleted invoice of every year (the engine needs last
// year for eligibility and earlier years for seasonality), for one business or many at
// once, with the books version the rows were read at (the same snapshot). Access is
// checked by the caller (lib/features/books/read-books.ts), or in this statement: `memberId` keeps
// only businesses that user is a member of.
import { queryRows, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { Prisma } from "@/lib/platform/db/generated/prisma/client";
import { loadMemberStateThresholds } from "@/lib/features/eu-kor/load-member-state-thresholds";
import type { EngineInput, Transaction } from "@/lib/kor";

/** A business's engine input as read from the database, and the books version it was read at. */
export type LoadedBooks = { businessId: string; booksVersion: number; input: EngineInput };

// One text column per business, a JSON object: at 10,000 invoices Prisma's per-row mapping
// costs far more than PostgreSQL's json_agg and one JSON.parse, and text parses the same on
// PostgreSQL and the embedded database. Input order is the tie-break within a day when no
// sequence is given (§2).
function booksSql(businessIds: readonly string[], memberId: string | undefined): Prisma.Sql {
  return Prisma.sql`
    SELECT json_build_object(
      'businessId', b."id",
      'booksVersion', b."booksVersion",
      'filingPeriod', b."filingPeriod",
      'establishedIn', b."establishedIn",
      'fixedEstablishmentOnly', b."fixedEstablishmentOnly",
      'startedOn', to_char(b."startedOn", 'YYYY-MM-DD'),
      'euKorEnabled', b."euKorEnabled",
      'euKorExNumber', b."euKorExNumber",
      'euKorFrom', to_char(b."euKorFrom", 'YYYY-MM-DD'),
      'euKorMemberStates', b."euKorMemberStates",
      'korParticipations', (SELECT json_agg(json_build_array(to_char(k."from", 'YYYY-MM-DD'), to_char(k."to", 'YYYY-MM-DD')) ORDER BY k."from")
                              FROM "KorParticipation" k WHERE k."businessId" = b."id"),
      'transactions', (SELECT json_agg(json_build_array(i."id", to_char(i."date", 'YYYY-MM-DD'), i."netCents", i."vatCents", i."category", i."country", i."ancillary", i."sequence")
                                 ORDER BY i."date", i."createdAt", i."id")
                         FROM "Invoice" i WHERE i."businessId" = b."id" AND i."deletedAt" IS NULL)
    )::text AS "books"
      FROM "Business" b
     WHERE b."id" = ANY(string_to_array(${businessIds.join(",")}, ',')::uuid[])
       ${memberId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."businessId" = b."id" AND m."userId" = ${memberId}::uuid)` : Prisma.empty}`;
}

type Row = {
  businessId: string;
  booksVersion: number;
  filingPeriod: "QUARTER" | "MONTH";
  establishedIn: string;
  fixedEstablishmentOnly: boolean;
  startedOn: string | null;
  euKorEnabled: boolean;
  euKorExNumber: string | null;
  euKorFrom: string | null;
  euKorMemberStates: string[];
  korParticipations: [string, string | null][] | null;
  transactions: [string, string, number, number, Transaction["category"], string | null, boolean, number | null][] | null;
};

function toLoadedBooks(row: Row, asOf: string, rules: EngineInput["rules"]): LoadedBooks {
  const transactions: Transaction[] = (row.transactions ?? []).map(
    ([id, date, netCents, vatCents, category, country, ancillary, sequence]) => ({
      id,
      date,
      netCents,
      vatCents,
      category,
      ...(country ? { country } : {}),
      ...(ancillary ? { ancillary: true } : {}),
      ...(sequence !== null ? { sequence } : {}),
    }),
  );
  return {
    businessId: row.businessId,
    booksVersion: row.booksVersion,
    input: {
      asOf,
      business: {
        establishedIn: row.establishedIn,
        fixedEstablishmentOnly: row.fixedEstablishmentOnly,
        ...(row.startedOn ? { startedOn: row.startedOn } : {}),
        filingPeriod: row.filingPeriod === "MONTH" ? "month" : "quarter",
        korParticipations: (row.korParticipations ?? []).map(([from, to]) => ({ from, ...(to ? { to } : {}) })),
        ...(row.euKorEnabled
          ? {
              euKor: {
                ...(row.euKorExNumber ? { exNumber: row.euKorExNumber } : {}),
                ...(row.euKorFrom ? { from: row.euKorFrom } : {}),
                memberStates: row.euKorMemberStates,
              },
            }
          : {}),
      },
      transactions,
      rules,
    },
  };
}

/**
 * The books of `businessIds` on `asOf`, one statement whatever their number, keyed by
 * business id; a business that does not exist (or, with `memberId`, of which that user is
 * no member) is absent. In `client`'s transaction when given.
 */
export async function loadBooks(options: {
  businessIds: readonly string[];
  asOf: string;
  memberId?: string;
  client?: Tx;
}): Promise<Map<string, LoadedBooks>> {
  if (options.businessIds.length === 0) return new Map();
  const sql = booksSql(options.businessIds, options.memberId);
  // The member-state thresholds of every year, as stored (reference data, readable by all).
  const [rows, memberStateThresholdsByYear] = await Promise.all([
    options.client ? options.client.$queryRaw<{ books: string }[]>(sql) : queryRows<{ books: string }>(sql),
    loadMemberStateThresholds(options.client ? { client: options.client } : {}),
  ]);
  return new Map(
    rows.map(({ books }) => {
      const loaded = toLoadedBooks(JSON.parse(books) as Row, options.asOf, { memberStateThresholdsByYear });
      return [loaded.businessId, loaded];
    }),
  );
}

/** One business's engine input on `asOf` (NOT_FOUND when it does not exist); access is the caller's to check. */
export async function loadEngineInput(options: { businessId: string; asOf: string; client?: Tx }): Promise<EngineInput> {
  const loaded = (
    await loadBooks({ businessIds: [options.businessId], asOf: options.asOf, ...(options.client ? { client: options.client } : {}) })
  ).get(options.businessId);
  if (!loaded) throw new AppError("NOT_FOUND", "Business not found");
  return loaded.input;
}
