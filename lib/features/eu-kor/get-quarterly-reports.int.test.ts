// The EU-KOR quarterly report figures against the real database: refused for an outsider
// (NOT_FOUND), the owner's invoices in three member states summed per quarter and state,
// and the CSV through the one writer with every state of every quarter.
import { beforeEach, describe, expect, it } from "vitest";
import { createInvoice } from "@/lib/features/invoices/create-invoice";
import type { BusinessDto } from "@/lib/features/businesses/business-dto";
import { createOwnedBusiness, createUser } from "@/test/integration/factories";
import { exportQuarterlyReports, getQuarterlyReports } from "./get-quarterly-reports";

let owner: { id: string };
let outsider: { id: string };
let business: BusinessDto;

beforeEach(async () => {
  owner = await createUser("eukor-owner");
  outsider = await createUser("eukor-outsider");
  business = await createOwnedBusiness(owner.id, "EU Handel");
  const caller = { userId: owner.id };
  const add = (number: string, date: string, netCents: number, category: string, country?: string) =>
    createInvoice({
      caller,
      businessId: business.id,
      input: { number, date, customer: { name: `Klant ${number}` }, category, netCents, ...(country ? { country } : {}) },
    });
  await add("1", "2025-01-10", 120_000, "NL_STANDARD");
  await add("2", "2025-02-10", 45_000, "EU_LOCAL", "DE");
  await add("3", "2025-05-10", 30_000, "EU_LOCAL", "FR");
  await add("4", "2025-06-10", 5_000, "EU_LOCAL", "DE");
});

describe("getQuarterlyReports", () => {
  it("refuses an outsider with NOT_FOUND", async () => {
    await expect(getQuarterlyReports({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(exportQuarterlyReports({ caller: { userId: outsider.id }, businessId: business.id, year: 2025 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("sums the owner's supplies per quarter and member state, and writes every state of every quarter as CSV", async () => {
    const reports = await getQuarterlyReports({ caller: { userId: owner.id }, businessId: business.id, year: 2025 });
    const nonZero = reports.quarters.map((q) =>
      Object.fromEntries(q.lines.filter((l) => l.netCents !== 0).map((l) => [l.state, l.netCents])),
    );
    expect(nonZero).toEqual([{ NL: 120_000, DE: 45_000 }, { FR: 30_000, DE: 5_000 }, {}, {}]);
    const csv = (await exportQuarterlyReports({ caller: { userId: owner.id }, businessId: business.id, year: 2025 })).trim().split(/\r?\n/);
    expect(csv[0]).toBe("quarter,due_date,member_state,net_cents,net_eur,rule");
    expect(csv).toHaveLength(1 + 4 * 27);
    expect(csv).toContain("2025-Q1,2025-04-30,DE,45000,450.00,§4");
    expect(csv).toContain("2025-Q4,2026-01-31,NL,0,0.00,§4");
  });
});
