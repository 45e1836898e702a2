// The list's query string: read it leniently (a bad value is dropped, not an error page),
// and write links that keep the current filters.
import { listInvoicesQuerySchema, type ListInvoicesQuery } from "@/lib/features/invoices/invoice.types";

export type SearchParams = Record<string, string | string[] | undefined>;

export const QUERY_KEYS = ["year", "q", "category", "counted", "month", "sort", "dir", "page", "deleted"] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The list query of these search params, dropping any value the schema refuses. */
export function readListQuery(searchParams: SearchParams, defaultYear: number): { query: ListInvoicesQuery; raw: Record<string, string> } {
  const raw: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const value = first(searchParams[key]);
    if (value !== undefined && value !== "") raw[key] = value;
  }
  raw.year ??= String(defaultYear);
  let result = listInvoicesQuerySchema.safeParse({ ...raw, pageSize: 50 });
  if (!result.success) {
    for (const issue of result.error.issues) delete raw[String(issue.path[0])];
    raw.year ??= String(defaultYear);
    result = listInvoicesQuerySchema.safeParse({ ...raw, pageSize: 50 });
  }
  return { query: result.success ? result.data : listInvoicesQuerySchema.parse({ year: defaultYear, pageSize: 50 }), raw };
}

/** A query string of the current filters with some changed ("" or undefined removes one). */
export function queryString(raw: Record<string, string>, changes: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...raw, ...changes };
  for (const key of QUERY_KEYS) {
    const value = merged[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
