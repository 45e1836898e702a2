// The figures of a VAT return as filed (the snapshot kept with the filing mark) and the
// correction (suppletie) when the books of a filed period changed afterwards: per rubriek
// the current figure minus the filed one, in whole euros as the form takes them, and the
// documents that were added, removed or changed since. Pure.
import { RUBRIEK_CODES, type DocumentLine, type RubriekCode, type VatReturn } from "./compute-vat-return";

export type FiledRubriek = {
  turnoverEuros: number | null;
  vatEuros: number | null;
  turnoverCents: number | null;
  vatCents: number | null;
  documents: DocumentLine[];
};
export type FiledFigures = { version: 1; period: string; rubrieken: Record<RubriekCode, FiledRubriek> };

export function snapshotOf(vatReturn: VatReturn): FiledFigures {
  const rubrieken = Object.fromEntries(
    vatReturn.rubrieken.map((r) => [
      r.code,
      {
        turnoverEuros: r.turnoverEuros,
        vatEuros: r.vatEuros,
        turnoverCents: r.turnoverCents,
        vatCents: r.vatCents,
        documents: r.documents,
      },
    ]),
  ) as Record<RubriekCode, FiledRubriek>;
  return { version: 1, period: vatReturn.period.label, rubrieken };
}

export type DocumentChange = { change: "added" | "removed" | "changed"; now: DocumentLine | null; filed: DocumentLine | null };

export type RubriekCorrection = {
  code: RubriekCode;
  /** Current minus filed, whole euros; null where the form has no such column. */
  turnoverEuros: number | null;
  vatEuros: number | null;
  changes: DocumentChange[];
};

export type Correction = {
  /** Whether anything differs from what was filed. */
  needed: boolean;
  rubrieken: RubriekCorrection[];
};

const diff = (now: number | null, filed: number | null | undefined) => (now === null ? null : now - (filed ?? 0));
const same = (a: DocumentLine, b: DocumentLine) =>
  a.turnoverCents === b.turnoverCents && a.vatCents === b.vatCents && a.date === b.date && a.label === b.label;

function documentChanges(now: DocumentLine[], filed: DocumentLine[]): DocumentChange[] {
  const key = (line: DocumentLine) => `${line.type}:${line.id}`;
  const filedByKey = new Map(filed.map((line) => [key(line), line]));
  const nowKeys = new Set(now.map(key));
  const changes: DocumentChange[] = [];
  for (const line of now) {
    const before = filedByKey.get(key(line));
    if (!before) changes.push({ change: "added", now: line, filed: null });
    else if (!same(line, before)) changes.push({ change: "changed", now: line, filed: before });
  }
  for (const line of filed) if (!nowKeys.has(key(line))) changes.push({ change: "removed", now: null, filed: line });
  return changes;
}

export function correctionOf(current: VatReturn, filed: FiledFigures): Correction {
  const rubrieken = RUBRIEK_CODES.map((code): RubriekCorrection => {
    const now = current.rubrieken.find((r) => r.code === code)!;
    const then = filed.rubrieken[code];
    return {
      code,
      turnoverEuros: diff(now.turnoverEuros, then?.turnoverEuros),
      vatEuros: diff(now.vatEuros, then?.vatEuros),
      // 5a–5g add up the others; their documents repeat 1a–4b and 5b, so only those list changes.
      changes: code.startsWith("5") && code !== "5b" ? [] : documentChanges(now.documents, then?.documents ?? []),
    };
  });
  const needed = rubrieken.some((r) => (r.turnoverEuros ?? 0) !== 0 || (r.vatEuros ?? 0) !== 0 || r.changes.length > 0);
  return { needed, rubrieken };
}
