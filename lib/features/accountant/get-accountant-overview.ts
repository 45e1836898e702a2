// The accountant's client overview: every business that granted this user ACCOUNTANT
// access (and no other), ranked by risk, filtered, searched and paged; the summary counts
// all clients. Only memberships open the books, so a revoked client is gone from the
// next request on.
import type { Caller } from "@/lib/features/businesses/access";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { overviewQuerySchema, type AccountantOverview, type ClientRow } from "./accountant.types";
import { arrangeRows, paginate, summarise } from "./arrange-overview";
import { loadClientRows } from "./load-client-rows";

export async function getAccountantOverview(options: { caller: Caller; query?: unknown; today?: string }): Promise<AccountantOverview> {
  const asOf = options.today ?? amsterdamToday();
  const query = overviewQuerySchema.parse(options.query ?? {});
  const all = await loadClientRows({ accountantId: options.caller.userId, asOf });
  const matching = arrangeRows(all, query);
  const page = paginate(matching, query.page);
  return {
    asOf,
    year: Number(asOf.slice(0, 4)),
    summary: summarise(all),
    rows: page.rows,
    matching: matching.length,
    page: page.page,
    pageCount: page.pageCount,
  };
}

/** Every matching row, unpaged, for the CSV export. */
export async function listAccountantClients(options: { caller: Caller; query?: unknown; today?: string }): Promise<ClientRow[]> {
  const asOf = options.today ?? amsterdamToday();
  const query = overviewQuerySchema.parse(options.query ?? {});
  return arrangeRows(await loadClientRows({ accountantId: options.caller.userId, asOf }), query);
}
