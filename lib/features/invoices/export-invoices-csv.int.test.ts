// The CSV export, paired: an outsider gets not found, a member gets the filtered list.
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { addMember } from "@/lib/features/members/add-member";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { CSV_COLUMNS, exportInvoicesCsv } from "@/lib/features/invoices/export-invoices-csv";
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
  const caller = { userId: owner.id };
  await createInvoice({
    caller,
    businessId: business.id,
    input: {
      number: "2026-001",
      date: "2026-01-15",
      customer: { name: "Jansen" },
      category: "NL_STANDARD",
      netCents: 123_456,
      vatCents: 25_926,
      description: "Logo",
    },
  });
  await createInvoice({
    caller,
    businessId: business.id,
    input: {
      number: "2026-002",
      date: "2026-02-10",
      customer: { name: '=HYPERLINK("x")', country: "DE", type: "business" },
      category: "EU_B2B_SERVICES",
      netCents: 50_000,
    },
  });
  const gone = await createInvoice({
    caller,
    businessId: business.id,
    input: { number: "2026-003", date: "2026-02-11", customer: { name: "Weg" }, category: "NL_STANDARD", netCents: 1_000 },
  });
  await deleteInvoice({ caller, businessId: business.id, invoiceId: gone.id });
  await createInvoice({
    caller,
    businessId: business.id,
    input: { number: "2025-009", date: "2025-12-31", customer: { name: "Vorig jaar" }, category: "NL_STANDARD", netCents: 7_000 },
  });
  await createInvoice({
    caller,
    businessId: business.id,
    input: {
      number: "2026-004",
      kind: "credit_note",
      date: "2026-03-01",
      customer: { name: "Jansen" },
      category: "NL_STANDARD",
      netCents: -5,
      vatCents: -1,
    },
  });
});

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

describe("exportInvoicesCsv", () => {
  it("refuses an outsider with not found", async () => {
    await expect(
      exportInvoicesCsv({ caller: { userId: outsider.id }, businessId: business.id, query: { year: 2026 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives a member the year's invoices with euros, cents, ISO dates and the KOR rule", async () => {
    const csv = await exportInvoicesCsv({
      caller: { userId: member.id },
      businessId: business.id,
      query: { year: 2026, sort: "number", dir: "asc" },
    });
    const { data, meta } = parse(csv);
    expect(meta.fields).toEqual([...CSV_COLUMNS]);
    expect(data.map((row) => row.number)).toEqual(["2026-001", "2026-002", "2026-004"]);
    expect(data[0]).toMatchObject({
      date: "2026-01-15",
      customer_name: "Jansen",
      category: "NL_STANDARD",
      net_eur: "1234.56",
      vat_eur: "259.26",
      gross_eur: "1493.82",
      net_cents: "123456",
      vat_cents: "25926",
      counts_for_kor: "yes",
      kor_rule: "§2",
      description: "Logo",
    });
    expect(data[1]).toMatchObject({
      counts_for_kor: "no",
      kor_interpretation: "yes",
      customer_country: "DE",
      customer_name: '\'=HYPERLINK("x")',
    });
    expect(data[2]).toMatchObject({ kind: "credit_note", net_eur: "-0.05", vat_eur: "-0.01", net_cents: "-5" });
  });

  it("applies the list's filters: counted, search, deleted", async () => {
    const counted = parse(
      await exportInvoicesCsv({ caller: { userId: member.id }, businessId: business.id, query: { year: "2026", counted: "no" } }),
    ).data;
    expect(counted.map((row) => row.number)).toEqual(["2026-002"]);
    const searched = parse(
      await exportInvoicesCsv({ caller: { userId: member.id }, businessId: business.id, query: { year: "2026", q: "jans" } }),
    ).data;
    expect(searched.map((row) => row.number).sort()).toEqual(["2026-001", "2026-004"]);
    const deleted = parse(
      await exportInvoicesCsv({ caller: { userId: member.id }, businessId: business.id, query: { year: "2026", deleted: "only" } }),
    ).data;
    expect(deleted.map((row) => row.number)).toEqual(["2026-003"]);
    expect(deleted[0]!.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("names a bad filter instead of exporting everything", async () => {
    await expect(
      exportInvoicesCsv({ caller: { userId: member.id }, businessId: business.id, query: { counted: "maybe" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { counted: "validation.counted" },
    });
  });
});
