// Issue #17: Drempel's own CSV export, imported into an empty business, gives the same
// invoices field by field and the same counted turnover — for random books, in both
// dialects (standard and Dutch Excel) — and the exact reported case: €21,000 stays €21,000.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { exportInvoicesCsv } from "@/lib/features/invoices/export-invoices-csv";
import { commitImport, previewImport } from "@/lib/features/invoices/import/import-invoices";
import { toInvoiceDto } from "@/lib/features/invoices/invoice-dto";
import { CATEGORIES, CATEGORY_CODES, type Category } from "@/lib/kor";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
const caller = () => ({ userId: owner.id });

beforeEach(async () => {
  owner = await createUser("roundtrip");
});

/** The stored invoices of a business, without what differs between businesses; credit links by number. */
async function books(businessId: string) {
  const rows = await db().invoice.findMany({ where: { businessId }, orderBy: { number: "asc" } });
  const numberOf = new Map(rows.map((row) => [row.id, row.number]));
  return rows.map((row) => {
    const { id: _id, businessId: _b, createdAt: _c, updatedAt: _u, creditsInvoiceId, ...dto } = toInvoiceDto(row);
    return { ...dto, creditsInvoice: creditsInvoiceId ? (numberOf.get(creditsInvoiceId) ?? "?") : null };
  });
}

async function counted(businessId: string, years: number[]) {
  const result: Record<number, [number, number]> = {};
  for (const year of years) {
    const turnover = await getTurnover({ caller: caller(), businessId, year });
    result[year] = [turnover.korTurnoverCents, turnover.unionTurnoverCents];
  }
  return result;
}

describe("the CSV export imported into an empty business", () => {
  it("gives €21,000 for €21,000 (not €2,100,000), no warning, and the crossing where the source has it (issue #17)", async () => {
    const source = await createOwnedBusiness(owner.id, "Bron BV");
    for (const [i, net] of [700_000, 800_000, 600_000].entries()) {
      await createInvoice({
        caller: caller(),
        businessId: source.id,
        input: {
          number: `2026-00${i + 1}`,
          date: `2026-0${i + 1}-10`,
          customer: { name: "Klant" },
          category: "NL_STANDARD",
          netCents: net,
        },
      });
    }
    const csv = `\uFEFF${await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: { year: 2026 } })}`;
    const target = await createOwnedBusiness(owner.id, "Doel BV");

    const preview = await previewImport({ caller: caller(), businessId: target.id, csv });
    expect(preview.summary).toMatchObject({ total: 3, new: 3, errors: 0, review: 0, newNetCents: 2_100_000, newKorCents: 2_100_000 });
    expect(preview.warnings).toEqual([]);
    expect(preview.mapping.columns).toMatchObject({ netCents: "net_cents", vatCents: "vat_cents" });

    await commitImport({ caller: caller(), businessId: target.id, csv, mapping: preview.mapping });
    const turnover = await getTurnover({ caller: caller(), businessId: target.id, year: 2026 });
    expect(turnover.korTurnoverCents).toBe(2_100_000);
    // The third invoice takes €21,000 over the limit, as in the source; not 16 February.
    const sourceTurnover = await getTurnover({ caller: caller(), businessId: source.id, year: 2026 });
    expect(sourceTurnover.kor.crossing?.date).toBe("2026-03-10");
    expect(turnover.kor.crossing?.date).toBe("2026-03-10");
    expect(await books(target.id)).toEqual(await books(source.id));
  });

  it("a credit note keeps the invoice it credits, by number (issue #17)", async () => {
    const source = await createOwnedBusiness(owner.id, "Bron BV");
    const original = await createInvoice({
      caller: caller(),
      businessId: source.id,
      input: { number: "F-1", date: "2026-02-01", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 10_000, sequence: 3 },
    });
    await createInvoice({
      caller: caller(),
      businessId: source.id,
      input: {
        number: "C-1",
        kind: "credit_note",
        date: "2026-02-05",
        customer: { name: "Klant" },
        category: "NL_STANDARD",
        netCents: -2_500,
        creditsInvoiceId: original.id,
      },
    });
    const csv = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: {} });
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    await commitImport({ caller: caller(), businessId: target.id, csv });
    const imported = await books(target.id);
    expect(imported.find((row) => row.number === "C-1")).toMatchObject({ kind: "credit_note", creditsInvoice: "F-1", netCents: -2_500 });
    expect(imported.find((row) => row.number === "F-1")).toMatchObject({ sequence: 3 });
  });

  it("gives the same invoices and the same counted turnover, for random books in both dialects (property)", async () => {
    const EU = ["DE", "BE", "FR", "IT", "ES", "AT"];
    const names = ["Jansen", '=HYPERLINK("x")', "'quoted", "Jansen; Zn", 'Café "De Hoek"', "A, B", "@home", "+31 6", "-min", "Ülker ë €"];
    const descriptions = [undefined, "Logo", "-korting", "'=1+1", "regel 1\nregel 2", "1.234,56", "12.50"];
    const invoiceArb = fc.record({
      category: fc.constantFrom(...CATEGORY_CODES),
      kind: fc.constantFrom("invoice", "cash_sale", "advance_payment", "credit_note"),
      date: fc
        .date({ min: new Date("2024-01-01T12:00:00Z"), max: new Date("2026-12-31T12:00:00Z"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      net: fc.integer({ min: 1, max: 3_000_000 }),
      vatShare: fc.constantFrom(0, 9, 21),
      name: fc.constantFrom(...names),
      customerCountry: fc.option(fc.constantFrom("NL", ...EU, "US"), { nil: undefined }),
      customerType: fc.option(fc.constantFrom("business", "consumer"), { nil: undefined }),
      vatId: fc.option(fc.constantFrom("NL123456789B01", "DE123456789"), { nil: undefined }),
      memberState: fc.constantFrom(...EU),
      ancillary: fc.boolean(),
      sequence: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
      description: fc.constantFrom(...descriptions),
      foreign: fc.option(
        fc.record({
          currency: fc.constantFrom("USD", "GBP", "CHF"),
          amount: fc.integer({ min: 1, max: 5_000_000 }),
          rate: fc.integer({ min: 1, max: 300_000_000 }).map((n) => n / 1e8),
        }),
        { nil: null },
      ),
      credits: fc.boolean(),
      prefix: fc.constantFrom("2026", "=F", "'A", "+1", "@x", "-", "F"),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(invoiceArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("standard" as const, "excel-nl" as const),
        async (specs, dialect) => {
          const source = await createOwnedBusiness(owner.id, "Bron BV");
          const created: { id: string; kind: string }[] = [];
          for (const [i, spec] of specs.entries()) {
            const category = spec.category as Category;
            const sign = spec.kind === "credit_note" ? -1 : 1;
            const target = spec.credits && spec.kind === "credit_note" ? created.find((c) => c.kind !== "credit_note") : undefined;
            const invoice = await createInvoice({
              caller: caller(),
              businessId: source.id,
              input: {
                number: `${spec.prefix}-${i}`,
                kind: spec.kind,
                date: spec.date,
                customer: { name: spec.name, country: spec.customerCountry, type: spec.customerType, vatId: spec.vatId },
                category,
                netCents: sign * spec.net,
                vatCents: sign * Math.round((spec.net * spec.vatShare) / 100),
                ...(CATEGORIES[category].needsCountry ? { country: spec.memberState } : {}),
                ...(CATEGORIES[category].ancillaryAllowed && spec.ancillary ? { ancillary: true } : {}),
                sequence: spec.sequence,
                description: spec.description,
                ...(spec.foreign
                  ? { currency: spec.foreign.currency, foreignCents: sign * spec.foreign.amount, exchangeRate: spec.foreign.rate }
                  : {}),
                ...(target ? { creditsInvoiceId: target.id } : {}),
              },
            });
            created.push({ id: invoice.id, kind: invoice.kind });
          }
          const csv = `\uFEFF${await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: {}, dialect })}`;
          const target = await createOwnedBusiness(owner.id, "Doel BV");
          const preview = await previewImport({ caller: caller(), businessId: target.id, csv });
          expect(preview.summary).toMatchObject({ new: specs.length, errors: 0, review: 0 });
          await commitImport({ caller: caller(), businessId: target.id, csv });
          expect(await books(target.id)).toEqual(await books(source.id));
          expect(await counted(target.id, [2024, 2025, 2026])).toEqual(await counted(source.id, [2024, 2025, 2026]));
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
