// Invalid input: each kind of malformed input gets a message that names the field.

import { describe, expect, it } from "vitest";
import { formatPath, parseEngineInput, parseEngineInputJson, type InputIssue } from "./schema";
import { loadVectors, OWN_CASE_DIR, VECTOR_DIR } from "./test-helpers";

const base = () => ({
  asOf: "2026-06-01",
  business: { establishedIn: "NL", filingPeriod: "quarter", korParticipations: [{ from: "2024-01-01" }] },
  transactions: [
    { id: "t0", date: "2026-01-10", netCents: 1000, category: "NL_STANDARD" },
    { id: "t1", date: "2026-01-11", netCents: 1000, category: "NL_STANDARD" },
    { id: "t2", date: "2026-01-12", netCents: 1000, category: "NL_STANDARD" },
    { id: "t3", date: "2026-01-13", netCents: 1000, category: "NL_STANDARD" },
  ] as Record<string, unknown>[],
  queries: [] as Record<string, unknown>[],
});

function issuesOf(value: unknown): InputIssue[] {
  const result = parseEngineInput(value);
  if (result.ok) throw new Error("expected the input to be rejected");
  return result.issues;
}

function expectIssue(value: unknown, path: string, message: RegExp): void {
  const issues = issuesOf(value);
  expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  expect(issues.some((i) => i.path === path)).toBe(true);
}

describe("parseEngineInput accepts", () => {
  it("every golden vector and own case", () => {
    for (const { vector } of [...loadVectors(VECTOR_DIR), ...loadVectors(OWN_CASE_DIR)]) {
      const result = parseEngineInput(vector.input);
      expect(result.ok ? [] : result.issues, vector.id).toEqual([]);
    }
  });

  it("negative amounts (credit notes), a 29 February in a leap year, and ancillary on any category", () => {
    const input = base();
    input.transactions[0] = { id: "c", date: "2024-02-29", netCents: -500, vatCents: -105, category: "NL_STANDARD" };
    input.transactions[1] = { id: "x", date: "2026-01-11", netCents: 100, category: "NL_STANDARD", ancillary: true };
    expect(parseEngineInput(input).ok).toBe(true);
  });
});

describe("parseEngineInput names the field", () => {
  it("impossible date", () => {
    const input = base();
    input.transactions[3]!.date = "2026-02-30";
    expectIssue(input, "transactions[3].date", /^transactions\[3\]\.date: expected YYYY-MM-DD: 2026-02-30 is not a calendar date$/);
  });

  it("29 February outside a leap year, month 13, day 00", () => {
    for (const date of ["2025-02-29", "2026-13-01", "2026-01-00"]) {
      const input = base();
      input.transactions[1]!.date = date;
      expectIssue(input, "transactions[1].date", /^transactions\[1\]\.date: expected YYYY-MM-DD/);
    }
  });

  it("date in the wrong format or of the wrong type", () => {
    for (const date of ["2026-1-5", "05-01-2026", "2026-01-05T00:00:00Z", 20260105]) {
      const input = base();
      input.transactions[2]!.date = date;
      expectIssue(input, "transactions[2].date", /^transactions\[2\]\.date: expected YYYY-MM-DD/);
    }
  });

  it("missing date", () => {
    const input = base();
    delete input.transactions[0]!.date;
    expectIssue(input, "transactions[0].date", /^transactions\[0\]\.date: required/);
  });

  it("unknown category", () => {
    const input = base();
    input.transactions[2]!.category = "NL_LUXURY";
    expectIssue(input, "transactions[2].category", /^transactions\[2\]\.category: unknown category "NL_LUXURY"/);
  });

  it("missing country where the category requires one", () => {
    for (const category of ["EU_B2C_FOREIGN_VAT", "EU_B2B_SERVICES", "EU_LOCAL"]) {
      const input = base();
      input.transactions[1]!.category = category;
      expectIssue(input, "transactions[1].country", new RegExp(`^transactions\\[1\\]\\.country: required for category ${category}$`));
    }
  });

  it("a country outside the EU for an EU category", () => {
    const input = base();
    input.transactions[1] = { ...input.transactions[1], category: "EU_LOCAL", country: "CH" };
    expectIssue(input, "transactions[1].country", /^transactions\[1\]\.country: expected an EU member state code/);
  });

  it("non-integer amounts", () => {
    const cases: [string, unknown][] = [
      ["netCents", 10.5],
      ["netCents", "1000"],
      ["vatCents", 0.1],
      ["netCents", null],
    ];
    for (const [field, value] of cases) {
      const input = base();
      input.transactions[3]![field] = value;
      expectIssue(input, `transactions[3].${field}`, new RegExp(`^transactions\\[3\\]\\.${field}: expected an integer number of cents$`));
    }
  });

  it("missing amount", () => {
    const input = base();
    delete input.transactions[2]!.netCents;
    expectIssue(input, "transactions[2].netCents", /^transactions\[2\]\.netCents: required/);
  });

  it("duplicate transaction ids", () => {
    const input = base();
    input.transactions[3]!.id = "t1";
    expectIssue(input, "transactions[3].id", /duplicate id "t1" \(also transactions\[1\]\)/);
  });

  it("asOf and business fields", () => {
    expectIssue({ ...base(), asOf: "tomorrow" }, "asOf", /^asOf: expected YYYY-MM-DD/);
    const { asOf: _asOf, ...noAsOf } = base();
    expectIssue(noAsOf, "asOf", /^asOf: required/);
    expectIssue({ ...base(), business: { establishedIn: "Netherlands" } }, "business.establishedIn", /ISO 3166/);
    expectIssue({ ...base(), business: { establishedIn: "NL", filingPeriod: "year" } }, "business.filingPeriod", /"quarter" or "month"/);
    expectIssue(
      { ...base(), business: { establishedIn: "NL", euKor: { memberStates: ["DE", "XX"] } } },
      "business.euKor.memberStates[1]",
      /expected an EU member state code/,
    );
  });

  it("participation periods: to before from, overlapping periods", () => {
    expectIssue(
      { ...base(), business: { establishedIn: "NL", korParticipations: [{ from: "2025-05-01", to: "2025-04-30" }] } },
      "business.korParticipations[0].to",
      /before from/,
    );
    expectIssue(
      { ...base(), business: { establishedIn: "NL", korParticipations: [{ from: "2024-01-01" }, { from: "2025-01-01" }] } },
      "business.korParticipations[1].from",
      /overlaps korParticipations\[0\]/,
    );
  });

  it("queries: unknown type, bad quarter, share out of range", () => {
    const input = base();
    input.queries = [
      { id: "a", type: "nextHoliday" },
      { id: "b", type: "euKorReportDue", quarter: "2026-Q5" },
      {
        id: "c",
        type: "revision",
        vatCents: 100,
        firstUseYear: 2025,
        kind: "movable",
        event: "join",
        eventYear: 2026,
        deductibleBefore: 1.5,
        deductibleAfter: 0,
      },
    ];
    const issues = issuesOf(input).map((i) => `${i.path}: ${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^queries\[0\]\.type: unknown query type "nextHoliday"/),
        expect.stringMatching(/^queries\[1\]\.quarter: expected a quarter like 2026-Q1/),
        expect.stringMatching(/^queries\[2\]\.deductibleBefore: expected a share between 0 and 1/),
      ]),
    );
  });

  it("returns every problem at once", () => {
    const input = base();
    input.transactions[0]!.date = "2026-02-30";
    input.transactions[2]!.category = "X";
    input.transactions[3]!.netCents = 1.5;
    const paths = issuesOf(input).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["transactions[0].date", "transactions[2].category", "transactions[3].netCents"]));
  });
});

describe("parseEngineInputJson", () => {
  it("reports malformed JSON on the path `input`", () => {
    const result = parseEngineInputJson('{"asOf": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toBe("input");
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/^malformed JSON/);
  });

  it("uses a vector's input", () => {
    const vector = { id: "v", description: "", source: "", input: base(), expect: {} };
    expect(parseEngineInputJson(JSON.stringify(vector)).ok).toBe(true);
  });

  it("reports the paths of a vector's input relative to the input", () => {
    const input = base();
    input.transactions[1]!.date = "2026-02-31";
    const result = parseEngineInputJson(JSON.stringify({ id: "v", input, expect: {} }));
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["transactions[1].date"]);
  });
});

describe("formatPath", () => {
  it("writes indexes in brackets", () => {
    expect(formatPath(["transactions", 3, "date"])).toBe("transactions[3].date");
    expect(formatPath(["business", "korParticipations", 0, "to"])).toBe("business.korParticipations[0].to");
    expect(formatPath([])).toBe("input");
  });
});
