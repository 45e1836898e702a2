// The VAT return reads the books through lib/features/books (read-books.ts): one access check per
// request, and the books loaded and evaluated once while they are unchanged (the page asks
// for the year's overview and a period's return, each of them reads the books), afresh
// after a change. Statements are counted at the driver.
import { beforeEach, describe, expect, it } from "vitest";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { validInvoice } from "@/test/api/helpers";
import { counted, countStatementsInThisFile } from "@/test/integration/count-statements";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { getVatReturn, getVatReturnYear } from "./get-vat-return";

countStatementsInThisFile();

let owner: { id: string };
let business: BusinessDto;

const accessChecks = (statements: string[]) => statements.filter((s) => s.includes('"Membership"')).length;
// The one statement that loads a business's books (lib/features/books/load-engine-input.ts).
const booksLoads = (statements: string[]) => statements.filter((s) => s.includes("'transactions'")).length;

beforeEach(async () => {
  owner = await createUser("aangifte-boeken");
  business = await createOwnedBusiness(owner.id, "Boeken Aangifte BV"); // in the KOR since 2025-01-01
  await createInvoice({
    caller: { userId: owner.id },
    businessId: business.id,
    input: validInvoice({ number: "V-01", date: "2026-10-15", category: "NL_STANDARD", netCents: 20_500_00, vatCents: 0 }),
  });
});

describe("the VAT return reads the books through lib/features/books", () => {
  it("checks access once per request and loads unchanged books once; a change is read afresh", async () => {
    const caller = { userId: owner.id };
    const first = await counted(() => getVatReturnYear({ caller, businessId: business.id, year: 2026 }));
    expect(first.result.periods.map((p) => p.required)).toEqual([false, false, false, true]);
    expect(accessChecks(first.statements), "one access check").toBe(1);
    expect(booksLoads(first.statements)).toBe(1);

    const period = await counted(() => getVatReturn({ caller, businessId: business.id, period: "2026-Q4" }));
    expect(period.result).toMatchObject({ required: true, outsideKorFrom: "2026-10-15", status: "open" });
    expect(accessChecks(period.statements), "one access check").toBe(1);
    expect(booksLoads(period.statements), "the same books, not loaded again").toBe(0);

    // A change of the books: the next request reads them again and sees the new crossing.
    await createInvoice({
      caller,
      businessId: business.id,
      input: validInvoice({ number: "V-00", date: "2026-08-03", category: "NL_STANDARD", netCents: 20_500_00, vatCents: 0 }),
    });
    const after = await counted(() => getVatReturnYear({ caller, businessId: business.id, year: 2026 }));
    expect(booksLoads(after.statements)).toBe(1);
    expect(after.result.periods.map((p) => p.required)).toEqual([false, false, true, true]);
  });

  it("answers an outsider NOT_FOUND before reading the books, even for a malformed period", async () => {
    const stranger = { userId: (await createUser("vreemd")).id };
    for (const period of ["2026-Q4", "2026-Q5"]) {
      const refused = await counted(() => getVatReturn({ caller: stranger, businessId: business.id, period }).catch((error) => error));
      expect(refused.result).toMatchObject({ code: "NOT_FOUND" });
      expect(booksLoads(refused.statements)).toBe(0);
    }
    await expect(getVatReturnYear({ caller: stranger, businessId: business.id, year: 2026 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
