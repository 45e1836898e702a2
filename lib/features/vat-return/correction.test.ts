import { describe, expect, it } from "vitest";
import { computeVatReturn, type SaleDocument } from "./compute-vat-return";
import { correctionOf, snapshotOf } from "./correction";
import { parsePeriodLabel } from "./periods";

const period = parsePeriodLabel("2026-Q4")!;
const sale = (id: string, net: number, vat: number): SaleDocument => ({
  id,
  number: id,
  date: "2026-11-01",
  category: "NL_STANDARD",
  netCents: net,
  vatCents: vat,
});
const compute = (sales: SaleDocument[]) => computeVatReturn({ period, korIntervals: [], sales, purchases: [] });

describe("suppletie (correction of a filed return)", () => {
  const filed = snapshotOf(compute([sale("A", 1_000_00, 210_00), sale("B", 500_00, 105_00)]));

  it("is not needed while nothing changed", () => {
    const correction = correctionOf(compute([sale("A", 1_000_00, 210_00), sale("B", 500_00, 105_00)]), filed);
    expect(correction.needed).toBe(false);
    expect(correction.rubrieken.find((r) => r.code === "1a")).toMatchObject({ turnoverEuros: 0, vatEuros: 0, changes: [] });
  });

  it("is current minus filed per rubriek, with the documents that changed", () => {
    const correction = correctionOf(compute([sale("A", 1_200_00, 252_00), sale("C", 100_00, 21_00)]), filed);
    expect(correction.needed).toBe(true);
    const r1a = correction.rubrieken.find((r) => r.code === "1a")!;
    expect([r1a.turnoverEuros, r1a.vatEuros]).toEqual([1_300 - 1_500, 273 - 315]);
    expect(r1a.changes.map((c) => [c.change, c.now?.id ?? c.filed?.id])).toEqual([
      ["changed", "A"],
      ["added", "C"],
      ["removed", "B"],
    ]);
    expect(correction.rubrieken.find((r) => r.code === "5g")!.vatEuros).toBe(-42);
    expect(correction.rubrieken.find((r) => r.code === "1e")).toMatchObject({ turnoverEuros: 0, vatEuros: null });
  });
});
