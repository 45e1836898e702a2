// The golden vectors of the domain team (test/fixtures/kor-vectors, copied unchanged) and
// our own cases written from docs/domain/KOR-RULES.md (own-cases/), each run through `evaluate` with
// the contract's containment matching.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { parseEngineInput } from "./schema";
import { loadVectors, OWN_CASE_DIR, VECTOR_DIR } from "./test-helpers";
import { matchExpectation } from "./vector-match";

const golden = loadVectors(VECTOR_DIR);
const own = loadVectors(OWN_CASE_DIR);

describe("golden vectors through evaluate", () => {
  it("has all 32 golden vectors", () => {
    expect(golden).toHaveLength(32);
  });

  it.each(golden.map((v) => [v.vector.id, v] as const))("%s", (_id, { vector }) => {
    const parsed = parseEngineInput(vector.input);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    expect(matchExpectation(vector.expect, evaluate(parsed.input))).toEqual([]);
  });
});

describe("own cases through evaluate", () => {
  it("has own cases", () => {
    expect(own.length).toBeGreaterThanOrEqual(15);
  });

  it.each(own.map((v) => [v.vector.id, v] as const))("%s", (_id, { vector }) => {
    const parsed = parseEngineInput(vector.input);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    expect(matchExpectation(vector.expect, evaluate(parsed.input))).toEqual([]);
  });
});

describe("containment matching", () => {
  it("fails on a different number, a missing key, a longer array and a missing alert code", () => {
    const actual = { a: 1, list: [1, 2], alerts: [{ code: "X" }] };
    expect(matchExpectation({ a: 2 }, actual)).toHaveLength(1);
    expect(matchExpectation({ b: 1 }, actual)).toHaveLength(1);
    expect(matchExpectation({ list: [1] }, actual)).toHaveLength(1);
    expect(matchExpectation({ alertCodesInclude: ["Y"] }, actual)).toHaveLength(1);
    expect(matchExpectation({ a: 1, list: [1, 2], alertCodesInclude: ["X"] }, actual)).toEqual([]);
  });

  it("treats null as a value, not a wildcard", () => {
    expect(matchExpectation({ r: null }, { r: { x: 1 } })).toHaveLength(1);
    expect(matchExpectation({ r: null }, { r: null })).toEqual([]);
  });
});
