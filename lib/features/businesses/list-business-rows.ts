// The business list (/businesses): per business of the caller this year's counted turnover,
// its share of the KOR limit (the rule table's limit, the dashboard's rounding rule), the
// status in three words and the next deadline. Read with the accountant overview's
// summaries (lib/features/accountant/load-client-rows.ts): one query for every business, a constant
// number more for those whose summary is missing or stale, never one per business.
import type { Caller } from "@/lib/features/businesses/access";
import { loadMembershipRows, type MembershipRole } from "@/lib/features/accountant/load-client-rows";
import type { ClientStatus } from "@/lib/features/accountant/accountant.types";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import type { DeadlineKind, ISODate } from "@/lib/kor";

/** In the KOR (below the limit, approaching or expected to cross), over the limit while in it, or not in it. */
export type BusinessListStatus = "inKor" | "crossed" | "notInKor";

export type BusinessListRow = {
  businessId: string;
  name: string;
  role: MembershipRole;
  year: number;
  countedCents: number;
  limitCents: number;
  percent: number;
  status: BusinessListStatus;
  nextDeadline: { kind: DeadlineKind; date: ISODate } | null;
};

export function listStatusOf(status: ClientStatus): BusinessListStatus {
  if (status === "crossed") return "crossed";
  if (status === "notInKor") return "notInKor";
  return "inKor";
}

export async function listBusinessRows(options: { caller: Caller; today?: ISODate }): Promise<BusinessListRow[]> {
  const asOf = options.today ?? amsterdamToday();
  const rows = await loadMembershipRows({ userId: options.caller.userId, asOf });
  const reachable = options.caller.businessIds ? rows.filter((row) => options.caller.businessIds!.includes(row.businessId)) : rows;
  return reachable
    .map((row) => ({
      businessId: row.businessId,
      name: row.name,
      role: row.role,
      year: Number(asOf.slice(0, 4)),
      countedCents: row.countedCents,
      limitCents: row.limitCents,
      percent: row.percent,
      status: listStatusOf(row.status),
      nextDeadline: row.nextDeadline,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
