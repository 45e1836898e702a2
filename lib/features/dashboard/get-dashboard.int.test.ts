// getDashboard against the real database, paired: refused for an outsider (not found,
// also for an id that does not exist), allowed for the owner with invoice numbers and
// figures that agree with getTurnover (the API's turnover endpoint).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { deleteInvoice } from "@/lib/features/invoices/delete-invoice";
import { getTurnover } from "@/lib/features/turnover/get-turnover";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { exportRemediation } from "./export-remediation";
import { getDashboard, parseYearParam } from "./get-dashboard";

let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;
const invoice = (number: string, date: string, netCents: number) => ({
  number,
  date,
  customer: { name: `Klant ${number}` },
  category: "NL_STANDARD",
  netCents,
});

beforeEach(async () => {
  owner = await createUser("owner");
  outsider = await createUser("outsider");
  business = await createOwnedBusiness(owner.id, "Dashboard BV");
});

describe("getDashboard", () => {
  it("refuses an outsider, and an unknown or malformed id, with NOT_FOUND", async () => {
    await expect(getDashboard({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      getDashboard({ caller: { userId: owner.id }, businessId: "00000000-0000-4000-8000-000000000000", year: 2025 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard({ caller: { userId: owner.id }, businessId: "not-a-uuid", year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives the owner the year's figures, names invoices by number and leaves deleted ones out", async () => {
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("2024-009", "2024-06-01", 1_200_000) });
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 1_500_000) });
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-01", 600_000) });
    const deleted = await createInvoice({ caller, businessId: business.id, input: invoice("2025-003", "2025-04-01", 900_000) });
    await deleteInvoice({ caller, businessId: business.id, invoiceId: deleted.id });

    const [dashboard, turnover] = await Promise.all([
      getDashboard({ caller, businessId: business.id, year: 2025 }),
      getTurnover({ caller, businessId: business.id, year: 2025 }),
    ]);
    expect(dashboard.asOf).toBe("2025-12-31");
    expect(dashboard.progress.countedCents).toBe(turnover.korTurnoverCents);
    expect(dashboard.progress.countedCents).toBe(2_100_000);
    // The factory's business takes part in the KOR from 1 January 2025.
    expect(dashboard.progress.status).toBe("crossed");
    expect(dashboard.why.kor.counted.rows.map((row) => row.invoice.number)).toEqual(["2025-001", "2025-002"]);
    expect(dashboard.crossing?.invoice.number).toBe("2025-002");
    expect(dashboard.crossing?.whileParticipating).toBe(true);
    expect(dashboard.remediation?.lines.map((line) => line.invoice.number)).toEqual(["2025-002"]);
    expect(dashboard.actions[0]).toMatchObject({ kind: "leaveNow", deadline: "2025-03-01", params: { invoice: "2025-002" } });
    expect(dashboard.cumulative.previousYearTotalCents).toBe(1_200_000);
    expect(dashboard.years).toEqual(expect.arrayContaining([2025, 2024]));
  });
});

describe("getDashboard's reuse of unchanged books", () => {
  it("answers a repeat from the cache, and never after any change of the books: an invoice added, edited or deleted, or the KOR period changed", async () => {
    const caller = { userId: owner.id };
    const first = await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 1_000_000) });
    const before = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(await getDashboard({ caller, businessId: business.id, year: 2025 })).toBe(before);
    // The outsider is refused even while a cached dashboard exists.
    await expect(getDashboard({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-01", 500_000) });
    const added = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(added.progress.countedCents).toBe(1_500_000);

    await db().invoice.update({ where: { id: first.id }, data: { customerName: "Nieuwe naam" } });
    const renamed = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(renamed.why.kor.counted.rows.map((row) => row.invoice.customerName)).toEqual(["Nieuwe naam", "Klant 2025-002"]);

    await deleteInvoice({ caller, businessId: business.id, invoiceId: first.id });
    expect((await getDashboard({ caller, businessId: business.id, year: 2025 })).progress.countedCents).toBe(500_000);

    await db().korParticipation.deleteMany({ where: { businessId: business.id } });
    expect((await getDashboard({ caller, businessId: business.id, year: 2025 })).progress.status).toBe("notInKor");
  });
});

describe("exportRemediation (the CSV behind the remediation table)", () => {
  it("lists every invoice sent without VAT after the crossing with both remedies and a total; an outsider gets NOT_FOUND", async () => {
    const caller = { userId: owner.id };
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-001", "2025-02-01", 1_950_000) });
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-002", "2025-03-01", 100_000) });
    await createInvoice({ caller, businessId: business.id, input: invoice("2025-003", "2025-04-01", 50_000) });
    await expect(exportRemediation({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(exportRemediation({ caller, businessId: business.id, year: Number.NaN })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });

    const csv = await exportRemediation({ caller, businessId: business.id, year: 2025 });
    // 21% on top: €210 and €105; absorbed out of the price: €173.55 and €86.78.
    expect(csv.split("\r\n")).toEqual([
      "invoice,date,customer,net_cents,net_eur,rate_percent,reinvoice_vat_eur,absorbed_vat_eur,rule",
      "2025-002,2025-03-01,Klant 2025-002,100000,1000.00,21,210.00,173.55,§3.3",
      "2025-003,2025-04-01,Klant 2025-003,50000,500.00,21,105.00,86.78,§3.3",
      "total,,,150000,1500.00,,315.00,260.33,§3.3",
    ]);
  });
});

describe("getDashboard for an EU-KOR user", () => {
  it("after a Union-turnover crossing in a selected past year, the alerts panel asks for the 15-working-day notification", async () => {
    const caller = { userId: owner.id };
    await db().business.update({ where: { id: business.id }, data: { euKorEnabled: true, euKorMemberStates: ["DE"] } });
    await createInvoice({
      caller,
      businessId: business.id,
      input: {
        ...invoice("EU-001", "2025-01-10", 6_000_000),
        category: "EU_B2B_SERVICES",
        country: "BE",
        customer: { name: "Bruxelles SA", country: "BE", type: "business" },
      },
    });
    await createInvoice({ caller, businessId: business.id, input: invoice("EU-002", "2025-02-10", 3_900_000) });
    await createInvoice({
      caller,
      businessId: business.id,
      input: {
        ...invoice("EU-003", "2025-03-03", 200_000),
        category: "EU_B2C_FOREIGN_VAT",
        country: "DE",
        customer: { name: "Herr Schmidt", country: "DE", type: "consumer" },
      },
    });

    const dashboard = await getDashboard({ caller, businessId: business.id, year: 2025 });
    expect(dashboard.eu?.crossing).toMatchObject({ date: "2025-03-03", invoice: { number: "EU-003" } });
    const notify = dashboard.actions.find((action) => action.kind === "euNotify");
    // Monday 3 March 2025 + 15 working days = Monday 24 March 2025 (§4).
    expect(notify).toMatchObject({
      level: "critical",
      deadline: "2025-03-24",
      params: { days: 15, invoice: "EU-003", date: "2025-03-03" },
    });
  });
});

describe("parseYearParam", () => {
  it("takes a whole year in range, else the current year", () => {
    expect(parseYearParam("2025", "2026-11-23")).toBe(2025);
    expect(parseYearParam(["2024", "2023"], "2026-11-23")).toBe(2024);
    expect(parseYearParam("20x5", "2026-11-23")).toBe(2026);
    expect(parseYearParam("1999", "2026-11-23")).toBe(2026);
    expect(parseYearParam(undefined, "2026-11-23")).toBe(2026);
  });
});
