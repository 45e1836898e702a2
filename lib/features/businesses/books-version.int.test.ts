// The books version is raised by the database in the writing transaction: by every
// invoice insert, update and delete, by KOR period changes and by business changes —
// once per statement (a bulk import raises it once), never by other businesses' writes,
// and not when the transaction rolls back.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { commitImport } from "@/lib/features/invoices/import/import-invoices";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
let businessId: string;
let otherId: string;

const version = async (id = businessId) =>
  (await db().business.findUniqueOrThrow({ where: { id }, select: { booksVersion: true } })).booksVersion;
const invoice = (number: string, netCents = 10_000) => ({
  number,
  date: "2026-03-01",
  customer: { name: "Klant" },
  category: "NL_STANDARD",
  netCents,
});

beforeEach(async () => {
  owner = await createUser("owner");
  businessId = (await createOwnedBusiness(owner.id, "Versie BV")).id;
  otherId = (await createOwnedBusiness(owner.id, "Ander BV")).id;
});

describe("booksVersion", () => {
  it("rises with every invoice create, edit and delete, and only for that business", async () => {
    const caller = { userId: owner.id };
    const start = await version();
    const other = await version(otherId);
    const created = await createInvoice({ caller, businessId, input: invoice("V-1") });
    const afterCreate = await version();
    expect(afterCreate).toBeGreaterThan(start);
    await updateInvoice({ caller, businessId, invoiceId: created.id, patch: { netCents: 20_000 } });
    const afterUpdate = await version();
    expect(afterUpdate).toBeGreaterThan(afterCreate);
    await deleteInvoice({ caller, businessId, invoiceId: created.id });
    expect(await version()).toBeGreaterThan(afterUpdate);
    expect(await version(otherId)).toBe(other);
  });

  it("rises once per statement, not once per row, also for a bulk import", async () => {
    const start = await version();
    const csv = [
      "number;date;customer;category;net",
      ...Array.from({ length: 300 }, (_, i) => `B-${i};2026-04-01;Klant;NL_STANDARD;100,00`),
    ].join("\n");
    const result = await commitImport({ caller: { userId: owner.id }, businessId, csv });
    expect(result.created).toBe(300);
    // One INSERT of 300 rows, plus the business row's remembered column mapping.
    const afterImport = await version();
    expect(afterImport).toBeGreaterThan(start);
    expect(afterImport).toBeLessThanOrEqual(start + 2);
    await db().$executeRawUnsafe(`UPDATE "Invoice" SET "description" = 'x' WHERE "businessId" = $1::uuid`, businessId);
    expect(await version()).toBe(afterImport + 1);
  });

  it("rises with a raw SQL change that bypasses the application", async () => {
    await createInvoice({ caller: { userId: owner.id }, businessId, input: invoice("R-1") });
    const start = await version();
    await db().$executeRawUnsafe(`UPDATE "Invoice" SET "netCents" = "netCents" + 1 WHERE "businessId" = $1::uuid`, businessId);
    expect(await version()).toBe(start + 1);
    await db().$executeRawUnsafe(`DELETE FROM "Invoice" WHERE "businessId" = $1::uuid`, businessId);
    expect(await version()).toBe(start + 2);
  });

  it("rises with KOR period and business changes", async () => {
    const start = await version();
    await db().korParticipation.create({ data: { businessId, from: new Date("2026-01-01") } });
    const afterPeriod = await version();
    expect(afterPeriod).toBe(start + 1);
    await db().business.update({ where: { id: businessId }, data: { filingPeriod: "MONTH" } });
    expect(await version()).toBe(afterPeriod + 1);
  });

  it("stays when the transaction rolls back", async () => {
    const start = await version();
    await expect(
      db().$transaction(async (tx) => {
        await createInvoice({ caller: { userId: owner.id }, businessId, input: invoice("X-1"), client: tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await version()).toBe(start);
  });
});
