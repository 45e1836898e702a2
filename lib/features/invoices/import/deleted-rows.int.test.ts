// Issue #17 leftovers: rows of Drempel's own export that carry a deleted_at, and credit
// notes whose credited invoice was deleted.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { exportInvoicesCsv } from "@/lib/features/invoices/export-invoices-csv";
import { commitImport, previewImport } from "@/lib/features/invoices/import/import-invoices";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
const caller = () => ({ userId: owner.id });

beforeEach(async () => {
  owner = await createUser("deleted-rows");
});

async function stored(businessId: string) {
  const rows = await db().invoice.findMany({ where: { businessId }, orderBy: { number: "asc" } });
  const numberOf = new Map(rows.map((row) => [row.id, row.number]));
  return rows.map((row) => ({
    number: row.number,
    deleted: row.deletedAt !== null,
    credits: row.creditsInvoiceId ? numberOf.get(row.creditsInvoiceId) : null,
  }));
}

/** A source business: F-1 (kept), F-2 (credited by C-2, then deleted). */
async function sourceBooks() {
  const source = await createOwnedBusiness(owner.id, "Bron BV");
  await createInvoice({
    caller: caller(),
    businessId: source.id,
    input: { number: "F-1", date: "2026-02-01", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 100_000 },
  });
  const f2 = await createInvoice({
    caller: caller(),
    businessId: source.id,
    input: { number: "F-2", date: "2026-02-02", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 50_000 },
  });
  await createInvoice({
    caller: caller(),
    businessId: source.id,
    input: {
      number: "C-2",
      kind: "credit_note",
      date: "2026-02-03",
      customer: { name: "Klant" },
      category: "NL_STANDARD",
      netCents: -50_000,
      creditsInvoiceId: f2.id,
    },
  });
  await deleteInvoice({ caller: caller(), businessId: source.id, invoiceId: f2.id });
  return source;
}

describe("deleted rows in Drempel's own export (issue #17)", () => {
  it("imports a row with deleted_at as a deleted invoice: it keeps its number but never counts, nor in the preview", async () => {
    const source = await sourceBooks();
    const deletedOnly = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: { deleted: "only" } });
    expect(deletedOnly).toContain("F-2");
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv: deletedOnly });
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ number: "F-2", status: "new", deleted: true, countsForKor: false });
    expect(preview.rows[0]!.vat).toBeUndefined();
    expect(preview.summary).toMatchObject({ new: 1, newNetCents: 0, newKorCents: 0, deleted: 1 });
    await commitImport({ caller: caller(), businessId: target.id, csv: deletedOnly });
    expect(await stored(target.id)).toEqual([{ number: "F-2", deleted: true, credits: null }]);
    // The moment it was deleted, to the millisecond, as in the books it came from.
    const when = async (businessId: string) =>
      (await db().invoice.findFirstOrThrow({ where: { businessId, number: "F-2" } })).deletedAt?.toISOString();
    expect(await when(target.id)).toBe(await when(source.id));
    const turnover = await getTurnover({ caller: caller(), businessId: target.id, year: 2026 });
    expect(turnover.korTurnoverCents).toBe(0);
  });

  it("imports a credit note whose credited invoice was deleted, linked to it, after the deleted invoices are imported", async () => {
    const source = await sourceBooks();
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    await commitImport({
      caller: caller(),
      businessId: target.id,
      csv: await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: { deleted: "only" } }),
    });
    const live = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: {} });
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv: live });
    expect(preview.summary).toMatchObject({ new: 2, errors: 0, review: 0 });
    await commitImport({ caller: caller(), businessId: target.id, csv: live });
    expect(await stored(target.id)).toEqual([
      { number: "C-2", deleted: false, credits: "F-2" },
      { number: "F-1", deleted: false, credits: null },
      { number: "F-2", deleted: true, credits: null },
    ]);
    const [sourceTurnover, targetTurnover] = await Promise.all(
      [source.id, target.id].map((businessId) => getTurnover({ caller: caller(), businessId, year: 2026 })),
    );
    expect(targetTurnover!.korTurnoverCents).toBe(sourceTurnover!.korTurnoverCents);
  });

  it("links a credit note to an invoice that is deleted in the books it is imported into", async () => {
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    const f9 = await createInvoice({
      caller: caller(),
      businessId: target.id,
      input: { number: "F-9", date: "2026-03-01", customer: { name: "Klant" }, category: "NL_STANDARD", netCents: 20_000 },
    });
    await deleteInvoice({ caller: caller(), businessId: target.id, invoiceId: f9.id });
    const csv = "number,kind,date,customer,net,creditsInvoiceNumber\nC-9,credit_note,2026-03-05,Klant,-200.00,F-9\n";
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv });
    expect(preview.summary).toMatchObject({ new: 1, errors: 0 });
    await commitImport({ caller: caller(), businessId: target.id, csv });
    expect(await stored(target.id)).toEqual([
      { number: "C-9", deleted: false, credits: "F-9" },
      { number: "F-9", deleted: true, credits: null },
    ]);
  });

  it("refuses a deleted_at that is no date or time, naming the row and column", async () => {
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    const csv =
      "number,date,customer,net,deletedAt\nD-1,2026-03-01,Klant,10.00,gisteren\nD-2,2026-03-01,Klant,10.00,2026-02-30T10:00:00Z\nD-3,2026-03-01,Klant,10.00,31-03-2026\n";
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv });
    expect(preview.rows.map((row) => [row.line, row.status, row.errors, row.deleted ?? false])).toEqual([
      [2, "error", { deletedAt: "validation.deletedAt" }, false],
      [3, "error", { deletedAt: "validation.deletedAt" }, false],
      [4, "new", {}, true],
    ]);
    await expect(commitImport({ caller: caller(), businessId: target.id, csv })).rejects.toMatchObject({
      fields: { "rows.2.deletedAt": "validation.deletedAt" },
    });
    expect(await stored(target.id)).toEqual([]);
  });

  it("names the missing credited invoice on its row when it is neither in the file nor in the books, and imports nothing", async () => {
    const source = await sourceBooks();
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    const live = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: {} });
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv: live });
    const row = preview.rows.find((r) => r.number === "C-2")!;
    expect(row).toMatchObject({ status: "error", errors: { creditsInvoiceNumber: "validation.creditsInvoiceMissing" } });
    await expect(commitImport({ caller: caller(), businessId: target.id, csv: live })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { [`rows.${row.line}.creditsInvoiceNumber`]: "validation.creditsInvoiceMissing" },
    });
    expect(await stored(target.id)).toEqual([]);
  });

  it("imports deleted invoices and the credit notes on them from one file (both in it), the deleted ones not counted", async () => {
    const source = await sourceBooks();
    const live = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: {} });
    const deleted = await exportInvoicesCsv({ caller: caller(), businessId: source.id, query: { deleted: "only" } });
    // One file: the live rows and the deleted row below the same header.
    const combined = `${live.trimEnd()}\r\n${deleted.split("\r\n").slice(1).join("\r\n")}`;
    const target = await createOwnedBusiness(owner.id, "Doel BV");
    const preview = await previewImport({ caller: caller(), businessId: target.id, csv: combined });
    expect(preview.summary).toMatchObject({ new: 3, errors: 0, deleted: 1, newNetCents: 50_000 });
    await commitImport({ caller: caller(), businessId: target.id, csv: combined });
    expect(await stored(target.id)).toEqual([
      { number: "C-2", deleted: false, credits: "F-2" },
      { number: "F-1", deleted: false, credits: null },
      { number: "F-2", deleted: true, credits: null },
    ]);
    expect((await getTurnover({ caller: caller(), businessId: target.id, year: 2026 })).korTurnoverCents).toBe(50_000);
  });
});
