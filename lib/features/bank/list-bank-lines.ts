// One page of a business's incoming bank lines: the candidates still to review (oldest
// payment first), or every incoming line with what became of it, each with the
// counterparty's remembered rule.
import { db, type Tx } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { parseOrThrow } from "@/lib/platform/validation";
import type { Prisma } from "@/lib/platform/db/generated/prisma/client";
import {
  listBankLinesQuerySchema,
  toBankLineDto,
  type BankLineCounts,
  type BankLineDto,
  type BankLineFilter,
} from "@/lib/features/bank/bank-import.types";
import type { BankLineStatus } from "@/lib/platform/db/generated/prisma/client";

export type BankLinePage = {
  data: BankLineDto[];
  page: { page: number; pageSize: number; total: number; pages: number };
  /** Lines of money in per filter, whatever the page shows: the review page's tabs. */
  counts: BankLineCounts;
};

const STATUSES: Record<Exclude<BankLineFilter, "incoming" | "all">, BankLineStatus[]> = {
  candidates: ["CANDIDATE"],
  accepted: ["ACCEPTED"],
  rejected: ["REJECTED"],
  left_out: ["MATCHED", "EXCLUDED"],
};

function statusWhere(filter: BankLineFilter): Prisma.BankStatementLineWhereInput {
  if (filter === "all") return {};
  if (filter === "incoming") return { amountCents: { gt: 0 } };
  return { status: { in: STATUSES[filter] } };
}

async function countIncoming(client: Tx, where: Prisma.BankStatementLineWhereInput): Promise<BankLineCounts> {
  const groups = await client.bankStatementLine.groupBy({ by: ["status"], where: { ...where, amountCents: { gt: 0 } }, _count: true });
  const of = (statuses: BankLineStatus[]) =>
    groups.filter((group) => statuses.includes(group.status)).reduce((sum, g) => sum + g._count, 0);
  return {
    candidates: of(STATUSES.candidates),
    accepted: of(STATUSES.accepted),
    rejected: of(STATUSES.rejected),
    left_out: of(STATUSES.left_out),
    incoming: groups.reduce((sum, group) => sum + group._count, 0),
  };
}

export async function listBankLines(options: { client: Tx; businessId: string; importId?: string; query: unknown }): Promise<BankLinePage> {
  const { client, businessId } = options;
  const query = parseOrThrow(listBankLinesQuerySchema, options.query);
  const scope: Prisma.BankStatementLineWhereInput = { businessId, ...(options.importId ? { importId: options.importId } : {}) };
  const where: Prisma.BankStatementLineWhereInput = { ...scope, ...statusWhere(query.status) };
  // One after the other: a transaction's queries run in turn anyway.
  const counts = await countIncoming(client, scope);
  const total = query.status === "all" ? await client.bankStatementLine.count({ where }) : counts[query.status];
  const lines = await client.bankStatementLine.findMany({
    where,
    orderBy: [{ bookingDate: query.status === "candidates" ? "asc" : "desc" }, { createdAt: "asc" }, { position: "asc" }, { id: "asc" }],
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
    include: { invoice: { select: { id: true, number: true } }, matchedInvoice: { select: { id: true, number: true } } },
  });
  const keys = [...new Set(lines.map((line) => line.counterpartyKey).filter((key): key is string => !!key))];
  const rules = keys.length ? await client.bankCounterpartyRule.findMany({ where: { businessId, counterpartyKey: { in: keys } } }) : [];
  const ruleByKey = new Map(rules.map((rule) => [rule.counterpartyKey, rule]));
  const data = lines.map((line) => {
    const rule = line.counterpartyKey ? ruleByKey.get(line.counterpartyKey) : undefined;
    return toBankLineDto(
      line,
      rule ? { decision: rule.decision === "TURNOVER" ? "turnover" : "not_turnover", category: rule.category } : null,
    );
  });
  return {
    data,
    page: { page: query.page, pageSize: query.pageSize, total, pages: Math.max(1, Math.ceil(total / query.pageSize)) },
    counts,
  };
}

/** The API's and the app's list: read access to the business, else 404. */
export async function listBankCandidates(options: { caller: Caller; businessId: string; query: unknown }): Promise<BankLinePage> {
  await requireBusinessAccess({ caller: options.caller, businessId: options.businessId, need: "read" });
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller: options.caller, businessId: options.businessId, need: "read", client: tx });
    return listBankLines({ client: tx, businessId: options.businessId, query: options.query });
  });
}
