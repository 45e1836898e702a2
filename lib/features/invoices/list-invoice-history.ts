// The history of one invoice from the audit log: who did what when, and per entry the
// fields that changed (before → after). Readers of the business may see it.
import { db } from "@/lib/platform/db/client";
import { requireBusinessAccess, type Caller } from "@/lib/features/businesses/access";
import { findInvoiceOfBusiness } from "@/lib/features/invoices/get-invoice";

export type InvoiceChange = { field: string; before: unknown; after: unknown };

export type InvoiceHistoryEntry = {
  id: string;
  /** "invoice.create" | "invoice.update" | "invoice.delete" | "invoice.restore" */
  action: string;
  at: string;
  actorName: string | null;
  changes: InvoiceChange[];
};

// Bookkeeping fields every write touches; the action already says what happened.
const IGNORED = new Set(["id", "businessId", "createdAt", "updatedAt", "deletedAt"]);

function flatten(value: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) {
    if (prefix) out[prefix] = value ?? null;
    return out;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

/** The fields whose value differs, in the order they first appear. */
export function diffInvoice(before: unknown, after: unknown): InvoiceChange[] {
  const left = flatten(before);
  const right = flatten(after);
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((field) => !IGNORED.has(field));
  return fields
    .filter((field) => JSON.stringify(left[field] ?? null) !== JSON.stringify(right[field] ?? null))
    .map((field) => ({ field, before: left[field] ?? null, after: right[field] ?? null }));
}

export async function listInvoiceHistory(options: {
  caller: Caller;
  businessId: string;
  invoiceId: string;
}): Promise<InvoiceHistoryEntry[]> {
  const { caller, businessId, invoiceId } = options;
  await requireBusinessAccess({ caller, businessId, need: "read" });
  // Another business's invoice id answers not found, like the invoice itself.
  await findInvoiceOfBusiness(db(), businessId, invoiceId);
  const rows = await db().auditLog.findMany({
    where: { businessId, entityType: "Invoice", entityId: invoiceId },
    include: { actor: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    at: row.createdAt.toISOString(),
    actorName: row.actor?.name ?? null,
    // A create lists what was entered; delete and restore change only deletedAt.
    changes: row.action === "invoice.create" ? diffInvoice(null, row.after) : diffInvoice(row.before, row.after),
  }));
}
