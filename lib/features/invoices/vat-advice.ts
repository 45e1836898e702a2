// "Must this invoice carry VAT?" for the app: the engine's adviseVat (lib/kor/vat-advice.ts)
// on the business's stored books, with the invoices it names given their numbers. The
// invoice form asks it while the user types, the API answers it with every POST and
// PATCH of an invoice, and the import preview asks it for every new row at once.
import { z } from "zod";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { db, type Tx } from "@/lib/platform/db/client";
import { amsterdamToday } from "@/lib/platform/i18n/amsterdam-today";
import { adviseVat, type VatAdvice, type VatCandidate, CATEGORY_CODES, type EngineInput } from "@/lib/kor";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { loadEngineInput } from "@/lib/features/books/load-engine-input";
import { isoDate, parseOrThrow } from "@/lib/platform/validation";

const cents = z
  .number("validation.integerCents")
  .int("validation.integerCents")
  .min(-2_000_000_000, "validation.amountRange")
  .max(2_000_000_000, "validation.amountRange");

/** What the form sends while the user types: the invoice's place and amount, and which stored invoice it changes. */
export const vatAdviceRequestSchema = z
  .object({
    date: isoDate,
    category: z.enum(CATEGORY_CODES, "validation.category"),
    netCents: cents,
    vatCents: cents.optional(),
    sequence: z
      .number("validation.integer")
      .int("validation.integer")
      .min(0, "validation.integer")
      .max(1_000_000, "validation.integer")
      .nullish(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "validation.country")
      .nullish(),
    ancillary: z.boolean("validation.boolean").optional(),
    invoiceId: z.uuid("validation.invalid").nullish(),
  })
  .strict();

export type InvoiceRef = { id: string; number: string; sequence: number | null };

/** The engine's advice with the invoices it names as the user knows them (number, and its place in the day). */
export type VatAdviceDto = Omit<VatAdvice, "crossing" | "sameDay"> & {
  crossing: { date: string; invoice: InvoiceRef | null; thisInvoice: boolean; atRisk: InvoiceRef[] } | null;
  sameDay: InvoiceRef[];
};

/** The invoices of these ids (distinct, none empty), by id. */
async function invoiceRefs(client: Tx | ReturnType<typeof db>, businessId: string, unique: string[]): Promise<Map<string, InvoiceRef>> {
  if (unique.length === 0) return new Map();
  const rows = await client.invoice.findMany({
    where: { businessId, id: { in: unique } },
    select: { id: true, number: true, sequence: true },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Every invoice id the advice names (a crossing's invoice, its invoices at risk, the day's
 * invoices), once each. The engine gives rows that share a crossing one `atRisk` array and
 * the rows of a day one `sameDay` array, so each array is read once: linear in the
 * candidates, where reading every row's lists was quadratic.
 */
export function namedInvoiceIds(advice: readonly VatAdvice[]): string[] {
  const ids = new Set<string>();
  const read = new Set<readonly string[]>();
  const addAll = (list: readonly string[]) => {
    if (read.has(list)) return;
    read.add(list);
    for (const id of list) ids.add(id);
  };
  for (const a of advice) {
    addAll(a.sameDay);
    if (a.crossing) {
      ids.add(a.crossing.transactionId);
      addAll(a.crossing.atRisk);
    }
  }
  ids.delete("");
  return [...ids];
}

/**
 * The advice as the user knows its invoices. An array the engine shared between rows stays
 * shared (mapped once), as the engine's own: change a DTO's parts by copying them.
 */
export function toAdviceDtos(advice: readonly VatAdvice[], refs: ReadonlyMap<string, InvoiceRef>): VatAdviceDto[] {
  const ref = (id: string): InvoiceRef => refs.get(id) ?? { id, number: id, sequence: null };
  const mapped = new Map<readonly string[], InvoiceRef[]>();
  const refsOf = (list: readonly string[]): InvoiceRef[] => {
    let found = mapped.get(list);
    if (!found) {
      found = list.map(ref);
      mapped.set(list, found);
    }
    return found;
  };
  return advice.map(({ crossing, sameDay, ...rest }) => ({
    ...rest,
    crossing: crossing
      ? {
          date: crossing.date,
          invoice: crossing.transactionId ? ref(crossing.transactionId) : null,
          thisInvoice: crossing.thisInvoice,
          atRisk: refsOf(crossing.atRisk),
        }
      : null,
    sameDay: refsOf(sameDay),
  }));
}

/** Advice for several candidates on one load of the books (the import preview's rows). */
export async function adviseCandidates(options: {
  client: Tx | ReturnType<typeof db>;
  businessId: string;
  input: EngineInput;
  candidates: VatCandidate[];
}): Promise<VatAdviceDto[]> {
  const advice = adviseVat(options.input, options.candidates);
  const refs = await invoiceRefs(options.client, options.businessId, namedInvoiceIds(advice));
  return toAdviceDtos(advice, refs);
}

/** The form's question: what this invoice, as typed so far, must carry. Members who can read the books may ask. */
export async function getVatAdvice(options: {
  caller: Caller;
  businessId: string;
  request: unknown;
  today?: string;
}): Promise<VatAdviceDto> {
  const { caller, businessId } = options;
  const request = parseOrThrow(vatAdviceRequestSchema, options.request);
  return db().$transaction(async (tx) => {
    await requireBusinessAccess({ caller, businessId, need: "read", client: tx });
    const input = await loadEngineInput({ businessId, asOf: options.today ?? amsterdamToday(), client: tx });
    const replaces = request.invoiceId && input.transactions.some((t) => t.id === request.invoiceId) ? request.invoiceId : undefined;
    const candidate: VatCandidate = {
      date: request.date,
      category: request.category,
      netCents: request.netCents,
      ...(request.vatCents !== undefined ? { vatCents: request.vatCents } : {}),
      ...(request.sequence != null ? { sequence: request.sequence } : {}),
      ...(request.country ? { country: request.country } : {}),
      ...(request.ancillary ? { ancillary: true } : {}),
      ...(replaces ? { replaces } : {}),
    };
    const [advice] = await adviseCandidates({ client: tx, businessId, input, candidates: [candidate] });
    return advice!;
  });
}

/** What a stored invoice must carry, as the books stand with it (the API's answer to POST and PATCH). */
export async function adviseStoredInvoice(options: {
  client?: Tx;
  businessId: string;
  invoice: InvoiceDto;
  today?: string;
}): Promise<VatAdviceDto> {
  const { businessId, invoice } = options;
  const client = options.client ?? db();
  const input = await loadEngineInput({
    businessId,
    asOf: options.today ?? amsterdamToday(),
    ...(options.client ? { client: options.client } : {}),
  });
  const [advice] = await adviseCandidates({
    client,
    businessId,
    input,
    candidates: [
      {
        date: invoice.date,
        category: invoice.category,
        netCents: invoice.netCents,
        vatCents: invoice.vatCents,
        ...(invoice.sequence !== null ? { sequence: invoice.sequence } : {}),
        ...(invoice.country ? { country: invoice.country } : {}),
        ...(invoice.ancillary ? { ancillary: true } : {}),
        replaces: invoice.id,
      },
    ],
  });
  return advice!;
}
