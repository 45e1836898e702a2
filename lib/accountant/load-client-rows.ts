// Every client of one accountant, evaluated, in a constant number of queries whatever the
// number of clients: (1) the accountant's memberships with their businesses and KOR
// periods, (2) one row per business with the date of its last invoice and the version of
// its books — its latest audit entry (every invoice write, import and business change is
// audited in the same transaction), (3) only for businesses whose version changed, all
// their invoices of last year and this year in one query, one JSON array per business.
// Each of those is then evaluated in memory by the pure engine.
//
// Evaluated rows are kept per process, keyed by business and version (audit entry, KOR
// facts, last invoice date, asOf), so an unchanged client is not loaded or evaluated
// again. Loading 500,000 invoices costs seconds; the version query costs milliseconds.
// A row older than ROW_MAX_AGE_MS is evaluated again regardless, a safety net for a
// change that bypassed the audit log.
import { db } from "@/lib/db/client";
import { evaluate } from "@/lib/kor/evaluate";
import type { Category, EngineInput, ISODate, Transaction } from "@/lib/kor/types";
import { toEngineBusiness } from "@/lib/turnover/load-engine-input";
import { toIsoDate } from "@/lib/validation";
import type { AccessLevel, ClientRow } from "./accountant.types";
import { buildClientRow } from "./build-client-row";

const VERSIONS = `
SELECT b."id"::text AS "businessId",
  (SELECT max(i."date") FROM "Invoice" i WHERE i."businessId" = b."id" AND i."deletedAt" IS NULL)::text AS "lastDate",
  (SELECT a."createdAt"::text || ' ' || a."id"::text FROM "AuditLog" a WHERE a."businessId" = b."id" ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1) AS "auditVersion"
FROM "Business" b
WHERE b."id" = ANY(string_to_array($1, ',')::uuid[])`;

// Input order is the engine's tie-break within a day when no sequence is given (§2), as in loadEngineInput.
const TRANSACTIONS = `
SELECT "businessId"::text AS "businessId",
  json_agg(json_build_array("id", "date"::text, "netCents", "vatCents", "category"::text, "country", "ancillary", "sequence")
    ORDER BY "date", "createdAt", "id")::text AS "rows"
FROM "Invoice"
WHERE "businessId" = ANY(string_to_array($1, ',')::uuid[]) AND "deletedAt" IS NULL AND "date" >= $2::date
GROUP BY "businessId"`;

type Version = { businessId: string; lastDate: string | null; auditVersion: string | null };
type TxTuple = [string, string, number, number, string, string | null, boolean, number | null];

type CacheEntry = { key: string; row: ClientRow; evaluatedAt: number };
const MAX_CACHED = 50_000;
const ROW_MAX_AGE_MS = 10 * 60_000;
const cacheHolder = globalThis as unknown as { drempelClientRows?: Map<string, CacheEntry> };
function cache(): Map<string, CacheEntry> {
  cacheHolder.drempelClientRows ??= new Map();
  return cacheHolder.drempelClientRows;
}
/** For tests and the bench: forget every evaluated row. */
export function clearClientRowCache(): void {
  cache().clear();
}


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

/** All businesses where the user is an ACCOUNTANT, one evaluated row each (unsorted). */
export async function loadClientRows(options: { accountantId: string; asOf: ISODate }): Promise<ClientRow[]> {
  const { accountantId, asOf } = options;
  const memberships = await db().membership.findMany({
    where: { userId: accountantId, role: "ACCOUNTANT" },
    select: { access: true, business: { include: { korParticipations: { select: { from: true, to: true } } } } },
  });
  if (memberships.length === 0) return [];
  const ids = memberships.map((m) => m.business.id).join(",");
  const versions = await db().$queryRawUnsafe<Version[]>(VERSIONS, ids);
  const byBusiness = new Map(versions.map((v) => [v.businessId, v]));
  const now = Date.now();

  const prepared = memberships.map(({ access, business }) => {
    const engineBusiness = toEngineBusiness(business);
    const f = byBusiness.get(business.id);
    const key = JSON.stringify([asOf, engineBusiness, f?.auditVersion ?? null, f?.lastDate ?? null]);
    const facts = {
      businessId: business.id,
      name: business.name,
      kvkNumber: business.kvkNumber,
      access: access as AccessLevel,
      lastInvoiceDate: f?.lastDate ?? null,
    };
    const cached = cache().get(business.id);
    return { business, engineBusiness, key, facts, cached: cached && cached.key === key && now - cached.evaluatedAt < ROW_MAX_AGE_MS ? cached : undefined };
  });

  const stale = prepared.filter((p) => !p.cached);
  const transactions = new Map<string, Transaction[]>();
  if (stale.length > 0) {
    const from = `${Number(asOf.slice(0, 4)) - 1}-01-01`;
    const loaded = await db().$queryRawUnsafe<{ businessId: string; rows: string }[]>(TRANSACTIONS, stale.map((p) => p.business.id).join(","), from);
    for (const { businessId, rows } of loaded) transactions.set(businessId, (JSON.parse(rows) as TxTuple[]).map(toTransaction));
  }
  if (cache().size + stale.length > MAX_CACHED) cache().clear();

  return prepared.map((p) => {
    if (p.cached) return { ...p.cached.row, ...p.facts };
    const input: EngineInput = { asOf, business: p.engineBusiness, transactions: transactions.get(p.business.id) ?? [] };
    const row = buildClientRow({ ...p.facts, euKorEnabled: p.business.euKorEnabled }, evaluate(input));
    cache().set(p.business.id, { key: p.key, row, evaluatedAt: now });
    return row;
  });
}
