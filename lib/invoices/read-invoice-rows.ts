// Full invoice rows by id, in the order of the ids, read as one JSON array. Prisma maps a
// page of 50 full rows several times slower than PostgreSQL's json_agg and one JSON.parse
// (bench/invoices.ts); the page's filter and order stay Prisma's (the ids), this reads
// the rows. Scoped to the business like every tenant query.
import { db } from "@/lib/db/client";
import { Prisma, type Invoice } from "@/lib/generated/prisma/client";

type JsonInvoice = Omit<Invoice, "date" | "exchangeRate" | "createdAt" | "updatedAt" | "deletedAt"> & {
  date: string;
  exchangeRate: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

// Prisma's DateTime columns are timestamp(3) without time zone holding UTC.
const utc = (timestamp: string) => new Date(`${timestamp}Z`);

export async function readInvoiceRows(businessId: string, ids: string[]): Promise<Invoice[]> {
  if (ids.length === 0) return [];
  const [result] = await db().$queryRaw<{ rows: string | null }[]>`
    SELECT json_agg(i ORDER BY array_position(${ids}::uuid[], i."id"))::text AS rows
      FROM "Invoice" i
     WHERE i."businessId" = ${businessId}::uuid AND i."id" = ANY(${ids}::uuid[])`;
  const rows = JSON.parse(result?.rows ?? "[]") as JsonInvoice[];
  return rows.map((row) => ({
    ...row,
    date: new Date(`${row.date}T00:00:00Z`),
    exchangeRate: row.exchangeRate === null ? null : new Prisma.Decimal(row.exchangeRate),
    createdAt: utc(row.createdAt),
    updatedAt: utc(row.updatedAt),
    deletedAt: row.deletedAt === null ? null : utc(row.deletedAt),
  }));
}
