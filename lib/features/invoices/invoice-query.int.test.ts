// queryInvoices and invoiceTotals against PostgreSQL: the rows are exactly the DTOs of
// what Prisma reads (every column, a foreign currency's rate, a credit note's reference,
// a deleted invoice's timestamps, read off UTC), in the query's order, of this business only; the
// search takes % and _ literally; a December month ends at the year's end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { toInvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { listInvoicesQuerySchema } from "@/lib/features/invoices/invoice.types";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { invoiceTotals, queryInvoices } from "./invoice-query";

// Off UTC, so a timestamp read as local time instead of UTC would show.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Europe/Amsterdam";
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const query = (input: Record<string, unknown>) => listInvoicesQuerySchema.parse(input);
const customer = (name: string) => ({ name });

let caller: { userId: string };
let businessId: string;

beforeEach(async () => {
  const owner = await createUser("owner");
  caller = { userId: owner.id };
  businessId = (await createOwnedBusiness(owner.id, "Rows BV")).id;
});

describe("queryInvoices", () => {
  it("reads exactly what Prisma reads, in the query's order, and only this business's rows", async () => {
    const plain = await createInvoice({
      caller,
      businessId,
      input: {
        number: "R-1",
        date: "2026-03-31",
        customer: customer("Klant Één"),
        category: "NL_STANDARD",
        netCents: 123_456,
        vatCents: 25_926,
      },
    });
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
        description: 'Consultancy, "Q1"',
        sequence: 3,
      },
    });
    const credit = await createInvoice({
      caller,
      businessId,
      input: {
        number: "R-3",
        kind: "credit_note",
        creditsInvoiceId: plain.id,
        date: "2026-04-02",
        customer: customer("Klant Één"),
        category: "NL_STANDARD",
        netCents: -10_000,
      },
    });
    await deleteInvoice({ caller, businessId, invoiceId: credit.id });
    const stranger = await createUser("stranger");
    const other = await createOwnedBusiness(stranger.id, "Other BV");
    await createInvoice({
      caller: { userId: stranger.id },
      businessId: other.id,
      input: { number: "R-9", date: "2026-04-01", customer: customer("X"), category: "NL_STANDARD", netCents: 1 },
    });

    const live = await queryInvoices(businessId, query({ year: 2026, sort: "netCents", dir: "asc" }));
    expect(live.map((row) => row.number)).toEqual(["R-2", "R-1"]);
    const deleted = await queryInvoices(businessId, query({ deleted: "only" }));
    expect(deleted.map((row) => row.number)).toEqual(["R-3"]);

    // Field for field (and in the same order) what toInvoiceDto makes of Prisma's row.
    const byPrisma = await db().invoice.findMany({ where: { id: { in: [plain.id, foreign.id, credit.id] } } });
    for (const row of [...live, ...deleted]) {
      const expected = toInvoiceDto(byPrisma.find((p) => p.id === row.id)!);
      expect(row).toStrictEqual(expected);
      expect(Object.keys(row)).toEqual(Object.keys(expected));
    }
    expect(live[0]?.exchangeRate).toBe(0.86213457);
    expect(live[0]?.customer).toEqual({ name: "Acme Ltd", country: "GB", type: "business", vatId: "GB123456789" });
    expect(deleted[0]?.deletedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(deleted[0]?.kind).toBe("credit_note");

    expect(await invoiceTotals(businessId, query({ year: 2026 }))).toEqual({ count: 2, netCents: 209_669, vatCents: 25_926 });
  });

  it("pages without overlap, searches with % and _ taken literally, and ends December at the year's end", async () => {
    for (const [number, date, name] of [
      ["P-1", "2026-12-01", "100% Zeker"],
      ["P-2", "2026-12-31", "Klant_A"],
      ["P-3", "2027-01-01", "KlantBA"],
      ["P-4", "2026-11-30", "Gewoon"],
    ] as const) {
      await createInvoice({
        caller,
        businessId,
        input: { number, date, customer: customer(name), category: "NL_STANDARD", netCents: 1_000 },
      });
    }
    const december = await queryInvoices(businessId, query({ year: 2026, month: 12, sort: "number", dir: "asc" }));
    expect(december.map((row) => row.number)).toEqual(["P-1", "P-2"]);
    expect((await queryInvoices(businessId, query({ q: "100%" }))).map((row) => row.number)).toEqual(["P-1"]);
    expect((await queryInvoices(businessId, query({ q: "klant_a" }))).map((row) => row.number)).toEqual(["P-2"]);
    const sorted = query({ sort: "date", dir: "asc" });
    const pages = [
      await queryInvoices(businessId, sorted, { offset: 0, limit: 3 }),
      await queryInvoices(businessId, sorted, { offset: 3, limit: 3 }),
    ];
    expect(pages.map((page) => page.map((row) => row.number))).toEqual([["P-4", "P-1", "P-2"], ["P-3"]]);
    expect(await queryInvoices(businessId, query({ q: "niemand" }))).toEqual([]);
  });
});
