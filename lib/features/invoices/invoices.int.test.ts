// Invoice data helpers, paired: refused for an outsider (not found), allowed for a member.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice, restoreInvoice } from "@/lib/features/invoices/delete-invoice";
import { getInvoice } from "@/lib/features/invoices/get-invoice";
import { listInvoices } from "@/lib/features/invoices/list-invoices";
import { updateInvoice } from "@/lib/features/invoices/update-invoice";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import { addMember } from "@/lib/features/members/add-member";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
let member: { id: string; email: string };
let outsider: { id: string };
let business: BusinessDto;
const notFound = { code: "NOT_FOUND" };
const invoice = (number: string, date: string, netCents: number, extra: Record<string, unknown> = {}) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
  ...extra,
});

beforeEach(async () => {
  owner = await createUser("owner");
  member = await createUser("member");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Facturen BV");
  await addMember({ caller: { userId: owner.id }, businessId: business.id, input: { email: member.email } });
});

describe("createInvoice", () => {
  it("refuses an outsider and writes nothing", async () => {
    await expect(
      createInvoice({ caller: { userId: outsider.id }, businessId: business.id, input: invoice("1", "2026-01-01", 100) }),
    ).rejects.toMatchObject(notFound);
    expect(await db().invoice.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("allows a member and audits the creation", async () => {
    const created = await createInvoice({
      caller: { userId: member.id },
      businessId: business.id,
      input: invoice("2026-001", "2026-03-01", 60000),
    });
    expect(created).toMatchObject({
      number: "2026-001",
      kind: "invoice",
      date: "2026-03-01",
      netCents: 60000,
      vatCents: 0,
      customer: { name: "Klant 2026-001" },
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "invoice.create" } });
    expect(audit.actorId).toBe(member.id);
  });

  it("refuses a read-only accountant", async () => {
    const accountant = await createUser("accountant");
    await db().membership.create({ data: { businessId: business.id, userId: accountant.id, role: "ACCOUNTANT", access: "READ_ONLY" } });
    await expect(
      createInvoice({ caller: { userId: accountant.id }, businessId: business.id, input: invoice("1", "2026-01-01", 100) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps invoice numbers unique per business, with a field message", async () => {
    await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: invoice("A-1", "2026-01-01", 100) });
    await expect(
      createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: invoice("A-1", "2026-01-02", 200) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { number: "validation.numberTaken" },
    });
    const other = await createOwnedBusiness(outsider.id, "Ander BV");
    await expect(
      createInvoice({ caller: { userId: outsider.id }, businessId: other.id, input: invoice("A-1", "2026-01-01", 100) }),
    ).resolves.toBeTruthy();
  });

  it("names every wrong field of a bad invoice", async () => {
    await expect(
      createInvoice({
        caller: { userId: owner.id },
        businessId: business.id,
        input: { number: "", date: "2026-02-30", customer: {}, category: "EU_LOCAL", netCents: 12.5, vatCents: -3, surprise: true },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        number: "validation.required",
        date: "validation.date",
        "customer.name": "validation.required",
        netCents: "validation.integerCents",
        surprise: "validation.unknownField",
      },
    });
  });

  it("checks a credit note's invoice belongs to the same business", async () => {
    const other = await createOwnedBusiness(outsider.id, "Ander BV");
    const foreign = await createInvoice({ caller: { userId: outsider.id }, businessId: other.id, input: invoice("X", "2026-01-01", 1000) });
    await expect(
      createInvoice({
        caller: { userId: owner.id },
        businessId: business.id,
        input: invoice("C-1", "2026-02-01", -500, { creditsInvoiceId: foreign.id }),
      }),
    ).rejects.toMatchObject({ fields: { creditsInvoiceId: "validation.creditsInvoice" } });
    const own = await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: invoice("1", "2026-01-01", 1000) });
    await expect(
      createInvoice({
        caller: { userId: owner.id },
        businessId: business.id,
        input: invoice("C-1", "2026-02-01", -500, { creditsInvoiceId: own.id }),
      }),
    ).resolves.toMatchObject({ kind: "credit_note", creditsInvoiceId: own.id });
  });
});

describe("get, update, delete and restore", () => {
  let invoiceId: string;
  beforeEach(async () => {
    invoiceId = (await createInvoice({ caller: { userId: owner.id }, businessId: business.id, input: invoice("B-1", "2026-05-01", 10000) }))
      .id;
  });

  it("getInvoice refuses an outsider, also through a business of their own", async () => {
    await expect(getInvoice({ caller: { userId: outsider.id }, businessId: business.id, invoiceId })).rejects.toMatchObject(notFound);
    const theirs = await createOwnedBusiness(outsider.id, "Eigen BV");
    await expect(getInvoice({ caller: { userId: outsider.id }, businessId: theirs.id, invoiceId })).rejects.toMatchObject(notFound);
  });
  it("getInvoice allows a member", async () => {
    await expect(getInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId })).resolves.toMatchObject({
      number: "B-1",
    });
  });

  it("updateInvoice refuses an outsider and changes nothing", async () => {
    await expect(
      updateInvoice({ caller: { userId: outsider.id }, businessId: business.id, invoiceId, patch: { netCents: 1 } }),
    ).rejects.toMatchObject(notFound);
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).netCents).toBe(10000);
  });
  it("updateInvoice merges a patch, revalidates the whole and audits before and after", async () => {
    const updated = await updateInvoice({
      caller: { userId: member.id },
      businessId: business.id,
      invoiceId,
      patch: { netCents: 12000, customer: { country: "nl" } },
    });
    expect(updated).toMatchObject({ netCents: 12000, customer: { name: "Klant B-1", country: "NL" } });
    await expect(
      updateInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId, patch: { category: "EU_LOCAL" } }),
    ).rejects.toMatchObject({
      fields: { country: "validation.euCountry" },
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: invoiceId, action: "invoice.update" } });
    expect(audit.before).toMatchObject({ netCents: 10000 });
    expect(audit.after).toMatchObject({ netCents: 12000 });
  });

  it("deleteInvoice refuses an outsider; a member deletes softly and undoes it", async () => {
    await expect(deleteInvoice({ caller: { userId: outsider.id }, businessId: business.id, invoiceId })).rejects.toMatchObject(notFound);
    const deleted = await deleteInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId });
    expect(deleted.deletedAt).not.toBeNull();
    await expect(getInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId })).rejects.toMatchObject(notFound);
    expect((await listInvoices({ caller: { userId: member.id }, businessId: business.id, query: {} })).totals.count).toBe(0);
    await expect(restoreInvoice({ caller: { userId: outsider.id }, businessId: business.id, invoiceId })).rejects.toMatchObject(notFound);
    await restoreInvoice({ caller: { userId: member.id }, businessId: business.id, invoiceId });
    expect((await listInvoices({ caller: { userId: member.id }, businessId: business.id, query: {} })).totals.count).toBe(1);
    const actions = await db().auditLog.findMany({ where: { entityId: invoiceId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(["invoice.create", "invoice.delete", "invoice.restore"]);
  });
});

describe("listInvoices", () => {
  beforeEach(async () => {
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("2026-001", "2026-01-10", 100000, { description: "Logo" }) });
    await createInvoice({
      caller,
      businessId: business.id,
      input: invoice("2026-002", "2026-02-10", 50000, { category: "EU_B2B_SERVICES", country: "DE" }),
    });
    await createInvoice({
      caller,
      businessId: business.id,
      input: invoice("2026-003", "2026-02-20", 30000, { category: "EXEMPT_REAL_ESTATE", ancillary: true }),
    });
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-009", "2025-12-31", 70000) });
  });

  it("refuses an outsider", async () => {
    await expect(listInvoices({ caller: { userId: outsider.id }, businessId: business.id, query: {} })).rejects.toMatchObject(notFound);
  });

  it("filters by year, month, counted and search, with the totals of the filtered set", async () => {
    const caller = { userId: member.id };
    const year = await listInvoices({ caller, businessId: business.id, query: { year: "2026" } });
    expect(year.data.map((row) => row.number)).toEqual(["2026-003", "2026-002", "2026-001"]);
    expect(year.totals).toEqual({ count: 3, netCents: 180000, vatCents: 0 });
    expect(year.data.map((row) => row.kor.countsForKor)).toEqual([false, false, true]);
    expect(year.data[0]!.kor).toMatchObject({ interpretation: true });

    const counted = await listInvoices({ caller, businessId: business.id, query: { year: "2026", counted: "yes" } });
    expect(counted.data.map((row) => row.number)).toEqual(["2026-001"]);
    const notCounted = await listInvoices({ caller, businessId: business.id, query: { year: "2026", counted: "no" } });
    expect(notCounted.totals).toMatchObject({ count: 2, netCents: 80000 });
    const february = await listInvoices({ caller, businessId: business.id, query: { year: "2026", month: "2" } });
    expect(february.totals.count).toBe(2);
    const search = await listInvoices({ caller, businessId: business.id, query: { q: "logo" } });
    expect(search.data.map((row) => row.number)).toEqual(["2026-001"]);
  });

  it("sorts and pages without overlap", async () => {
    const caller = { userId: owner.id };
    const first = await listInvoices({
      caller,
      businessId: business.id,
      query: { sort: "netCents", dir: "asc", pageSize: "2", page: "1" },
    });
    const second = await listInvoices({
      caller,
      businessId: business.id,
      query: { sort: "netCents", dir: "asc", pageSize: "2", page: "2" },
    });
    expect([...first.data, ...second.data].map((row) => row.netCents)).toEqual([30000, 50000, 70000, 100000]);
    expect(first.page).toEqual({ number: 1, size: 2, totalItems: 4, totalPages: 2 });
  });

  it("refuses a bad query with field messages", async () => {
    await expect(
      listInvoices({ caller: { userId: owner.id }, businessId: business.id, query: { year: "20x6", sort: "evil", pageSize: "1000" } }),
    ).rejects.toMatchObject({
      fields: { year: "validation.year", sort: "validation.sort", pageSize: "validation.pageSize" },
    });
  });
});

describe("getTurnover", () => {
  it("refuses an outsider", async () => {
    await expect(getTurnover({ caller: { userId: outsider.id }, businessId: business.id, year: 2026 })).rejects.toMatchObject(notFound);
  });

  it("counts a member's books with the engine and finds the crossing invoice", async () => {
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("T-1", "2025-06-01", 1995000) });
    const crossing = await createInvoice({ caller, businessId: business.id, input: invoice("T-2", "2025-11-04", 60000) });
    await createInvoice({ caller, businessId: business.id, input: invoice("T-3", "2025-11-05", 10000, { category: "PRIVATE_USE" }) });
    const turnover = await getTurnover({ caller: { userId: member.id }, businessId: business.id, year: 2025 });
    expect(turnover).toMatchObject({
      year: 2025,
      asOf: "2025-12-31",
      korTurnoverCents: 2055000,
      kor: { limitCents: 2000000, crossing: { date: "2025-11-04", invoiceId: crossing.id, whileParticipating: true } },
    });
    expect(turnover.alerts.map((alert) => alert.code)).toContain("KOR_THRESHOLD_CROSSED");
    expect(turnover.kor.remediation).toMatchObject({ transactionIds: [crossing.id], reinvoiceVatCents: 12600 });
  });
});

describe("getTurnover after changes", () => {
  it("reflects every create, edit, delete and business change at once (no stale cached figures)", async () => {
    const caller = { userId: owner.id };
    const first = await createInvoice({ caller, businessId: business.id, input: invoice("V-1", "2025-03-01", 1000000) });
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).korTurnoverCents).toBe(1000000);
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).korTurnoverCents).toBe(1000000);
    await createInvoice({ caller, businessId: business.id, input: invoice("V-2", "2025-04-01", 1100000) });
    const crossed = await getTurnover({ caller, businessId: business.id, year: 2025 });
    expect(crossed).toMatchObject({ korTurnoverCents: 2100000, kor: { crossing: { date: "2025-04-01" } } });
    await updateInvoice({ caller, businessId: business.id, invoiceId: first.id, patch: { netCents: 500000 } });
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).korTurnoverCents).toBe(1600000);
    await deleteInvoice({ caller, businessId: business.id, invoiceId: first.id });
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).korTurnoverCents).toBe(1100000);
    await createInvoice({ caller, businessId: business.id, input: invoice("V-3", "2025-05-01", 1000000) });
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).kor.crossing).toMatchObject({
      date: "2025-05-01",
      whileParticipating: true,
    });
    // Business facts change too: without KOR periods the same crossing is no longer "while participating".
    await db().korParticipation.deleteMany({ where: { businessId: business.id } });
    await db().business.update({ where: { id: business.id }, data: { name: "Facturen BV 2" } });
    expect((await getTurnover({ caller, businessId: business.id, year: 2025 })).kor.crossing).toMatchObject({
      date: "2025-05-01",
      whileParticipating: false,
    });
  });
});
