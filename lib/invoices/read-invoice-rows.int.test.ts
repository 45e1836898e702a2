// readInvoiceRows against Prisma's own reading of the same rows: every column, including a
// foreign currency's rate, a credit note's reference, a customer's details and the
// timestamps of a deleted invoice, in the order of the ids asked for; other businesses'
// ids are not read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { deleteInvoice } from "@/lib/invoices/delete-invoice";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { readInvoiceRows } from "./read-invoice-rows";

// Off UTC, so a timestamp read as local time instead of UTC would show.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Europe/Amsterdam";
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

let caller: { userId: string };
let businessId: string;

beforeEach(async () => {
  const owner = await createUser("owner");
  caller = { userId: owner.id };
  businessId = (await createOwnedBusiness(owner.id, "Rows BV")).id;
});

describe("readInvoiceRows", () => {
  it("reads exactly what Prisma reads, in the order asked, and only this business's rows", async () => {
    const plain = await createInvoice({ caller, businessId, input: { number: "R-1", date: "2026-03-31", customer: { name: "Klant Één" }, category: "NL_STANDARD", netCents: 123_456, vatCents: 25_926 } });
    const foreign = await createInvoice({
      caller,
      businessId,
      input: {
        number: "R-2",
        date: "2026-04-01",
        customer: { name: "Acme Ltd", country: "GB", type: "business", vatId: "GB123456789" },
        category: "NON_EU_SERVICES",
        netCents: 86_213,
        currency: "USD",
        foreignCents: 100_000,
        exchangeRate: 0.86213457,
        description: "Consultancy, \"Q1\"",
        sequence: 3,
      },
    });
    const credit = await createInvoice({ caller, businessId, input: { number: "R-3", kind: "credit_note", creditsInvoiceId: plain.id, date: "2026-04-02", customer: { name: "Klant Één" }, category: "NL_STANDARD", netCents: -10_000 } });
    await deleteInvoice({ caller, businessId: businessId, invoiceId: credit.id });
    const other = await createOwnedBusiness((await createUser("other")).id, "Other BV");
    const foreignBusiness = await createInvoice({ caller: { userId: (await db().membership.findFirstOrThrow({ where: { businessId: other.id } })).userId }, businessId: other.id, input: { number: "X-1", date: "2026-01-01", customer: { name: "X" }, category: "NL_STANDARD", netCents: 1 } });

    const ids = [credit.id, plain.id, foreignBusiness.id, foreign.id];
    const rows = await readInvoiceRows(businessId, ids);
    const byPrisma = await db().invoice.findMany({ where: { id: { in: [credit.id, plain.id, foreign.id] } } });
    const expected = [credit.id, plain.id, foreign.id].map((id) => byPrisma.find((row) => row.id === id));
    expect(rows.map((row) => row.id)).toEqual([credit.id, plain.id, foreign.id]);
    expect(rows.map((row) => ({ ...row, exchangeRate: row.exchangeRate?.toString() ?? null }))).toEqual(expected.map((row) => ({ ...row, exchangeRate: row!.exchangeRate?.toString() ?? null })));
    expect(rows[2]?.exchangeRate?.toString()).toBe("0.86213457");
    expect(rows[0]?.deletedAt).toBeInstanceOf(Date);
    expect(await readInvoiceRows(businessId, [])).toEqual([]);
  });
});
