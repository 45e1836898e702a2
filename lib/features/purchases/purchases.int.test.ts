// Purchases against the real database: the owner registers, changes and removes them
// (audit-logged); an investment good enters the btw-herziening planner and follows its
// purchase; invalid input is answered field by field and stores nothing; an outsider gets
// NOT_FOUND; a read-only accountant reads but cannot write; the CSV import is all or nothing.
import { beforeEach, describe, expect, it } from "vitest";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { db } from "@/lib/platform/db/client";
import { isAppError } from "@/lib/platform/errors";
import { listInvestmentGoods } from "@/lib/features/investment-goods/list-investment-goods";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { importPurchases } from "./import-purchases";
import { getPurchase, listPurchases } from "./list-purchases";
import { createPurchase, deletePurchase, updatePurchase } from "./save-purchase";

let owner: { id: string };
let outsider: { id: string };
let accountant: { id: string };
let business: BusinessDto;
const laptop = {
  date: "2026-10-16",
  supplier: { name: "Computershop BV", vatId: "nl 123.456.789 b01" },
  netCents: 120_000,
  category: "INVESTMENT_MOVABLE",
  description: "Laptop",
};

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  accountant = await createUser("accountant");
  business = await createOwnedBusiness(owner.id, "Inkoop BV");
  await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
});

async function fieldsOf(work: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, ...error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("purchases", () => {
  it("registers an investment good with the VAT computed from the rate, and keeps the planner's good in step", async () => {
    const caller = { userId: owner.id };
    const purchase = await createPurchase({ caller, businessId: business.id, input: laptop });
    expect(purchase).toMatchObject({
      netCents: 120_000,
      vatCents: 25_200,
      ratePercent: 21,
      vatTreatment: "NL_VAT",
      supplier: { country: "NL", vatId: "NL123456789B01" },
      documentKind: "invoice",
    });
    expect(await listInvestmentGoods({ caller, businessId: business.id })).toEqual([
      expect.objectContaining({
        id: purchase.investmentGoodId,
        description: "Laptop",
        vatCents: 25_200,
        firstUseYear: 2026,
        kind: "MOVABLE",
      }),
    ]);

    const changed = await updatePurchase({
      caller,
      businessId: business.id,
      purchaseId: purchase.id,
      patch: { netCents: 100_000, category: "INVESTMENT_IMMOVABLE" },
    });
    expect(changed).toMatchObject({ vatCents: 21_000, investmentGoodId: purchase.investmentGoodId });
    expect(await listInvestmentGoods({ caller, businessId: business.id })).toEqual([
      expect.objectContaining({ vatCents: 21_000, kind: "IMMOVABLE" }),
    ]);

    // No longer an investment good: the planner's good goes.
    const costs = await updatePurchase({ caller, businessId: business.id, purchaseId: purchase.id, patch: { category: "COSTS" } });
    expect(costs.investmentGoodId).toBeNull();
    expect(await listInvestmentGoods({ caller, businessId: business.id })).toEqual([]);

    const again = await updatePurchase({
      caller,
      businessId: business.id,
      purchaseId: purchase.id,
      patch: { category: "INVESTMENT_MOVABLE" },
    });
    await deletePurchase({ caller, businessId: business.id, purchaseId: purchase.id });
    expect(await db().investmentGood.count({ where: { id: again.investmentGoodId! } })).toBe(0);
    expect(await db().purchase.count({ where: { businessId: business.id } })).toBe(0);
    const actions = (
      await db().auditLog.findMany({ where: { businessId: business.id, entityType: "Purchase" }, orderBy: { createdAt: "asc" } })
    ).map((entry) => entry.action);
    expect(actions).toEqual(["purchase.create", "purchase.update", "purchase.update", "purchase.update", "purchase.delete"]);
  });

  it("computes the reverse-charged VAT and lists the year with totals", async () => {
    const caller = { userId: owner.id };
    await createPurchase({
      caller,
      businessId: business.id,
      input: {
        date: "2026-11-05",
        supplier: { name: "Lieferant GmbH", country: "de" },
        netCents: 60_000,
        vatTreatment: "EU_REVERSE_CHARGE",
      },
    });
    await createPurchase({
      caller,
      businessId: business.id,
      input: { date: "2026-12-02", supplier: { name: "Markt" }, netCents: 3_000, vatTreatment: "NO_VAT", documentKind: "receipt" },
    });
    await createPurchase({
      caller,
      businessId: business.id,
      input: { date: "2025-12-02", supplier: { name: "Vorig jaar" }, netCents: 1_000 },
    });
    const list = await listPurchases({ caller, businessId: business.id, query: { year: "2026" } });
    expect(list.data.map((p) => [p.supplier.name, p.supplier.country, p.vatCents, p.ratePercent])).toEqual([
      ["Markt", "NL", 0, 0],
      ["Lieferant GmbH", "DE", 12_600, 21],
    ]);
    expect(list.totals).toEqual({ count: 2, netCents: 63_000, vatCents: 12_600 });
    // The accountant with read-only access reads.
    expect((await listPurchases({ caller: { userId: accountant.id }, businessId: business.id })).totals.count).toBe(3);
  });

  it("answers invalid input field by field and stores nothing", async () => {
    const caller = { userId: owner.id };
    expect(
      await fieldsOf(
        createPurchase({
          caller,
          businessId: business.id,
          input: {
            date: "2026-02-30",
            supplier: { name: "", country: "FR" },
            netCents: 1.5,
            ratePercent: 7,
            vatTreatment: "EU_REVERSE_CHARGE",
            extra: 1,
          },
        }),
      ),
    ).toEqual({
      code: "VALIDATION_FAILED",
      date: "validation.date",
      "supplier.name": "validation.required",
      netCents: "validation.integerCents",
      ratePercent: "validation.ratePercent",
      extra: "validation.unknownField",
    });
    expect(
      await fieldsOf(
        createPurchase({
          caller,
          businessId: business.id,
          input: { date: "2026-02-03", supplier: { name: "X", country: "US" }, netCents: 100, vatTreatment: "EU_REVERSE_CHARGE" },
        }),
      ),
    ).toEqual({
      code: "VALIDATION_FAILED",
      "supplier.country": "validation.euCountry",
    });
    expect(
      await fieldsOf(
        createPurchase({
          caller,
          businessId: business.id,
          input: { date: "2026-02-03", supplier: { name: "X", country: "DE" }, netCents: 100, vatTreatment: "NON_EU_REVERSE_CHARGE" },
        }),
      ),
    ).toEqual({
      code: "VALIDATION_FAILED",
      "supplier.country": "validation.nonEuCountry",
    });
    expect(
      await fieldsOf(
        createPurchase({
          caller,
          businessId: business.id,
          input: { date: "2026-02-03", supplier: { name: "X" }, netCents: 100, vatCents: 21, vatTreatment: "NO_VAT" },
        }),
      ),
    ).toEqual({
      code: "VALIDATION_FAILED",
      vatCents: "validation.noVatMeansZero",
    });
    expect(await fieldsOf(createPurchase({ caller, businessId: business.id, input: { ...laptop, vatTreatment: "NO_VAT" } }))).toEqual({
      code: "VALIDATION_FAILED",
      vatCents: "validation.investmentNeedsVat",
    });
    expect(await db().purchase.count({ where: { businessId: business.id } })).toBe(0);
    expect(await db().investmentGood.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("is not found for an outsider and read-only for a read-only accountant", async () => {
    const purchase = await createPurchase({ caller: { userId: owner.id }, businessId: business.id, input: laptop });
    const stranger = { userId: outsider.id };
    expect((await fieldsOf(listPurchases({ caller: stranger, businessId: business.id }))).code).toBe("NOT_FOUND");
    expect((await fieldsOf(getPurchase({ caller: stranger, businessId: business.id, purchaseId: purchase.id }))).code).toBe("NOT_FOUND");
    expect((await fieldsOf(createPurchase({ caller: stranger, businessId: business.id, input: laptop }))).code).toBe("NOT_FOUND");
    expect(
      (await fieldsOf(updatePurchase({ caller: stranger, businessId: business.id, purchaseId: purchase.id, patch: { netCents: 1 } }))).code,
    ).toBe("NOT_FOUND");
    expect((await fieldsOf(deletePurchase({ caller: stranger, businessId: business.id, purchaseId: purchase.id }))).code).toBe("NOT_FOUND");
    expect((await fieldsOf(createPurchase({ caller: { userId: accountant.id }, businessId: business.id, input: laptop }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await fieldsOf(importPurchases({ caller: stranger, businessId: business.id, csv: "datum,leverancier,netto\n2026-01-01,A,1" }))).code,
    ).toBe("NOT_FOUND");
    expect(await db().purchase.count({ where: { businessId: business.id } })).toBe(1);
  });
});

describe("the CSV import of purchases", () => {
  const header = "Datum;Leverancier;Land;Nummer;Netto;BTW;Tarief;Btw-behandeling;Categorie;Omschrijving";

  it("imports every row in one go, reading Dutch amounts, dates and words", async () => {
    const csv = [
      header,
      "16-10-2026;Computershop BV;NL;A-1;1.200,00;252,00;21%;;investering;Laptop",
      "05-11-2026;Lieferant GmbH;DE;;600,00;;21;verlegd EU;kosten;Onderdelen".replace("verlegd EU", "EU_REVERSE_CHARGE"),
      "02-12-2026;Markt;;;30;;0;geen btw;;",
    ].join("\n");
    expect(await importPurchases({ caller: { userId: owner.id }, businessId: business.id, csv })).toEqual({ created: 3 });
    const list = await listPurchases({ caller: { userId: owner.id }, businessId: business.id });
    expect(list.data.map((p) => [p.date, p.supplier.name, p.netCents, p.vatCents, p.vatTreatment, p.category])).toEqual([
      ["2026-12-02", "Markt", 3_000, 0, "NO_VAT", "COSTS"],
      ["2026-11-05", "Lieferant GmbH", 60_000, 12_600, "EU_REVERSE_CHARGE", "COSTS"],
      ["2026-10-16", "Computershop BV", 120_000, 25_200, "NL_VAT", "INVESTMENT_MOVABLE"],
    ]);
    expect(await db().investmentGood.count({ where: { businessId: business.id } })).toBe(1);
  });

  it("imports nothing when a row is wrong, naming every problem by line and column", async () => {
    const csv = [
      header,
      "16-10-2026;Computershop BV;NL;A-1;1.200,00;252,00;21;;;Laptop",
      "31-02-2026;;NL;;veel;;7;;;",
      "05-11-2026;Lieferant GmbH;US;;600,00;;21;EU_REVERSE_CHARGE;;",
    ].join("\n");
    const refused = await fieldsOf(importPurchases({ caller: { userId: owner.id }, businessId: business.id, csv }));
    expect(refused).toEqual({
      code: "VALIDATION_FAILED",
      "rows.3.date": "validation.date",
      "rows.3.supplier": "validation.required",
      "rows.3.net": "validation.amount",
      "rows.3.rate": "validation.ratePercent",
      "rows.4.supplierCountry": "validation.euCountry",
    });
    expect(await db().purchase.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("names the required columns a file lacks", async () => {
    expect(
      await fieldsOf(importPurchases({ caller: { userId: owner.id }, businessId: business.id, csv: "Datum;Omschrijving\n01-01-2026;x" })),
    ).toEqual({
      code: "VALIDATION_FAILED",
      "columns.supplier": "validation.columnMissing",
      "columns.net": "validation.columnMissing",
    });
  });

  it("links a credit note to its supplier's invoice named in the credited_reference column, in the file or in the books", async () => {
    await createPurchase({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { reference: "OUD-1", date: "2026-01-05", supplier: { name: "Drukker BV" }, netCents: 10_000 },
    });
    const csv = [
      "datum;leverancier;nummer;netto;credited_reference",
      "10-02-2026;Drukker BV;CN-2;-20,00;OUD-1",
      "01-03-2026;Drukker BV;INK-3;300,00;",
      "15-03-2026;drukker bv;CN-3;-30,00;INK-3",
    ].join("\n");
    expect(await importPurchases({ caller: { userId: owner.id }, businessId: business.id, csv })).toEqual({ created: 3 });
    const rows = await db().purchase.findMany({ where: { businessId: business.id } });
    const id = (reference: string) => rows.find((row) => row.reference === reference)!.id;
    const credits = (reference: string) => rows.find((row) => row.reference === reference)!.creditsPurchaseId;
    expect(credits("CN-2")).toBe(id("OUD-1"));
    expect(credits("CN-3")).toBe(id("INK-3"));
    expect(credits("INK-3")).toBeNull();
  });

  it("refuses a credited_reference no invoice of that supplier has, or on a positive row, and imports nothing", async () => {
    await createPurchase({
      caller: { userId: owner.id },
      businessId: business.id,
      input: { reference: "ANDER-1", date: "2026-01-05", supplier: { name: "Ander BV" }, netCents: 10_000 },
    });
    const csv = [
      "datum;leverancier;nummer;netto;credited_reference",
      "10-02-2026;Drukker BV;CN-2;-20,00;ANDER-1",
      "11-02-2026;Drukker BV;INK-9;20,00;ANDER-1",
    ].join("\n");
    expect(await fieldsOf(importPurchases({ caller: { userId: owner.id }, businessId: business.id, csv }))).toEqual({
      code: "VALIDATION_FAILED",
      "rows.2.creditedReference": "validation.creditsPurchaseMissing",
      "rows.3.creditedReference": "validation.creditsPurchaseOnlyCredit",
    });
    expect(await db().purchase.count({ where: { businessId: business.id } })).toBe(1);
  });
});
