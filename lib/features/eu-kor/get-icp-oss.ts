// The ICP and OSS figures of one business and year (build-icp-oss.ts), after the access
// check (an outsider gets NOT_FOUND), and as CSV through the one writer.
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeCsv } from "@/lib/platform/http/csv";
import type { Category } from "@/lib/kor";
import { toIsoDate } from "@/lib/platform/validation";
import { buildIcpOss, ICP_OSS_CATEGORIES, type IcpOss, type IcpOssInvoice } from "./build-icp-oss";

function parseYear(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError("VALIDATION_FAILED", "Invalid year", { fields: { year: "validation.year" } });
  }
  return year;
}

/** The year's and the previous year's ICP/OSS invoices (the previous year decides whether OSS applies from 1 January). */
export async function loadIcpOssInvoices(businessId: string, year: number): Promise<IcpOssInvoice[]> {
  const rows = await db().invoice.findMany({
    where: {
      businessId,
      deletedAt: null,
      category: { in: [...ICP_OSS_CATEGORIES] },
      date: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    select: {
      id: true,
      number: true,
      date: true,
      category: true,
      netCents: true,
      vatCents: true,
      country: true,
      customerName: true,
      customerCountry: true,
      customerVatId: true,
      sequence: true,
    },
    orderBy: [{ date: "asc" }, { sequence: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, category: row.category as Category, date: toIsoDate(row.date) }));
}

export async function getIcpOss(options: { caller: Caller; businessId: string; year: unknown }): Promise<IcpOss> {
  const { caller, businessId } = options;
  await requireBusinessAccess({ caller, businessId, need: "read" });
  const year = parseYear(options.year);
  return buildIcpOss({ year, invoices: await loadIcpOssInvoices(businessId, year) });
}

export const ICP_OSS_COLUMNS = [
  "section",
  "quarter",
  "member_state",
  "vat_id",
  "customer",
  "goods_cents",
  "services_cents",
  "net_cents",
  "vat_cents",
  "invoices",
  "rule",
] as const;

/** One row per ICP line (section ICP) and per OSS line (section OSS), quarter by quarter. */
export async function exportIcpOss(options: { caller: Caller; businessId: string; year: unknown }): Promise<string> {
  const figures = await getIcpOss(options);
  const rows = figures.quarters.flatMap((quarter) => [
    ...quarter.icp.map((line) => [
      "ICP",
      quarter.quarter,
      line.country ?? "",
      line.vatId ?? "",
      line.customerName,
      line.goodsCents,
      line.servicesCents,
      line.goodsCents + line.servicesCents,
      "",
      line.invoices.join(" "),
      figures.icpRule.rule,
    ]),
    ...quarter.oss.map((line) => [
      "OSS",
      quarter.quarter,
      line.state,
      "",
      "",
      "",
      "",
      line.netCents,
      line.vatCents,
      line.invoices.join(" "),
      figures.ossRule.rule,
    ]),
  ]);
  return writeCsv(ICP_OSS_COLUMNS, rows);
}
