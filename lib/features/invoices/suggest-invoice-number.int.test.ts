// The suggested invoice number, paired: an outsider gets not found, a member the next number.
import { beforeEach, describe, expect, it } from "vitest";
import { addMember } from "@/lib/features/members/add-member";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { suggestInvoiceNumber } from "@/lib/features/invoices/suggest-invoice-number";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
let member: { id: string; email: string };
let outsider: { id: string };
let business: BusinessDto;

beforeEach(async () => {
  owner = await createUser("owner");
  member = await createUser("member");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id);
  await addMember({ caller: { userId: owner.id }, businessId: business.id, input: { email: member.email } });
});

describe("suggestInvoiceNumber", () => {
  it("refuses an outsider with not found", async () => {
    await expect(suggestInvoiceNumber({ caller: { userId: outsider.id }, businessId: business.id, year: 2026 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("suggests year-001 for a business without invoices", async () => {
    expect(await suggestInvoiceNumber({ caller: { userId: member.id }, businessId: business.id, year: 2026 })).toBe("2026-001");
  });

  it("follows the highest number, counting deleted ones as taken, and ignores other businesses", async () => {
    const caller = { userId: owner.id };
    const base = { customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 1_000 };
    await createInvoice({ caller, businessId: business.id, input: { ...base, number: "2026-006", date: "2026-01-02" } });
    const last = await createInvoice({ caller, businessId: business.id, input: { ...base, number: "2026-007", date: "2026-01-03" } });
    await deleteInvoice({ caller, businessId: business.id, invoiceId: last.id });
    const other = await createOwnedBusiness(outsider.id, "Ander BV");
    await createInvoice({
      caller: { userId: outsider.id },
      businessId: other.id,
      input: { ...base, number: "2026-050", date: "2026-01-03" },
    });
    expect(await suggestInvoiceNumber({ caller: { userId: member.id }, businessId: business.id, year: 2026 })).toBe("2026-008");
  });
});
