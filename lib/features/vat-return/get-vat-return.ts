// Loads what the VAT return of a period needs — the business's KOR periods and the engine's
// crossings (the days inside the KOR), read through lib/features/books (one access check, the books
// kept while unchanged), the period's invoices and purchases, and the filing mark — and
// computes the rubrieken (compute-vat-return.ts) and, for a filed period, the correction
// (correction.ts). Access first: an outsider gets NOT_FOUND, whatever else is wrong.
import { type Books, readBooks, readBooksInTransaction } from "@/lib/features/books/read-books";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { fromIsoDate, parseOrThrow, toIsoDate } from "@/lib/platform/validation";
import { computeVatReturn, type PurchaseDocument, type SaleDocument, type VatReturn } from "./compute-vat-return";
import { correctionOf, type FiledFigures } from "./correction";
import {
  firstDayOutsideKor,
  korIntervals,
  parsePeriodLabel,
  periodsOfYear,
  type FilingFrequency,
  type FilingPeriod,
  type KorInterval,
} from "./periods";
import {
  vatReturnQuerySchema,
  vatReturnYearQuerySchema,
  type VatReturnDto,
  type VatReturnFilingDto,
  type VatReturnStatus,
  type VatReturnYearDto,
} from "./vat-return.types";

type Context = { frequency: FilingFrequency; intervals: KorInterval[]; startedOn: string | null };

/**
 * The business's filing frequency and the days inside the KOR, as its books stand. Every
 * crossing of every year is in the evaluation whatever its day (the engine counts every
 * invoice), so the books of any day of the year serve.
 */
function contextOf(books: Pick<Books, "input" | "output">): Context {
  const { business } = books.input;
  const crossings = books.output.kor.crossings.filter((c) => c.whileParticipating).map((c) => c.date);
  return {
    frequency: business.filingPeriod === "month" ? "month" : "quarter",
    intervals: korIntervals(business.korParticipations ?? [], crossings),
    startedOn: business.startedOn ?? null,
  };
}

async function loadDocuments(
  businessId: string,
  period: FilingPeriod,
  tx?: Tx,
): Promise<{ sales: SaleDocument[]; purchases: PurchaseDocument[] }> {
  const client = tx ?? db();
  const range = { gte: fromIsoDate(period.from), lte: fromIsoDate(period.to) };
  const [invoices, purchases] = await Promise.all([
    client.invoice.findMany({
      where: { businessId, deletedAt: null, date: range },
      select: { id: true, number: true, date: true, category: true, netCents: true, vatCents: true },
    }),
    client.purchase.findMany({
      where: { businessId, date: range },
      select: {
        id: true,
        reference: true,
        supplierName: true,
        date: true,
        netCents: true,
        vatCents: true,
        ratePercent: true,
        vatTreatment: true,
      },
    }),
  ]);
  return {
    sales: invoices.map((i) => ({ ...i, date: toIsoDate(i.date) })),
    purchases: purchases.map((p) => ({ ...p, date: toIsoDate(p.date) })),
  };
}

const isRequired = (context: Context, period: FilingPeriod, outsideKorFrom: string | null) =>
  outsideKorFrom !== null && (context.startedOn === null || context.startedOn <= period.to);

function statusOf(required: boolean, filing: VatReturnFilingDto | null, correctionNeeded: boolean): VatReturnStatus {
  if (filing) return correctionNeeded ? "correctionNeeded" : "filed";
  return required ? "open" : "notRequired";
}

const toFilingDto = (row: { filedOn: Date; figures: unknown; createdAt: Date }): VatReturnFilingDto => ({
  filedOn: toIsoDate(row.filedOn),
  figures: row.figures as FiledFigures,
  updatedAt: row.createdAt.toISOString(),
});

async function periodReturn(
  businessId: string,
  period: FilingPeriod,
  context: Context,
  client?: Tx,
): Promise<{ vatReturn: VatReturn; required: boolean; frequency: FilingFrequency }> {
  const { sales, purchases } = await loadDocuments(businessId, period, client);
  const vatReturn = computeVatReturn({ period, korIntervals: context.intervals, sales, purchases });
  return { vatReturn, required: isRequired(context, period, vatReturn.outsideKorFrom), frequency: context.frequency };
}

/** The VAT return of one period as `tx` sees the books (marking it filed); the caller has checked access. */
export async function computePeriodReturn(options: {
  businessId: string;
  label: string;
  client: Tx;
}): Promise<{ vatReturn: VatReturn; required: boolean; frequency: FilingFrequency }> {
  const { businessId, client } = options;
  const period = parsePeriodLabel(options.label);
  if (!period) throw new AppError("VALIDATION_FAILED", "Invalid period", { fields: { period: "validation.period" } });
  const books = await readBooksInTransaction({ tx: client, businessId, asOf: `${options.label.slice(0, 4)}-12-31` });
  if (!books) throw new AppError("NOT_FOUND", "Business not found");
  return periodReturn(businessId, period, contextOf(books), client);
}

const inYearRange = (year: number) => year >= 2000 && year <= 2100;

/** A period's VAT return, computed now; with the filing and the correction when filed. */
export async function getVatReturn(options: { caller: Caller; businessId: string; period: unknown }): Promise<VatReturnDto> {
  const { caller, businessId } = options;
  const parsed = vatReturnQuerySchema.safeParse({ period: options.period });
  const period = parsed.success && parsed.data.period ? parsePeriodLabel(parsed.data.period) : null;
  if (!period || !inYearRange(Number(period.label.slice(0, 4)))) {
    // Access first: an outsider learns nothing, not even that the period is wrong.
    await requireBusinessAccess({ caller, businessId, need: "read" });
    parseOrThrow(vatReturnQuerySchema, { period: options.period });
    throw new AppError("VALIDATION_FAILED", "Invalid period", { fields: { period: "validation.period" } });
  }
  const books = await readBooks({ caller, businessId, year: Number(period.label.slice(0, 4)) });
  const [{ vatReturn, required }, filingRow] = await Promise.all([
    periodReturn(businessId, period, contextOf(books)),
    db().vatReturnFiling.findUnique({ where: { businessId_period: { businessId, period: period.label } } }),
  ]);
  const filing = filingRow ? toFilingDto(filingRow) : null;
  const correction = filing ? correctionOf(vatReturn, filing.figures) : null;
  return { ...vatReturn, required, filing, correction, status: statusOf(required, filing, correction?.needed ?? false) };
}

/** Every period of a year (the business's filing frequency): whether a return is due, filed, or needs a correction. */
export async function getVatReturnYear(options: { caller: Caller; businessId: string; year: unknown }): Promise<VatReturnYearDto> {
  const { caller, businessId } = options;
  const query = { year: options.year ?? undefined };
  // Access first: an outsider learns nothing, not even that the year is wrong.
  if (!vatReturnYearQuerySchema.safeParse(query).success) await requireBusinessAccess({ caller, businessId, need: "read" });
  const requested = parseOrThrow(vatReturnYearQuerySchema, query).year;
  // Without a year: the current one (Europe/Amsterdam), as readBooks takes it.
  const books = await readBooks({ caller, businessId, ...(requested !== undefined ? { year: requested } : {}) });
  const { year } = books;
  const business = await db().business.findUniqueOrThrow({ where: { id: businessId }, select: { id: true, name: true } });
  const context = contextOf(books);
  const filings = await db().vatReturnFiling.findMany({ where: { businessId, period: { startsWith: `${year}-` } } });
  const periods = await Promise.all(
    periodsOfYear(year, context.frequency).map(async (period) => {
      const outsideKorFrom = firstDayOutsideKor(context.intervals, period);
      const required = isRequired(context, period, outsideKorFrom);
      const row = filings.find((f) => f.period === period.label);
      const filing = row ? toFilingDto(row) : null;
      const { sales, purchases } = required || filing ? await loadDocuments(businessId, period) : { sales: [], purchases: [] };
      const vatReturn = computeVatReturn({ period, korIntervals: context.intervals, sales, purchases });
      const correctionNeeded = filing ? correctionOf(vatReturn, filing.figures).needed : false;
      return {
        label: period.label,
        from: period.from,
        to: period.to,
        dueDate: period.dueDate,
        outsideKorFrom,
        required,
        status: statusOf(required, filing, correctionNeeded),
        filedOn: filing?.filedOn ?? null,
        vatEuros5g: vatReturn.rubrieken.find((r) => r.code === "5g")!.vatEuros ?? 0,
      };
    }),
  );
  return { business, year, frequency: context.frequency, periods };
}
