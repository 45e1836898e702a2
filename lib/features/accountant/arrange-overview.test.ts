import { describe, expect, it } from "vitest";
import type { ClientRow } from "./accountant.types";
import { arrangeRows, compareRisk, matchesSearch, paginate, sortRows, summarise } from "./arrange-overview";

function row(name: string, fields: Partial<ClientRow> = {}): ClientRow {
  return {
    businessId: `id-${name}`,
    name,
    kvkNumber: null,
    access: "READ_ONLY",
    countedCents: 0,
    limitCents: 2_000_000,
    percent: 0,
    status: "safe",
    crossingDate: null,
    union: null,
    nextDeadline: null,
    deadlinesThisWeek: 0,
    lastInvoiceDate: null,
    openAlerts: 0,
    ...fields,
  };
}

const rows = [
  row("Safe Low", { percent: 10, countedCents: 200_000 }),
  row("Outside", { status: "notInKor", percent: 150, countedCents: 3_000_000 }),
  row("Crossed Late", { status: "crossed", crossingDate: "2026-09-01", percent: 102 }),
  row("Projected Soon", { status: "projected", crossingDate: "2026-11-01", percent: 90 }),
  row("Projected Later", { status: "projected", crossingDate: "2026-12-10", percent: 95 }),
  row("Crossed Early", { status: "crossed", crossingDate: "2026-03-01", percent: 140 }),
  row("Approaching", { status: "approaching", percent: 85, kvkNumber: "12345678" }),
  row("Safe High", { percent: 60 }),
];
const names = (list: ClientRow[]) => list.map((r) => r.name);

describe("risk order", () => {
  it("puts crossed first (earliest first), then projected by date, approaching, safe by share, and outside the KOR last", () => {
    expect(names([...rows].sort(compareRisk))).toEqual([
      "Crossed Early",
      "Crossed Late",
      "Projected Soon",
      "Projected Later",
      "Approaching",
      "Safe High",
      "Safe Low",
      "Outside",
    ]);
  });

  it("reverses with dir=desc", () => {
    expect(names(sortRows(rows, "risk", "desc"))[0]).toBe("Outside");
  });
});

describe("column sort", () => {
  it("keeps clients without a date last in both directions", () => {
    expect(names(sortRows(rows, "crossing", "asc")).slice(0, 4)).toEqual([
      "Crossed Early",
      "Crossed Late",
      "Projected Soon",
      "Projected Later",
    ]);
    expect(names(sortRows(rows, "crossing", "desc")).slice(0, 4)).toEqual([
      "Projected Later",
      "Projected Soon",
      "Crossed Late",
      "Crossed Early",
    ]);
  });

  it("sorts amounts and breaks ties by risk", () => {
    expect(names(sortRows(rows, "counted", "desc")).slice(0, 2)).toEqual(["Outside", "Safe Low"]);
  });
});

describe("filter, search and pages", () => {
  it("filters by status and searches name or KVK number", () => {
    expect(names(arrangeRows(rows, { sort: "risk", dir: "asc", status: "projected", q: "" }))).toEqual([
      "Projected Soon",
      "Projected Later",
    ]);
    expect(matchesSearch(rows[6]!, "1234 5678")).toBe(true);
    expect(matchesSearch(rows[6]!, "approach")).toBe(true);
    expect(matchesSearch(rows[0]!, "approach")).toBe(false);
  });

  it("pages and clamps the page number", () => {
    const many = Array.from({ length: 30 }, (_, i) => i);
    expect(paginate(many, 2, 25)).toEqual({ rows: many.slice(25), page: 2, pageCount: 2 });
    expect(paginate(many, 7, 25).page).toBe(2);
    expect(paginate([], 1, 25)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});

describe("summary", () => {
  it("counts clients per status and per band of the limit", () => {
    const summary = summarise(rows);
    expect(summary.byStatus).toEqual({ crossed: 2, projected: 2, approaching: 1, safe: 2, notInKor: 1 });
    expect(summary.distribution.map((b) => [b.band, b.clients])).toEqual([
      ["0–20%", 1],
      ["20–40%", 0],
      ["40–60%", 0],
      ["60–80%", 1],
      ["80–100%", 3],
      ["≥100%", 3],
    ]);
  });
});
