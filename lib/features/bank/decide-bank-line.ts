// The review of a turnover candidate. Accepting creates a cash sale through the invoice
// service (so its audit entry, the evaluation that raises alerts and the books version
// follow as for any invoice), dated on the payment unless the user gives the invoice's own
// date, with the line as its source; rejecting records the decision. Either may be
// remembered for the counterparty and is then applied to its next lines.
import { db, type Tx } from "@/lib/platform/db/client";
import { AppError } from "@/lib/platform/errors";
import { writeAuditLog } from "@/lib/platform/audit/write-audit-log";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { adviseStoredInvoice } from "@/lib/features/invoices/vat-advice";
import { parseOrThrow, toIsoDate } from "@/lib/platform/validation";
import type { BankStatementLine, InvoiceCategory } from "@/lib/platform/db/generated/prisma/client";
import {
  acceptBankLineSchema,
  rejectBankLineSchema,
  toBankLineDto,
  type AcceptBankLineInput,
  type BankLineDto,
} from "@/lib/features/bank/bank-import.types";
import { z } from "zod";

/** The problems of a request's body that only its line can tell, by field. */
type Problems = (line: BankStatementLine) => Record<string, string>;

type DecideOptions = { caller: Caller; businessId: string; lineId: string; input: unknown };

const uuid = z.uuid();

/** The line, locked for this transaction, if it is a candidate of this business. */
async function lockCandidate(tx: Tx, businessId: string, lineId: string, problems: Problems = () => ({})): Promise<BankStatementLine> {
  if (!uuid.safeParse(lineId).success) throw new AppError("NOT_FOUND", "Bank line not found");
  const [locked] = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "BankStatementLine" WHERE "id" = $1::uuid AND "businessId" = $2::uuid FOR UPDATE`,
    lineId,
    businessId,
  );
  if (!locked) throw new AppError("NOT_FOUND", "Bank line not found");
  const line = await tx.bankStatementLine.findFirstOrThrow({ where: { id: lineId, businessId } });
  // A body that is wrong is wrong whatever became of the line: 400 before 409.
  const fields = problems(line);
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", "Validation failed", { fields });
  if (line.status !== "CANDIDATE")
    throw new AppError("CONFLICT", "This line was already decided", { fields: { line: "bank.errors.notCandidate" } });
  return line;
}

/** A number no invoice of the business has: "BANK-" with the booking date and the line's id. */
const bankInvoiceNumber = (line: BankStatementLine) =>
  `BANK-${toIsoDate(line.bookingDate).replace(/-/g, "")}-${line.id.slice(0, 8).toUpperCase()}`;

/** Every problem the line's amount and currency find in an accept (beside the schema's). */
function amountProblems(line: BankStatementLine, input: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {};
  if (typeof input.vatCents === "number" && input.vatCents > line.amountCents) problems.vatCents = "validation.amountRange";
  const given = (["euroCents", "exchangeRate"] as const).filter((field) => input[field] !== undefined);
  if (line.currency === "EUR") {
    for (const field of given) problems[field] = "validation.onlyForeignCurrency";
  } else if (given.length === 0) {
    problems.euroCents = "validation.euroAmountOrRate";
    problems.exchangeRate = "validation.euroAmountOrRate";
  } else if (given.length === 2) {
    problems.exchangeRate = "validation.euroAmountOrRateNotBoth";
  }
  return problems;
}

// The rate's places as stored (Decimal(18, 8)).
const RATE_PLACES = 1e8;

function invoiceInputFor(line: BankStatementLine, input: AcceptBankLineInput) {
  const vatForeign = input.vatCents ?? 0;
  const netForeign = line.amountCents - vatForeign;
  const euro = line.currency === "EUR";
  // A euro amount given is booked to the cent (VAT at its rate, the net the rest); a rate
  // given converts both parts.
  const rate = euro ? 1 : input.euroCents !== undefined ? input.euroCents / line.amountCents : input.exchangeRate!;
  const vatCents = euro ? vatForeign : Math.round(vatForeign * rate);
  const netCents = euro ? netForeign : input.euroCents !== undefined ? input.euroCents - vatCents : Math.round(netForeign * rate);
  const description = [line.counterpartyIban, line.description].filter(Boolean).join(" · ");
  return {
    number: input.number ?? bankInvoiceNumber(line),
    kind: "cash_sale",
    date: input.date ?? toIsoDate(line.bookingDate),
    customer: {
      name: (line.counterpartyName ?? line.counterpartyIban ?? "Onbekend").slice(0, 200),
      ...(input.country ? { country: input.country } : {}),
      ...(input.customerType ? { type: input.customerType } : {}),
    },
    category: input.category,
    netCents,
    vatCents,
    ...(input.country ? { country: input.country } : {}),
    ...(description ? { description: description.slice(0, 500) } : {}),
    ...(euro ? {} : { currency: line.currency, foreignCents: netForeign, exchangeRate: Math.round(rate * RATE_PLACES) / RATE_PLACES }),
  };
}

async function remember(
  tx: Tx,
  caller: Caller,
  line: BankStatementLine,
  decision: "TURNOVER" | "NOT_TURNOVER",
  category: InvoiceCategory | null,
  country: string | null,
) {
  if (!line.counterpartyKey) return;
  const data = { decision, category, country, counterpartyName: line.counterpartyName, createdById: caller.userId };
  await tx.bankCounterpartyRule.upsert({
    where: { businessId_counterpartyKey: { businessId: line.businessId, counterpartyKey: line.counterpartyKey } },
    create: { businessId: line.businessId, counterpartyKey: line.counterpartyKey, ...data },
    update: data,
  });
}

/** Accepts a locked candidate inside the caller's transaction (the import's rules use it too). */
export async function acceptLockedLine(
  tx: Tx,
  caller: Caller,
  line: BankStatementLine,
  input: AcceptBankLineInput,
  decidedBy: "user" | "rule",
): Promise<InvoiceDto> {
  // The import's rules reach here without the review's check: a foreign line still needs its euros.
  const problems = amountProblems(line, input);
  if (Object.keys(problems).length) throw new AppError("VALIDATION_FAILED", "Validation failed", { fields: problems });
  const invoice = await createInvoice({ caller, businessId: line.businessId, input: invoiceInputFor(line, input), client: tx });
  await tx.bankStatementLine.update({
    where: { id: line.id },
    data: { status: "ACCEPTED", invoiceId: invoice.id, decidedById: caller.userId, decidedAt: new Date() },
  });
  if (input.remember) await remember(tx, caller, line, "TURNOVER", input.category, input.country ?? null);
  await writeAuditLog(tx, {
    businessId: line.businessId,
    actorId: caller.userId,
    action: "bankLine.accept",
    entityType: "BankStatementLine",
    entityId: line.id,
    after: { invoiceId: invoice.id, by: decidedBy, remember: !!input.remember },
  });
  return invoice;
}

async function lineDto(tx: Tx, businessId: string, lineId: string): Promise<BankLineDto> {
  const line = await tx.bankStatementLine.findFirstOrThrow({
    where: { id: lineId, businessId },
    include: { invoice: { select: { id: true, number: true } }, matchedInvoice: { select: { id: true, number: true } } },
  });
  const rule = line.counterpartyKey
    ? await tx.bankCounterpartyRule.findFirst({ where: { businessId, counterpartyKey: line.counterpartyKey } })
    : null;
  return toBankLineDto(
    line,
    rule ? { decision: rule.decision === "TURNOVER" ? "turnover" : "not_turnover", category: rule.category } : null,
  );
}

export async function acceptBankLine(options: DecideOptions) {
  const { caller, businessId, lineId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  // The body's problems and those only the line can tell (its currency, its amount) are
  // answered together, once the line is known to be the caller's.
  let input: AcceptBankLineInput | null = null;
  let problems: Record<string, string> = {};
  try {
    input = parseOrThrow(acceptBankLineSchema, options.input);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED" || !error.fields) throw error;
    problems = error.fields;
  }
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const body = options.input !== null && typeof options.input === "object" ? (options.input as Record<string, unknown>) : {};
    const line = await lockCandidate(tx, businessId, lineId, (locked) => ({ ...amountProblems(locked, input ?? body), ...problems }));
    const invoice = await acceptLockedLine(tx, caller, line, input!, "user");
    const vatAdvice = await adviseStoredInvoice({ client: tx, businessId, invoice });
    return { line: await lineDto(tx, businessId, lineId), invoice, vatAdvice };
  });
}

export async function rejectBankLine(options: DecideOptions): Promise<{ line: BankLineDto }> {
  const { caller, businessId, lineId } = options;
  await requireBusinessAccess({ caller, businessId, need: "write" });
  const input = parseOrThrow(rejectBankLineSchema, options.input);
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "write", client: tx });
    const line = await lockCandidate(tx, businessId, lineId);
    await tx.bankStatementLine.update({
      where: { id: line.id },
      data: { status: "REJECTED", decidedById: caller.userId, decidedAt: new Date() },
    });
    if (input.remember) await remember(tx, caller, line, "NOT_TURNOVER", null, null);
    await writeAuditLog(tx, {
      businessId,
      actorId: caller.userId,
      action: "bankLine.reject",
      entityType: "BankStatementLine",
      entityId: line.id,
      after: { remember: !!input.remember },
    });
    return { line: await lineDto(tx, businessId, lineId) };
  });
}
