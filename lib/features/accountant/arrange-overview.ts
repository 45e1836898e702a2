// Sorting, filtering, searching, paging and summarising the overview's rows: pure, so
// the order a user sees is tested without a database.
import {
  CLIENT_STATUSES,
  PAGE_SIZE,
  type ClientRow,
  type ClientStatus,
  type OverviewQuery,
  type OverviewSummary,
  type SortKey,
} from "./accountant.types";

const RISK_RANK: Record<ClientStatus, number> = { crossed: 0, projected: 1, approaching: 2, safe: 3, notInKor: 4 };
const byName = (a: ClientRow, b: ClientRow) => a.name.localeCompare(b.name, "nl") || a.businessId.localeCompare(b.businessId);
/** Nulls last in either direction. */
function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number, dir: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a, b) * dir;
}
const text = (x: string, y: string) => x.localeCompare(y);
const num = (x: number, y: number) => x - y;

/** Risk: crossed first (earliest crossing first), then projected crossing date, then the highest share of the limit. */
export function compareRisk(a: ClientRow, b: ClientRow): number {
  return (
    RISK_RANK[a.status] - RISK_RANK[b.status] ||
    compareNullable(a.crossingDate, b.crossingDate, text, 1) ||
    b.percent - a.percent ||
    byName(a, b)
  );
}

const COMPARERS: Record<Exclude<SortKey, "risk">, (a: ClientRow, b: ClientRow, dir: 1 | -1) => number> = {
  name: (a, b, dir) => byName(a, b) * dir,
  counted: (a, b, dir) => (a.countedCents - b.countedCents) * dir,
  percent: (a, b, dir) => (a.percent - b.percent) * dir,
  status: (a, b, dir) => (RISK_RANK[a.status] - RISK_RANK[b.status]) * dir,
  crossing: (a, b, dir) => compareNullable(a.crossingDate, b.crossingDate, text, dir),
  union: (a, b, dir) => compareNullable(a.union?.cents ?? null, b.union?.cents ?? null, num, dir),
  deadline: (a, b, dir) => compareNullable(a.nextDeadline?.date ?? null, b.nextDeadline?.date ?? null, text, dir),
  lastInvoice: (a, b, dir) => compareNullable(a.lastInvoiceDate, b.lastInvoiceDate, text, dir),
  alerts: (a, b, dir) => (a.openAlerts - b.openAlerts) * dir,
};

export function sortRows(rows: ClientRow[], sort: SortKey, dir: "asc" | "desc"): ClientRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const compare =
    sort === "risk"
      ? (a: ClientRow, b: ClientRow) => compareRisk(a, b) * sign
      : (a: ClientRow, b: ClientRow) => COMPARERS[sort](a, b, sign) || compareRisk(a, b);
  return [...rows].sort(compare);
}

/** Name or KVK number, case- and space-insensitive. */
export function matchesSearch(row: ClientRow, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return row.name.toLowerCase().includes(needle) || (row.kvkNumber ?? "").replace(/\s/g, "").includes(needle.replace(/\s/g, ""));
}

export function summarise(rows: ClientRow[]): OverviewSummary {
  const byStatus = Object.fromEntries(CLIENT_STATUSES.map((s) => [s, 0])) as Record<ClientStatus, number>;
  const bands = [0, 20, 40, 60, 80, 100].map((from, i, all) => ({
    band: from === 100 ? "≥100%" : `${from}–${all[i + 1]}%`,
    from,
    to: all[i + 1] ?? null,
    clients: 0,
  }));
  let deadlinesThisWeek = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    deadlinesThisWeek += row.deadlinesThisWeek;
    const band = bands.find((b) => row.percent >= b.from && (b.to === null || row.percent < b.to));
    if (band) band.clients += 1;
  }
  return { clients: rows.length, byStatus, deadlinesThisWeek, distribution: bands };
}

export function arrangeRows(rows: ClientRow[], query: Pick<OverviewQuery, "sort" | "dir" | "status" | "q">): ClientRow[] {
  const filtered = rows.filter((row) => (query.status === "all" || row.status === query.status) && matchesSearch(row, query.q));
  return sortRows(filtered, query.sort, query.dir);
}

export function paginate<T>(rows: T[], page: number, pageSize = PAGE_SIZE): { rows: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current, pageCount };
}
