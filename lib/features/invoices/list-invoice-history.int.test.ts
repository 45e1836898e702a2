// The invoice history, paired: an outsider gets not found, a member sees who changed what.
import { beforeEach, describe, expect, it } from "vitest";
import { addMember } from "@/lib/features/members/add-member";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice, restoreInvoice } from "@/lib/features/invoices/delete-invoice";
import type { InvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { listInvoiceHistory } from "@/lib/features/invoices/list-invoice-history";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string; name: string };
let member: { id: string; name: string; email: string };
let outsider: { id: string };
let business: BusinessDto;
let invoice: InvoiceDto;

const input = {
  number: "2026-001",
  date: "2026-03-02",
  customer: { name: "Bakkerij Jansen" },
  category: "NL_STANDARD",
  netCents: 100_000,
};

beforeEach(async () => {
  owner = await createUser("owner");
  member = await createUser("member");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id);
  await addMember({ caller: { userId: owner.id }, businessId: business.id, input: { email: member.email } });
  invoice = await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input });
});

describe("listInvoiceHistory", () => {
  it("refuses an outsider with not found", async () => {
    await expect(
      listInvoiceHistory({ caller: { userId: outsider.id }, businessId: business.id, invoiceId: invoice.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers not found for an invoice of another business the caller can see", async () => {
    const other = await createOwnedBusiness(member.id, "Ander BV");
    await expect(listInvoiceHistory({ caller: { userId: member.id }, businessId: other.id, invoiceId: invoice.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows a member every change with its actor and the fields before and after", async () => {
    await updateInvoice({
      caller: { userId: member.id },
      businessId: business.id,
      invoiceId: invoice.id,
      patch: { netCents: 120_000, customer: { name: "Bakkerij Jansen BV" } },
    });
    await deleteInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId: invoice.id });
    await restoreInvoice({ caller: { userId: owner.id }, businessId: business.id, invoiceId: invoice.id });

    const history = await listInvoiceHistory({ caller: { userId: member.id }, businessId: business.id, invoiceId: invoice.id });
    expect(history.map((entry) => [entry.action, entry.actorName])).toEqual([
      ["invoice.create", owner.name],
      ["invoice.update", member.name],
      ["invoice.delete", member.name],
      ["invoice.restore", owner.name],
    ]);
    expect(history[0]!.changes).toContainEqual({ field: "netCents", before: null, after: 100_000 });
    expect(history[0]!.changes).toContainEqual({ field: "customer.name", before: null, after: "Bakkerij Jansen" });
    expect(history[1]!.changes).toEqual([
      { field: "customer.name", before: "Bakkerij Jansen", after: "Bakkerij Jansen BV" },
      { field: "netCents", before: 100_000, after: 120_000 },
    ]);
    // Delete and restore change only the deletion mark, which the action already names.
    expect(history[2]!.changes).toEqual([]);
  });
});
