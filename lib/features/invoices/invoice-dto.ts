// An invoice as the app and the API show it, and the columns an InvoiceInput sets.
import type { Invoice, RevenueKind } from "@/lib/platform/db/generated/prisma/client";
import { fromIsoDate, toIsoDate } from "@/lib/platform/validation";
import type { Category } from "@/lib/kor";
import type { InvoiceInput, RevenueKindJson } from "@/lib/features/invoices/invoice.types";

export type InvoiceDto = {
  id: string;
  businessId: string;
  number: string;
  kind: RevenueKindJson;
  date: string;
  customer: { name: string; country: string | null; type: "business" | "consumer" | null; vatId: string | null };
  category: Category;
  netCents: number;
  vatCents: number;
  country: string | null;
  ancillary: boolean;
  sequence: number | null;
  description: string | null;
  currency: string;
  foreignCents: number | null;
  exchangeRate: number | null;
  creditsInvoiceId: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

const KIND_TO_DB: Record<RevenueKindJson, RevenueKind> = {
  invoice: "INVOICE",
  cash_sale: "CASH_SALE",
  advance_payment: "ADVANCE_PAYMENT",
  credit_note: "CREDIT_NOTE",
};

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  return {
    id: invoice.id,
    businessId: invoice.businessId,
    number: invoice.number,
    kind: invoice.kind.toLowerCase() as RevenueKindJson,
    date: toIsoDate(invoice.date),
    customer: {
      name: invoice.customerName,
      country: invoice.customerCountry,
      type: invoice.customerType ? (invoice.customerType.toLowerCase() as "business" | "consumer") : null,
      vatId: invoice.customerVatId,
    },
    category: invoice.category,
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    country: invoice.country,
    ancillary: invoice.ancillary,
    sequence: invoice.sequence,
    description: invoice.description,
    currency: invoice.currency,
    foreignCents: invoice.foreignCents,
    exchangeRate: invoice.exchangeRate === null ? null : Number(invoice.exchangeRate),
    creditsInvoiceId: invoice.creditsInvoiceId,
    createdAt: invoice.createdAt.toISOString(),
    updatedAt: invoice.updatedAt.toISOString(),
    deletedAt: invoice.deletedAt ? invoice.deletedAt.toISOString() : null,
  };
}

/** The input form of a stored invoice, to merge a PATCH into. */
export function toInvoiceInput(dto: InvoiceDto): Record<string, unknown> {
  return {
    number: dto.number,
    kind: dto.kind,
    date: dto.date,
    customer: {
      name: dto.customer.name,
      country: dto.customer.country ?? undefined,
      type: dto.customer.type ?? undefined,
      vatId: dto.customer.vatId ?? undefined,
    },
    category: dto.category,
    netCents: dto.netCents,
    vatCents: dto.vatCents,
    country: dto.country ?? undefined,
    ancillary: dto.ancillary,
    sequence: dto.sequence,
    description: dto.description ?? undefined,
    currency: dto.currency,
    foreignCents: dto.foreignCents,
    exchangeRate: dto.exchangeRate,
    creditsInvoiceId: dto.creditsInvoiceId,
  };
}

export function invoiceColumns(input: InvoiceInput) {
  return {
    number: input.number,
    kind: KIND_TO_DB[input.kind],
    date: fromIsoDate(input.date),
    customerName: input.customer.name,
    customerCountry: input.customer.country ?? null,
    customerType: input.customer.type ? (input.customer.type.toUpperCase() as "BUSINESS" | "CONSUMER") : null,
    customerVatId: input.customer.vatId ?? null,
    category: input.category,
    netCents: input.netCents,
    vatCents: input.vatCents,
    country: input.country ?? null,
    ancillary: input.ancillary,
    sequence: input.sequence,
    description: input.description ?? null,
    currency: input.currency,
    foreignCents: input.foreignCents,
    exchangeRate: input.exchangeRate === null ? null : String(input.exchangeRate),
    creditsInvoiceId: input.creditsInvoiceId,
  };
}
