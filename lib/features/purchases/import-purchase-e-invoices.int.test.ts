// The purchase e-invoice import against PostgreSQL: the fixtures of test/fixtures/ubl-purchases
// previewed, committed all or nothing, imported once, and seen in the VAT return's rubrieken.
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { createBusiness } from "@/lib/features/businesses/create-business";
import { db } from "@/lib/platform/db/client";
import { getVatReturn } from "@/lib/features/vat-return/get-vat-return";
import { createUser } from "@/test/integration/factories";
import { commitPurchaseEInvoiceImport, previewPurchaseEInvoiceImport } from "./import-purchase-e-invoices";

const text = (name: string) => fs.readFileSync(path.join(process.cwd(), "test/fixtures/ubl-purchases", name));
const bytes = (name: string) => new Uint8Array(text(name));
const zipOf = (...names: string[]) => zipSync(Object.fromEntries(names.map((name) => [`inkoop/${name}`, bytes(name)])));
const reverseCharge = { groupCategories: { "AE|DE": "EU_REVERSE_CHARGE_21" } };

let owner: { id: string };
let businessId: string;
const caller = () => ({ userId: owner.id });

beforeEach(async () => {
  owner = await createUser("ubl-purchases");
  // Outside the KOR: its purchases' VAT is voorbelasting in the VAT return.
  businessId = (await createBusiness({ caller: caller(), input: { name: "Kapsalon Knip", kvkNumber: "12345678" } })).id;
});

const stored = async () =>
  (await db().purchase.findMany({ where: { businessId }, orderBy: { reference: "asc" } })).map((row) => ({
    reference: row.reference,
    supplier: `${row.supplierName} (${row.supplierCountry}, ${row.supplierVatId})`,
    net: row.netCents,
    vat: row.vatCents,
    rate: row.ratePercent,
    treatment: row.vatTreatment,
  }));

describe("purchase e-invoice import (UBL)", () => {
  it("previews a zip: the 21% purchase and the credit note new, the reverse charge waiting for its rate, the PDF left out; nothing written", async () => {
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchases.zip") });
    expect(
      preview.rows.map((row) => [row.line, row.source, row.number, row.customerName, row.status, row.category, row.netCents, row.vatCents]),
    ).toEqual([
      [1, "inkoop/purchase-s21.xml", "INK-2026-101", "Drukkerij Van Dam B.V.", "new", "NL_VAT_21", 40000, 8400],
      [2, "inkoop/purchase-reverse-charge-ae.xml", "CW-2026-0042", "Cloudwerk GmbH", "review", null, 50000, 0],
      [3, "inkoop/purchase-credit-note.xml", "CN-2026-007", "Drukkerij Van Dam B.V.", "new", "NL_VAT_21", -10000, -2100],
    ]);
    expect(preview.rows[1]).toMatchObject({ reviewGroup: "AE|DE", notes: ["purchases.eInvoices.reasons.reverseChargeRateEu"] });
    // The credit note's invoice is in the same upload: no note that it is missing.
    expect(preview.rows[2]!.notes).toBeUndefined();
    expect(preview.summary).toMatchObject({ total: 3, new: 2, review: 1, errors: 0, newNetCents: 30000, newVatCents: 6300 });
    expect(preview.warnings).toEqual([{ code: "skippedFiles", count: 1 }]);
    expect(await stored()).toEqual([]);
    // Refused while a row waits for review: nothing half-imported.
    await expect(commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchases.zip") })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "rows.2.vatTreatment": "validation.categoryNeedsReview" },
    });
    expect(await stored()).toEqual([]);
  });

  it("imports once the reverse charge has its rate; the VAT return's 4b and 5b follow; a second import adds nothing", async () => {
    const before = await getVatReturn({ caller: caller(), businessId, period: "2026-Q1" });
    const figure = (vatReturn: typeof before, code: string) => vatReturn.rubrieken.find((rubriek) => rubriek.code === code)!;
    expect(figure(before, "5b").vatCents).toBe(0);

    const preview = await previewPurchaseEInvoiceImport({
      caller: caller(),
      businessId,
      body: bytes("purchases.zip"),
      choices: reverseCharge,
    });
    expect(preview.rows[1]).toMatchObject({ status: "new", category: "EU_REVERSE_CHARGE_21", vatCents: 10500 });
    expect(preview.summary).toMatchObject({ new: 3, review: 0, newVatCents: 8400 + 10500 - 2100 });

    const result = await commitPurchaseEInvoiceImport({
      caller: caller(),
      businessId,
      body: bytes("purchases.zip"),
      choices: reverseCharge,
    });
    expect(result).toEqual({ created: 3, skipped: 0, total: 3 });
    expect(await stored()).toEqual([
      {
        reference: "CN-2026-007",
        supplier: "Drukkerij Van Dam B.V. (NL, NL812345678B01)",
        net: -10000,
        vat: -2100,
        rate: 21,
        treatment: "NL_VAT",
      },
      {
        reference: "CW-2026-0042",
        supplier: "Cloudwerk GmbH (DE, DE123456789)",
        net: 50000,
        vat: 10500,
        rate: 21,
        treatment: "EU_REVERSE_CHARGE",
      },
      {
        reference: "INK-2026-101",
        supplier: "Drukkerij Van Dam B.V. (NL, NL812345678B01)",
        net: 40000,
        vat: 8400,
        rate: 21,
        treatment: "NL_VAT",
      },
    ]);
    const credit = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "CN-2026-007" } });
    expect(credit.description).toBe("Creditnota op INK-2026-101: Korting misdruk flyers");
    // The credit note is linked to the invoice it corrects, imported in the same upload.
    const invoice = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "INK-2026-101" } });
    expect(credit.creditsPurchaseId).toBe(invoice.id);
    expect(await db().auditLog.count({ where: { businessId, action: "purchase.import" } })).toBe(1);

    const after = await getVatReturn({ caller: caller(), businessId, period: "2026-Q1" });
    expect(figure(after, "4b")).toMatchObject({ turnoverCents: 50000, vatCents: 10500 });
    expect(figure(after, "5b").vatCents).toBe(8400 + 10500 - 2100);

    // The same documents again (one XML alone, and the zip): nothing new.
    const again = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml"), fileName: "a.xml" });
    expect(again.rows.map((row) => row.status)).toEqual(["existing"]);
    expect(
      await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchases.zip"), choices: reverseCharge }),
    ).toEqual({
      created: 0,
      skipped: 3,
      total: 3,
    });
    expect((await stored()).length).toBe(3);
    // Without choices too: an imported document needs no treatment again, it is simply there.
    const repeat = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchases.zip") });
    expect(repeat.rows.map((row) => row.status)).toEqual(["existing", "existing", "existing"]);
    expect(repeat.summary).toMatchObject({ new: 0, existing: 3, review: 0 });
  });

  it("flags the document addressed to another buyer and the broken one as errors of their file, and imports nothing of the upload", async () => {
    const body = zipOf("purchase-s21.xml", "purchase-other-buyer.xml", "purchase-broken.xml");
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body });
    expect(preview.rows.map((row) => [row.source, row.status, row.errors])).toEqual([
      ["inkoop/purchase-s21.xml", "new", {}],
      ["inkoop/purchase-other-buyer.xml", "error", { buyer: "purchases.eInvoices.errors.otherBuyer" }],
      ["inkoop/purchase-broken.xml", "error", { file: "importEInvoices.errors.malformedXml" }],
    ]);
    await expect(commitPurchaseEInvoiceImport({ caller: caller(), businessId, body })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "rows.2.buyer": "purchases.eInvoices.errors.otherBuyer", "rows.3.file": "importEInvoices.errors.malformedXml" },
    });
    expect(await stored()).toEqual([]);
  });

  it("a credit note whose invoice is neither in the upload nor in the books says so, and is imported negative", async () => {
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml") });
    expect(preview.rows[0]).toMatchObject({ status: "new", netCents: -10000, notes: ["purchases.eInvoices.notes.referenceNotFound"] });
    await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml") });
    const linked = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml") });
    expect(linked.rows[0]!.notes).toBeUndefined();
  });

  it("links a credit note to the invoice of its supplier in the books; unlinked, with the note, when only another supplier has that number", async () => {
    // Another supplier's invoice with the same number is not the one credited.
    const other = await db().purchase.create({
      data: { businessId, reference: "INK-2026-101", date: new Date("2026-02-01"), supplierName: "Ander BV", netCents: 500, vatCents: 105 },
    });
    const alone = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml") });
    expect(alone.rows[0]!.notes).toEqual(["purchases.eInvoices.notes.referenceNotFound"]);
    await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml") });
    const unlinked = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "CN-2026-007" } });
    expect(unlinked).toMatchObject({ netCents: -10000, creditsPurchaseId: null });
    await db().purchase.deleteMany({ where: { id: { in: [unlinked.id, other.id] } } });

    // The supplier's invoice in the books first: the credit note imported later is linked to it.
    await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml") });
    await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml") });
    const invoice = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "INK-2026-101" } });
    const credit = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "CN-2026-007" } });
    expect(credit.creditsPurchaseId).toBe(invoice.id);
  });

  it("by the business's VAT number too, when both sides know it", async () => {
    await db().business.update({ where: { id: businessId }, data: { kvkNumber: null, vatNumber: "NL999999999B01" } });
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml") });
    expect(preview.rows[0]).toMatchObject({ status: "error", errors: { buyer: "purchases.eInvoices.errors.otherBuyer" } });
    await db().business.update({ where: { id: businessId }, data: { vatNumber: "NL860012345B01" } });
    const mine = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml") });
    expect(mine.rows[0]!.status).toBe("new");
  });

  it("a choice the supplier's country does not allow is an error of that row, not a guess", async () => {
    const preview = await previewPurchaseEInvoiceImport({
      caller: caller(),
      businessId,
      body: bytes("purchase-reverse-charge-ae.xml"),
      choices: { rowCategories: { "1": "NL_REVERSE_CHARGE_21" } },
    });
    expect(preview.rows[0]).toMatchObject({ status: "error", errors: { supplierCountry: "validation.dutchSupplier" } });
    await expect(
      previewPurchaseEInvoiceImport({
        caller: caller(),
        businessId,
        body: bytes("purchase-s21.xml"),
        choices: { rowCategories: { "1": "NL_STANDARD" } },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("a character no text may hold (a control character in the number) is an error of its row, not a failed insert", async () => {
    const xml = text("purchase-s21.xml").toString("utf8").replace("<cbc:ID>INK-2026-101</cbc:ID>", "<cbc:ID>INK-\u0001-101</cbc:ID>");
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: new TextEncoder().encode(xml) });
    expect(preview.rows[0]).toMatchObject({ status: "error", errors: { reference: "validation.invalidCharacters" } });
  });

  it("holds the import lock: while another import of the business runs, a preview and a commit get 409", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('drempel.invoice-import'), hashtext($1))`, businessId);
      locked();
      await held;
    });
    await lockTaken;
    for (const run of [previewPurchaseEInvoiceImport, commitPurchaseEInvoiceImport])
      await expect(run({ caller: caller(), businessId, body: bytes("purchase-s21.xml") })).rejects.toMatchObject({
        code: "CONFLICT",
        fields: { file: "validation.importRunning" },
      });
    release();
    await first;
    expect(await stored()).toEqual([]);
  });

  it("refuses an outsider: not found (a READ token: test/api/purchases-vat-returns-isolation)", async () => {
    const outsider = await createUser("ubl-outsider");
    await expect(
      previewPurchaseEInvoiceImport({ caller: { userId: outsider.id }, businessId, body: bytes("purchases.zip") }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      commitPurchaseEInvoiceImport({ caller: { userId: outsider.id }, businessId, body: bytes("purchases.zip") }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("books a document as an investment good when the user chooses so in the preview; it enters the herziening planner", async () => {
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml") });
    expect(preview.rows[0]).toMatchObject({ status: "new", purchaseCategory: "COSTS" });
    const choices = { rowPurchaseCategories: { "1": "INVESTMENT_MOVABLE" } };
    const chosen = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml"), choices });
    expect(chosen.rows[0]).toMatchObject({ status: "new", purchaseCategory: "INVESTMENT_MOVABLE" });
    expect(await commitPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-s21.xml"), choices })).toMatchObject({
      created: 1,
    });
    const purchase = await db().purchase.findFirstOrThrow({ where: { businessId, reference: "INK-2026-101" } });
    expect(purchase.category).toBe("INVESTMENT_MOVABLE");
    const good = await db().investmentGood.findUniqueOrThrow({ where: { id: purchase.investmentGoodId! } });
    expect(good).toMatchObject({ businessId, vatCents: 8400, firstUseYear: 2026, kind: "MOVABLE" });
  });

  it("refuses an investment good on a credit note as an error of that row, and a category that does not exist", async () => {
    const choices = { rowPurchaseCategories: { "1": "INVESTMENT_MOVABLE" } };
    const preview = await previewPurchaseEInvoiceImport({ caller: caller(), businessId, body: bytes("purchase-credit-note.xml"), choices });
    expect(preview.rows[0]).toMatchObject({ status: "error", errors: { netCents: "validation.positiveAmount" } });
    await expect(
      previewPurchaseEInvoiceImport({
        caller: caller(),
        businessId,
        body: bytes("purchase-s21.xml"),
        choices: { rowPurchaseCategories: { "1": "CAR" } },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
