// The words a person reads: one form of address in Dutch ("je", never "u"/"uw"), dates
// in words ("20 november 2026"), never ISO, which belongs in files and the API. Scans the
// message files, the engine's category and rule texts, and every text the engine writes
// (alerts, deadlines, eligibility, explanations) for the golden vectors and own cases.
import { describe, expect, it } from "vitest";
import en from "@/lib/platform/i18n/messages/en/index";
import nl from "@/lib/platform/i18n/messages/nl/index";
import { CATEGORY_LIST, evaluate, RULE_CATALOG, parseEngineInput } from "@/lib/kor";
import { loadVectors, OWN_CASE_DIR, VECTOR_DIR } from "@/lib/kor/test-helpers";

/** "u" or "uw" as a word of its own (not "uur", "nu", "u's", "U-bocht"). */
const FORMAL_ADDRESS = /(^|[^\p{L}\p{N}'’-])(u|uw|U|Uw|UW)(?=$|[^\p{L}\p{N}'’-])/u;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/** Keys whose text describes a file format, where an ISO date is the point. */
// Hints about the format of a file's cells, where the ISO form is what to write.
const ISO_ALLOWED = new Set(["importCsv.fileHint", "validation.deletedAt"]);

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Every Dutch and English text in an engine output, with where it was found. */
function engineTexts(value: unknown, path: string, out: { nl: [string, string][]; en: [string, string][] }): void {
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record.nl === "string" && typeof record.en === "string") {
    out.nl.push([path, record.nl]);
    out.en.push([path, record.en]);
    return;
  }
  for (const [key, child] of Object.entries(record)) engineTexts(child, `${path}.${key}`, out);
}

const offending = (texts: [string, string][], pattern: RegExp, allowed: Set<string> = new Set()) =>
  texts.filter(([key, text]) => !allowed.has(key) && pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

describe("the Dutch messages", () => {
  it("address the reader as je, never u or uw", () => {
    expect(offending(leaves(nl), FORMAL_ADDRESS)).toEqual([]);
  });

  it("show no ISO dates to a person (Dutch and English)", () => {
    expect(offending(leaves(nl), ISO_DATE, ISO_ALLOWED)).toEqual([]);
    expect(offending(leaves(en), ISO_DATE, ISO_ALLOWED)).toEqual([]);
  });

  it("finds the forms it looks for (the scan itself can fail)", () => {
    expect(FORMAL_ADDRESS.test("Meld u direct af")).toBe(true);
    expect(FORMAL_ADDRESS.test("Uw omzet")).toBe(true);
    expect(FORMAL_ADDRESS.test("uiterlijk nu, per uur")).toBe(false);
    expect(ISO_DATE.test("uiterlijk 2025-01-31")).toBe(true);
    expect(ISO_DATE.test("factuur 2026-007")).toBe(false);
  });
});

describe("the engine's texts", () => {
  it("category and rule texts address the reader as je", () => {
    const texts: [string, string][] = [
      ...CATEGORY_LIST.flatMap((c) => leaves(c, c.code).filter(([key]) => key.endsWith(".nl"))),
      ...Object.entries(RULE_CATALOG).map(([id, meta]) => [id, meta.title.nl] as [string, string]),
    ];
    expect(texts.length).toBeGreaterThan(20);
    expect(offending(texts, FORMAL_ADDRESS)).toEqual([]);
  });

  it("alerts, deadlines and explanations say je and give dates in words", () => {
    const out = { nl: [] as [string, string][], en: [] as [string, string][] };
    for (const { vector } of [...loadVectors(VECTOR_DIR), ...loadVectors(OWN_CASE_DIR)]) {
      const parsed = parseEngineInput(vector.input);
      if (!parsed.ok) continue;
      engineTexts(evaluate(parsed.input), vector.id, out);
    }
    // The vectors raise crossings, approaches and deadlines, so the scan has texts to read.
    expect(out.nl.filter(([key]) => key.includes(".alerts.")).length).toBeGreaterThan(20);
    expect(out.nl.filter(([key]) => key.includes(".deadlines.")).length).toBeGreaterThan(20);
    expect(offending(out.nl, FORMAL_ADDRESS)).toEqual([]);
    expect(offending(out.nl, ISO_DATE)).toEqual([]);
    expect(offending(out.en, ISO_DATE)).toEqual([]);
  });
});
