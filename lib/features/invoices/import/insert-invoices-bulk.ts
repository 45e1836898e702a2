// Inserts many invoices and their audit entries in two statements per chunk (unnest of
// column arrays). Prisma's createMany spends about a millisecond of JavaScript per row;
// this keeps a 100,000-row import within seconds. Rows whose number already exists are
// skipped (ON CONFLICT), which makes a concurrent re-import harmless.
import type { Tx } from "@/lib/platform/db/client";
import { invoiceColumns } from "@/lib/features/invoices/invoice-dto";
import type { InvoiceInput } from "@/lib/features/invoices/invoice.types";
import { toIsoDate } from "@/lib/platform/validation";

// One JSON parameter per chunk: PostgreSQL unpacks it far faster than the client can bind
// thousands of separate parameters.
const INSERT_INVOICES = `
INSERT INTO "Invoice" ("id", "businessId", "createdById", "updatedAt", "number", "kind", "date", "netCents", "vatCents", "category",
  "country", "ancillary", "sequence", "customerName", "customerCountry", "customerType", "customerVatId", "description",
  "currency", "foreignCents", "exchangeRate", "creditsInvoiceId", "deletedAt")
SELECT gen_random_uuid(), $1::uuid, $2::uuid, now(), t.number, t.kind::"RevenueKind", t.date::date, t.net, t.vat, t.category::"InvoiceCategory",
  t.country, t.ancillary, t.sequence, t.customer_name, t.customer_country, t.customer_type::"CustomerType", t.customer_vat_id, t.description,
  t.currency, t.foreign_cents, t.exchange_rate::numeric, t.credits_invoice_id::uuid, t.deleted_at::timestamp
FROM jsonb_to_recordset($3::jsonb) AS t(number text, kind text, date text, net int, vat int, category text, country text, ancillary bool,
  sequence int, customer_name text, customer_country text, customer_type text, customer_vat_id text, description text, currency text,
  foreign_cents int, exchange_rate text, credits_invoice_id text, deleted_at text)
ON CONFLICT ("businessId", "number") DO NOTHING
RETURNING "id", "number"`;

const INSERT_AUDIT = `
INSERT INTO "AuditLog" ("id", "businessId", "actorId", "action", "entityType", "entityId", "after")
SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'invoice.import', 'Invoice', t.entity_id, t.after
FROM jsonb_to_recordset($3::jsonb) AS t(entity_id text, after jsonb)`;

export async function insertInvoicesBulk(
  tx: Tx,
  options: { businessId: string; actorId: string; rows: { input: InvoiceInput; line: number; deletedAt?: string | null }[] },
): Promise<{ id: string; number: string }[]> {
  const { businessId, actorId, rows } = options;
  if (rows.length === 0) return [];
  const records = rows.map(({ input, deletedAt }) => {
    const c = invoiceColumns(input);
    return {
      number: c.number,
      kind: c.kind,
      date: toIsoDate(c.date),
      net: c.netCents,
      vat: c.vatCents,
      category: c.category,
      country: c.country,
      ancillary: c.ancillary,
      sequence: c.sequence,
      customer_name: c.customerName,
      customer_country: c.customerCountry,
      customer_type: c.customerType,
      customer_vat_id: c.customerVatId,
      description: c.description,
      currency: c.currency,
      foreign_cents: c.foreignCents,
      exchange_rate: c.exchangeRate,
      credits_invoice_id: c.creditsInvoiceId,
      // An exported deleted invoice stays deleted (never counted); UTC, as Prisma stores timestamps.
      deleted_at: deletedAt ? deletedAt.replace("T", " ").replace("Z", "") : null,
    };
  });
  const inserted = await tx.$queryRawUnsafe<{ id: string; number: string }[]>(
    INSERT_INVOICES,
    businessId,
    actorId,
    JSON.stringify(records),
  );
  if (inserted.length) {
    const byNumber = new Map(rows.map((row) => [row.input.number, row]));
    const audit = inserted.map((row) => {
      const source = byNumber.get(row.number)!;
      return {
        entity_id: row.id,
        after: { ...source.input, line: source.line, ...(source.deletedAt ? { deletedAt: source.deletedAt } : {}) },
      };
    });
    await tx.$executeRawUnsafe(INSERT_AUDIT, businessId, actorId, JSON.stringify(audit));
  }
  return inserted;
}
