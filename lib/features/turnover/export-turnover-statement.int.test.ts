import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import { exportTurnoverStatement } from "@/lib/features/turnover/export-turnover-statement";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";

let owner: { id: string };
let outsider: { id: string };
let businessId: string;
const add = (number: string, date: string, netCents: number, extra: Record<string, unknown> = {}) =>
  createInvoice({
    caller: { userId: owner.id },
    businessId,
    input: { number, date, customer: { name: "Klant" }, category: "NL_STANDARD", netCents, ...extra },
  });

beforeEach(async () => {
  owner = await createUser("statement");
  outsider = await createUser("outsider");
  businessId = (await createOwnedBusiness(owner.id, "Overzicht BV")).id;
});

describe("exportTurnoverStatement", () => {
  it("refuses an outsider", async () => {
    await expect(
      exportTurnoverStatement({ caller: { userId: outsider.id }, businessId, year: 2025, language: "nl" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the year per category and per month with the rules, and the crossing", async () => {
    await add("S-1", "2025-01-10", 1500000);
    await add("S-2", "2025-03-05", 300000, { category: "NL_REDUCED" });
    await add("S-3", "2025-03-20", 250000, { category: "EU_B2B_SERVICES", country: "DE" });
    await add("S-4", "2025-11-04", 250000);
    await add("S-5", "2025-12-01", 40000, { category: "PRIVATE_USE" });
    const csv = await exportTurnoverStatement({ caller: { userId: owner.id }, businessId, year: "2025", language: "nl" });
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    const categories = rows
      .filter((row) => row.section === "category")
      .map((row) => [row.key, row.counts_for_kor, row.net_cents, row.rule]);
    expect(categories).toEqual([
      ["NL_REDUCED", "yes", "300000", expect.stringMatching(/^§2/)],
      ["NL_STANDARD", "yes", "1750000", expect.stringMatching(/^§2/)],
      ["EU_B2B_SERVICES", "no", "250000", expect.stringMatching(/^§2/)],
      ["PRIVATE_USE", "no", "40000", expect.stringMatching(/^§2/)],
    ]);
    const months = rows.filter((row) => row.section === "month");
    expect(months).toHaveLength(12);
    expect(months[2]).toMatchObject({ key: "2025-03", net_cents: "300000", cumulative_counted_eur: "18000.00", label: "maart 2025" });
    expect(months[11]).toMatchObject({ key: "2025-12", net_cents: "0", cumulative_counted_eur: "20500.00" });
    const total = rows.find((row) => row.section === "total")!;
    expect(total).toMatchObject({ net_cents: "2050000", explanation: "Grens van € 20000.00 overschreden op 2025-11-04" });
  });

  it("refuses a bad year", async () => {
    await expect(
      exportTurnoverStatement({ caller: { userId: owner.id }, businessId, year: "twintig", language: "en" }),
    ).rejects.toMatchObject({ fields: { year: "validation.year" } });
  });
});
